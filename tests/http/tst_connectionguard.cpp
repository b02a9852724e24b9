#include "http/ConnectionGuard.h"

#include <functional>
#include <optional>

#include <QAbstractHttpServer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTimer>
#include <QtTest>

using namespace kocmoc::http;

namespace {

constexpr int headerTimeoutMs = 500;
constexpr int bodyIdleTimeoutMs = 500;
constexpr int keepAliveIdleMs = 700;
constexpr qint64 maxBodyBytes = 2 * 1024 * 1024;

// Answers with the length of the body it got; /slow answers 1.5 s later as a
// request in flight, /lowdelay with whether the socket sends small writes at once,
// /release and /detach give the socket up the two ways a WebSocket upgrade can.
class EchoServer : public QAbstractHttpServer
{
public:
    ConnectionGuard *guard = nullptr;
    int handled = 0;

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        ++handled;
        const QString path = request.url().path();
        if (path == u"/missing")
            return false;
        if (path == u"/slow") {
            guard->requestStarted(socket);
            QTimer::singleShot(1500, this, [this, target = QPointer<QTcpSocket>(socket)] {
                if (!target)
                    return;
                target->write("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nslow");
                guard->requestFinished(target);
            });
            return true;
        }
        if (path == u"/lowdelay") {
            makeResponder(request, socket)
                .write(QByteArray::number(
                           socket->socketOption(QAbstractSocket::LowDelayOption).toInt()),
                    "text/plain", QHttpServerResponder::StatusCode::Ok);
            return true;
        }
        if (path == u"/release")
            guard->release(socket);
        if (path == u"/detach")
            socket->disconnect(); // what QtHttpServer does to a socket it hands to QWebSocketServer
        makeResponder(request, socket)
            .write(QByteArray::number(request.body().size()), "text/plain",
                QHttpServerResponder::StatusCode::Ok);
        return true;
    }

    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        makeResponder(request, socket).write(QHttpServerResponder::StatusCode::NotFound);
    }
};

struct Response
{
    QByteArray statusLine;
    int status = 0;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;

    QByteArray header(const QByteArray &name) const { return headers.value(name); }
};

// Takes one complete response off the front of buffer.
std::optional<Response> takeResponse(QByteArray &buffer)
{
    const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return std::nullopt;
    const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
    Response response;
    response.statusLine = lines.first().trimmed();
    response.status = response.statusLine.split(' ').value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            response.headers.insert(
                lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
    }
    const qint64 length
        = response.status >= 200 ? response.header("content-length").toLongLong() : 0;
    if (buffer.size() < headEnd + 4 + length)
        return std::nullopt;
    response.body = buffer.mid(headEnd + 4, length);
    buffer.remove(0, headEnd + 4 + length);
    return response;
}

class Client
{
public:
    QTcpSocket socket;
    QByteArray buffer;

    bool connectTo(quint16 port)
    {
        socket.connectToHost(QHostAddress::LocalHost, port);
        return QTest::qWaitFor(
            [this] { return socket.state() == QAbstractSocket::ConnectedState; }, 5000);
    }

    void send(const QByteArray &bytes)
    {
        socket.write(bytes);
        socket.flush();
    }

    std::optional<Response> response(int timeoutMs = 5000)
    {
        std::optional<Response> response;
        (void)QTest::qWaitFor(
            [&] {
                buffer += socket.readAll();
                response = takeResponse(buffer);
                return response.has_value();
            },
            timeoutMs);
        return response;
    }

    bool closedWithin(int timeoutMs)
    {
        return QTest::qWaitFor(
            [this] {
                buffer += socket.readAll();
                return socket.state() == QAbstractSocket::UnconnectedState;
            },
            timeoutMs);
    }
};

// QTest::qWaitFor() sleeps 10 ms between event loop passes, which would cap
// the streaming test at a few MB/s; this one spins the loop freely.
bool spinUntil(const std::function<bool()> &done, int timeoutMs)
{
    QEventLoop loop;
    QTimer check;
    QElapsedTimer clock;
    clock.start();
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (done() || clock.elapsed() > timeoutMs)
            loop.quit();
    });
    check.start(1);
    loop.exec();
    return done();
}

qint64 residentKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

QByteArray post(const QByteArray &path, qint64 length, const QByteArray &extraHeaders = {})
{
    return "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: " + QByteArray::number(length)
        + "\r\n" + extraHeaders + "\r\n";
}

