#include "ServerTestCase.h"

#include "realtime/LocalEventBus.h"
#include "realtime/PostgresEventBus.h"

#include <QSignalSpy>

using namespace kocmoc;
using namespace kocmoc::test;
using realtime::LocalEventBus;
using realtime::PostgresEventBus;
using realtime::RealtimeEvent;

// Two server processes are simulated by two buses on one database, each with its own
// connection and thread, exactly as two processes would have.
class EventBusTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_database; // lends a fresh database of the test cluster
    db::DatabaseSettings m_settings;

    struct Node
    {
        LocalEventBus local;
        std::unique_ptr<PostgresEventBus> cluster;
        QList<RealtimeEvent> received;

        explicit Node(const db::DatabaseSettings &settings)
        {
            local.subscribe([this](const RealtimeEvent &event) { received.append(event); });
            cluster = std::make_unique<PostgresEventBus>(settings, local);
        }
    };

private slots:
    void initTestCase()
    {
        KOCMOC_REQUIRE_DATABASE();
        QVERIFY2(usingPostgres(), "this suite is about PostgreSQL's LISTEN/NOTIFY");
        m_database = std::make_unique<TestServer>();
        const auto settings = db::DatabaseSettings::fromUrl(m_database->config().database);
        QVERIFY(settings.ok());
        m_settings = settings.value();
    }

    void eventsReachTheOtherProcessOnce()
    {
        Node first(m_settings);
        Node second(m_settings);
        QTRY_VERIFY(first.cluster->isListening() && second.cluster->isListening());

        const RealtimeEvent event{QStringLiteral("message:new"),
            QJsonObject{{"id", 42}, {"text", QStringLiteral("Привет")}},
            {QStringLiteral("user-a"), QStringLiteral("user-b")}, {}};
        first.cluster->publish(event);
        QTRY_COMPARE(second.received.size(), 1);
        QCOMPARE(second.received.first().name, event.name);
        QCOMPARE(second.received.first().payload, event.payload);
        QCOMPARE(second.received.first().userIds, event.userIds);
        // Delivered here at once, and never echoed back.
        QTest::qWait(300);
        QCOMPARE(first.received.size(), 1);
        QCOMPARE(second.received.size(), 1);
    }

    void largeEventsArriveWhole()
    {
        Node first(m_settings);
        Node second(m_settings);
        QTRY_VERIFY(first.cluster->isListening() && second.cluster->isListening());
        // 4096 characters of Cyrillic with emoji: about 12 KB, beyond one NOTIFY.
        QString text;
        while (text.size() < 4000)
            text += QStringLiteral("Съешь же ещё этих мягких французских булок 🚀 ");
        const RealtimeEvent big{
            QStringLiteral("message:edit"), QJsonObject{{"text", text}}, {QStringLiteral("u")}, {}};
        for (int i = 0; i < 5; ++i)
            first.cluster->publish(big);
        QTRY_COMPARE(second.received.size(), 5);
        for (const RealtimeEvent &event : second.received)
            QCOMPARE(event.payload.value("text").toString(), text);
    }

    void listensAgainAfterPostgresRestarts()
    {
        QVERIFY2(!qEnvironmentVariable("KOCMOC_TEST_PG_CTL").isEmpty(),
            "KOCMOC_TEST_PG_CTL is set by scripts/test.sh");
        Node first(m_settings);
        Node second(m_settings);
        QTRY_VERIFY(first.cluster->isListening() && second.cluster->isListening());
        QVERIFY(postgresControl(QStringLiteral("stop")));
        QTRY_VERIFY_WITH_TIMEOUT(!second.cluster->isListening(), 10'000);
        QVERIFY(postgresControl(QStringLiteral("start")));
        QTRY_VERIFY_WITH_TIMEOUT(
            first.cluster->isListening() && second.cluster->isListening(), 15'000);
        first.cluster->publish(
            {QStringLiteral("chat:update"), QJsonObject{{"id", "c"}}, {QStringLiteral("u")}, {}});
        QTRY_COMPARE(second.received.size(), 1);
    }
};

QTEST_GUILESS_MAIN(EventBusTest)
#include "tst_eventbus.moc"
