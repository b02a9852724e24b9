#include "ConnectionGuard.h"

#include "HttpResponse.h"

#include <kocmoc/ApiError.h>

#include <algorithm>
#include <cstring>
#include <limits>
#include <utility>

#include <QLoggingCategory>
#include <QMetaMethod>
#include <QPointer>
#include <QRandomGenerator>
#include <QTcpSocket>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace kocmoc::http {

namespace {

Q_LOGGING_CATEGORY(lcGuard, "kocmoc.http.guard")

// QHttpHeaderParser (qtbase 6.4) drops every header of a block with more fields
// or a longer field than this, after which QtHttpServer would read the body as
// the next request. The guard refuses such blocks so that whenever it lets a
// request through, both parsers agree on where it ends.
constexpr int maxHeaderFields = 100;
constexpr qsizetype maxHeaderFieldBytes = 8 * 1024;

bool isLeadingSpace(char c)
{
    // What QtHttpServer's request-line reader skips before a request.
    return c == '\r' || c == '\n' || c == ' ' || c == '\t' || c == '\v';
}

bool isTokenChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || std::strchr("!#$%&'*+-.^_`|~", c) != nullptr;
}

bool isToken(QByteArrayView text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), [](char c) {
        return c != '\0' && isTokenChar(c);
    });
}

bool isVisible(QByteArrayView text)
{
    return std::all_of(
        text.begin(), text.end(), [](char c) { return uchar(c) > 0x20 && uchar(c) != 0x7f; });
}

bool isFieldValue(QByteArrayView text)
{
    return std::all_of(text.begin(), text.end(),
        [](char c) { return c == '\t' || (uchar(c) >= 0x20 && uchar(c) != 0x7f); });
}

QByteArrayView trimmedValue(QByteArrayView text)
{
    while (!text.isEmpty() && (text.front() == ' ' || text.front() == '\t'))
        text = text.sliced(1);
    while (!text.isEmpty() && (text.back() == ' ' || text.back() == '\t'))
        text.chop(1);
    return text;
}

bool sameName(QByteArrayView a, QByteArrayView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

// Content-Length is 1*DIGIT; anything longer than 18 digits is simply too large.
bool parseLength(QByteArrayView text, qint64 *length)
{
    if (text.isEmpty()
        || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return false;
    if (text.size() > 18) {
        *length = std::numeric_limits<qint64>::max();
        return true;
    }
    *length = text.toLongLong();
    return true;
}

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'g', 4);
}

QByteArray newRequestId()
{
    quint32 words[3];
    QRandomGenerator::system()->fillRange(words);
    return QByteArray(reinterpret_cast<const char *>(words), sizeof words).toHex();
}

const QMetaMethod &readyReadSignal()
{
    static const QMetaMethod signal = QMetaMethod::fromSignal(&QIODevice::readyRead);
    return signal;
}

} // namespace

// The sockets the guard hands out. Two hooks need the socket itself:
// - connectNotify(): QtHttpServer connects its readyRead slot right after
//   nextPendingConnection() returns; connecting the guard's second slot from
//   there puts it directly behind QtHttpServer's, so it can record what
//   QtHttpServer left unread. (A queued call would run after QtHttpServer's
//   connect too, but only as long as the event loop delivers posted events
//   before the socket's first read notification.)
// - disconnectNotify() and the destructor: QtHttpServer's WebSocket upgrade
//   calls socket->disconnect(), which also drops any destroyed() connection,
//   so the bookkeeping is removed from here instead.
class GuardedSocket : public QTcpSocket
{
public:
    explicit GuardedSocket(ConnectionGuard *guard)
        : QTcpSocket(guard)
        , m_guard(guard)
    { }

    ~GuardedSocket() override
    {
        if (m_guard)
            m_guard->forget(this);
    }

    void watch(QMetaObject::Connection before)
    {
        m_before = std::move(before);
        m_watched = true;
        m_awaitingConsumer = true;
    }

    void unhook()
    {
        m_guard = nullptr;
        m_awaitingConsumer = false;
    }

protected:
    void connectNotify(const QMetaMethod &signal) override
    {
        QTcpSocket::connectNotify(signal);
        if (!m_awaitingConsumer || signal != readyReadSignal())
            return;
        m_awaitingConsumer = false; // before connecting: that connect notifies again
        if (m_guard)
            m_guard->hookAfterConsumer(this);
    }

