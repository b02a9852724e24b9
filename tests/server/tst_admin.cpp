#include "RealtimeClient.h"
#include "ServerTestCase.h"
#include "services/AdminAccounts.h"

#include <kocmoc/Limits.h>

#include <QProcess>

using namespace kocmoc;
using namespace kocmoc::test;

// Administration (API.md, Operations): bans, the verified badge, access levels, invite keys,
// maintenance mode and the "kocmoc-server admin" command.
class AdminTest : public QObject
{
    Q_OBJECT

private:
    struct Person
    {
        QString id;
        QString token;
        QString username;
    };

    std::unique_ptr<TestServer> m_server;
    int m_serial = 0;

    Person person(const QString &prefix, int accessLevel = limits::levelUser)
    {
        const QString username = prefix + QString::number(++m_serial);
        const QJsonObject grant = m_server->registerUser(username);
        Person who{grant.value("user").toObject().value("id").toString(),
            grant.value("accessToken").toString(), username};
        if (accessLevel != limits::levelUser) {
            setLevel(username, accessLevel);
            who.token = login(username).object().value("accessToken").toString();
        }
        return who;
    }
    void setLevel(const QString &username, int accessLevel)
    {
        // Outside the server, as the command line does it.
        AdminAccounts accounts(m_server->server().database(), m_server->server().clock());
        QVERIFY(accounts.setAccessLevel(username, accessLevel).ok());
        m_server->server().database().closeThreadConnection();
    }
    Response login(const QString &username)
    {
        return m_server->call("POST", QStringLiteral("/api/auth/login"),
            QJsonObject{{"email", username + QStringLiteral("@example.org")},
                {"password", QStringLiteral("correct horse battery")}});
    }
    Response post(const QString &path, const Person &as, const QJsonValue &body = QJsonObject{})
    {
        return m_server->call("POST", path, body, as.token);
    }
    Response maintenance(const Person &as, bool enabled, const QString &message = {})
    {
        return m_server->call("PUT", QStringLiteral("/api/admin/maintenance"),
            QJsonObject{{"enabled", enabled}, {"message", message}}, as.token);
    }
    static QString userPath(const Person &who, const QString &action)
    {
        return QStringLiteral("/api/admin/users/%1/%2").arg(who.id, action);
    }

private slots:
    void init()
    {
        KOCMOC_REQUIRE_DATABASE();
        m_server = std::make_unique<TestServer>();
        KOCMOC_START(*m_server);
    }
    void cleanup() { m_server.reset(); }

    void nonAdminsAreForbidden()
    {
        const Person user = person("user");
        const Person other = person("other");
        for (const char *action : {"ban", "unban", "verify"}) {
            const Response response = post(userPath(other, QString::fromLatin1(action)), user);
            QCOMPARE(response.status, 403);
            QCOMPARE(response.errorCode(), QStringLiteral("forbidden"));
        }
        QCOMPARE(post(QStringLiteral("/api/admin/invite-keys"), user).errorCode(),
            QStringLiteral("forbidden"));
        QCOMPARE(maintenance(user, true).status, 403);
        QCOMPARE(m_server
                     ->call("PUT", userPath(other, "level"), QJsonObject{{"accessLevel", 10}},
                         user.token)
                     .status,
            403);
        QCOMPARE(m_server->call("POST", userPath(other, "ban")).status, 401);
        // Without a token nothing else is looked at, not even a malformed body.
        QCOMPARE(m_server->raw("POST", userPath(other, "verify"), "{not json", "application/json")
                     .status,
            401);
    }

    void banEndsSessionsAndSignInUntilUnban()
    {
        const Person admin = person("admin", limits::levelAdmin);
        const Person victim = person("victim");
        RealtimeClient phone;
        QVERIFY(phone.connectTo(m_server->server().port(), victim.token));

        const Response banned = post(userPath(victim, "ban"), admin);
        QCOMPARE(banned.status, 200);
        QCOMPARE(banned.object().value("banned").toBool(), true);
        QVERIFY(phone.waitFor(QStringLiteral("session:revoked")));
        QVERIFY(phone.waitForClose());
        const Response me = m_server->call("GET", "/api/users/me", {}, victim.token);
        QCOMPARE(me.status, 403);
        QCOMPARE(me.errorCode(), QStringLiteral("banned"));
        const Response refused = login(victim.username);
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.errorCode(), QStringLiteral("banned"));

