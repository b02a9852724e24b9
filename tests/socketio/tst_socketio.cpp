// The realtime protocol over the wire: an in-process HTTP server with an
// echoing Engine.IO server at /engine.io/ and Socket.IO at /socket.io/,
// driven by raw HTTP requests (QNetworkAccessManager, QTcpSocket) and
// QWebSocket clients that speak the packets themselves.

#include "http/HttpServer.h"
#include "http/Router.h"
#include "socketio/EngineServer.h"
#include "socketio/EngineSession.h"
#include "socketio/Server.h"
#include "socketio/WebSocketLink.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#include <QWebSocket>
#include <QtTest>

#include <memory>

#include <sys/socket.h>

using namespace kocmoc;
using namespace kocmoc::socketio;

namespace {

constexpr int waitMs = 5000;

struct HttpResult
{
    int status = 0;
    QByteArray body;
    QByteArray contentType;
};

// A WebSocket client that keeps every message in order and answers pings unless told not to.
class WsClient : public QObject
{
public:
    struct Message
    {
        QByteArray data;
        bool binary = false;
    };

    QWebSocket socket;
    QList<Message> messages;
    int pings = 0;
    bool answerPings = true;

    WsClient()
    {
        connect(&socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
            if (text == u"2") {
                ++pings;
                if (answerPings)
                    socket.sendTextMessage(QStringLiteral("3"));
                return;
            }
            messages.append({text.toUtf8(), false});
        });
        connect(&socket, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &data) {
            messages.append({data, true});
        });
    }

    bool open(const QUrl &url, const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        QNetworkRequest request(url);
        for (const auto &[name, value] : headers)
            request.setRawHeader(name, value);
        socket.open(request);
        return QTest::qWaitFor(
            [this] { return socket.state() == QAbstractSocket::ConnectedState; }, waitMs);
    }
    bool isConnected() const { return socket.state() == QAbstractSocket::ConnectedState; }
    bool waitForDisconnect(int timeoutMs = waitMs)
    {
        return QTest::qWaitFor(
            [this] { return socket.state() == QAbstractSocket::UnconnectedState; }, timeoutMs);
    }
    // The next message, or a null one after the timeout.
    Message next(int timeoutMs = waitMs)
    {
        if (!QTest::qWaitFor([this] { return !messages.isEmpty(); }, timeoutMs))
            return {};
        return messages.takeFirst();
    }
    QByteArray nextText(int timeoutMs = waitMs) { return next(timeoutMs).data; }
    void send(const QByteArray &text) { socket.sendTextMessage(QString::fromUtf8(text)); }
    void sendBinary(const QByteArray &data) { socket.sendBinaryMessage(data); }
};

QJsonObject jsonAfter(const QByteArray &data, qsizetype prefix)
{
    return QJsonDocument::fromJson(data.mid(prefix)).object();
}

} // namespace

class TestSocketIo : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    // Engine.IO
    void pollingHandshake();
    void refusesBadRequests();
    void pollingEchoesBatches();
    void heldPollIsAnsweredLater();
    void secondPollClosesTheSession();
    void clientCloseAnswersThePollWithNoop();
    void malformedPayloadClosesTheSession();
    void refusesOversizedPayloadsAndCutsAnswers();
    void webSocketSession();
    void malformedWebSocketPacketCloses();
    void upgradesFromPolling();
    void packetsQueuedDuringUpgradeFollowOverWebSocket();
    void secondWebSocketForASessionIsClosed();
    void heartbeatKeepsAnsweringClientsAlive();
    void pingTimeoutClosesSilentClients();
    void webSocketMessageSizeIsCapped();
    void refusedUpgradeGetsAnHttpError();
    void closedWebSocketsFreeTheirConnections();
    void webSocketFramesFollowRfc6455();
    void peersResetDuringAFanOut();
    void pollingQueueIsBounded();

    // Socket.IO
    void connectsToNamespaces();
    void authorizerAcceptsAndRefuses();
    void eventsAndAcknowledgementsBothWays();
    void binaryAttachmentsBothWays();
    void socketIoOverPolling();
    void roomsReachExactlyTheirMembers();
    void disconnects();
    void malformedSocketIoPacketCloses();
    void eventToAnotherNamespaceIsIgnored();
    void connectTimeoutClosesIdleSessions();

private:
    struct Settings
    {
        Server::Options io;
        EngineServer::Options echo;
    };
    static Settings defaultSettings();
    void start(const Settings &settings);
    void stop();

    QUrl url(const QString &path, const QString &transport, const QString &sid = {}) const;
    QUrl echoUrl(const QString &sid = {}) const
    {
        return url(QStringLiteral("/engine.io/"), QStringLiteral("polling"), sid);
    }
    QUrl echoWsUrl(const QString &sid = {}) const
    {
        return url(QStringLiteral("/engine.io/"), QStringLiteral("websocket"), sid);
    }
    QUrl ioUrl(const QString &sid = {}) const
    {
        return url(QStringLiteral("/socket.io/"), QStringLiteral("polling"), sid);
    }
    QUrl ioWsUrl(const QString &sid = {}) const
    {
        return url(QStringLiteral("/socket.io/"), QStringLiteral("websocket"), sid);
    }

    QNetworkReply *startRequest(
        const QByteArray &method, const QUrl &url, const QByteArray &body = {});
    static HttpResult finish(QNetworkReply *reply);
    HttpResult request(const QByteArray &method, const QUrl &url, const QByteArray &body = {})
    {
        return finish(startRequest(method, url, body));
    }
    QString openPollingSession(const QUrl &handshakeUrl);
    // A WebSocket client connected to "/" of the Socket.IO server; the server's socket is last
    // in m_sockets.
    std::unique_ptr<WsClient> connectSocketIo(const QByteArray &connectPacket = "40");

    http::Router m_router;
    std::unique_ptr<http::HttpServer> m_http;
    std::unique_ptr<EngineServer> m_echo;
    std::unique_ptr<Server> m_io;
    quint16 m_port = 0;
    QNetworkAccessManager m_network;

    QList<QPointer<Socket>> m_sockets; // every socket that connected to "/"
    QStringList m_disconnectReasons; // of "/" sockets
    QStringList m_echoCloseReasons;
    struct Event
    {
        QPointer<Socket> socket;
        QString name;
        Payload payload;
        bool ackRequested = false;
    };
    QList<Event> m_events; // events on "/" not answered by the server itself
};

