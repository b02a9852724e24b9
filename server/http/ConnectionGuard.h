#pragma once

#include <kocmoc/Limits.h>

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QTcpServer>
#include <QTimer>

#include <functional>

class QTcpSocket;

namespace kocmoc::http {

class GuardedSocket;

// The listening socket of the HTTP server, bound with QAbstractHttpServer::bind().
//
// QtHttpServer 6.4 buffers every request body in memory whatever its declared
// size, has no header, body or idle timeouts and ignores "Expect: 100-continue".
// The guard follows each connection's byte stream next to QtHttpServer, without
// consuming it: its readyRead slot runs before QtHttpServer's, so it sees every
// request's head before QtHttpServer reads a byte of it. It refuses what the
// server must not buffer (oversize, chunked or malformed requests) and what takes
// too long, answering itself and closing the connection while discarding the
// rest, and closes connections that stay idle.
//
// The consumer (QtHttpServer) must connect to readyRead right after
// nextPendingConnection() returns and read only from that slot; the guard then
// measures what it consumed by a second slot connected just after the
// consumer's (see GuardedSocket).
class ConnectionGuard : public QTcpServer
{
    Q_OBJECT

public:
    struct Limits
    {
        qint64 maxBodyBytes = limits::defaultMaxBodyBytes;
        // The largest body of one request by its method and target (path and query); when
        // unset, maxBodyBytes for every request.
        std::function<qint64(QByteArrayView method, QByteArrayView target)> bodyLimit;
        qint64 maxHeaderBytes = limits::maxHeaderBlockBytes;
        // A started request's header block must complete in this time.
        int headerTimeoutMs = limits::headerTimeoutMs;
        // A body that stops arriving.
        int bodyIdleTimeoutMs = limits::bodyIdleTimeoutMs;
        // An idle connection with no request in flight.
        int keepAliveIdleMs = limits::keepAliveIdleMs;
    };

    // After a refusal the client gets this long to read the answer and go away
    // while the guard discards what it still sends.
    static constexpr int lingerMs = 2000;

    explicit ConnectionGuard(const Limits &limits, QObject *parent = nullptr);
    ~ConnectionGuard() override;

    QTcpSocket *nextPendingConnection() override;

    // A complete request went to a handler: the connection is not idle. Call it
    // for every request whose answer may be written after handleRequest() returns.
    void requestStarted(QTcpSocket *socket);
    // The reply of a started request is written: idle from now once the count of
    // started requests is back to zero. A socket the guard does not know is ignored.
    void requestFinished(QTcpSocket *socket);
    // Stops watching the socket for good (it became a WebSocket). QtHttpServer's
    // upgrade path disconnects every slot of the socket; the guard notices that and
    // releases the socket by itself too.
    void release(QTcpSocket *socket);

    int connectionCount() const;

signals:
    void refused(int status); // for metrics and logs

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    friend class GuardedSocket;

    enum class Phase : quint8 {
        Head, // between requests or inside a header block
        Body, // counting a Content-Length body
        Refused, // an answer is decided; waits until the earlier replies are out
        Lingering, // answered and half-closed; discards input until the client leaves
    };

    enum class Refusal : quint8 {
        None,
        HeaderBlockTooLarge,
        HeaderFieldTooLarge,
        TooManyHeaderFields,
        BadRequestLine,
        BadVersion,
        BadHeader,
        BadContentLength,
        BodyTooLarge,
        Chunked,
        UnknownExpectation,
        HeaderTimeout,
        BodyTimeout,
    };

    // Positions are offsets in the connection's byte stream. The consumer's
    // position is received - bytesAvailable() whenever no readyRead is running.
    struct Connection
    {
        qint64 received = 0; // bytes the guard has accounted for
        qint64 consumed = 0; // the consumer's position after its last readyRead
        qint64 requestEnd = 0; // where the last complete request ended
        qint64 bodyRemaining = 0;
        qint64 since = 0; // start of the current phase's clock, ms on m_clock
        qint64 pendingWrite = 0; // bytesToWrite() at the last sweep, to tell a stalled reader
        qint64 bodyLimit = 0; // of the refused request, for the 413's message
        QByteArray head; // the partial header block, empty between requests
        int inFlight = 0;
        Phase phase = Phase::Head;
        Refusal refusal = Refusal::None;
        bool continuePending = false; // "100 Continue" owed once earlier replies are out
        bool halfClosed = false;
    };

    struct ParsedHead
    {
        Refusal refusal = Refusal::None;
        qint64 contentLength = 0;
        qint64 bodyLimit = 0;
        bool http11 = false;
        bool wantsContinue = false;
    };

    void beforeConsumer(QTcpSocket *socket);
    void afterConsumer(QTcpSocket *socket);
    void hookAfterConsumer(QTcpSocket *socket);
    void forget(QTcpSocket *socket);
    void account(QTcpSocket *socket, Connection &connection, qint64 offset, qint64 fresh);
    qint64 scanHead(Connection &connection, const char *data, qint64 size, bool *complete);
    void headComplete(Connection &connection, bool bodyBytesFollow);
    void requestComplete(Connection &connection);
    void refuse(Connection &connection, Refusal refusal);
    void settle(QTcpSocket *socket, Connection &connection);
    void discardInput(QTcpSocket *socket, Connection &connection);
    void answer(QTcpSocket *socket, Connection &connection);
    void halfClose(QTcpSocket *socket, Connection &connection);
    void sweep();
    ParsedHead parseHead(const QByteArray &block) const;
    qint64 now() const { return m_clock.elapsed(); }

    Limits m_limits;
    QHash<QTcpSocket *, Connection> m_connections;
    QElapsedTimer m_clock;
    QTimer m_sweepTimer;
};

} // namespace kocmoc::http