        QCOMPARE(post(userPath(victim, "unban"), admin).object().value("banned").toBool(), false);
        QCOMPARE(login(victim.username).status, 200);
        QCOMPARE(post(userPath(victim, "ban"), person("stranger")).status, 403);
        QCOMPARE(m_server
                     ->call("POST", "/api/admin/users/00000000-0000-4000-8000-000000000000/ban",
                         QJsonObject{}, admin.token)
                     .status,
            404);
    }

    void adminsCannotBanTheirEqualsOrBetters()
    {
        const Person admin = person("admin", limits::levelAdmin);
        const Person peer = person("peer", limits::levelAdmin);
        const Person boss = person("boss", limits::levelSuperAdmin);
        for (const Person &target : {admin, peer, boss}) {
            const Response response = post(userPath(target, "ban"), admin);
            QCOMPARE(response.status, 403);
            QCOMPARE(response.errorCode(), QStringLiteral("forbidden"));
        }
        QCOMPARE(post(userPath(peer, "ban"), boss).status, 200);
    }

    void verifiedBadgeComesAndGoes()
    {
        const Person admin = person("admin", limits::levelAdmin);
        const Person star = person("star");
        const auto verified = [&] {
            return m_server->call("GET", "/api/users/" + star.id, {}, admin.token)
                .object()
                .value("verified")
                .toBool();
        };
        QVERIFY(!verified());
        const Response granted = post(userPath(star, "verify"), admin, QJsonValue::Undefined);
        QCOMPARE(granted.status, 200);
        QCOMPARE(granted.object().value("user").toObject().value("verified").toBool(), true);
        QVERIFY(verified());
        QCOMPARE(m_server->call("DELETE", userPath(star, "verify"), {}, admin.token).status, 200);
        QVERIFY(!verified());
        QCOMPARE(
            post(userPath(star, "verify"), admin, QJsonObject{{"verified", true}}).status, 200);
        QVERIFY(verified());
        QCOMPARE(
            post(userPath(star, "verify"), admin, QJsonObject{{"verified", false}}).status, 200);
        QVERIFY(!verified());
        const Response wrongType
            = post(userPath(star, "verify"), admin, QJsonObject{{"verified", "yes"}});
        QCOMPARE(wrongType.status, 400);
        QCOMPARE(wrongType.errorField(), QStringLiteral("verified"));
    }

    void onlySuperAdminsChangeLevels()
    {
        const Person admin = person("admin", limits::levelAdmin);
        const Person boss = person("boss", limits::levelSuperAdmin);
        const Person user = person("user");
        const auto setLevelOf
            = [&](const Person &as, const Person &target, const QJsonValue &level) {
                  return m_server->call("PUT", userPath(target, "level"),
                      QJsonObject{{"accessLevel", level}}, as.token);
              };
        QCOMPARE(setLevelOf(admin, user, 10).errorCode(), QStringLiteral("forbidden"));
        QCOMPARE(setLevelOf(boss, boss, 10).errorCode(), QStringLiteral("forbidden"));
        const Response wrong = setLevelOf(boss, user, 5);
        QCOMPARE(wrong.status, 400);
        QCOMPARE(wrong.errorField(), QStringLiteral("accessLevel"));
        QCOMPARE(setLevelOf(boss, user, QStringLiteral("10")).status, 400);
        const Response promoted = setLevelOf(boss, user, 10);
        QCOMPARE(promoted.status, 200);
        QCOMPARE(promoted.object().value("user").toObject().value("accessLevel").toInt(), 10);
        // The session's level comes from the database: the old token now acts as an admin.
        QCOMPARE(post(userPath(person("someone"), "verify"), user).status, 200);
        QCOMPARE(setLevelOf(boss, user, 1).status, 200);
        QCOMPARE(post(userPath(person("someone"), "verify"), user).status, 403);
    }

    void inviteKeysRegisterWithinTheirUses()
    {
        const Person admin = person("admin", limits::levelAdmin);
        const Response created = post(QStringLiteral("/api/admin/invite-keys"), admin,
            QJsonObject{{"uses", 1}, {"expiresAt", "2999-01-01T00:00:00.000Z"}});
        QCOMPARE(created.status, 201);
        const QString key = created.object().value("key").toString();
        QVERIFY(key.size() >= 16);
        const auto registerWith = [&](const QString &name) {
            return m_server->call("POST", QStringLiteral("/api/auth/register"),
                QJsonObject{{"email", name + "@example.org"}, {"password", "correct horse battery"},
                    {"username", name}, {"displayName", name}, {"inviteKey", key}});
        };
        QCOMPARE(registerWith("invited").status, 201);
        QCOMPARE(registerWith("latecomer").errorCode(), QStringLiteral("invalid_invite_key"));
        QCOMPARE(post(QStringLiteral("/api/admin/invite-keys"), admin, QJsonObject{{"uses", 0}})
                     .errorField(),
            QStringLiteral("uses"));
        QCOMPARE(post(QStringLiteral("/api/admin/invite-keys"), admin,
                     QJsonObject{{"expiresAt", "2001-01-01T00:00:00.000Z"}})
                     .errorField(),
            QStringLiteral("expiresAt"));
    }

    void maintenanceLetsOnlyAdminsIn()
    {
        const Person admin = person("admin", limits::levelAdmin);
        const Person user = person("user");
        const Person demoted = person("demoted", limits::levelAdmin);
        RealtimeClient userPhone;
        RealtimeClient adminPhone;
        QVERIFY(userPhone.connectTo(m_server->server().port(), user.token));
        QVERIFY(adminPhone.connectTo(m_server->server().port(), admin.token));

        const Response on = maintenance(admin, true, QStringLiteral("Back at 5"));
        QCOMPARE(on.status, 200);
        QCOMPARE(on.object().value("enabled").toBool(), true);
        QVERIFY(userPhone.waitFor(QStringLiteral("maintenance")));
        QCOMPARE(userPhone.firstPayload(QStringLiteral("maintenance")).value("message").toString(),
            QStringLiteral("Back at 5"));
        QVERIFY(userPhone.waitForClose());
        QTest::qWait(200);
        QVERIFY(adminPhone.isConnected());

        const Response refused = m_server->call("GET", "/api/users/me", {}, user.token);
        QCOMPARE(refused.status, 503);
        QCOMPARE(refused.errorCode(), QStringLiteral("maintenance"));
        QCOMPARE(refused.object().value("error").toObject().value("message").toString(),
            QStringLiteral("Back at 5"));
        QVERIFY(!refused.header("Retry-After").isEmpty());
        QCOMPARE(m_server->call("GET", "/api/users/me").status, 503);
        QCOMPARE(m_server
                     ->call("POST", QStringLiteral("/api/auth/register"),
                         QJsonObject{{"email", "new@example.org"}})
                     .status,
            503);
        QCOMPARE(m_server->call("GET", "/api/users/me", {}, admin.token).status, 200);
        QCOMPARE(login(user.username).status, 200); // sign-in stays open for the admins' sake
        for (const QString &path : {QStringLiteral("/health"), QStringLiteral("/api/health")}) {
            const Response health = m_server->call("GET", path);
            QCOMPARE(health.status, 200);
            QCOMPARE(health.object().value("maintenance").toBool(), true);
        }
        RealtimeClient lateUser;
        QVERIFY(!lateUser.connectTo(m_server->server().port(), user.token, 5000));
        QCOMPARE(lateUser.connectError(), QStringLiteral("maintenance"));
        RealtimeClient lateAdmin;
        QVERIFY(lateAdmin.connectTo(m_server->server().port(), admin.token));
        QCOMPARE(maintenance(user, false).status, 403); // the switch itself answers for itself
        // An admin demoted meanwhile still holds a token that says admin: the database decides.
        setLevel(demoted.username, limits::levelUser);
        QCOMPARE(m_server->call("GET", "/api/users/me", {}, demoted.token).errorCode(),
            QStringLiteral("maintenance"));

        // A restart keeps it.
        m_server->stop();
        KOCMOC_START(*m_server);
        QCOMPARE(m_server->call("GET", "/api/users/me", {}, user.token).status, 503);
        QCOMPARE(m_server->call("GET", "/health").object().value("maintenance").toBool(), true);

        const Response off = maintenance(admin, false);
        QCOMPARE(off.status, 200);
        QCOMPARE(off.object().value("enabled").toBool(), false);
        QCOMPARE(m_server->call("GET", "/api/users/me", {}, user.token).status, 200);
        QCOMPARE(m_server->call("GET", "/health").object().value("maintenance").toBool(), false);
        RealtimeClient back;
        QVERIFY(back.connectTo(m_server->server().port(), user.token));

        const Response wrong = m_server->call("PUT", QStringLiteral("/api/admin/maintenance"),
            QJsonObject{{"message", "no switch"}}, admin.token);
        QCOMPARE(wrong.status, 400);
        QCOMPARE(wrong.errorField(), QStringLiteral("enabled"));
    }

    void maintenanceReachesEveryProcess()
    {
        if (!usingPostgres())
            QSKIP("Server processes share events through PostgreSQL; one SQLite file serves one "
                  "process.");
        const QString secret = QStringLiteral("a token secret shared by both processes 0123");
        m_server = std::make_unique<TestServer>(
            [&](ServerConfig &config) { config.tokenSecret = secret; });
        KOCMOC_START(*m_server);
        TestServer other([&](ServerConfig &config) {
            config.tokenSecret = secret;
            config.database = m_server->config().databaseUrl();
        });
        KOCMOC_START(other);
        const Person admin = person("admin", limits::levelAdmin);
        const Person user = person("user");
        RealtimeClient phone;
        QVERIFY(phone.connectTo(other.server().port(), user.token));
        QCOMPARE(other.call("GET", "/api/users/me", {}, user.token).status, 200);

        QCOMPARE(maintenance(admin, true, QStringLiteral("Moving house")).status, 200);
        QVERIFY(phone.waitFor(QStringLiteral("maintenance")));
        QVERIFY(phone.waitForClose());
        const Response refused = other.call("GET", "/api/users/me", {}, user.token);
        QCOMPARE(refused.status, 503);
        QCOMPARE(refused.object().value("error").toObject().value("message").toString(),
            QStringLiteral("Moving house"));
        QCOMPARE(other.call("GET", "/health").object().value("maintenance").toBool(), true);

        QCOMPARE(maintenance(admin, false).status, 200);
        QTRY_COMPARE(other.call("GET", "/api/users/me", {}, user.token).status, 200);
    }

    void maintenanceFlagStartsInMaintenance()
    {
        m_server.reset();
        m_server = std::make_unique<TestServer>(
            [](ServerConfig &config) { config.maintenanceMessage = QStringLiteral("Upgrading"); });
        KOCMOC_START(*m_server);
        const Response health = m_server->call("GET", "/api/health");
        QCOMPARE(health.object().value("maintenance").toBool(), true);
        const QJsonObject grant = m_server
                                      ->call("POST", QStringLiteral("/api/auth/register"),
                                          QJsonObject{{"email", "a@example.org"}})
                                      .object();
        QCOMPARE(grant.value("error").toObject().value("message").toString(),
            QStringLiteral("Upgrading"));
    }

    void adminCommandCreatesASuperAdmin()
    {
        const auto runAdmin = [&](const QStringList &arguments, const QByteArray &input) {
            QProcess process;
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.insert("KOCMOC_DATABASE", m_server->config().databaseUrl());
            environment.insert("KOCMOC_DATA_DIR", m_server->dataDir());
            process.setProcessEnvironment(environment);
            process.start(QStringLiteral(KOCMOC_SERVER_BINARY),
                QStringList{QStringLiteral("admin")} + arguments);
            process.write(input);
            process.closeWriteChannel();
            process.waitForFinished(60'000);
            return std::make_pair(process.exitCode(), process.readAllStandardError());
        };
        const QStringList create{"create", "--email", "root@example.org", "--username", "root",
            "--display-name", "Root"};
        const auto weak = runAdmin(create, "short\n");
        QCOMPARE(weak.first, 1);
        QVERIFY2(weak.second.contains("password"), weak.second.constData());
        QCOMPARE(runAdmin({"create", "--email", "x@example.org"}, "").first, 2);
        const auto made = runAdmin(create, "a long and good password\n");
        QVERIFY2(made.first == 0, made.second.constData());
        QCOMPARE(runAdmin(create, "a long and good password\n").first, 1); // taken

        const Response signedIn = m_server->call("POST", QStringLiteral("/api/auth/login"),
            QJsonObject{{"email", "root@example.org"}, {"password", "a long and good password"}});
        QCOMPARE(signedIn.status, 200);
        QCOMPARE(signedIn.object().value("user").toObject().value("accessLevel").toInt(), 100);

        const Person user = person("user");
        QCOMPARE(runAdmin({"level", user.username, "10"}, "").first, 0);
        QCOMPARE(runAdmin({"level", user.username, "7"}, "").first, 1);
        QCOMPARE(runAdmin({"level", "nobody", "10"}, "").first, 1);
        QCOMPARE(
            login(user.username).object().value("user").toObject().value("accessLevel").toInt(),
            10);
    }
};

QTEST_MAIN(AdminTest)
#include "tst_admin.moc"