    void disconnectNotify(const QMetaMethod &signal) override
    {
        QTcpSocket::disconnectNotify(signal);
        // Only a disconnect of every signal can remove the guard's slot; a
        // Connection handle reads false once its connection is gone.
        if (signal.isValid() || !m_watched || !m_guard || m_before)
            return;
        const QPointer<ConnectionGuard> guard = m_guard;
        unhook();
        guard->forget(this);
    }

private:
    QPointer<ConnectionGuard> m_guard;
    QMetaObject::Connection m_before;
    bool m_watched = false;
    bool m_awaitingConsumer = false;
};

ConnectionGuard::ConnectionGuard(const Limits &limits, QObject *parent)
    : QTcpServer(parent)
    , m_limits(limits)
{
    m_clock.start();
    // One timer for every connection: a timeout fires up to a quarter late.
    const int shortest = std::min(
        {m_limits.headerTimeoutMs, m_limits.bodyIdleTimeoutMs, m_limits.keepAliveIdleMs});
    m_sweepTimer.setInterval(std::clamp(shortest / 4, 50, 1000));
    connect(&m_sweepTimer, &QTimer::timeout, this, &ConnectionGuard::sweep);
}

ConnectionGuard::~ConnectionGuard()
{
    // Pending sockets die in close() while the bookkeeping still exists; the
    // others are children that QObject deletes after it is gone.
    close();
    for (QTcpSocket *socket : m_connections.keys()) {
        if (auto *guarded = dynamic_cast<GuardedSocket *>(socket))
            guarded->unhook();
    }
    m_connections.clear();
}

void ConnectionGuard::incomingConnection(qintptr socketDescriptor)
{
    auto *socket = new GuardedSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        qCWarning(lcGuard) << "could not take a connection:" << socket->errorString();
        delete socket;
        return;
    }
    // Small writes leave at once: with Nagle's algorithm a realtime frame written right after
    // another waited for the client's delayed ACK, ~40 ms.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    addPendingConnection(socket);
}

QTcpSocket *ConnectionGuard::nextPendingConnection()
{
    QTcpSocket *socket = QTcpServer::nextPendingConnection();
    auto *guarded = dynamic_cast<GuardedSocket *>(socket);
    if (!guarded)
        return socket;
    Connection connection;
    connection.since = now();
    m_connections.insert(socket, connection);
    guarded->watch(
        connect(socket, &QIODevice::readyRead, this, [this, socket] { beforeConsumer(socket); }));
    if (!m_sweepTimer.isActive())
        m_sweepTimer.start();
    return socket;
}

void ConnectionGuard::hookAfterConsumer(QTcpSocket *socket)
{
    connect(socket, &QIODevice::readyRead, this, [this, socket] { afterConsumer(socket); });
}

void ConnectionGuard::requestStarted(QTcpSocket *socket)
{
    const auto it = m_connections.find(socket);
    if (it != m_connections.end())
        ++it->inFlight;
}

void ConnectionGuard::requestFinished(QTcpSocket *socket)
{
    const auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    Connection &connection = *it;
    if (connection.inFlight > 0)
        --connection.inFlight;
    if (connection.inFlight == 0 && connection.phase == Phase::Head && connection.head.isEmpty())
        connection.since = now();
    settle(socket, connection);
}

void ConnectionGuard::release(QTcpSocket *socket)
{
    if (!m_connections.remove(socket))
        return;
    if (auto *guarded = dynamic_cast<GuardedSocket *>(socket))
        guarded->unhook();
    QObject::disconnect(socket, nullptr, this, nullptr);
    if (m_connections.isEmpty())
        m_sweepTimer.stop();
}

void ConnectionGuard::forget(QTcpSocket *socket)
{
    m_connections.remove(socket);
    if (m_connections.isEmpty())
        m_sweepTimer.stop();
}

int ConnectionGuard::connectionCount() const
{
    return int(m_connections.size());
}