TestSocketIo::Settings TestSocketIo::defaultSettings()
{
    // Heartbeats far apart, so that pings do not mix into what the tests expect.
    Settings settings;
    settings.io.pingIntervalMs = 60'000;
    settings.io.pingTimeoutMs = 60'000;
    settings.echo.pingIntervalMs = 60'000;
    settings.echo.pingTimeoutMs = 60'000;
    return settings;
}

void TestSocketIo::init()
{
    start(defaultSettings());
}

void TestSocketIo::cleanup()
{
    stop();
}

void TestSocketIo::stop()
{
    m_io.reset();
    m_echo.reset();
    m_http.reset();
    m_router = http::Router();
    m_sockets.clear();
    m_disconnectReasons.clear();
    m_echoCloseReasons.clear();
    m_events.clear();
}

void TestSocketIo::start(const Settings &settings)
{
    stop();
    m_http = std::make_unique<http::HttpServer>(m_router, http::HttpServer::Options{});

    m_echo = std::make_unique<EngineServer>(settings.echo);
    connect(m_echo.get(), &EngineServer::sessionOpened, this, [this](EngineSession *session) {
        connect(session, &EngineSession::messageReceived, session,
            [session](const QByteArray &data, bool binary) {
                if (binary)
                    session->sendBinary(data);
                else
                    session->sendMessage(data);
            });
        connect(session, &EngineSession::closed, this,
            [this](const QString &reason) { m_echoCloseReasons.append(reason); });
    });
    m_echo->attach(m_router, *m_http);

    m_io = std::make_unique<Server>(settings.io);
    Namespace &main = m_io->of(QStringLiteral("/"));
    m_io->of(QStringLiteral("/custom"));
    Namespace &priv = m_io->of(QStringLiteral("/private"));
    priv.setAuthorizer([this](Socket *socket, const QJsonObject &auth, Namespace::Decision decide) {
        // Decided later, as after a database lookup.
        QTimer::singleShot(10, this, [socket = QPointer<Socket>(socket), auth, decide] {
            if (auth.value(u"token").toString() != u"secret") {
                decide(QStringLiteral("unauthorized"));
                return;
            }
            if (socket)
                socket->setData(QStringLiteral("user-1"));
            decide(std::nullopt);
        });
    });
    connect(&main, &Namespace::connected, this, [this](Socket *socket) {
        m_sockets.append(socket);
        connect(socket, &Socket::disconnected, this,
            [this](const QString &reason) { m_disconnectReasons.append(reason); });
        connect(socket, &Socket::event, this,
            [this, socket](const QString &name, const Payload &payload, const Socket::Ack &ack) {
                if (name == u"echo-ack" && ack) {
                    ack(payload);
                    ack(QJsonArray{QStringLiteral("twice")}); // ignored
                    return;
                }
                m_events.append({socket, name, payload, bool(ack)});
            });
    });
    m_io->attach(m_router, *m_http);

    m_port = m_http->listenOn(QHostAddress::LocalHost, 0);
    QVERIFY(m_port != 0);
}

QUrl TestSocketIo::url(const QString &path, const QString &transport, const QString &sid) const
{
    const QString scheme
        = transport == u"websocket" ? QStringLiteral("ws") : QStringLiteral("http");
    QString text = QStringLiteral("%1://127.0.0.1:%2%3?EIO=4&transport=%4")
                       .arg(scheme)
                       .arg(m_port)
                       .arg(path, transport);
    if (!sid.isEmpty())
        text += QStringLiteral("&sid=") + sid;
    return QUrl(text);
}

QNetworkReply *TestSocketIo::startRequest(
    const QByteArray &method, const QUrl &url, const QByteArray &body)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, "text/plain;charset=UTF-8");
    return m_network.sendCustomRequest(request, method, body);
}

HttpResult TestSocketIo::finish(QNetworkReply *reply)
{
    HttpResult result;
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, waitMs))
        return result; // status 0: no answer

    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.contentType = reply->rawHeader("Content-Type");
    reply->deleteLater();
    return result;
}

QString TestSocketIo::openPollingSession(const QUrl &handshakeUrl)
{
    const HttpResult handshake = request("GET", handshakeUrl);
    if (handshake.status != 200 || !handshake.body.startsWith('0'))
        return {};
    return jsonAfter(handshake.body, 1).value(u"sid").toString();
}

std::unique_ptr<WsClient> TestSocketIo::connectSocketIo(const QByteArray &connectPacket)
{
    auto client = std::make_unique<WsClient>();
    const qsizetype before = m_sockets.size();
    if (!client->open(ioWsUrl()) || !client->nextText().startsWith('0'))
        return nullptr;
    client->send(connectPacket);
    if (!client->nextText().startsWith("40"))
        return nullptr;
    if (!QTest::qWaitFor([&] { return m_sockets.size() > before; }, waitMs))
        return nullptr;
    return client;
}