const QByteArray plainGet = QByteArrayLiteral("GET / HTTP/1.1\r\nHost: x\r\n\r\n");

} // namespace

class TestConnectionGuard : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void normalRequestsAndKeepAlive();
    void pipelinedRequests();
    void pipelinedRefusalFollowsEarlierReply();
    void oversizeBodyIsNotBuffered_data();
    void oversizeBodyIsNotBuffered();
    void continueBeforeBody();
    void headerBlockTooLarge();
    void slowHeaders_data();
    void slowHeaders();
    void stalledBody();
    void idleConnectionIsClosed();
    void requestInFlightIsNotIdle();
    void chunkedBodyIsRefused();
    void oversizeAfterKeepAlive();
    void malformedRequests_data();
    void malformedRequests();
    void releasedSocketsAreLeftAlone();
    void smallWritesAreNotHeldBack();

private:
    void verifyRefusal(const std::optional<Response> &response, int status, const QString &code);

    EchoServer m_server;
    ConnectionGuard *m_guard = nullptr;
    quint16 m_port = 0;
};

void TestConnectionGuard::initTestCase()
{
    ConnectionGuard::Limits limits;
    limits.maxBodyBytes = maxBodyBytes;
    limits.headerTimeoutMs = headerTimeoutMs;
    limits.bodyIdleTimeoutMs = bodyIdleTimeoutMs;
    limits.keepAliveIdleMs = keepAliveIdleMs;
    m_guard = new ConnectionGuard(limits);
    QVERIFY(m_guard->listen(QHostAddress::LocalHost, 0));
    m_server.bind(m_guard);
    m_server.guard = m_guard;
    m_port = m_guard->serverPort();
}

void TestConnectionGuard::cleanup()
{
    // Every test's clients are gone; so must be the server's sockets.
    QTRY_COMPARE_WITH_TIMEOUT(m_guard->connectionCount(), 0, 3000);
}

void TestConnectionGuard::verifyRefusal(
    const std::optional<Response> &response, int status, const QString &code)
{
    QVERIFY(response);
    QCOMPARE(response->status, status);
    const QByteArray requestId = response->header("x-request-id");
    QVERIFY(requestId.size() >= 16);
    QVERIFY(std::all_of(
        requestId.begin(), requestId.end(), [](char c) { return std::isxdigit(uchar(c)); }));
    QCOMPARE(response->header("x-content-type-options"), QByteArray("nosniff"));
    QCOMPARE(response->header("connection"), QByteArray("close"));
    QCOMPARE(response->header("content-type"), QByteArray("application/json; charset=utf-8"));
    const QJsonObject error
        = QJsonDocument::fromJson(response->body).object().value(u"error").toObject();
    QCOMPARE(error.value(u"code").toString(), code);
    QVERIFY(!error.value(u"message").toString().isEmpty());
}

void TestConnectionGuard::normalRequestsAndKeepAlive()
{
    Client client;
    QVERIFY(client.connectTo(m_port));
    QCOMPARE(m_guard->connectionCount(), 1);

    const QByteArray chunk(64 * 1024, 'a');
    client.send(post("/upload", 16 * chunk.size()));
    for (int i = 0; i < 16; ++i) {
        client.send(chunk);
        QVERIFY(QTest::qWaitFor([&] { return client.socket.bytesToWrite() == 0; }, 5000));
    }
    auto response = client.response();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->body, QByteArray::number(16 * chunk.size()));

    client.send(post("/again", 5) + "hello");
    response = client.response();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->body, QByteArray("5"));

    client.send("GET /missing HTTP/1.1\r\nHost: x\r\n\r\n");
    response = client.response();
    QVERIFY(response);
    QCOMPARE(response->status, 404);
    QCOMPARE(client.socket.state(), QAbstractSocket::ConnectedState);
}

void TestConnectionGuard::pipelinedRequests()
{
    Client client;
    QVERIFY(client.connectTo(m_port));
    client.send(plainGet + post("/b", 3) + "abc" + "\r\n" + post("/c", 2) + "xy");
    for (const QByteArray &expected : {QByteArray("0"), QByteArray("3"), QByteArray("2")}) {
        const auto response = client.response();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(response->body, expected);
    }
    QCOMPARE(client.socket.state(), QAbstractSocket::ConnectedState);

    // QtHttpServer stops reading at the end of the first request and reads the
    // partial second one later: the guard must still count the rest right.
    client.send(plainGet + post("/d", 10) + "hello");
    auto response = client.response();
    QVERIFY(response);
    QCOMPARE(response->body, QByteArray("0"));
    QTest::qWait(50);
    client.send("world");
    response = client.response();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->body, QByteArray("10"));
    client.send(post("/e", 2) + "ok");
    response = client.response();
    QVERIFY(response);
    QCOMPARE(response->body, QByteArray("2"));
}

