#include "MessagingTestSupport.h"
#include "RealtimeClient.h"

#include <QProcess>
#include <QTcpServer>

using namespace kocmoc;
using namespace kocmoc::test;

// Two real kocmoc-server processes on one PostgreSQL: people connected to different
// processes talk as if there were one, and every event arrives exactly once.
class ClusterTest : public QObject
{
    Q_OBJECT

private:
    struct Process
    {
        QProcess process;
        quint16 port = 0;
        std::unique_ptr<HttpClient> http;
    };

    std::unique_ptr<TestServer> m_database; // lends a fresh database of the test cluster
    QTemporaryDir m_dataDir;
    Process m_first;
    Process m_second;

    static quint16 freePort()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        return probe.serverPort();
    }

    bool launch(Process &node, const QString &name)
    {
        node.port = freePort();
        node.http = std::make_unique<HttpClient>(node.port);
        node.process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        node.process.start(QStringLiteral(KOCMOC_SERVER_BINARY),
            {QStringLiteral("--port"), QString::number(node.port), QStringLiteral("--data-dir"),
                m_dataDir.filePath(name), QStringLiteral("--database"),
                m_database->config().database,
                // One secret: a token from one process is good on the other.
                QStringLiteral("--token-secret"),
                QStringLiteral("a-cluster-wide-secret-of-32-bytes-or-more"),
                QStringLiteral("--send-interval-ms"), QStringLiteral("0"),
                QStringLiteral("--log-level"), QStringLiteral("warning")});
        if (!node.process.waitForStarted())
            return false;
        return QTest::qWaitFor(
            [&] { return node.http->call("GET", QStringLiteral("/health")).status == 200; },
            20'000);
    }

    Person signUpAt(Process &node, const QString &username)
    {
        const Response response = node.http->call("POST", QStringLiteral("/api/auth/register"),
            QJsonObject{{"email", username + "@example.org"}, {"password", "correct horse battery"},
                {"username", username}, {"displayName", username}});
        return Person{response.object().value("user").toObject().value("id").toString(),
            response.object().value("accessToken").toString(), username};
    }

private slots:
    void initTestCase()
    {
        KOCMOC_REQUIRE_DATABASE();
        QVERIFY2(usingPostgres(), "several processes share PostgreSQL");
        m_database = std::make_unique<TestServer>();
        QVERIFY(launch(m_first, QStringLiteral("first")));
        QVERIFY(launch(m_second, QStringLiteral("second")));
    }

    void cleanupTestCase()
    {
        for (Process *node : {&m_first, &m_second}) {
            node->process.terminate();
            node->process.waitForFinished(10'000);
        }
    }

    void peopleOnDifferentProcessesTalk()
    {
        const Person anna = signUpAt(m_first, QStringLiteral("anna"));
        const Person boris = signUpAt(m_second, QStringLiteral("boris"));
        RealtimeClient annaPhone;
        RealtimeClient borisPhone;
        QVERIFY(annaPhone.connectTo(m_first.port, anna.token));
        QVERIFY(borisPhone.connectTo(m_second.port, boris.token));

        const QString chatId = m_first.http
                                   ->call("POST", QStringLiteral("/api/chats"),
                                       QJsonObject{{"userId", boris.id}}, anna.token)
                                   .object()
                                   .value("id")
                                   .toString();
        QVERIFY(!chatId.isEmpty());
        QVERIFY(borisPhone.waitFor(QStringLiteral("chat:new")));

        // Over the socket on the first process, to the second.
        QJsonObject send = textMessage(QStringLiteral("Привет из первого процесса"));
        send.insert(QStringLiteral("chatId"), chatId);
        QVERIFY(annaPhone.request(QStringLiteral("message:send"), send).at(0).isNull());
        QVERIFY(borisPhone.waitFor(QStringLiteral("message:new")));
        // Over REST on the second process, to the first.
        QCOMPARE(m_second.http
                     ->call("POST", QStringLiteral("/api/chats/%1/messages").arg(chatId),
                         textMessage(QStringLiteral("And back from the second")), boris.token)
                     .status,
            201);
        QVERIFY(annaPhone.waitFor(QStringLiteral("message:new"), 2));
        borisPhone.send(QStringLiteral("typing:start"), QJsonObject{{"chatId", chatId}});
        QVERIFY(annaPhone.waitFor(QStringLiteral("typing:start")));

        // Exactly once each, after everything has had time to arrive.
        QTest::qWait(500);
        QCOMPARE(annaPhone.count(QStringLiteral("message:new")), 2);
        QCOMPARE(borisPhone.count(QStringLiteral("message:new")), 2);
        QCOMPARE(borisPhone.count(QStringLiteral("chat:new")), 1);
        QCOMPARE(annaPhone.count(QStringLiteral("typing:start")), 1);
        QCOMPARE(annaPhone.receivedNamed(QStringLiteral("message:new"))
                     .last()
                     .payload.toObject()
                     .value("text")
                     .toString(),
            QStringLiteral("And back from the second"));
    }

    void presenceCrossesProcesses()
    {
        const Person anna = signUpAt(m_first, QStringLiteral("anya"));
        const Person boris = signUpAt(m_second, QStringLiteral("borya"));
        m_first.http->call(
            "POST", QStringLiteral("/api/chats"), QJsonObject{{"userId", boris.id}}, anna.token);
        RealtimeClient annaPhone;
        QVERIFY(annaPhone.connectTo(m_first.port, anna.token));
        {
            RealtimeClient borisPhone;
            QVERIFY(borisPhone.connectTo(m_second.port, boris.token));
            QTRY_VERIFY_WITH_TIMEOUT(
                [&] {
                    for (const auto &event :
                        annaPhone.receivedNamed(QStringLiteral("presence:update"))) {
                        if (event.payload.toObject().value("userId").toString() == boris.id)
                            return event.payload.toObject().value("online").toBool();
                    }
                    return false;
                }(),
                10'000);
            // The first process knows Boris is online although he is connected to the second.
            const Response chats = m_first.http->call(
                "GET", QStringLiteral("/api/chats"), QJsonValue::Undefined, anna.token);
            bool online = false;
            for (const QJsonValue member :
                chats.array().first().toObject().value("members").toArray()) {
                if (member.toObject().value("user").toObject().value("id").toString() == boris.id)
                    online = member.toObject().value("user").toObject().value("online").toBool();
            }
            QVERIFY(online);
        }
    }

    void logoutOnOneProcessEndsSocketsOnTheOther()
    {
        const Person anna = signUpAt(m_first, QStringLiteral("anka"));
        RealtimeClient phone;
        QVERIFY(phone.connectTo(m_second.port, anna.token));
        QCOMPARE(m_first.http
                     ->call("POST", QStringLiteral("/api/auth/logout"), QJsonValue::Undefined,
                         anna.token)
                     .status,
            204);
        QVERIFY(phone.waitFor(QStringLiteral("session:revoked")));
        QVERIFY(phone.waitForClose());
    }
};

QTEST_GUILESS_MAIN(ClusterTest)
#include "tst_cluster.moc"