// Runs before QtHttpServer's readyRead slot. bytesAvailable() is what QtHttpServer
// has not read yet: what it left unread after its last run (counted then) and
// what arrived since. QtHttpServer keeps a partial request inside a socket
// transaction, so its reads don't free the buffer, but bytesAvailable() and
// peek() both start at the transaction's read position, which keeps them
// consistent with each other.
void ConnectionGuard::beforeConsumer(QTcpSocket *socket)
{
    const auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    Connection &connection = *it;
    const qint64 available = socket->bytesAvailable();
    qint64 fresh = available - (connection.received - connection.consumed);
    if (fresh < 0) {
        // Someone read outside readyRead; the buffer is the truth.
        connection.consumed = connection.received - available;
        fresh = 0;
    }
    if (fresh > 0)
        account(socket, connection, available - fresh, fresh);
    settle(socket, connection);
}

// Runs right after QtHttpServer's readyRead slot, which may have handled a
// request (and had it answered) by then.
void ConnectionGuard::afterConsumer(QTcpSocket *socket)
{
    const auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    it->consumed = it->received - socket->bytesAvailable();
    settle(socket, *it);
}

// Follows the stream through offset .. offset + fresh of the unread bytes.
void ConnectionGuard::account(
    QTcpSocket *socket, Connection &connection, qint64 offset, qint64 fresh)
{
    QByteArray window;
    while (fresh > 0) {
        if (connection.phase == Phase::Body) {
            // Body bytes are only counted, never copied.
            const qint64 take = std::min(fresh, connection.bodyRemaining);
            connection.bodyRemaining -= take;
            connection.received += take;
            offset += take;
            fresh -= take;
            connection.since = now();
            if (connection.bodyRemaining == 0)
                requestComplete(connection);
            continue;
        }
        if (connection.phase != Phase::Head)
            break; // the rest belongs to a refused request
        if (window.isNull())
            window = socket->peek(offset + fresh);
        if (window.size() < offset + fresh)
            break;
        bool complete = false;
        const qint64 used = scanHead(connection, window.constData() + offset, fresh, &complete);
        connection.received += used;
        offset += used;
        fresh -= used;
        if (complete)
            headComplete(connection, fresh > 0);
    }
    connection.received += fresh;
}

// Adds bytes to the header block up to its end; returns how many it used.
qint64 ConnectionGuard::scanHead(
    Connection &connection, const char *data, qint64 size, bool *complete)
{
    qint64 i = 0;
    if (connection.head.isEmpty()) {
        // Leftover line ends between requests don't start a request or its clock.
        while (i < size && isLeadingSpace(data[i]))
            ++i;
        if (i == size)
            return i;
        connection.since = now();
    }
    while (i < size) {
        const auto *newline
            = static_cast<const char *>(std::memchr(data + i, '\n', size_t(size - i)));
        const qint64 end = newline ? newline - data + 1 : size;
        if (connection.head.size() + (end - i) > m_limits.maxHeaderBytes) {
            refuse(connection, Refusal::HeaderBlockTooLarge);
            return i;
        }
        connection.head.append(data + i, end - i);
        i = end;
        // The same block ends QtHttpServer accepts: CRLF CRLF, LF LF, LF CRLF.
        if (newline && (connection.head.endsWith("\n\n") || connection.head.endsWith("\n\r\n"))) {
            *complete = true;
            return i;
        }
    }
    return i;
}

void ConnectionGuard::headComplete(Connection &connection, bool bodyBytesFollow)
{
    const QByteArray block = std::exchange(connection.head, QByteArray());
    const ParsedHead head = parseHead(block);
    if (head.refusal != Refusal::None) {
        refuse(connection, head.refusal);
        connection.bodyLimit = head.bodyLimit;
        return;
    }
    if (head.contentLength == 0) {
        requestComplete(connection);
        return;
    }
    connection.phase = Phase::Body;
    connection.bodyRemaining = head.contentLength;
    connection.since = now();
    // A client that sends its body without waiting needs no 100 (RFC 9110, 10.1.1).
    connection.continuePending = head.wantsContinue && !bodyBytesFollow;
}

void ConnectionGuard::requestComplete(Connection &connection)
{
    connection.phase = Phase::Head;
    connection.requestEnd = connection.received;
    connection.continuePending = false;
    connection.since = now();
}

