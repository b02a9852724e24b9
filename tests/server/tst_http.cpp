#include "ServerTestCase.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTcpSocket>

using namespace kocmoc;
using namespace kocmoc::test;

class HttpTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;

    // The server runs on this thread, so the client never blocks: it spins the event loop instead.
    QByteArray exchange(const QByteArray &request, int quietMs = 500)
    {
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), m_server->server().port());
        if (!socket.waitForConnected(5000))
            return {};
        socket.write(request);
        QByteArray answer;
        QElapsedTimer sinceData;
        sinceData.start();
        while (socket.state() == QAbstractSocket::ConnectedState
            && sinceData.elapsed() < (answer.isEmpty() ? 10'000 : quietMs)) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
            if (socket.bytesAvailable()) {
                answer += socket.readAll();
                sinceData.restart();
            }
        }
        return answer + socket.readAll();
    }

private slots:
    void initTestCase()
    {
        KOCMOC_REQUIRE_DATABASE();
        m_server = std::make_unique<TestServer>([](ServerConfig &config) {
            config.corsOrigins = {QStringLiteral("https://app.example.org")};
        });
        KOCMOC_START(*m_server);
    }

    void healthReportsTheDatabase()
    {
        for (const QString &path : {QStringLiteral("/health"), QStringLiteral("/api/health")}) {
            const Response response = m_server->call("GET", path);
            QCOMPARE(response.status, 200);
            const QJsonObject health = response.object();
            QCOMPARE(health.value("status").toString(), QStringLiteral("ok"));
            QCOMPARE(health.value("database").toString(), QStringLiteral("up"));
            QCOMPARE(health.value("version").toString(), QStringLiteral(KOCMOC_VERSION));
            QCOMPARE(health.value("maintenance").toBool(), false);
            QVERIFY(health.value("uptimeSeconds").isDouble());
        }
    }

    void unknownAddressesGetJson404WithCommonHeaders()
    {
        const Response response = m_server->call("GET", QStringLiteral("/api/nothing/here"));
        QCOMPARE(response.status, 404);
        QCOMPARE(response.errorCode(), QStringLiteral("not_found"));
        QVERIFY(!response.header("X-Request-Id").isEmpty());
        QCOMPARE(response.header("X-Content-Type-Options"), QByteArray("nosniff"));
        QCOMPARE(response.header("X-Frame-Options"), QByteArray("DENY"));
        QVERIFY(response.header("Content-Security-Policy").contains("default-src 'none'"));
        QVERIFY(!response.header("Strict-Transport-Security").isEmpty());
        QCOMPARE(response.header("Referrer-Policy"), QByteArray("no-referrer"));
    }

    void wrongMethodGets405WithAllow()
    {
        const Response response
            = m_server->call("PUT", QStringLiteral("/api/auth/login"), QJsonObject{});
        QCOMPARE(response.status, 405);
        QCOMPARE(response.errorCode(), QStringLiteral("method_not_allowed"));
        QCOMPARE(response.header("Allow"), QByteArray("POST"));
    }

    void requestIdIsKeptOrMade()
    {
        const Response given = m_server->call("GET", QStringLiteral("/health"),
            QJsonValue::Undefined, {}, {{"X-Request-Id", "trace-42"}});
        QCOMPARE(given.header("X-Request-Id"), QByteArray("trace-42"));
        const Response hostile = m_server->call("GET", QStringLiteral("/health"),
            QJsonValue::Undefined, {}, {{"X-Request-Id", "bad id\" <script>"}});
        QVERIFY(hostile.header("X-Request-Id") != "bad id\" <script>");
        QVERIFY(!hostile.header("X-Request-Id").isEmpty());
    }

    void headHasNoBody()
    {
        const QByteArray answer = exchange("HEAD /health HTTP/1.1\r\nHost: x\r\n\r\n", 500);
        QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
        QVERIFY(answer.contains("Content-Length: "));
        QVERIFY(answer.endsWith("\r\n\r\n"));
    }

    void connectionCloseIsHonoured()
    {
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), m_server->server().port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 5000);
        QVERIFY(socket.readAll().startsWith("HTTP/1.1 200"));
    }

    void corsAllowsOnlyTheConfiguredOrigins()
    {
        const Response allowed = m_server->call("GET", QStringLiteral("/health"),
            QJsonValue::Undefined, {}, {{"Origin", "https://app.example.org"}});
        QCOMPARE(
            allowed.header("Access-Control-Allow-Origin"), QByteArray("https://app.example.org"));
        QCOMPARE(allowed.header("Vary"), QByteArray("Origin"));
        const Response other = m_server->call("GET", QStringLiteral("/health"),
            QJsonValue::Undefined, {}, {{"Origin", "https://evil.example.com"}});
        QVERIFY(other.header("Access-Control-Allow-Origin").isEmpty());

        const Response preflight = m_server->raw("OPTIONS", QStringLiteral("/api/auth/login"), {},
            {}, {{"Origin", "https://app.example.org"}, {"Access-Control-Request-Method", "POST"}});
        QCOMPARE(preflight.status, 204);
        QVERIFY(preflight.header("Access-Control-Allow-Methods").contains("POST"));
        QVERIFY(preflight.header("Access-Control-Allow-Headers").contains("Authorization"));
        const Response refused = m_server->raw("OPTIONS", QStringLiteral("/api/auth/login"), {}, {},
            {{"Origin", "https://evil.example.com"}, {"Access-Control-Request-Method", "POST"}});
        QCOMPARE(refused.status, 403);
    }

    void halfSentHeadersAreAnsweredAndClosed()
    {
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), m_server->server().port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write("GET /health HTTP/1.1\r\nHost: x\r\n");
        QElapsedTimer timer;
        timer.start();
        QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 15'000);
        QVERIFY2(timer.elapsed() < 12'000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(socket.readAll().startsWith("HTTP/1.1 408"));
    }

    void forwardedForCountsOnlyFromTrustedProxies()
    {
        const auto login = [](TestServer &server, const QByteArray &forwardedFor) {
            return server.call("POST", QStringLiteral("/api/auth/login"),
                QJsonObject{{"username", "nobody_here"}, {"password", "whatever1"}}, {},
                {{"X-Forwarded-For", forwardedFor}});
        };
        // Behind a trusted proxy each client has its own limit.
        TestServer proxied([](ServerConfig &config) {
            config.authRatePerMinute = 2;
            config.trustedProxies = {QStringLiteral("127.0.0.1")};
        });
        KOCMOC_START(proxied);
        QCOMPARE(login(proxied, "203.0.113.7").status, 401);
        QCOMPARE(login(proxied, "203.0.113.7").status, 401);
        QCOMPARE(login(proxied, "203.0.113.7").status, 429);
        QCOMPARE(login(proxied, "198.51.100.1, 203.0.113.8").status, 401);
        proxied.registerUser(QStringLiteral("behind_proxy"));
        const Response signedIn = proxied.call("POST", QStringLiteral("/api/auth/login"),
            QJsonObject{{"username", "behind_proxy"}, {"password", "correct horse battery"}}, {},
            {{"X-Forwarded-For", "192.0.2.44"}});
        QCOMPARE(signedIn.status, 200);
        const Response sessions = proxied.call("GET", QStringLiteral("/api/auth/sessions"),
            QJsonValue::Undefined, signedIn.object().value("accessToken").toString());
        QStringList addresses;
        for (const QJsonValue session : sessions.array())
            addresses << session.toObject().value("ip").toString();
        QVERIFY2(addresses.contains(QStringLiteral("192.0.2.44")),
            qPrintable(addresses.join(QLatin1Char(' '))));

        // Without a trusted proxy the header is the client's own word and changes nothing.
        TestServer direct([](ServerConfig &config) { config.authRatePerMinute = 2; });
        KOCMOC_START(direct);
        QCOMPARE(login(direct, "203.0.113.1").status, 401);
        QCOMPARE(login(direct, "203.0.113.2").status, 401);
        QCOMPARE(login(direct, "203.0.113.3").status, 429);
    }

    void hugeDeclaredUploadIsRefusedWithoutReadingIt()
    {
        const quint64 before = residentMemoryBytes();
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), m_server->server().port());
        QVERIFY(socket.waitForConnected(5000));
        // Keep pushing body bytes (up to 64 MB) for as long as the server lets us.
        QByteArray answer = pushOversizedBody(socket,
            "POST /api/auth/register HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            "Content-Length: 2147483648\r\n\r\n",
            64 * 1024 * 1024);
        QTRY_VERIFY_WITH_TIMEOUT((answer += socket.readAll(), !answer.isEmpty()), 5000);
        QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.left(200).constData());
        QVERIFY(answer.contains("payload_too_large"));
        QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 5000);
        const qint64 growth = qint64(residentMemoryBytes()) - qint64(before);
        qInfo() << "resident memory growth during a 2 GB declared upload:" << growth / 1024
                << "KiB";
        QVERIFY2(growth < 10 * 1024 * 1024, qPrintable(QString::number(growth)));
        QCOMPARE(m_server->call("GET", QStringLiteral("/health")).status, 200);
    }
};

QTEST_GUILESS_MAIN(HttpTest)
#include "tst_http.moc"