void TestConnectionGuard::pipelinedRefusalFollowsEarlierReply()
{
    QSignalSpy refusals(m_guard, &ConnectionGuard::refused);
    const int handledBefore = m_server.handled;
    Client client;
    QVERIFY(client.connectTo(m_port));
    client.send(post("/a", 5) + "hello" + post("/b", 3'000'000'000LL) + QByteArray(1000, 'z'));
    auto response = client.response();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->body, QByteArray("5"));
    response = client.response();
    verifyRefusal(response, 413, QStringLiteral("payload_too_large"));
    QVERIFY(client.closedWithin(3000));
    QCOMPARE(m_server.handled, handledBefore + 1);
    QCOMPARE(refusals.size(), 1);
    QCOMPARE(refusals.first().first().toInt(), 413);
}

void TestConnectionGuard::oversizeBodyIsNotBuffered_data()
{
    QTest::addColumn<bool>("expectContinue");
    QTest::newRow("plain") << false;
    QTest::newRow("expect 100-continue") << true;
}

void TestConnectionGuard::oversizeBodyIsNotBuffered()
{
    QFETCH(bool, expectContinue);
    const int handledBefore = m_server.handled;
    const qint64 rssBefore = residentKb();
    QVERIFY(rssBefore > 0);

    constexpr qint64 total = 64LL * 1024 * 1024;
    const QByteArray chunk(64 * 1024, 'x');
    qint64 sent = 0;
    qint64 firstAnswerMs = -1;
    QByteArray firstBytes;
    std::optional<Response> response;
    {
        Client client;
        QVERIFY(client.connectTo(m_port));
        // While streaming, read no more than the start of the answer: the end of
        // the server's side of the stream must not stop the client from sending.
        client.socket.setReadBufferSize(64);
        QElapsedTimer clock;
        clock.start();
        client.send(
            post("/upload", 2147483648LL, expectContinue ? "Expect: 100-continue\r\n" : ""));
        const auto pump = [&] {
            while (sent < total && client.socket.state() == QAbstractSocket::ConnectedState
                && client.socket.bytesToWrite() < 2 * chunk.size()) {
                client.socket.write(chunk);
                sent += chunk.size();
            }
        };
        connect(&client.socket, &QIODevice::bytesWritten, &client.socket, pump);
        pump();
        QVERIFY(spinUntil(
            [&] {
                if (firstAnswerMs < 0 && client.socket.bytesAvailable() >= 12) {
                    firstAnswerMs = clock.elapsed();
                    firstBytes = client.socket.peek(12);
                }
                return (sent >= total && client.socket.bytesToWrite() == 0)
                    || client.socket.state() != QAbstractSocket::ConnectedState;
            },
            30000));
        client.socket.setReadBufferSize(0);
        response = client.response();
        QVERIFY(client.closedWithin(3000));
    }
    QTRY_COMPARE(m_guard->connectionCount(), 0);
    const qint64 rssAfter = residentKb();
    qInfo("streamed %lld MB; answer after %lld ms; VmRSS %lld kB -> %lld kB (%+lld kB)",
        sent / (1024 * 1024), firstAnswerMs, rssBefore, rssAfter, rssAfter - rssBefore);

    QCOMPARE(firstBytes, QByteArray("HTTP/1.1 413")); // and no 100 before it
    QVERIFY(firstAnswerMs >= 0 && firstAnswerMs < 1000);
    verifyRefusal(response, 413, QStringLiteral("payload_too_large"));
    QVERIFY(response->body.contains("2 MB"));
    QVERIFY(sent >= 8 * 1024 * 1024); // the guard kept reading after its answer
    QVERIFY2(rssAfter - rssBefore < 10 * 1024, "the refused body was buffered");
    QCOMPARE(m_server.handled, handledBefore);
}

void TestConnectionGuard::continueBeforeBody()
{
    const int handledBefore = m_server.handled;
    Client client;
    QVERIFY(client.connectTo(m_port));
    client.send(post("/upload", 1024, "Expect: 100-continue\r\n"));
    const QByteArray interim = QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n");
    QVERIFY(QTest::qWaitFor(
        [&] {
            client.buffer += client.socket.readAll();
            return client.buffer.size() >= interim.size();
        },
        2000));
    QCOMPARE(client.buffer, interim);
    client.buffer.clear();
    QCOMPARE(m_server.handled, handledBefore);

    client.send(QByteArray(1024, 'b'));
    const auto response = client.response();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->body, QByteArray("1024"));
}