ConnectionGuard::ParsedHead ConnectionGuard::parseHead(const QByteArray &block) const
{
    ParsedHead head;
    QByteArrayView rest(block);
    // The block ends with its empty line, so every line has its LF.
    const auto nextLine = [&rest] {
        const qsizetype end = rest.indexOf('\n');
        QByteArrayView line = rest.first(end);
        rest = rest.sliced(end + 1);
        if (line.endsWith('\r'))
            line.chop(1);
        return line;
    };
    const auto refusing = [&head](Refusal refusal) {
        head.refusal = refusal;
        return head;
    };

    const QByteArrayView requestLine = nextLine();
    const qsizetype firstSpace = requestLine.indexOf(' ');
    const qsizetype lastSpace = requestLine.lastIndexOf(' ');
    if (firstSpace <= 0 || lastSpace == firstSpace)
        return refusing(Refusal::BadRequestLine);
    const QByteArrayView method = requestLine.first(firstSpace);
    const QByteArrayView target = requestLine.sliced(firstSpace + 1, lastSpace - firstSpace - 1);
    const QByteArrayView version = requestLine.sliced(lastSpace + 1);
    if (!isToken(method) || target.isEmpty() || !isVisible(target))
        return refusing(Refusal::BadRequestLine);
    if (version == "HTTP/1.1")
        head.http11 = true;
    else if (version != "HTTP/1.0")
        return refusing(
            version.startsWith("HTTP/") ? Refusal::BadVersion : Refusal::BadRequestLine);

    int fields = 0;
    bool haveLength = false;
    bool transferEncoding = false;
    bool asksContinue = false;
    bool unknownExpectation = false;
    for (QByteArrayView line = nextLine(); !line.isEmpty(); line = nextLine()) {
        if (line.front() == ' ' || line.front() == '\t')
            return refusing(Refusal::BadHeader); // obsolete line folding (RFC 9112, 5.2)
        if (++fields > maxHeaderFields)
            return refusing(Refusal::TooManyHeaderFields);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.first(colon)))
            return refusing(Refusal::BadHeader);
        const QByteArrayView name = line.first(colon);
        const QByteArrayView rawValue = line.sliced(colon + 1);
        if (line.size() > maxHeaderFieldBytes)
            return refusing(Refusal::HeaderFieldTooLarge);
        if (!isFieldValue(rawValue))
            return refusing(Refusal::BadHeader);
        const QByteArrayView value = trimmedValue(rawValue);
        if (sameName(name, "content-length")) {
            qint64 length = 0;
            if (!parseLength(value, &length) || (haveLength && length != head.contentLength))
                return refusing(Refusal::BadContentLength);
            haveLength = true;
            head.contentLength = length;
        } else if (sameName(name, "transfer-encoding")) {
            transferEncoding = true;
        } else if (sameName(name, "expect")) {
            // An expectation the server cannot meet gets 417 (RFC 9110, 10.1.1)
            // rather than being ignored: the client would take the silence for
            // consent and send a body on a premise nobody checked.
            if (sameName(value, "100-continue"))
                asksContinue = true;
            else
                unknownExpectation = true;
        }
    }

    if (transferEncoding)
        return refusing(Refusal::Chunked);
    head.bodyLimit
        = m_limits.bodyLimit ? m_limits.bodyLimit(method, target) : m_limits.maxBodyBytes;
    if (head.contentLength > head.bodyLimit)
        return refusing(Refusal::BodyTooLarge);
    if (unknownExpectation)
        return refusing(Refusal::UnknownExpectation);
    // No 100 to an HTTP/1.0 client (RFC 9110, 10.1.1), nor for a request without a body.
    head.wantsContinue = asksContinue && head.http11 && head.contentLength > 0;
    return head;
}

void ConnectionGuard::refuse(Connection &connection, Refusal refusal)
{
    if (connection.phase == Phase::Refused || connection.phase == Phase::Lingering)
        return;
    connection.phase = Phase::Refused;
    connection.refusal = refusal;
    connection.since = now();
    connection.head = QByteArray();
    connection.bodyRemaining = 0;
    connection.continuePending = false;
}

