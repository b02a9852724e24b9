#include "WebSocketLink.h"

#include <QSocketNotifier>
#include <QTimer>
#include <QtEndian>

#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace kocmoc::socketio {

namespace {

enum Opcode : quint8 {
    Continuation = 0x0,
    Text = 0x1,
    Binary = 0x2,
    Close = 0x8,
    Ping = 0x9,
    Pong = 0xA,
};

// Reads go through one buffer per thread; a connection keeps only an incomplete frame.
constexpr qsizetype readChunkBytes = 64 * 1024;
// Reads per notification, so that one fast sender cannot hold the event loop.
constexpr int readsPerWakeUp = 4;

// Deleted later: it may be the notifier whose activation is running.
void drop(QSocketNotifier *&notifier)
{
    if (!notifier)
        return;
    notifier->setEnabled(false);
    notifier->deleteLater();
    notifier = nullptr;
}

char *readBuffer()
{
    thread_local std::unique_ptr<char[]> buffer(new char[readChunkBytes]);
    return buffer.get();
}

} // namespace

WebSocketLink::WebSocketLink(
    http::WebSocketConnection connection, qint64 maxMessageBytes, QObject *parent)
    : QObject(parent)
    , m_descriptor(connection.takeDescriptor())
    , m_maxMessageBytes(maxMessageBytes)
{
    if (m_descriptor < 0) {
        m_state = State::Gone;
        QTimer::singleShot(0, this, &WebSocketLink::finish);
        return;
    }
    m_readNotifier = new QSocketNotifier(m_descriptor, QSocketNotifier::Read, this);
    connect(m_readNotifier, &QSocketNotifier::activated, this, &WebSocketLink::readable);
    write(connection.handshakeAnswer());
}

WebSocketLink::~WebSocketLink()
{
    if (m_descriptor >= 0)
        ::close(m_descriptor);
}

bool WebSocketLink::send(const WirePacket &packet)
{
    if (!isOpen())
        return false;
    write(packet.frame());
    return isOpen();
}

void WebSocketLink::write(QByteArrayView bytes)
{
    if (m_descriptor < 0 || bytes.isEmpty())
        return;
    if (m_unsent.size() > m_unsentOffset) { // the kernel is full: keep the order
        m_unsent.append(bytes);
        return;
    }
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t written
            = ::send(m_descriptor, bytes.data() + done, size_t(bytes.size() - done), MSG_NOSIGNAL);
        if (written > 0) {
            done += written;
        } else if (written < 0 && errno == EINTR) {
            continue;
        } else if (written < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            break;
        } else { // the peer is gone
            lose();
            return;
        }
    }
    if (done == bytes.size())
        return;
    m_unsent = bytes.sliced(done).toByteArray();
    m_unsentOffset = 0;
    if (!m_writeNotifier) {
        m_writeNotifier = new QSocketNotifier(m_descriptor, QSocketNotifier::Write, this);
        connect(m_writeNotifier, &QSocketNotifier::activated, this, &WebSocketLink::writable);
    }
    m_writeNotifier->setEnabled(true);
}

void WebSocketLink::writable()
{
    while (m_unsentOffset < m_unsent.size()) {
        const ssize_t written = ::send(m_descriptor, m_unsent.constData() + m_unsentOffset,
            size_t(m_unsent.size() - m_unsentOffset), MSG_NOSIGNAL);
        if (written > 0) {
            m_unsentOffset += written;
        } else if (written < 0 && errno == EINTR) {
            continue;
        } else if (written < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            return;
        } else {
            markClosed();
            finish();
            return;
        }
    }
    m_unsent = QByteArray(); // an idle connection keeps no buffer
    m_unsentOffset = 0;
    m_writeNotifier->setEnabled(false);
    if (m_discarding)
        ::shutdown(m_descriptor, SHUT_WR); // the close frame is out
    else if (m_state == State::Closing && m_closeSent && !m_readNotifier)
        finish(); // the close frames are exchanged
}

void WebSocketLink::readable()
{
    for (int round = 0; round < readsPerWakeUp && m_readNotifier; ++round) {
        char *buffer = readBuffer();
        const ssize_t got = ::recv(m_descriptor, buffer, size_t(readChunkBytes), 0);
        if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
            return;
        if (got <= 0) { // the peer is gone
            markClosed();
            finish();
            return;
        }
        if (m_discarding)
            continue;
        if (m_partial.isEmpty()) {
            const qsizetype used = takeFrames(buffer, got);
            if (used < got)
                m_partial = QByteArray(buffer + used, got - used);
        } else { // the rest of a frame begun before
            m_partial.append(buffer, got);
            m_partial.remove(0, takeFrames(m_partial.data(), m_partial.size()));
        }
        if (m_partial.isEmpty() || !m_readNotifier)
            m_partial = QByteArray(); // an idle connection keeps no buffer
        if (got < readChunkBytes)
            return; // the kernel had no more
    }
}

