#include "ClientDevice.h"
#include "RealtimeClient.h"
#include "ServerTestCase.h"
#include "SocketIoPacket.h"

using namespace kocmoc;
using namespace kocmoc::test;

// The client's Socket.IO connection against the real server in this thread:
// admission with the access token, events both ways with acknowledgements, a
// refused token, and coming back by itself after the server was gone.
class RealtimeClientTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    quint16 m_port = 0;
    int m_counter = 0;

    QJsonObject registerUser()
    {
        return m_server->registerUser(QStringLiteral("rt_%1").arg(++m_counter));
    }

    std::unique_ptr<RealtimeClient> connectedClient(const QString &token)
    {
        auto client = std::make_unique<RealtimeClient>();
        client->setServerUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)));
        client->setBackoff(100, 1000);
        client->setToken(token);
        client->open();
        return client;
    }

private slots:
    void initTestCase()
    {
        KOCMOC_REQUIRE_DATABASE();
        m_port = freePort();
        m_server
            = std::make_unique<TestServer>([this](ServerConfig &config) { config.port = m_port; });
        KOCMOC_START(*m_server);
    }

    void packetsReadAndWriteAsTheProtocolSays()
    {
        const SocketIoPacket open = SocketIoPacket::decode(
            QStringLiteral(R"(0{"sid":"abc","pingInterval":25000,"pingTimeout":20000})"));
        QCOMPARE(open.kind, SocketIoPacket::Kind::EngineOpen);
        QCOMPARE(open.object.value(QStringLiteral("pingInterval")).toInt(), 25000);
        QCOMPARE(
            SocketIoPacket::decode(QStringLiteral("2")).kind, SocketIoPacket::Kind::EnginePing);
        QCOMPARE(SocketIoPacket::decode(QStringLiteral(R"(40{"sid":"x"})")).kind,
            SocketIoPacket::Kind::Connect);
        const SocketIoPacket refused
            = SocketIoPacket::decode(QStringLiteral(R"(44{"message":"unauthorized"})"));
        QCOMPARE(refused.kind, SocketIoPacket::Kind::ConnectError);
        QCOMPARE(refused.object.value(QStringLiteral("message")).toString(),
            QStringLiteral("unauthorized"));
        const SocketIoPacket event
            = SocketIoPacket::decode(QStringLiteral(R"(42["typing:start",{"chatId":"c"}])"));
        QCOMPARE(event.kind, SocketIoPacket::Kind::Event);
        QCOMPARE(event.eventName, QStringLiteral("typing:start"));
        QCOMPARE(event.arguments.first().toObject().value(QStringLiteral("chatId")).toString(),
            QStringLiteral("c"));
        QVERIFY(!event.ackId);
        const SocketIoPacket ack = SocketIoPacket::decode(QStringLiteral(R"(4312[null,{"id":5}])"));
        QCOMPARE(ack.kind, SocketIoPacket::Kind::Ack);
        QCOMPARE(*ack.ackId, 12);
        QVERIFY(ack.arguments.first().isNull());
        // Another namespace, a broken JSON, an event without a name: not for this client.
        QCOMPARE(SocketIoPacket::decode(QStringLiteral(R"(42/admin,["x"])")).kind,
            SocketIoPacket::Kind::Invalid);
        QCOMPARE(
            SocketIoPacket::decode(QStringLiteral("42[\"x\"")).kind, SocketIoPacket::Kind::Invalid);
        QCOMPARE(
            SocketIoPacket::decode(QStringLiteral("42[1]")).kind, SocketIoPacket::Kind::Invalid);

        QCOMPARE(
            SocketIoPacket::connect(QJsonObject{{QStringLiteral("token"), QStringLiteral("t")}}),
            QStringLiteral(R"(40{"token":"t"})"));
        QCOMPARE(SocketIoPacket::event(QStringLiteral("message:read"),
                     QJsonObject{{QStringLiteral("messageId"), 3}}, 7),
            QStringLiteral(R"(427["message:read",{"messageId":3}])"));
    }

    void connectsSendsWithAcknowledgementAndReceivesEvents()
    {
        const QJsonObject alice = registerUser();
        const QJsonObject boris = registerUser();
        const QString token = alice.value(QStringLiteral("accessToken")).toString();
        const QString chatId = m_server
                                   ->call("POST", QStringLiteral("/api/chats"),
                                       QJsonObject{{QStringLiteral("userId"),
                                           boris.value(QStringLiteral("user"))
                                               .toObject()
                                               .value(QStringLiteral("id"))}},
                                       token)
                                   .object()
                                   .value(QStringLiteral("id"))
                                   .toString();
        auto client = connectedClient(token);
        QSignalSpy events(client.get(), &RealtimeClient::eventReceived);
        QTRY_COMPARE_WITH_TIMEOUT(client->state(), RealtimeClient::State::Connected, answerMs);

        bool answered = false;
        QJsonArray arguments;
        QVERIFY(client->emitWithAck(QStringLiteral("message:send"),
            QJsonObject{{QStringLiteral("chatId"), chatId},
                {QStringLiteral("clientId"), QStringLiteral("rt-1")},
                {QStringLiteral("text"), QStringLiteral("Привет")}},
            this, [&](bool gotAnswer, const QJsonArray &values) {
                answered = gotAnswer;
                arguments = values;
            }));
        QTRY_VERIFY_WITH_TIMEOUT(answered, answerMs);
        QVERIFY(arguments.at(0).isNull());
        QCOMPARE(arguments.at(1).toObject().value(QStringLiteral("text")).toString(),
            QStringLiteral("Привет"));
        // The sender's own devices get the message too.
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(events.cbegin(), events.cend(),
                                     [](const QList<QVariant> &event) {
                                         return event.at(0).toString()
                                             == QLatin1String("message:new");
                                     }),
            answerMs);
    }

    void aRefusedTokenIsReportedAndANewOneGetsIn()
    {
        auto client = connectedClient(QStringLiteral("not-a-token"));
        QSignalSpy unauthorized(client.get(), &RealtimeClient::unauthorized);
        QVERIFY(unauthorized.wait(answerMs));
        QVERIFY(client->state() != RealtimeClient::State::Connected);
        client->setToken(registerUser().value(QStringLiteral("accessToken")).toString());
        QTRY_COMPARE_WITH_TIMEOUT(client->state(), RealtimeClient::State::Connected, answerMs);
    }

    void comesBackByItselfAfterTheServerWasGone()
    {
        auto client
            = connectedClient(registerUser().value(QStringLiteral("accessToken")).toString());
        QTRY_COMPARE_WITH_TIMEOUT(client->state(), RealtimeClient::State::Connected, answerMs);
        QSignalSpy disconnected(client.get(), &RealtimeClient::disconnected);
        QSignalSpy connected(client.get(), &RealtimeClient::connected);

        m_server->stop();
        QVERIFY(disconnected.wait(answerMs));
        QTRY_COMPARE_WITH_TIMEOUT(
            client->state(), RealtimeClient::State::WaitingToReconnect, answerMs);
        QVERIFY(!client->emitEvent(QStringLiteral("typing:start"), QJsonObject()));

        KOCMOC_START(*m_server);
        QVERIFY(connected.wait(answerMs));
        QCOMPARE(client->state(), RealtimeClient::State::Connected);

        client->close();
        QCOMPARE(client->state(), RealtimeClient::State::Disconnected);
    }

    void retriesWaitLongerEachTimeWithJitterUpToALimit()
    {
        RealtimeClient client;
        client.setBackoff(1000, 8000);
        for (int round = 0; round < 50; ++round) {
            const int first = client.backoffDelayMs(1);
            QVERIFY2(first >= 500 && first <= 1000, qPrintable(QString::number(first)));
            const int third = client.backoffDelayMs(3);
            QVERIFY(third >= 2000 && third <= 4000);
            const int late = client.backoffDelayMs(30);
            QVERIFY(late >= 4000 && late <= 8000);
        }
    }
};

QTEST_MAIN(RealtimeClientTest)
#include "tst_realtimeclient.moc"