// Writes what is owed once the replies to the earlier requests on the connection
// are out: a 100 Continue, or the refusal. "Out" means the consumer has read
// every earlier request (its position reached requestEnd; a synchronous handler
// has answered by then) and no started request is unfinished.
void ConnectionGuard::settle(QTcpSocket *socket, Connection &connection)
{
    switch (connection.phase) {
    case Phase::Head:
        return;
    case Phase::Body:
        if (connection.continuePending && connection.inFlight == 0
            && connection.received - socket->bytesAvailable() >= connection.requestEnd) {
            connection.continuePending = false;
            if (socket->state() == QAbstractSocket::ConnectedState) {
                socket->write(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
                socket->flush();
            }
        }
        return;
    case Phase::Refused:
        // Until the consumer has read the earlier requests, their bytes stay.
        if (connection.received - socket->bytesAvailable() < connection.requestEnd)
            return;
        discardInput(socket, connection);
        if (connection.inFlight == 0)
            answer(socket, connection);
        return;
    case Phase::Lingering:
        discardInput(socket, connection);
        return;
    }
}

void ConnectionGuard::discardInput(QTcpSocket *socket, Connection &connection)
{
    // QtHttpServer's open transaction would keep every skipped byte in memory.
    if (socket->isTransactionStarted())
        socket->commitTransaction();
    const qint64 available = socket->bytesAvailable();
    if (available > 0)
        socket->skip(available);
    connection.consumed = connection.received;
}

// Writes the refusal, then closes the sending direction only: the client reads
// the answer and sees the end of the stream while the guard keeps reading and
// dropping what it still sends. disconnectFromHost() would stop reading instead,
// and closing a socket with unread input makes the kernel send a reset that can
// destroy the answer before the client has read it.
void ConnectionGuard::answer(QTcpSocket *socket, Connection &connection)
{
    ApiError error;
    switch (connection.refusal) {
    case Refusal::HeaderBlockTooLarge:
        error = ApiError{431, QStringLiteral("headers_too_large"),
            QStringLiteral("The request headers are larger than %1 KB.")
                .arg(m_limits.maxHeaderBytes / 1024),
            {}, 0};
        break;
    case Refusal::HeaderFieldTooLarge:
        error = ApiError{431, QStringLiteral("headers_too_large"),
            QStringLiteral("A request header is longer than %1 KB.")
                .arg(maxHeaderFieldBytes / 1024),
            {}, 0};
        break;
    case Refusal::TooManyHeaderFields:
        error = ApiError{431, QStringLiteral("headers_too_large"),
            QStringLiteral("The request has more than %1 headers.").arg(maxHeaderFields), {}, 0};
        break;
    case Refusal::BadRequestLine:
        error = ApiError::badRequest(
            QStringLiteral("bad_request"), QStringLiteral("The request line is malformed."));
        break;
    case Refusal::BadVersion:
        error = ApiError::badRequest(QStringLiteral("bad_request"),
            QStringLiteral("Only HTTP/1.1 and HTTP/1.0 are supported."));
        break;
    case Refusal::BadHeader:
        error = ApiError::badRequest(
            QStringLiteral("bad_request"), QStringLiteral("A request header is malformed."));
        break;
    case Refusal::BadContentLength:
        error = ApiError::badRequest(QStringLiteral("bad_request"),
            QStringLiteral("The Content-Length header is malformed or given twice."));
        break;
    case Refusal::BodyTooLarge:
        error = ApiError{413, QStringLiteral("payload_too_large"),
            QStringLiteral("The request body is larger than the %1 MB limit.")
                .arg(megabytes(connection.bodyLimit)),
            {}, 0};
        break;
    case Refusal::Chunked:
        error = ApiError{411, QStringLiteral("length_required"),
            QStringLiteral("Chunked request bodies are not supported; send Content-Length."), {},
            0};
        break;
    case Refusal::UnknownExpectation:
        error = ApiError{417, QStringLiteral("expectation_failed"),
            QStringLiteral("The only supported expectation is \"Expect: 100-continue\"."), {}, 0};
        break;
    case Refusal::HeaderTimeout:
        error = ApiError{408, QStringLiteral("request_timeout"),
            QStringLiteral("The request headers did not arrive in time."), {}, 0};
        break;
    case Refusal::BodyTimeout:
        error = ApiError{408, QStringLiteral("request_timeout"),
            QStringLiteral("The request body stopped arriving."), {}, 0};
        break;
    case Refusal::None:
        error = ApiError::internal();
        break;
    }

    const QByteArray requestId = newRequestId();
    HttpResponse response = HttpResponse::error(error);
    response.setHeader("X-Request-Id", requestId);
    QByteArray bytes = response.serialize(false, true);
    if (error.status == 417) {
        // HttpResponse knows no reason phrase for the one status only the guard sends.
        const qsizetype lineEnd = bytes.indexOf("\r\n");
        bytes.replace(0, lineEnd, QByteArrayLiteral("HTTP/1.1 417 Expectation Failed"));
    }

    qCInfo(lcGuard).noquote() << "rid=" + requestId << socket->peerAddress().toString() << "refused"
                              << error.status << error.code;
    connection.phase = Phase::Lingering;
    connection.since = now();
    if (socket->state() != QAbstractSocket::ConnectedState) {
        socket->abort();
    } else {
        socket->write(bytes);
        socket->flush();
        if (socket->bytesToWrite() == 0) {
            halfClose(socket, connection);
        } else {
            connect(socket, &QIODevice::bytesWritten, this, [this, socket] {
                const auto it = m_connections.find(socket);
                if (it != m_connections.end() && it->phase == Phase::Lingering && !it->halfClosed
                    && socket->bytesToWrite() == 0)
                    halfClose(socket, *it);
            });
        }
    }
    // Last: a slot may change the bookkeeping.
    emit refused(error.status);
}

void ConnectionGuard::halfClose(QTcpSocket *socket, Connection &connection)
{
    connection.halfClosed = true;
#ifdef Q_OS_UNIX
    const qintptr descriptor = socket->socketDescriptor();
    if (descriptor != -1 && ::shutdown(int(descriptor), SHUT_WR) == 0)
        return;
#endif
    socket->disconnectFromHost();
}

void ConnectionGuard::sweep()
{
    enum class Action { HeaderTimeout, BodyTimeout, CloseIdle, HalfClose, Abort };
    QList<std::pair<QTcpSocket *, Action>> actions;
    const qint64 time = now();
    for (auto it = m_connections.begin(); it != m_connections.end(); ++it) {
        QTcpSocket *socket = it.key();
        Connection &connection = it.value();
        const auto state = socket->state();
        if (state == QAbstractSocket::UnconnectedState)
            continue; // deleted soon
        const qint64 age = time - connection.since;
        if (connection.phase == Phase::Lingering) {
            if (age >= lingerMs)
                actions.append({socket, Action::Abort});
            else if (!connection.halfClosed && socket->bytesToWrite() == 0)
                actions.append({socket, Action::HalfClose});
            continue;
        }
        if (state != QAbstractSocket::ConnectedState) {
            // Closing: a reply still drains. A reader that takes nothing for
            // keepAliveIdleMs is not going to.
            const qint64 pending = socket->bytesToWrite();
            if (pending != connection.pendingWrite) {
                connection.pendingWrite = pending;
                connection.since = time;
            } else if (age >= m_limits.keepAliveIdleMs) {
                actions.append({socket, Action::Abort});
            }
            continue;
        }
        switch (connection.phase) {
        case Phase::Head:
            if (!connection.head.isEmpty()) {
                if (age >= m_limits.headerTimeoutMs)
                    actions.append({socket, Action::HeaderTimeout});
            } else if (connection.inFlight == 0) {
                // Idle, unless a reply is still draining to the client.
                const qint64 pending = socket->bytesToWrite();
                if (pending != connection.pendingWrite) {
                    connection.pendingWrite = pending;
                    connection.since = time;
                } else if (age >= m_limits.keepAliveIdleMs) {
                    actions.append({socket, Action::CloseIdle});
                }
            }
            break;
        case Phase::Body:
            if (age >= m_limits.bodyIdleTimeoutMs)
                actions.append({socket, Action::BodyTimeout});
            break;
        case Phase::Refused:
            // The earlier requests' replies never came.
            if (age >= m_limits.keepAliveIdleMs)
                actions.append({socket, Action::Abort});
            break;
        case Phase::Lingering:
            break;
        }
    }

    // Acting may emit signals whose slots change m_connections: look up again.
    for (const auto &[socket, action] : std::as_const(actions)) {
        const auto it = m_connections.find(socket);
        if (it == m_connections.end())
            continue;
        switch (action) {
        case Action::HeaderTimeout:
            refuse(*it, Refusal::HeaderTimeout);
            settle(socket, *it);
            break;
        case Action::BodyTimeout:
            refuse(*it, Refusal::BodyTimeout);
            settle(socket, *it);
            break;
        case Action::CloseIdle:
            if (socket->bytesToWrite() > 0)
                socket->abort(); // a reply the client has stopped reading
            else
                socket->disconnectFromHost();
            break;
        case Action::HalfClose:
            halfClose(socket, *it);
            break;
        case Action::Abort:
            socket->abort();
            break;
        }
    }
}

} // namespace kocmoc::http