void TestConnectionGuard::headerBlockTooLarge()
{
    Client client;
    QVERIFY(client.connectTo(m_port));
    QByteArray request = "GET / HTTP/1.1\r\nHost: x\r\n";
    for (int i = 0; i < 20; ++i)
        request += "X-Fill-" + QByteArray::number(i) + ": " + QByteArray(1000, 'f') + "\r\n";
    client.send(request + "\r\n");
    verifyRefusal(client.response(), 431, QStringLiteral("headers_too_large"));
    QVERIFY(client.closedWithin(3000));
}

void TestConnectionGuard::slowHeaders_data()
{
    QTest::addColumn<bool>("trickle");
    QTest::newRow("half-sent") << false;
    QTest::newRow("one byte every 100 ms") << true;
}

void TestConnectionGuard::slowHeaders()
{
    QFETCH(bool, trickle);
    Client client;
    QVERIFY(client.connectTo(m_port));
    QElapsedTimer clock;
    clock.start();
    QTimer dripper;
    if (trickle) {
        client.send("GET / HTTP/1.1\r\n");
        const QByteArray rest = "Host: x\r\nX-Slow: " + QByteArray(100, 's') + "\r\n\r\n";
        qsizetype next = 0;
        connect(&dripper, &QTimer::timeout, &client.socket, [&] {
            if (next < rest.size() && client.socket.state() == QAbstractSocket::ConnectedState)
                client.send(rest.mid(next++, 1));
        });
        dripper.start(100);
    } else {
        client.send("GET / HTTP/1.1\r\nHost: x\r\n");
    }
    const auto response = client.response(3000);
    const qint64 elapsed = clock.elapsed();
    dripper.stop();
    verifyRefusal(response, 408, QStringLiteral("request_timeout"));
    QVERIFY2(elapsed >= headerTimeoutMs - 50 && elapsed < headerTimeoutMs + 700,
        QByteArray::number(elapsed));
    QVERIFY(client.closedWithin(3000));
}

void TestConnectionGuard::stalledBody()
{
    const int handledBefore = m_server.handled;
    Client client;
    QVERIFY(client.connectTo(m_port));
    QElapsedTimer clock;
    clock.start();
    client.send(post("/upload", 1000) + QByteArray(500, 'h'));
    const auto response = client.response(3000);
    const qint64 elapsed = clock.elapsed();
    verifyRefusal(response, 408, QStringLiteral("request_timeout"));
    QVERIFY2(elapsed >= bodyIdleTimeoutMs - 50 && elapsed < bodyIdleTimeoutMs + 700,
        QByteArray::number(elapsed));
    QVERIFY(client.closedWithin(3000));
    QCOMPARE(m_server.handled, handledBefore);
}

void TestConnectionGuard::idleConnectionIsClosed()
{
    QSignalSpy refusals(m_guard, &ConnectionGuard::refused);
    Client client;
    QVERIFY(client.connectTo(m_port));
    client.send(plainGet);
    const auto response = client.response();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QElapsedTimer clock;
    clock.start();
    QVERIFY(client.closedWithin(3000));
    const qint64 elapsed = clock.elapsed();
    QVERIFY2(elapsed >= keepAliveIdleMs - 100 && elapsed < keepAliveIdleMs + 700,
        QByteArray::number(elapsed));
    QVERIFY(client.buffer.isEmpty()); // closed silently
    QCOMPARE(refusals.size(), 0);
}

void TestConnectionGuard::requestInFlightIsNotIdle()
{
    Client client;
    QVERIFY(client.connectTo(m_port));
    QElapsedTimer clock;
    clock.start();
    client.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
    const auto response = client.response(3000);
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->body, QByteArray("slow"));
    QVERIFY(clock.elapsed() >= 1400);
    QCOMPARE(client.socket.state(), QAbstractSocket::ConnectedState);
    // Idle from the reply on.
    clock.restart();
    QVERIFY(client.closedWithin(3000));
    QVERIFY2(clock.elapsed() >= keepAliveIdleMs - 100, QByteArray::number(clock.elapsed()));
}

