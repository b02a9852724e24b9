#include "ServerTestCase.h"

#include "db/Migrations.h"
#include "db/Sql.h"

using namespace kocmoc;
using namespace kocmoc::test;

class DatabaseTest : public QObject
{
    Q_OBJECT

private:
    static QList<int> appliedVersions(db::Database &database)
    {
        return database.transaction([](QSqlDatabase &db) {
            db::Sql query(
                db, QStringLiteral("SELECT version FROM schema_migrations ORDER BY version"));
            query.exec();
            QList<int> versions;
            while (query.next())
                versions.append(int(query.integer(0)));
            return versions;
        });
    }

private slots:
    void initTestCase() { KOCMOC_REQUIRE_DATABASE(); }

    void migrationsAreAppliedOnceAndRecorded()
    {
        TestServer server;
        KOCMOC_START(server);
        QList<int> expected;
        for (const db::Migration &migration : db::migrations())
            expected.append(migration.version);
        QCOMPARE(appliedVersions(server.server().database()), expected);
        server.registerUser(QStringLiteral("keeper"));
        server.server().database().closeThreadConnection();

        server.stop();
        KOCMOC_START(server);
        QCOMPARE(appliedVersions(server.server().database()), expected);
        server.server().database().closeThreadConnection();
        // The data survived the restart.
        QCOMPARE(server
                     .call("POST", QStringLiteral("/api/auth/login"),
                         QJsonObject{{"username", "keeper"}, {"password", "correct horse battery"}})
                     .status,
            200);
    }

    void aNewerSchemaIsRefused()
    {
        TestServer server;
        KOCMOC_START(server);
        server.server().database().transaction([](QSqlDatabase &db) {
            db::Sql(db,
                QStringLiteral(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"))
                .bind(db::latestSchemaVersion() + 1)
                .bind(QStringLiteral("from the future"))
                .bind(qint64(0))
                .exec();
        });
        server.server().database().closeThreadConnection();
        server.stop();
        const auto started = server.start();
        QVERIFY(!started.ok());
        QVERIFY2(started.error().message.contains(QLatin1String("newer")),
            qPrintable(started.error().message));
    }

    void postgresRestartGives503ThenRecovers()
    {
        if (!usingPostgres())
            QSKIP("a PostgreSQL restart needs the PostgreSQL variant");
        QVERIFY2(!qEnvironmentVariable("KOCMOC_TEST_PG_CTL").isEmpty(),
            "KOCMOC_TEST_PG_CTL is set by scripts/test.sh");
        TestServer server;
        KOCMOC_START(server);
        const QString token
            = server.registerUser(QStringLiteral("survivor")).value("accessToken").toString();
        QCOMPARE(server.call("GET", QStringLiteral("/api/users/me"), QJsonValue::Undefined, token)
                     .status,
            200);

        QVERIFY(postgresControl(QStringLiteral("stop")));
        const Response during
            = server.call("GET", QStringLiteral("/api/users/me"), QJsonValue::Undefined, token);
        const Response health = server.call("GET", QStringLiteral("/health"));
        const Response signup = server.call("POST", QStringLiteral("/api/auth/register"),
            QJsonObject{{"email", "late@example.org"}, {"password", "test123456"},
                {"username", "latecomer"}, {"displayName", "Late"}});
        const bool restarted = postgresControl(QStringLiteral("start"));
        QVERIFY(restarted);

        QCOMPARE(during.status, 503);
        QCOMPARE(during.errorCode(), QStringLiteral("database_unavailable"));
        QVERIFY(during.header("Retry-After").toInt() > 0);
        QCOMPARE(health.status, 503);
        QCOMPARE(health.object().value("database").toString(), QStringLiteral("down"));
        QCOMPARE(signup.status, 503);

        // Back by itself: the first requests after the restart already succeed.
        QTRY_COMPARE_WITH_TIMEOUT(
            server.call("GET", QStringLiteral("/health")).status, 200, 20'000);
        QCOMPARE(server.call("GET", QStringLiteral("/api/users/me"), QJsonValue::Undefined, token)
                     .status,
            200);
        const Response registered = server.call("POST", QStringLiteral("/api/auth/register"),
            QJsonObject{{"email", "late@example.org"}, {"password", "test123456"},
                {"username", "latecomer"}, {"displayName", "Late"}});
        QCOMPARE(registered.status, 201);
    }
};

QTEST_GUILESS_MAIN(DatabaseTest)
#include "tst_database.moc"