qsizetype WebSocketLink::takeFrames(char *data, qsizetype size)
{
    qsizetype at = 0;
    while (m_readNotifier && !m_discarding) { // none once the peer's close frame came
        const qsizetype left = size - at;
        if (left < 2)
            break;
        const auto *head = reinterpret_cast<const uchar *>(data + at);
        const bool final = head[0] & 0x80;
        const quint8 opcode = head[0] & 0x0F;
        if (head[0] & 0x70) { // no extension was agreed
            fail(QWebSocketProtocol::CloseCodeProtocolError);
            break;
        }
        if (!(head[1] & 0x80)) { // a client masks every frame
            fail(QWebSocketProtocol::CloseCodeProtocolError);
            break;
        }
        quint64 length = head[1] & 0x7F;
        qsizetype headerSize = 2;
        if (length == 126) {
            if (left < 4)
                break;
            length = qFromBigEndian<quint16>(head + 2);
            headerSize = 4;
        } else if (length == 127) {
            if (left < 10)
                break;
            length = qFromBigEndian<quint64>(head + 2);
            headerSize = 10;
        }
        const bool control = opcode & 0x8;
        if (control && (!final || length > 125)) {
            fail(QWebSocketProtocol::CloseCodeProtocolError);
            break;
        }
        if (!control && length > quint64(qMax<qint64>(0, m_maxMessageBytes - m_fragments.size()))) {
            fail(QWebSocketProtocol::CloseCodeTooMuchData);
            break;
        }
        headerSize += 4; // the mask
        if (quint64(left) < quint64(headerSize) + length)
            break; // the rest is still on its way
        const uchar *mask = head + headerSize - 4;
        char *payload = data + at + headerSize;
        for (quint64 i = 0; i < length; ++i)
            payload[i] = char(payload[i] ^ mask[i % 4]);
        at += headerSize + qsizetype(length);
        if (!frame(opcode, final, QByteArray(payload, qsizetype(length))))
            break;
    }
    return at;
}

bool WebSocketLink::frame(quint8 opcode, bool final, QByteArray payload)
{
    switch (opcode) {
    case Continuation:
        if (!m_fragmentsOpcode) {
            fail(QWebSocketProtocol::CloseCodeProtocolError);
            return false;
        }
        m_fragments.append(payload);
        if (final)
            message(std::exchange(m_fragmentsOpcode, 0), std::exchange(m_fragments, {}));
        return m_state != State::Gone;
    case Text:
    case Binary:
        if (m_fragmentsOpcode) { // a new message inside a fragmented one
            fail(QWebSocketProtocol::CloseCodeProtocolError);
            return false;
        }
        if (final) {
            message(opcode, std::move(payload));
        } else {
            m_fragmentsOpcode = opcode;
            m_fragments = std::move(payload);
        }
        return m_state != State::Gone;
    case Ping:
        if (isOpen())
            sendControl(Pong, payload);
        return m_state != State::Gone;
    case Pong:
        return true;
    case Close: {
        if (payload.size() == 1) {
            fail(QWebSocketProtocol::CloseCodeProtocolError);
            return false;
        }
        // Answer with the same code (RFC 6455, 5.5.1), then end the connection.
        if (!m_closeSent)
            sendControl(Close, QByteArrayView(payload).first(qMin<qsizetype>(2, payload.size())));
        m_closeSent = true;
        markClosed();
        drop(m_readNotifier);
        if (bytesToWrite() == 0)
            finish();
        return false;
    }
    default:
        fail(QWebSocketProtocol::CloseCodeProtocolError);
        return false;
    }
}

void WebSocketLink::message(quint8 opcode, QByteArray payload)
{
    if (!isOpen())
        return; // closing: what still comes is not read
    if (opcode == Text) {
        if (!QByteArrayView(payload).isValidUtf8()) {
            fail(QWebSocketProtocol::CloseCodeWrongDatatype);
            return;
        }
        emit textReceived(payload);
    } else {
        emit binaryReceived(payload);
    }
}

void WebSocketLink::sendControl(quint8 opcode, QByteArrayView payload)
{
    write(WirePacket::frame(opcode, payload));
}

void WebSocketLink::close(QWebSocketProtocol::CloseCode code, const QString &reason)
{
    if (m_state != State::Open)
        return;
    markClosed();
    if (m_descriptor < 0) {
        finish();
        return;
    }
    QByteArray payload(2, Qt::Uninitialized);
    qToBigEndian(quint16(code), payload.data());
    payload.append(reason.toUtf8().left(123));
    sendControl(Close, payload);
    m_closeSent = true;
    // A peer that neither reads nor answers must not keep the connection.
    QTimer::singleShot(closeGraceMs, this, &WebSocketLink::finish);
}

void WebSocketLink::fail(QWebSocketProtocol::CloseCode code)
{
    m_fragments = QByteArray();
    m_fragmentsOpcode = 0;
    close(code);
    // The stream cannot be parsed further: what still comes is read and dropped until the
    // peer closes (or the grace period ends), so closing does not reset the connection
    // before the peer has read the close frame.
    m_discarding = true;
    if (bytesToWrite() == 0)
        ::shutdown(m_descriptor, SHUT_WR);
}

void WebSocketLink::lose()
{
    // send() runs inside fan-outs that walk a room: the news that the socket is gone (which
    // takes it out of its rooms) waits for the event loop.
    if (m_state == State::Open)
        m_state = State::Closing;
    m_unsent = QByteArray();
    m_unsentOffset = 0;
    QMetaObject::invokeMethod(this, &WebSocketLink::finish, Qt::QueuedConnection);
}

void WebSocketLink::markClosed()
{
    if (m_state == State::Open)
        m_state = State::Closing;
    if (!m_closedSignalled) {
        m_closedSignalled = true;
        emit closed();
    }
}

void WebSocketLink::finish()
{
    if (m_state == State::Gone)
        return;
    m_state = State::Gone;
    markClosed();
    drop(m_readNotifier);
    drop(m_writeNotifier);
    if (m_descriptor >= 0) {
        ::shutdown(m_descriptor, SHUT_RDWR);
        ::close(std::exchange(m_descriptor, -1));
    }
    deleteLater();
}

} // namespace kocmoc::socketio