void TestConnectionGuard::chunkedBodyIsRefused()
{
    const int handledBefore = m_server.handled;
    Client client;
    QVERIFY(client.connectTo(m_port));
    client.send("POST /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: "
                "chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
    const auto response = client.response();
    verifyRefusal(response, 411, QStringLiteral("length_required"));
    QVERIFY(response->body.contains("Content-Length"));
    QVERIFY(client.closedWithin(3000));
    QCOMPARE(m_server.handled, handledBefore);
}

void TestConnectionGuard::oversizeAfterKeepAlive()
{
    Client client;
    QVERIFY(client.connectTo(m_port));
    client.send(plainGet);
    auto response = client.response();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    client.send(post("/upload", maxBodyBytes + 1) + QByteArray(4096, 'o'));
    verifyRefusal(client.response(), 413, QStringLiteral("payload_too_large"));
    QVERIFY(client.closedWithin(3000));
}

void TestConnectionGuard::malformedRequests_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");

    const QString badRequest = QStringLiteral("bad_request");
    QTest::newRow("content-length not a number")
        << post("/", 0).replace("Length: 0", "Length: 12abc") << 400 << badRequest;
    QTest::newRow("negative content-length")
        << post("/", 0).replace("Length: 0", "Length: -1") << 400 << badRequest;
    QTest::newRow("two content-lengths")
        << post("/", 5, "Content-Length: 6\r\n") << 400 << badRequest;
    QTest::newRow("folded header")
        << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n  2\r\n\r\n") << 400 << badRequest;
    QTest::newRow("bad header name")
        << QByteArray("GET / HTTP/1.1\r\nHo st: x\r\n\r\n") << 400 << badRequest;
    QTest::newRow("bad request line") << QByteArray("GARBAGE\r\n\r\n") << 400 << badRequest;
    QTest::newRow("http/2 preface")
        << QByteArray("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n") << 400 << badRequest;
    QTest::newRow("unknown expectation")
        << post("/", 1, "Expect: telepathy\r\n") << 417 << QStringLiteral("expectation_failed");
    QByteArray manyFields = "GET / HTTP/1.1\r\n";
    for (int i = 0; i < 101; ++i)
        manyFields += "X-" + QByteArray::number(i) + ": v\r\n";
    QTest::newRow("too many fields") << manyFields + "\r\n"
                                     << 431 << QStringLiteral("headers_too_large");
}

void TestConnectionGuard::malformedRequests()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    QFETCH(QString, code);
    const int handledBefore = m_server.handled;
    Client client;
    QVERIFY(client.connectTo(m_port));
    client.send(request);
    const auto response = client.response();
    verifyRefusal(response, status, code);
    if (status == 417)
        QCOMPARE(response->statusLine, QByteArray("HTTP/1.1 417 Expectation Failed"));
    QVERIFY(client.closedWithin(3000));
    QCOMPARE(m_server.handled, handledBefore);
}

void TestConnectionGuard::releasedSocketsAreLeftAlone()
{
    Client released;
    Client detached;
    QVERIFY(released.connectTo(m_port));
    QVERIFY(detached.connectTo(m_port));
    QTRY_COMPARE(m_guard->connectionCount(), 2);
    released.send("GET /release HTTP/1.1\r\nHost: x\r\n\r\n");
    detached.send("GET /detach HTTP/1.1\r\nHost: x\r\n\r\n");
    QVERIFY(released.response());
    QVERIFY(detached.response());
    QCOMPARE(m_guard->connectionCount(), 0);
    // Well past the keep-alive limit, nobody closed them.
    QTest::qWait(keepAliveIdleMs + 300);
    QCOMPARE(released.socket.state(), QAbstractSocket::ConnectedState);
    QCOMPARE(detached.socket.state(), QAbstractSocket::ConnectedState);
}

void TestConnectionGuard::smallWritesAreNotHeldBack()
{
    // Nagle's algorithm off (TCP_NODELAY): an acknowledgement written just after an event
    // would otherwise reach the client ~40 ms late.
    Client client;
    QVERIFY(client.connectTo(m_port));
    client.send("GET /lowdelay HTTP/1.1\r\nHost: x\r\n\r\n");
    const auto response = client.response();
    QVERIFY(response);
    QCOMPARE(response->body, QByteArray("1"));
}

QTEST_GUILESS_MAIN(TestConnectionGuard)
#include "tst_connectionguard.moc"