void TestSocketIo::pollingHandshake()
{
    const HttpResult first = request("GET", echoUrl());
    QCOMPARE(first.status, 200);
    QCOMPARE(first.contentType, QByteArray("text/plain; charset=UTF-8"));
    QVERIFY(first.body.startsWith('0'));
    const QJsonObject open = jsonAfter(first.body, 1);
    QCOMPARE(
        open.keys(), (QStringList{"maxPayload", "pingInterval", "pingTimeout", "sid", "upgrades"}));
    QCOMPARE(open.value(u"upgrades").toArray(), QJsonArray{"websocket"});
    QCOMPARE(open.value(u"pingInterval").toInt(), 60'000);
    QCOMPARE(open.value(u"pingTimeout").toInt(), 60'000);
    QCOMPARE(open.value(u"maxPayload").toInteger(), 1'000'000);
    const QString sid = open.value(u"sid").toString();
    QVERIFY(sid.size() >= 20);
    QCOMPARE(m_echo->sessionCount(), 1);
    QVERIFY(m_echo->session(sid));
    QCOMPARE(openPollingSession(echoUrl()).size(), sid.size());
    QVERIFY(openPollingSession(echoUrl()) != sid);
}

void TestSocketIo::refusesBadRequests()
{
    const auto code = [](const HttpResult &result) {
        return QJsonDocument::fromJson(result.body).object().value(u"code").toInt(-1);
    };
    const QString base = QStringLiteral("http://127.0.0.1:%1/engine.io/").arg(m_port);
    HttpResult result = request("GET", QUrl(base + QStringLiteral("?transport=polling")));
    QCOMPARE(result.status, 400);
    QCOMPARE(code(result), 5);
    QCOMPARE(request("GET", QUrl(base + QStringLiteral("?EIO=3&transport=polling"))).status, 400);
    result = request("GET", QUrl(base + QStringLiteral("?EIO=4&transport=carrier-pigeon")));
    QCOMPARE(result.status, 400);
    QCOMPARE(code(result), 0);
    // A WebSocket handshake without its Upgrade header.
    QCOMPARE(request("GET",
                 QUrl(echoUrl().toString().replace(
                     QStringLiteral("polling"), QStringLiteral("websocket"))))
                 .status,
        400);
    result = request("POST", echoUrl(), "4hello");
    QCOMPARE(result.status, 400);
    QCOMPARE(code(result), 2);
    QCOMPARE(request("PUT", echoUrl()).status, 400);
    result = request("GET", echoUrl(QStringLiteral("no-such-session")));
    QCOMPARE(result.status, 400);
    QCOMPARE(code(result), 1);
    QCOMPARE(request("POST", echoUrl(QStringLiteral("no-such-session")), "4x").status, 400);
    const QString sid = openPollingSession(echoUrl());
    QCOMPARE(request("DELETE", echoUrl(sid)).status, 400);
    QCOMPARE(m_echo->sessionCount(), 1);
}

void TestSocketIo::pollingEchoesBatches()
{
    const QString sid = openPollingSession(echoUrl());
    QVERIFY(!sid.isEmpty());
    const QByteArray batch("4one\x1e"
                           "4two\x1e"
                           "bAQIDBA==\x1e"
                           "4ünï");
    const HttpResult posted = request("POST", echoUrl(sid), batch);
    QCOMPARE(posted.status, 200);
    QCOMPARE(posted.body, QByteArray("ok"));
    const HttpResult polled = request("GET", echoUrl(sid));
    QCOMPARE(polled.status, 200);
    QCOMPARE(polled.body, batch);
}

void TestSocketIo::heldPollIsAnsweredLater()
{
    const QString sid = openPollingSession(echoUrl());
    QNetworkReply *poll = startRequest("GET", echoUrl(sid));
    QTest::qWait(300);
    QVERIFY(!poll->isFinished());
    QCOMPARE(request("POST", echoUrl(sid), "4late").status, 200);
    const HttpResult result = finish(poll);
    QCOMPARE(result.status, 200);
    QCOMPARE(result.body, QByteArray("4late"));
}

void TestSocketIo::secondPollClosesTheSession()
{
    const QString sid = openPollingSession(echoUrl());
    QNetworkReply *first = startRequest("GET", echoUrl(sid));
    QTest::qWait(300); // the poll waits on the server
    QCOMPARE(request("GET", echoUrl(sid)).status, 400);
    const HttpResult closed = finish(first);
    QCOMPARE(closed.status, 200);
    QCOMPARE(closed.body, QByteArray("1"));
    QCOMPARE(request("GET", echoUrl(sid)).status, 400);
    QCOMPARE(m_echoCloseReasons, QStringList{"transport error"});
}

void TestSocketIo::clientCloseAnswersThePollWithNoop()
{
    const QString sid = openPollingSession(echoUrl());
    QNetworkReply *poll = startRequest("GET", echoUrl(sid));
    QTest::qWait(300); // the poll waits on the server
    QCOMPARE(request("POST", echoUrl(sid), "1").status, 200);
    QCOMPARE(finish(poll).body, QByteArray("6"));
    QCOMPARE(request("GET", echoUrl(sid)).status, 400);
    QCOMPARE(m_echoCloseReasons, QStringList{"transport close"});
    QCOMPARE(m_echo->sessionCount(), 0);
}

void TestSocketIo::malformedPayloadClosesTheSession()
{
    const QString sid = openPollingSession(echoUrl());
    QCOMPARE(request("POST", echoUrl(sid), "abc").status, 400);
    QCOMPARE(request("GET", echoUrl(sid)).status, 400);
    QCOMPARE(m_echoCloseReasons, QStringList{"parse error"});

    // An Engine.IO packet a client may not send.
    const QString other = openPollingSession(echoUrl());
    QCOMPARE(request("POST", echoUrl(other), "0{}").status, 400);
    QCOMPARE(request("GET", echoUrl(other)).status, 400);
}

void TestSocketIo::refusesOversizedPayloadsAndCutsAnswers()
{
    Settings settings = defaultSettings();
    settings.echo.maxPayloadBytes = 100;
    start(settings);
    const QString sid = openPollingSession(echoUrl());
    QVERIFY(!sid.isEmpty());
    const QByteArray packet = '4' + QByteArray(40, 'a'); // 41 bytes
    const QByteArray pair = packet + '\x1e' + packet; // 83 bytes
    QCOMPARE(request("POST", echoUrl(sid), pair).status, 200);
    QCOMPARE(request("POST", echoUrl(sid), pair).status, 200);
    // Four packets wait; an answer holds at most 100 bytes.
    QCOMPARE(request("GET", echoUrl(sid)).body, pair);
    QCOMPARE(request("GET", echoUrl(sid)).body, pair);

    const HttpResult tooLarge = request("POST", echoUrl(sid), pair + '\x1e' + packet);
    QCOMPARE(tooLarge.status, 413);
    QCOMPARE(request("GET", echoUrl(sid)).status, 400);
}

void TestSocketIo::webSocketSession()
{
    WsClient client;
    QVERIFY(client.open(echoWsUrl()));
    const QByteArray open = client.nextText();
    QVERIFY(open.startsWith('0'));
    QCOMPARE(jsonAfter(open, 1).value(u"upgrades").toArray(), QJsonArray());
    QCOMPARE(m_echo->sessionCount(), 1);
    client.send("4hello");
    QCOMPARE(client.nextText(), QByteArray("4hello"));
    client.sendBinary(QByteArray("\x01\x02\x03", 3));
    const WsClient::Message binary = client.next();
    QVERIFY(binary.binary);
    QCOMPARE(binary.data, QByteArray("\x01\x02\x03", 3));
    client.socket.close();
    QTRY_COMPARE(m_echo->sessionCount(), 0);
    QCOMPARE(m_echoCloseReasons, QStringList{"transport close"});
}

void TestSocketIo::malformedWebSocketPacketCloses()
{
    WsClient client;
    QVERIFY(client.open(echoWsUrl()));
    QVERIFY(client.nextText().startsWith('0'));
    client.send("abc");
    QVERIFY(client.waitForDisconnect());
    QCOMPARE(m_echoCloseReasons, QStringList{"parse error"});
}

void TestSocketIo::upgradesFromPolling()
{
    const QString sid = openPollingSession(echoUrl());
    QNetworkReply *poll = startRequest("GET", echoUrl(sid));
    WsClient client;
    QVERIFY(client.open(echoWsUrl(sid)));
    QTest::qWait(50);
    QVERIFY(!poll->isFinished());
    client.send("2probe");
    QCOMPARE(client.nextText(), QByteArray("3probe"));
    // The waiting poll is released so that polling pauses.
    const HttpResult released = finish(poll);
    QCOMPARE(released.status, 200);
    QCOMPARE(released.body, QByteArray("6"));
    client.send("5");
    client.send("4over websocket");
    QCOMPARE(client.nextText(), QByteArray("4over websocket"));
    QCOMPARE(m_echo->session(sid)->transport(), EngineSession::Transport::WebSocket);
    QCOMPARE(request("GET", echoUrl(sid)).status, 400);
    QCOMPARE(request("POST", echoUrl(sid), "4x").status, 400);
    QVERIFY(client.isConnected());
    QCOMPARE(m_echo->sessionCount(), 1);
}

void TestSocketIo::packetsQueuedDuringUpgradeFollowOverWebSocket()
{
    const QString sid = openPollingSession(echoUrl());
    WsClient client;
    QVERIFY(client.open(echoWsUrl(sid)));
    client.send("2probe");
    QCOMPARE(client.nextText(), QByteArray("3probe"));
    // Sent over polling after the probe: the echo waits for the WebSocket.
    QCOMPARE(request("POST", echoUrl(sid), "4queued").status, 200);
    QCOMPARE(request("GET", echoUrl(sid)).body, QByteArray("6"));
    QVERIFY(client.messages.isEmpty());
    client.send("5");
    QCOMPARE(client.nextText(), QByteArray("4queued"));
}

void TestSocketIo::secondWebSocketForASessionIsClosed()
{
    const QString sid = openPollingSession(echoUrl());
    WsClient first;
    QVERIFY(first.open(echoWsUrl(sid)));
    first.send("2probe");
    QCOMPARE(first.nextText(), QByteArray("3probe"));
    first.send("5");
    WsClient second;
    second.socket.open(echoWsUrl(sid));
    QTest::qWait(100);
    QVERIFY(second.waitForDisconnect());
    QVERIFY(second.messages.isEmpty());
    first.send("4still here");
    QCOMPARE(first.nextText(), QByteArray("4still here"));

    // A WebSocket that sends anything but the probe is no upgrade; polling goes on.
    const QString other = openPollingSession(echoUrl());
    WsClient stray;
    QVERIFY(stray.open(echoWsUrl(other)));
    stray.send("4not a probe");
    QVERIFY(stray.waitForDisconnect());
    QCOMPARE(request("POST", echoUrl(other), "4polling").status, 200);
    QCOMPARE(request("GET", echoUrl(other)).body, QByteArray("4polling"));
}

void TestSocketIo::heartbeatKeepsAnsweringClientsAlive()
{
    Settings settings = defaultSettings();
    settings.echo.pingIntervalMs = 100;
    settings.echo.pingTimeoutMs = 2000; // room for a busy machine
    start(settings);
    WsClient client;
    QVERIFY(client.open(echoWsUrl()));
    QVERIFY(client.nextText().startsWith('0'));
    QTRY_VERIFY_WITH_TIMEOUT(client.pings >= 4, waitMs);
    QVERIFY(client.isConnected());

    // Over polling: each poll gets the ping, the pong goes by POST.
    const QString sid = openPollingSession(echoUrl());
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(request("GET", echoUrl(sid)).body, QByteArray("2"));
        QCOMPARE(request("POST", echoUrl(sid), "3").status, 200);
    }
    QCOMPARE(m_echo->sessionCount(), 2);
}

void TestSocketIo::pingTimeoutClosesSilentClients()
{
    Settings settings = defaultSettings();
    settings.echo.pingIntervalMs = 100;
    settings.echo.pingTimeoutMs = 100;
    start(settings);
    WsClient client;
    client.answerPings = false;
    QVERIFY(client.open(echoWsUrl()));
    QVERIFY(client.waitForDisconnect(2000));
    QCOMPARE(client.pings, 1);
    QCOMPARE(m_echoCloseReasons, QStringList{"ping timeout"});

    const QString sid = openPollingSession(echoUrl());
    QTest::qWait(250);
    QCOMPARE(request("GET", echoUrl(sid)).status, 400);
    QCOMPARE(m_echoCloseReasons, (QStringList{"ping timeout", "ping timeout"}));
}

void TestSocketIo::webSocketMessageSizeIsCapped()
{
    Settings settings = defaultSettings();
    settings.echo.maxWebSocketMessageBytes = 1024;
    start(settings);
    WsClient client;
    QVERIFY(client.open(echoWsUrl()));
    QVERIFY(client.nextText().startsWith('0'));
    const QByteArray fits = '4' + QByteArray(1000, 'x');
    client.send(fits);
    QCOMPARE(client.nextText(), fits);
    client.send('4' + QByteArray(2000, 'x'));
    QVERIFY(client.waitForDisconnect());
    QCOMPARE(client.socket.closeCode(), QWebSocketProtocol::CloseCodeTooMuchData);
    QTRY_COMPARE(m_echo->sessionCount(), 0);
}

void TestSocketIo::refusedUpgradeGetsAnHttpError()
{
    const auto upgrade = [this](const QByteArray &target) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        if (!socket.waitForConnected(waitMs))
            return QByteArray();
        socket.write("GET " + target
            + " HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
              "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        QByteArray answer;
        // The server answers and closes: no socket left hanging.
        const bool closed = QTest::qWaitFor(
            [&] {
                answer += socket.readAll();
                return socket.state() == QAbstractSocket::UnconnectedState;
            },
            waitMs);
        answer += socket.readAll();
        return closed ? answer : QByteArray("left open");
    };
    QVERIFY(upgrade("/engine.io/?EIO=3&transport=websocket").startsWith("HTTP/1.1 400"));
    const QByteArray unknown = upgrade("/engine.io/?EIO=4&transport=websocket&sid=nope");
    QVERIFY(unknown.startsWith("HTTP/1.1 400"));
    QVERIFY(unknown.contains("Session ID unknown"));
    QVERIFY(upgrade("/engine.io/?EIO=4&transport=polling").startsWith("HTTP/1.1 400"));
    QVERIFY(upgrade("/elsewhere").startsWith("HTTP/1.1 404"));
    QCOMPARE(m_echo->sessionCount(), 0);
}

void TestSocketIo::closedWebSocketsFreeTheirConnections()
{
    const auto links = [this] {
        return m_echo->findChildren<WebSocketLink *>(Qt::FindDirectChildrenOnly).size();
    };
    const auto openDescriptors = [] {
        return QDir(QStringLiteral("/proc/self/fd"))
            .entryList(QDir::NoDotAndDotDot | QDir::System)
            .size();
    };
    const qsizetype descriptorsBefore = openDescriptors();
    WsClient leaving, malformed, closedByServer, open;
    QString closedByServerSid;
    for (WsClient *client : {&leaving, &malformed, &closedByServer, &open}) {
        QVERIFY(client->open(echoWsUrl()));
        const QByteArray openPacket = client->nextText();
        QVERIFY(openPacket.startsWith('0'));
        if (client == &closedByServer)
            closedByServerSid = jsonAfter(openPacket, 1).value(u"sid").toString();
    }
    QCOMPARE(links(), 4);
    // The server speaks WebSocket on the bare descriptor: no QTcpSocket stays for one.
    QCOMPARE(m_http->guard()->findChildren<QTcpSocket *>(Qt::FindDirectChildrenOnly).size(), 0);
    // Each connection is one descriptor on each side, both in this process.
    QCOMPARE(openDescriptors(), descriptorsBefore + 8);
    leaving.socket.close();
    malformed.send("abc");
    m_echo->session(closedByServerSid)->close();
    QVERIFY(closedByServer.waitForDisconnect());
    QTRY_COMPARE(m_echo->sessionCount(), 1);
    QTRY_COMPARE(links(), 1);
    QVERIFY(open.isConnected());
    QCOMPARE(m_echoCloseReasons.size(), 3);
    // The client sockets are closed or closing; the server's three descriptors are closed.
    QTRY_VERIFY(openDescriptors() <= descriptorsBefore + 5);
}

namespace {

// A client that writes WebSocket frames by hand, for what QWebSocket never sends.
struct RawWebSocket
{
    QTcpSocket socket;
    QByteArray in;

    QByteArray upgrade(quint16 port, const QByteArray &target, const QByteArray &version = "13")
    {
        socket.connectToHost(QHostAddress::LocalHost, port);
        if (!socket.waitForConnected(waitMs))
            return {};
        socket.write("GET " + target
            + " HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
              "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: "
            + version + "\r\n\r\n");
        const bool answered = QTest::qWaitFor(
            [&] {
                in += socket.readAll();
                return in.contains("\r\n\r\n") || socket.state() != QAbstractSocket::ConnectedState;
            },
            waitMs);
        const qsizetype end = in.indexOf("\r\n\r\n");
        if (!answered || end < 0)
            return in;
        const QByteArray head = in.left(end + 4);
        in.remove(0, end + 4);
        return head;
    }

    void send(quint8 opcode, const QByteArray &payload, bool final = true, bool masked = true)
    {
        QByteArray frame;
        frame.append(char((final ? 0x80 : 0) | opcode));
        frame.append(char((masked ? 0x80 : 0) | payload.size())); // short payloads only
        const QByteArray mask = "\x12\x34\x56\x78";
        if (masked)
            frame.append(mask);
        for (qsizetype i = 0; i < payload.size(); ++i)
            frame.append(masked ? char(payload[i] ^ mask[i % 4]) : payload[i]);
        socket.write(frame);
    }

    // The next frame from the server: opcode and payload; opcode -1 when none came.
    std::pair<int, QByteArray> next()
    {
        std::pair<int, QByteArray> frame{-1, {}};
        const bool came = QTest::qWaitFor(
            [&] {
                in += socket.readAll();
                if (in.size() < 2 || in.size() < 2 + (quint8(in[1]) & 0x7F))
                    return socket.state() != QAbstractSocket::ConnectedState;
                const int length = quint8(in[1]) & 0x7F; // servers send short frames here
                frame = {quint8(in[0]) & 0x0F, in.mid(2, length)};
                in.remove(0, 2 + length);
                return true;
            },
            waitMs);
        return came ? frame : std::pair<int, QByteArray>{-1, {}};
    }

    bool waitForDisconnect()
    {
        return QTest::qWaitFor(
            [&] { return socket.state() == QAbstractSocket::UnconnectedState; }, waitMs);
    }
};

quint16 closeCodeOf(const QByteArray &payload)
{
    return payload.size() >= 2 ? quint16(quint8(payload[0]) << 8 | quint8(payload[1])) : 0;
}

} // namespace

// The server's own WebSocket layer: the handshake, control frames, fragments, and the close
// codes of RFC 6455 for what breaks the protocol.
void TestSocketIo::webSocketFramesFollowRfc6455()
{
    RawWebSocket client;
    const QByteArray head = client.upgrade(m_port, "/engine.io/?EIO=4&transport=websocket");
    QVERIFY2(head.startsWith("HTTP/1.1 101"), head.constData());
    // RFC 6455, 1.3: the sample key's answer.
    QVERIFY(head.contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"));
    QCOMPARE(client.next().second.left(1), QByteArray("0")); // Engine.IO's open packet

    client.send(0x9, "are you there");
    QCOMPARE(client.next(), std::make_pair(0xA, QByteArray("are you there")));
    // A message in three fragments with a ping between them arrives whole (echoed).
    client.send(0x1, "4hel", false);
    client.send(0x0, "lo, ", false);
    client.send(0x9, "between");
    client.send(0x0, "world", true);
    QCOMPARE(client.next(), std::make_pair(0xA, QByteArray("between")));
    QCOMPARE(client.next(), std::make_pair(0x1, QByteArray("4hello, world")));
    // The client closes: the server answers with the same code and ends the connection.
    client.send(0x8, QByteArray("\x03\xE8", 2));
    const auto answer = client.next();
    QCOMPARE(answer.first, 0x8);
    QCOMPARE(closeCodeOf(answer.second), 1000);
    QVERIFY(client.waitForDisconnect());

    const auto closedWith = [this](const std::function<void(RawWebSocket &)> &misbehave) {
        RawWebSocket peer;
        if (!peer.upgrade(m_port, "/engine.io/?EIO=4&transport=websocket")
                 .startsWith("HTTP/1.1 101"))
            return quint16(0);
        peer.next(); // open
        misbehave(peer);
        const auto frame = peer.next();
        if (frame.first != 0x8 || !peer.waitForDisconnect())
            return quint16(0);
        return closeCodeOf(frame.second);
    };
    QCOMPARE(closedWith([](RawWebSocket &peer) { peer.send(0x1, "4unmasked", true, false); }),
        quint16(QWebSocketProtocol::CloseCodeProtocolError));
    QCOMPARE(closedWith([](RawWebSocket &peer) { peer.send(0x1, "4\xC3\x28"); }),
        quint16(QWebSocketProtocol::CloseCodeWrongDatatype));
    QCOMPARE(closedWith([](RawWebSocket &peer) { peer.send(0x0, "no message to continue"); }),
        quint16(QWebSocketProtocol::CloseCodeProtocolError));
    QCOMPARE(closedWith([](RawWebSocket &peer) { peer.send(0x9, "split ping", false); }),
        quint16(QWebSocketProtocol::CloseCodeProtocolError));
    QCOMPARE(closedWith([](RawWebSocket &peer) { peer.send(0x3, "reserved opcode"); }),
        quint16(QWebSocketProtocol::CloseCodeProtocolError));

    RawWebSocket oldVersion;
    const QByteArray refused
        = oldVersion.upgrade(m_port, "/engine.io/?EIO=4&transport=websocket", "8");
    QVERIFY2(refused.startsWith("HTTP/1.1 426"), refused.constData());
    QVERIFY(refused.contains("Sec-WebSocket-Version: 13\r\n"));
    QTRY_COMPARE(m_echo->sessionCount(), 0);
}

// A fan-out that finds some peers gone (their connection reset) reaches the others in full,
// through the shared room and their own, and the gone ones leave their rooms. (The crash this
// guards against, a room lost under the walk, did not show in this process without the fix.)
void TestSocketIo::peersResetDuringAFanOut()
{
    std::vector<std::unique_ptr<RawWebSocket>> peers;
    for (int i = 0; i < 8; ++i) {
        auto peer = std::make_unique<RawWebSocket>();
        QVERIFY(peer->upgrade(m_port, "/socket.io/?EIO=4&transport=websocket")
                    .startsWith("HTTP/1.1 101"));
        QCOMPARE(peer->next().first, 0x1); // open
        peer->send(0x1, "40");
        QVERIFY(peer->next().second.startsWith("40{"));
        peers.push_back(std::move(peer));
    }
    QTRY_COMPARE(m_sockets.size(), 8);
    // A room of everyone, and one room per person (as the realtime hub has per user).
    QStringList rooms{QStringLiteral("room")};
    for (qsizetype i = 0; i < m_sockets.size(); ++i) {
        m_sockets.at(i)->join(QStringLiteral("room"));
        m_sockets.at(i)->join(QStringLiteral("solo%1").arg(i));
        rooms.append(QStringLiteral("solo%1").arg(i));
    }
    // Every other peer resets its connection (SO_LINGER 0), and the server hears of it only
    // when it writes: the fan-out below runs before the event loop does.
    for (size_t i = 0; i < peers.size(); i += 2) {
        const linger reset{1, 0};
        QCOMPARE(::setsockopt(int(peers[i]->socket.socketDescriptor()), SOL_SOCKET, SO_LINGER,
                     &reset, sizeof reset),
            0);
        peers[i]->socket.abort();
    }
    QThread::msleep(100);
    Namespace &nsp = m_io->of(QStringLiteral("/"));
    for (int round = 0; round < 3; ++round) {
        nsp.emitTo(QStringLiteral("room"), QStringLiteral("news"), QJsonArray{round});
        nsp.emitTo(rooms.mid(1), QStringLiteral("news"), QJsonArray{round});
    }
    for (size_t i = 1; i < peers.size(); i += 2) {
        for (int round = 0; round < 3; ++round) {
            const QByteArray expected = "42[\"news\"," + QByteArray::number(round) + "]";
            QCOMPARE(peers[i]->next().second, expected); // through the room of everyone
            QCOMPARE(peers[i]->next().second, expected); // through its own
        }
    }
    QTRY_COMPARE(nsp.socketsIn(QStringLiteral("room")).size(), 4);
}

void TestSocketIo::pollingQueueIsBounded()
{
    Settings settings = defaultSettings();
    settings.io.maxQueuedPackets = 5;
    start(settings);
    const QString sid = openPollingSession(ioUrl());
    QCOMPARE(request("POST", ioUrl(sid), "40").status, 200);
    QVERIFY(request("GET", ioUrl(sid)).body.startsWith("40{"));
    QTRY_COMPARE(m_sockets.size(), 1);
    for (int i = 0; i < 10; ++i)
        m_sockets.first()->emitEvent(QStringLiteral("news"), QJsonArray{i});
    QTRY_COMPARE(m_disconnectReasons, QStringList{"send buffer full"});
    QCOMPARE(request("GET", ioUrl(sid)).status, 400);
}

void TestSocketIo::connectsToNamespaces()
{
    WsClient client;
    QVERIFY(client.open(QUrl(ioWsUrl().toString() + QStringLiteral("&client=qt")),
        {{"X-Test", "handshake header"}}));
    QVERIFY(client.nextText().startsWith('0'));
    client.send("40");
    const QByteArray main = client.nextText();
    QVERIFY(main.startsWith("40{"));
    const QString mainSid = jsonAfter(main, 2).value(u"sid").toString();
    QVERIFY(!mainSid.isEmpty());
    client.send("40/custom,");
    const QByteArray custom = client.nextText();
    QVERIFY(custom.startsWith("40/custom,{"));
    QVERIFY(jsonAfter(custom, 10).value(u"sid").toString() != mainSid);
    QCOMPARE(m_io->of(QStringLiteral("/custom")).socketCount(), 1);
    client.send("40/nowhere,");
    QCOMPARE(client.nextText(), QByteArray("44/nowhere,{\"message\":\"Invalid namespace\"}"));
    QVERIFY(!m_io->find(QStringLiteral("/nowhere")));

    QCOMPARE(m_sockets.size(), 1);
    Socket *socket = m_sockets.first();
    QCOMPARE(socket->id(), mainSid);
    QCOMPARE(socket->handshake().header("x-test"), QByteArray("handshake header"));
    QCOMPARE(socket->handshake().queryValue(QStringLiteral("client")), QStringLiteral("qt"));
    QCOMPARE(socket->handshake().clientIp(), QStringLiteral("127.0.0.1"));
    QVERIFY(socket->rooms().contains(socket->id()));
    QCOMPARE(m_io->sessionCount(), 1);
    QCOMPARE(
        socket->sessionId(), m_io->of(QStringLiteral("/custom")).sockets().first()->sessionId());
}

void TestSocketIo::authorizerAcceptsAndRefuses()
{
    Socket *accepted = nullptr;
    connect(&m_io->of(QStringLiteral("/private")), &Namespace::connected, this,
        [&accepted](Socket *socket) { accepted = socket; });
    WsClient client;
    QVERIFY(client.open(ioWsUrl()));
    QVERIFY(client.nextText().startsWith('0'));
    client.send("40/private,{\"token\":\"wrong\"}");
    QCOMPARE(client.nextText(), QByteArray("44/private,{\"message\":\"unauthorized\"}"));
    QVERIFY(!accepted);
    client.send("40/private,{\"token\":\"secret\"}");
    QVERIFY(client.nextText().startsWith("40/private,{\"sid\":"));
    QVERIFY(accepted);
    QCOMPARE(accepted->auth().value(u"token"), QJsonValue("secret"));
    QCOMPARE(accepted->data().toString(), QStringLiteral("user-1"));
    QCOMPARE(m_io->of(QStringLiteral("/private")).socketCount(), 1);

    // A client that leaves while its CONNECT is being checked is simply forgotten.
    WsClient leaving;
    QVERIFY(leaving.open(ioWsUrl()));
    QVERIFY(leaving.nextText().startsWith('0'));
    leaving.send("40/private,{\"token\":\"secret\"}");
    leaving.socket.abort();
    QTest::qWait(100);
    QTRY_COMPARE(m_io->of(QStringLiteral("/private")).socketCount(), 1);
}

void TestSocketIo::eventsAndAcknowledgementsBothWays()
{
    auto client = connectSocketIo();
    QVERIFY(client);
    Socket *socket = m_sockets.last();

    client->send("42[\"hello\",1,{\"two\":[true]}]");
    QTRY_COMPARE(m_events.size(), 1);
    QCOMPARE(m_events.first().name, QStringLiteral("hello"));
    QCOMPARE(
        m_events.first().payload.args, (QJsonArray{1, QJsonObject{{"two", QJsonArray{true}}}}));
    QVERIFY(!m_events.first().ackRequested);

    // The client asks, the server answers once (a second answer is dropped).
    client->send("4212[\"echo-ack\",\"a\",2]");
    QCOMPARE(client->nextText(), QByteArray("4312[\"a\",2]"));
    client->send("4213[\"echo-ack\"]");
    QCOMPARE(client->nextText(), QByteArray("4313[]"));

    // The server asks, the client answers.
    QList<Payload> answers;
    socket->emitEvent(QStringLiteral("question"), QJsonArray{"why"},
        [&answers](const Payload &answer) { answers.append(answer); });
    QCOMPARE(client->nextText(), QByteArray("420[\"question\",\"why\"]"));
    client->send("430[\"because\"]");
    QTRY_COMPARE(answers.size(), 1);
    QCOMPARE(answers.first().args, QJsonArray{"because"});
    client->send("430[\"again\"]"); // answered already: ignored
    client->send("4399[\"unknown\"]");
    QTest::qWait(100);
    QCOMPARE(answers.size(), 1);
    QVERIFY(client->isConnected());
}

void TestSocketIo::binaryAttachmentsBothWays()
{
    auto client = connectSocketIo();
    QVERIFY(client);
    Socket *socket = m_sockets.last();

    client->send("452-[\"upload\",{\"_placeholder\":true,\"num\":0},"
                 "{\"nested\":{\"_placeholder\":true,\"num\":1}}]");
    client->sendBinary(QByteArray("\x00\x01", 2));
    QTest::qWait(50);
    QVERIFY(m_events.isEmpty()); // waits for the second attachment
    client->sendBinary(QByteArray("\xff", 1));
    QTRY_COMPARE(m_events.size(), 1);
    const Payload &received = m_events.first().payload;
    QCOMPARE(received.attachments.size(), 2);
    QCOMPARE(received.binary(received.args.at(0)), QByteArray("\x00\x01", 2));
    QCOMPARE(
        received.binary(received.args.at(1).toObject().value(u"nested")), QByteArray("\xff", 1));

    socket->emitEvent(QStringLiteral("download"), Payload(QJsonArray{"name"}).appendBinary("data"));
    QCOMPARE(client->nextText(),
        QByteArray("451-[\"download\",\"name\",{\"_placeholder\":true,\"num\":0}]"));
    const WsClient::Message attachment = client->next();
    QVERIFY(attachment.binary);
    QCOMPARE(attachment.data, QByteArray("data"));

    // A binary acknowledgement.
    client->send("451-7[\"echo-ack\",{\"_placeholder\":true,\"num\":0}]");
    client->sendBinary("ack");
    QCOMPARE(client->nextText(), QByteArray("461-7[{\"_placeholder\":true,\"num\":0}]"));
    QCOMPARE(client->next().data, QByteArray("ack"));

    // Binary data no packet announced is malformed.
    client->sendBinary("stray");
    QVERIFY(client->waitForDisconnect());
}

void TestSocketIo::socketIoOverPolling()
{
    const QString sid = openPollingSession(ioUrl());
    QVERIFY(!sid.isEmpty());
    QCOMPARE(request("POST", ioUrl(sid), "40{\"token\":\"t\"}").status, 200);
    QVERIFY(request("GET", ioUrl(sid)).body.startsWith("40{\"sid\":"));
    QTRY_COMPARE(m_sockets.size(), 1);
    QCOMPARE(m_sockets.first()->auth().value(u"token"), QJsonValue("t"));

    // An event with an acknowledgement and a binary event in one payload.
    QCOMPARE(request("POST", ioUrl(sid),
                 "425[\"echo-ack\",\"x\"]\x1e"
                 "451-[\"file\",{\"_placeholder\":true,\"num\":0}]\x1e"
                 "bAQID")
                 .status,
        200);
    QTRY_COMPARE(m_events.size(), 1);
    QCOMPARE(m_events.first().payload.attachments, QList<QByteArray>{QByteArray("\x01\x02\x03")});
    m_sockets.first()->emitEvent(QStringLiteral("bin"), Payload().appendBinary("\x04\x05"));
    // A burst leaves in one answer.
    QCOMPARE(request("GET", ioUrl(sid)).body,
        QByteArray("435[\"x\"]\x1e"
                   "451-[\"bin\",{\"_placeholder\":true,\"num\":0}]\x1e"
                   "bBAU="));
}

void TestSocketIo::roomsReachExactlyTheirMembers()
{
    auto a = connectSocketIo();
    auto b = connectSocketIo();
    auto c = connectSocketIo();
    QVERIFY(a && b && c);
    Socket *sa = m_sockets.at(0);
    Socket *sb = m_sockets.at(1);
    Socket *sc = m_sockets.at(2);
    sa->join(QStringLiteral("r1"));
    sb->join(QStringLiteral("r1"));
    sb->join(QStringLiteral("r2"));
    sc->join(QStringLiteral("r3"));
    Namespace &nsp = m_io->of(QStringLiteral("/"));
    QCOMPARE(nsp.socketsIn(QStringLiteral("r1")).size(), 2);

    nsp.emitTo(QStringList{"r1", "r2"}, QStringLiteral("news"), QJsonArray{1});
    nsp.emitTo(QStringLiteral("r1"), QStringLiteral("news"), QJsonArray{2}, sa);
    nsp.emitTo(sc->id(), QStringLiteral("news"), QJsonArray{3});
    nsp.emitTo(QStringLiteral("empty"), QStringLiteral("news"), QJsonArray{4});
    nsp.emitAll(QStringLiteral("all"), QJsonArray{}, sb);
    QTRY_COMPARE(a->messages.size(), 2);
    QTRY_COMPARE(b->messages.size(), 2);
    QTRY_COMPARE(c->messages.size(), 2);
    QTest::qWait(100); // nothing more comes
    const auto texts = [](WsClient &client) {
        QList<QByteArray> list;
        for (const auto &message : std::as_const(client.messages))
            list.append(message.data);
        return list;
    };
    QCOMPARE(texts(*a), (QList<QByteArray>{"42[\"news\",1]", "42[\"all\"]"}));
    QCOMPARE(texts(*b), (QList<QByteArray>{"42[\"news\",1]", "42[\"news\",2]"}));
    QCOMPARE(texts(*c), (QList<QByteArray>{"42[\"news\",3]", "42[\"all\"]"}));

    sb->leave(QStringLiteral("r1"));
    QCOMPARE(nsp.socketsIn(QStringLiteral("r1")), QList<Socket *>{sa});
    c->socket.close();
    QTRY_VERIFY(!nsp.hasRoom(QStringLiteral("r3")));
    QCOMPARE(nsp.socketCount(), 2);
}

void TestSocketIo::disconnects()
{
    // The server disconnects the only namespace: DISCONNECT, then the connection closes.
    auto only = connectSocketIo();
    QVERIFY(only);
    m_sockets.last()->disconnect();
    QCOMPARE(only->nextText(), QByteArray("41"));
    QVERIFY(only->waitForDisconnect());
    QCOMPARE(m_disconnectReasons, QStringList{"server namespace disconnect"});

    // With another namespace left, the connection stays.
    auto two = connectSocketIo();
    QVERIFY(two);
    two->send("40/custom,");
    QVERIFY(two->nextText().startsWith("40/custom,"));
    m_io->of(QStringLiteral("/custom")).sockets().first()->disconnect();
    QCOMPARE(two->nextText(), QByteArray("41/custom,"));
    two->send("4214[\"echo-ack\"]");
    QCOMPARE(two->nextText(), QByteArray("4314[]"));

    // The client leaves a namespace; its connection stays too.
    two->send("41");
    QTRY_COMPARE(m_disconnectReasons.size(), 2);
    QCOMPARE(m_disconnectReasons.last(), QStringLiteral("client namespace disconnect"));
    QVERIFY(two->isConnected());
    QCOMPARE(m_io->of(QStringLiteral("/")).socketCount(), 0);

    // The connection ends: every socket learns why.
    auto closing = connectSocketIo();
    QVERIFY(closing);
    closing->socket.close();
    QTRY_COMPARE(m_disconnectReasons.size(), 3);
    QCOMPARE(m_disconnectReasons.last(), QStringLiteral("transport close"));
}

void TestSocketIo::malformedSocketIoPacketCloses()
{
    for (const QByteArray &packet :
        {QByteArray("42{}"), QByteArray("4abc"), QByteArray("42abc[\"m\"]")}) {
        auto client = connectSocketIo();
        QVERIFY(client);
        client->send(packet);
        QVERIFY2(client->waitForDisconnect(), packet.constData());
        QTRY_COMPARE(m_disconnectReasons.last(), QStringLiteral("parse error"));
    }
    // Text where attachments were announced.
    auto client = connectSocketIo();
    QVERIFY(client);
    client->send("451-[\"m\",{\"_placeholder\":true,\"num\":0}]");
    client->send("42[\"m\"]");
    QVERIFY(client->waitForDisconnect());
}

void TestSocketIo::eventToAnotherNamespaceIsIgnored()
{
    auto client = connectSocketIo();
    QVERIFY(client);
    client->send("42/custom,[\"lost\"]");
    client->send("42[\"kept\"]");
    QTRY_COMPARE(m_events.size(), 1);
    QCOMPARE(m_events.first().name, QStringLiteral("kept"));
    QVERIFY(client->isConnected());
}

void TestSocketIo::connectTimeoutClosesIdleSessions()
{
    Settings settings = defaultSettings();
    settings.io.connectTimeoutMs = 1000;
    start(settings);
    WsClient idle;
    QVERIFY(idle.open(ioWsUrl()));
    QVERIFY(idle.waitForDisconnect(4000));
    auto connected = connectSocketIo();
    QVERIFY(connected);
    QTest::qWait(1500);
    QVERIFY(connected->isConnected());
}

QTEST_GUILESS_MAIN(TestSocketIo)
#include "tst_socketio.moc"
