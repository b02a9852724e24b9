#include "LocalMailbox.h"
#include "ServerTestCase.h"

#include <kocmoc/Limits.h>

#include <QFile>
#include <QFileInfo>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>

using namespace kocmoc;
using namespace kocmoc::test;

namespace {

QString field(const QJsonObject &object, const char *name)
{
    return object.value(QLatin1String(name)).toString();
}

QByteArray base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

} // namespace

class AuthTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    int m_counter = 0;

    QString uniqueName(const char *prefix)
    {
        return QStringLiteral("%1_%2").arg(QLatin1String(prefix)).arg(++m_counter);
    }

    Response login(const QJsonObject &body)
    {
        return m_server->call("POST", QStringLiteral("/api/auth/login"), body);
    }
    Response me(const QString &token)
    {
        return m_server->call("GET", QStringLiteral("/api/users/me"), QJsonValue::Undefined, token);
    }

    QByteArray secret()
    {
        QFile file(m_server->dataDir() + QStringLiteral("/token-secret"));
        return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed() : QByteArray();
    }

    // A token built by hand, signed with the server's own secret unless told otherwise.
    QString forge(const QByteArray &header, const QByteArray &payload, const QByteArray &key = {})
    {
        const QByteArray signingInput = base64Url(header) + '.' + base64Url(payload);
        const QByteArray signature = QMessageAuthenticationCode::hash(
            signingInput, key.isEmpty() ? secret() : key, QCryptographicHash::Sha256);
        return QString::fromLatin1(signingInput + '.' + base64Url(signature));
    }

private slots:
    void initTestCase()
    {
        KOCMOC_REQUIRE_DATABASE();
        m_server = std::make_unique<TestServer>();
        KOCMOC_START(*m_server);
    }

    void registerGivesTokensAndProfile()
    {
        const Response response = m_server->call("POST", QStringLiteral("/api/auth/register"),
            QJsonObject{{"email", "Anna@Example.org"}, {"password", "test123456"},
                {"username", "anna_k"}, {"displayName", "Анна Каренина"}});
        QCOMPARE(response.status, 201);
        const QJsonObject grant = response.object();
        QVERIFY(!field(grant, "accessToken").isEmpty());
        QVERIFY(field(grant, "refreshToken").contains(QLatin1Char('.')));
        QCOMPARE(grant.value("expiresIn").toInt(), 900);
        const QJsonObject user = grant.value("user").toObject();
        QCOMPARE(field(user, "username"), QStringLiteral("anna_k"));
        QCOMPARE(field(user, "displayName"), QStringLiteral("Анна Каренина"));
        QCOMPARE(field(user, "email"), QStringLiteral("Anna@Example.org"));
        QCOMPARE(user.value("accessLevel").toInt(), 1);
        QVERIFY(!field(user, "id").isEmpty());
        QCOMPARE(me(field(grant, "accessToken")).status, 200);
    }

    void legacyRoutesFromTheOldBackendWork()
    {
        const QJsonObject body{{"email", "test@test.com"}, {"password", "test123456"},
            {"username", "testuser"}, {"displayName", "Test User"}};
        QCOMPARE(
            m_server->call("POST", QStringLiteral("/api/auth/register/email"), body).status, 201);
        const Response loggedIn = m_server->call("POST", QStringLiteral("/api/auth/login/email"),
            QJsonObject{{"email", "test@test.com"}, {"password", "test123456"}});
        QCOMPARE(loggedIn.status, 200);
        QVERIFY(!field(loggedIn.object(), "accessToken").isEmpty());
        QCOMPARE(m_server->call("GET", QStringLiteral("/api/users")).status, 401);
    }

    void registerRefusesBadInput_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        const QByteArray json = "application/json";
        QTest::newRow("not json") << QByteArray("{email:") << json << 400 << "invalid_json"
                                  << "";
        QTest::newRow("array") << QByteArray("[]") << json << 400 << "invalid_json"
                               << "";
        QTest::newRow("empty body") << QByteArray() << json << 400 << "invalid_json"
                                    << "";
        QTest::newRow("form body")
            << QByteArray("email=a") << QByteArray("application/x-www-form-urlencoded") << 415
            << "unsupported_media_type"
            << "";
        QTest::newRow("no content type")
            << QByteArray("{}") << QByteArray() << 415 << "unsupported_media_type"
            << "";
        QTest::newRow("missing email")
            << QByteArray(R"({"password":"test123456","username":"x_user","displayName":"X"})")
            << json << 400 << "missing_field"
            << "email";
        QTest::newRow("email of wrong type") << QByteArray(
            R"({"email":5,"password":"test123456","username":"x_user","displayName":"X"})")
                                             << json << 400 << "invalid_type"
                                             << "email";
        QTest::newRow("not an email") << QByteArray(
            R"({"email":"nobody","password":"test123456","username":"x_user","displayName":"X"})")
                                      << json << 400 << "invalid_field"
                                      << "email";
        QTest::newRow("password of 7") << QByteArray(
            R"({"email":"x@y.org","password":"1234567","username":"x_user","displayName":"X"})")
                                       << json << 400 << "invalid_field"
                                       << "password";
        QTest::newRow("password of 129") << (R"({"email":"x@y.org","password":")"
            + QByteArray(129, 'a') + R"(","username":"x_user","displayName":"X"})")
                                         << json << 400 << "invalid_field"
                                         << "password";
        QTest::newRow("username of 2") << QByteArray(
            R"({"email":"x@y.org","password":"test123456","username":"ab","displayName":"X"})")
                                       << json << 400 << "invalid_field"
                                       << "username";
        QTest::newRow("username with a space") << QByteArray(
            R"({"email":"x@y.org","password":"test123456","username":"a b c","displayName":"X"})")
                                               << json << 400 << "invalid_field"
                                               << "username";
        QTest::newRow("display name with a bidi override") << QByteArray(
            "{\"email\":\"x@y.org\",\"password\":\"test123456\",\"username\":\"x_user\","
            "\"displayName\":\"evil\\u202Egnp.exe\"}") << json
                                                           << 400 << "invalid_field"
                                                           << "displayName";
        QTest::newRow("display name with a control character") << QByteArray(
            "{\"email\":\"x@y.org\",\"password\":\"test123456\",\"username\":\"x_user\","
            "\"displayName\":\"a\\u0007b\"}") << json << 400 << "invalid_field"
                                                               << "displayName";
        QTest::newRow("blank display name") << QByteArray(
            R"({"email":"x@y.org","password":"test123456","username":"x_user","displayName":"   "})")
                                            << json << 400 << "invalid_field"
                                            << "displayName";
    }

    void registerRefusesBadInput()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, field);
        const Response response
            = m_server->raw("POST", QStringLiteral("/api/auth/register"), body, contentType);
        QCOMPARE(response.status, status);
        QCOMPARE(response.errorCode(), code);
        QCOMPARE(response.errorField(), field);
        QVERIFY(!response.object().value("error").toObject().value("message").toString().isEmpty());
    }

    void duplicatesAreRefusedWhateverTheCase()
    {
        m_server->registerUser(QStringLiteral("Dup_User"));
        const Response sameEmail = m_server->call("POST", QStringLiteral("/api/auth/register"),
            QJsonObject{{"email", "DUP_USER@EXAMPLE.ORG"}, {"password", "test123456"},
                {"username", "other_name"}, {"displayName", "Other"}});
        QCOMPARE(sameEmail.status, 409);
        QCOMPARE(sameEmail.errorCode(), QStringLiteral("email_taken"));
        QCOMPARE(sameEmail.errorField(), QStringLiteral("email"));
        const Response sameUsername = m_server->call("POST", QStringLiteral("/api/auth/register"),
            QJsonObject{{"email", "fresh@example.org"}, {"password", "test123456"},
                {"username", "dup_user"}, {"displayName", "Other"}});
        QCOMPARE(sameUsername.status, 409);
        QCOMPARE(sameUsername.errorCode(), QStringLiteral("username_taken"));
    }

    void loginByEmailOrUsername()
    {
        const QString name = uniqueName("login");
        m_server->registerUser(name);
        QCOMPARE(
            login({{"email", name + "@EXAMPLE.org"}, {"password", "correct horse battery"}}).status,
            200);
        const Response byName
            = login({{"username", name.toUpper()}, {"password", "correct horse battery"}});
        QCOMPARE(byName.status, 200);
        QCOMPARE(field(byName.object().value("user").toObject(), "username"), name);

        const Response missing = login({{"password", "x"}});
        QCOMPARE(missing.status, 400);
        QCOMPARE(missing.errorField(), QStringLiteral("email"));
    }

    void wrongPasswordAndUnknownAccountLookAlike()
    {
        const QString name = uniqueName("alike");
        m_server->registerUser(name);
        const Response wrong = login({{"username", name}, {"password", "wrong password"}});
        const Response unknown
            = login({{"username", "nobody_at_all"}, {"password", "wrong password"}});
        QCOMPARE(wrong.status, 401);
        QCOMPARE(unknown.status, 401);
        QCOMPARE(wrong.errorCode(), QStringLiteral("invalid_credentials"));
        QCOMPARE(wrong.body, unknown.body);
    }

    void fiveWrongPasswordsLockForFifteenMinutes()
    {
        const QString name = uniqueName("locked");
        m_server->registerUser(name);
        for (int attempt = 1; attempt < limits::lockoutFailures; ++attempt)
            QCOMPARE(login({{"username", name}, {"password", "wrong password"}}).status, 401);
        const Response fifth = login({{"username", name}, {"password", "wrong password"}});
        QCOMPARE(fifth.status, 429);
        QCOMPARE(fifth.errorCode(), QStringLiteral("locked"));
        QVERIFY(fifth.header("Retry-After").toInt() > 890
            && fifth.header("Retry-After").toInt() <= 900);

        // Locked means locked: the right password (by email too) waits as well.
        const Response right
            = login({{"email", name + "@example.org"}, {"password", "correct horse battery"}});
        QCOMPARE(right.status, 429);

        m_server->server().clock().advance(limits::lockoutDurationMs - 60'000);
        QCOMPARE(login({{"username", name}, {"password", "correct horse battery"}}).status, 429);
        m_server->server().clock().advance(61'000);
        QCOMPARE(login({{"username", name}, {"password", "correct horse battery"}}).status, 200);
    }

    void unknownAccountsLockTheSameWay()
    {
        for (int attempt = 1; attempt < limits::lockoutFailures; ++attempt)
            QCOMPARE(
                login({{"username", "ghost_account"}, {"password", "wrong password"}}).status, 401);
        QCOMPARE(
            login({{"username", "ghost_account"}, {"password", "wrong password"}}).status, 429);
    }

    void refreshRotatesAndReuseEndsTheSession()
    {
        const QJsonObject grant = m_server->registerUser(uniqueName("refresh"));
        const Response first = m_server->call("POST", QStringLiteral("/api/auth/refresh"),
            QJsonObject{{"refreshToken", grant.value("refreshToken")}});
        QCOMPARE(first.status, 200);
        const QString newRefresh = field(first.object(), "refreshToken");
        QVERIFY(newRefresh != field(grant, "refreshToken"));
        QCOMPARE(me(field(first.object(), "accessToken")).status, 200);

        const Response reused = m_server->call("POST", QStringLiteral("/api/auth/refresh"),
            QJsonObject{{"refreshToken", grant.value("refreshToken")}});
        QCOMPARE(reused.status, 401);
        QCOMPARE(reused.errorCode(), QStringLiteral("refresh_token_reused"));
        // The thief and the owner are both out: the newest token and its access token stop too.
        QCOMPARE(m_server
                     ->call("POST", QStringLiteral("/api/auth/refresh"),
                         QJsonObject{{"refreshToken", newRefresh}})
                     .status,
            401);
        const Response after = me(field(first.object(), "accessToken"));
        QCOMPARE(after.status, 401);
        QCOMPARE(after.errorCode(), QStringLiteral("session_revoked"));

        for (const QString &garbage : {QStringLiteral(""), QStringLiteral("abc"),
                 QStringLiteral("x.y"), QStringLiteral(".")}) {
            const Response bad = m_server->call("POST", QStringLiteral("/api/auth/refresh"),
                QJsonObject{{"refreshToken", garbage}});
            QVERIFY2(bad.status == 401 || bad.status == 400, qPrintable(garbage));
        }
    }

    void logoutEndsTheSessionAtOnce()
    {
        const QJsonObject grant = m_server->registerUser(uniqueName("logout"));
        const QString token = field(grant, "accessToken");
        QCOMPARE(
            m_server->call("POST", QStringLiteral("/api/auth/logout"), QJsonValue::Undefined, token)
                .status,
            204);
        QCOMPARE(me(token).status, 401);
        QCOMPARE(m_server
                     ->call("POST", QStringLiteral("/api/auth/refresh"),
                         QJsonObject{{"refreshToken", grant.value("refreshToken")}})
                     .status,
            401);
    }

    void sessionsAreListedAndRevoked()
    {
        const QString name = uniqueName("sessions");
        const QJsonObject first = m_server->registerUser(name);
        const Response second = m_server->call("POST", QStringLiteral("/api/auth/login"),
            QJsonObject{{"username", name}, {"password", "correct horse battery"}}, {},
            {{"User-Agent", "KOCMOC Phone"}});
        const Response third = login({{"username", name}, {"password", "correct horse battery"}});
        const QString token = field(first, "accessToken");

        const Response list = m_server->call(
            "GET", QStringLiteral("/api/auth/sessions"), QJsonValue::Undefined, token);
        QCOMPARE(list.status, 200);
        QCOMPARE(list.array().size(), 3);
        int current = 0;
        QString phoneId;
        for (const QJsonValue value : list.array()) {
            const QJsonObject session = value.toObject();
            current += session.value("current").toBool() ? 1 : 0;
            QCOMPARE(field(session, "ip"), QStringLiteral("127.0.0.1"));
            QVERIFY(field(session, "createdAt").endsWith(QLatin1Char('Z')));
            if (field(session, "device") == QLatin1String("KOCMOC Phone"))
                phoneId = field(session, "id");
        }
        QCOMPARE(current, 1);
        QVERIFY(!phoneId.isEmpty());

        QCOMPARE(m_server
                     ->call("DELETE", QStringLiteral("/api/auth/sessions/") + phoneId,
                         QJsonValue::Undefined, token)
                     .status,
            204);
        QCOMPARE(me(field(second.object(), "accessToken")).status, 401);
        QCOMPARE(m_server
                     ->call("DELETE", QStringLiteral("/api/auth/sessions/") + phoneId,
                         QJsonValue::Undefined, token)
                     .status,
            404);

        // Another user's session is not ours to end.
        const QJsonObject stranger = m_server->registerUser(uniqueName("stranger"));
        QCOMPARE(m_server
                     ->call("DELETE", QStringLiteral("/api/auth/sessions/") + phoneId,
                         QJsonValue::Undefined, field(stranger, "accessToken"))
                     .status,
            404);

        const Response others = m_server->call(
            "DELETE", QStringLiteral("/api/auth/sessions"), QJsonValue::Undefined, token);
        QCOMPARE(others.status, 200);
        QCOMPARE(others.object().value("revoked").toInt(), 1);
        QCOMPARE(me(field(third.object(), "accessToken")).status, 401);
        QCOMPARE(me(token).status, 200);
    }

    void passwordChangeEndsOtherSessions()
    {
        const QString name = uniqueName("password");
        const QJsonObject grant = m_server->registerUser(name);
        const QString token = field(grant, "accessToken");
        const Response other = login({{"username", name}, {"password", "correct horse battery"}});

        const Response wrong = m_server->call("POST", QStringLiteral("/api/auth/password"),
            QJsonObject{{"currentPassword", "nope nope"}, {"newPassword", "new secret 42"}}, token);
        QCOMPARE(wrong.status, 400);
        QCOMPARE(wrong.errorField(), QStringLiteral("currentPassword"));
        const Response tooShort = m_server->call("POST", QStringLiteral("/api/auth/password"),
            QJsonObject{{"currentPassword", "correct horse battery"}, {"newPassword", "short"}},
            token);
        QCOMPARE(tooShort.status, 400);
        QCOMPARE(tooShort.errorField(), QStringLiteral("newPassword"));

        QCOMPARE(m_server
                     ->call("POST", QStringLiteral("/api/auth/password"),
                         QJsonObject{{"currentPassword", "correct horse battery"},
                             {"newPassword", "new secret 42"}},
                         token)
                     .status,
            204);
        QCOMPARE(me(token).status, 200);
        QCOMPARE(me(field(other.object(), "accessToken")).status, 401);
        QCOMPARE(login({{"username", name}, {"password", "correct horse battery"}}).status, 401);
        QCOMPARE(login({{"username", name}, {"password", "new secret 42"}}).status, 200);
    }

    void emailCodeSignsIn()
    {
        LogCapture log;
        const QString name = uniqueName("coder");
        const QString email = name + QStringLiteral("@example.org");
        m_server->registerUser(name);
        const Response sent = m_server->call("POST", QStringLiteral("/api/auth/send-code"),
            QJsonObject{{"email", email}, {"purpose", "login"}});
        QCOMPARE(sent.status, 202);
        QTRY_VERIFY(!log.lastCodeFor(email).isEmpty());
        const QString code = log.lastCodeFor(email);
        QCOMPARE(code.size(), 6);

        const QString wrongCode
            = code == QLatin1String("000000") ? QStringLiteral("111111") : QStringLiteral("000000");
        const Response wrong = m_server->call("POST", QStringLiteral("/api/auth/verify-code"),
            QJsonObject{{"email", email}, {"code", wrongCode}});
        QCOMPARE(wrong.status, 400);
        QCOMPARE(wrong.errorCode(), QStringLiteral("invalid_code"));

        const Response right = m_server->call("POST", QStringLiteral("/api/auth/verify-code"),
            QJsonObject{{"email", email.toUpper()}, {"code", code}});
        QCOMPARE(right.status, 200);
        QVERIFY(!field(right.object(), "accessToken").isEmpty());
        QCOMPARE(right.object().value("user").toObject().value("emailVerified").toBool(), true);

        // Single use.
        const Response again = m_server->call("POST", QStringLiteral("/api/auth/verify-code"),
            QJsonObject{{"email", email}, {"code", code}});
        QCOMPARE(again.status, 400);
    }

    void emailCodeExpiresAfterTenMinutes()
    {
        LogCapture log;
        const QString name = uniqueName("expiry");
        const QString email = name + QStringLiteral("@example.org");
        m_server->registerUser(name);
        QCOMPARE(m_server
                     ->call("POST", QStringLiteral("/api/auth/send-code"),
                         QJsonObject{{"email", email}, {"purpose", "login"}})
                     .status,
            202);
        QTRY_VERIFY(!log.lastCodeFor(email).isEmpty());
        m_server->server().clock().advance(limits::codeLifetimeMs + 1000);
        const Response late = m_server->call("POST", QStringLiteral("/api/auth/verify-code"),
            QJsonObject{{"email", email}, {"code", log.lastCodeFor(email)}});
        QCOMPARE(late.status, 400);
        QCOMPARE(late.errorCode(), QStringLiteral("invalid_code"));
    }

    void wrongCodesLockLikeWrongPasswords()
    {
        LogCapture log;
        const QString name = uniqueName("guesser");
        const QString email = name + QStringLiteral("@example.org");
        m_server->registerUser(name);
        QCOMPARE(m_server
                     ->call("POST", QStringLiteral("/api/auth/send-code"),
                         QJsonObject{{"email", email}, {"purpose", "login"}})
                     .status,
            202);
        QTRY_VERIFY(!log.lastCodeFor(email).isEmpty());
        const QString code = log.lastCodeFor(email);
        const QString wrongCode
            = code == QLatin1String("999999") ? QStringLiteral("888888") : QStringLiteral("999999");
        for (int attempt = 1; attempt < limits::codeMaxAttempts; ++attempt)
            QCOMPARE(m_server
                         ->call("POST", QStringLiteral("/api/auth/verify-code"),
                             QJsonObject{{"email", email}, {"code", wrongCode}})
                         .status,
                400);
        const Response fifth = m_server->call("POST", QStringLiteral("/api/auth/verify-code"),
            QJsonObject{{"email", email}, {"code", wrongCode}});
        QCOMPARE(fifth.status, 429);
        QCOMPARE(fifth.errorCode(), QStringLiteral("locked"));
        // The password is locked out as well, and the guessed-at code is dead for good.
        QCOMPARE(login({{"email", email}, {"password", "correct horse battery"}}).status, 429);
        m_server->server().clock().advance(limits::lockoutDurationMs + 1000);
        QCOMPARE(m_server
                     ->call("POST", QStringLiteral("/api/auth/verify-code"),
                         QJsonObject{{"email", email}, {"code", code}})
                     .status,
            400);
    }

    void verifyCodeConfirmsTheEmail()
    {
        LogCapture log;
        const QString name = uniqueName("verify");
        const QString email = name + QStringLiteral("@example.org");
        const QJsonObject grant = m_server->registerUser(name);
        QCOMPARE(grant.value("user").toObject().value("emailVerified").toBool(), false);
        QCOMPARE(m_server
                     ->call("POST", QStringLiteral("/api/auth/send-code"),
                         QJsonObject{{"email", email}, {"purpose", "verify"}})
                     .status,
            202);
        QTRY_VERIFY(!log.lastCodeFor(email).isEmpty());
        const Response verified = m_server->call("POST", QStringLiteral("/api/auth/verify-code"),
            QJsonObject{{"email", email}, {"code", log.lastCodeFor(email)}});
        QCOMPARE(verified.status, 200);
        QCOMPARE(verified.object(), QJsonObject({{"verified", true}}));
        QCOMPARE(me(field(grant, "accessToken")).object().value("emailVerified").toBool(), true);
    }

    void sendCodeAnswersTheSameForUnknownEmails()
    {
        LogCapture log;
        const Response unknown = m_server->call("POST", QStringLiteral("/api/auth/send-code"),
            QJsonObject{{"email", "nobody@example.org"}, {"purpose", "login"}});
        QCOMPARE(unknown.status, 202);
        QTest::qWait(100);
        QVERIFY(log.lastCodeFor(QStringLiteral("nobody@example.org")).isEmpty());
        const Response badPurpose = m_server->call("POST", QStringLiteral("/api/auth/send-code"),
            QJsonObject{{"email", "nobody@example.org"}, {"purpose", "hack"}});
        QCOMPARE(badPurpose.status, 400);
        QCOMPARE(badPurpose.errorField(), QStringLiteral("purpose"));
    }

    void codesGoOutThroughAConfiguredSmtpServer()
    {
        if (!QFileInfo::exists(aiosmtpd))
            QFAIL("/usr/bin/aiosmtpd is missing: scripts/install-deps.sh --test installs "
                  "python3-aiosmtpd");
        Mailbox mailbox;
        QVERIFY(mailbox.start());
        TestServer server([&](ServerConfig &config) {
            config.smtpUrl = smtpUrl(QStringLiteral("smtp"), mailbox.port);
            config.smtpFrom = QStringLiteral("noreply@kocmoc.test");
        });
        KOCMOC_START(server);
        LogCapture log;
        server.registerUser(QStringLiteral("mailed"));
        QCOMPARE(server
                     .call("POST", QStringLiteral("/api/auth/send-code"),
                         QJsonObject{{"email", "mailed@example.org"}, {"purpose", "login"}})
                     .status,
            202);
        QTRY_COMPARE_WITH_TIMEOUT(countMaildir(mailbox.maildir()), qsizetype(1), 15'000);
        const StoredMail mail = readMaildir(mailbox.maildir()).front();
        QCOMPARE(mail.headers.value("to"), QByteArray("mailed@example.org"));
        QVERIFY(mail.subject.contains(QLatin1String("KOCMOC")));
        static const QRegularExpression digits(QStringLiteral("(\\d{6})"));
        const QString code = digits.match(mail.body).captured(1);
        QCOMPARE(code.size(), 6);
        // With a mail server the code travels only by mail, never through the log.
        for (const QString &line : log.lines())
            QVERIFY2(!line.contains(code), qPrintable(line));
        const Response signedIn = server.call("POST", QStringLiteral("/api/auth/verify-code"),
            QJsonObject{{"email", "mailed@example.org"}, {"code", code}});
        QCOMPARE(signedIn.status, 200);
    }

    void badTokensAreRefused_data()
    {
        QTest::addColumn<QString>("kind");
        for (const char *kind :
            {"missing", "basic scheme", "garbage", "alg none", "alg none signed", "HS512", "RS256",
                "flipped signature", "edited payload", "other secret", "expired", "not yet valid"})
            QTest::newRow(kind) << QString::fromLatin1(kind);
    }

    void badTokensAreRefused()
    {
        QFETCH(QString, kind);
        const QJsonObject grant = m_server->registerUser(uniqueName("tokens"));
        const QString good = field(grant, "accessToken");
        QCOMPARE(me(good).status, 200);
        const QList<QByteArray> parts = good.toLatin1().split('.');
        const QByteArray payload
            = QByteArray::fromBase64(parts.at(1), QByteArray::Base64UrlEncoding);
        QJsonObject claims = QJsonDocument::fromJson(payload).object();
        const qint64 nowSeconds = m_server->server().clock().nowMs() / 1000;

        QString token;
        QList<QPair<QByteArray, QByteArray>> headers;
        if (kind == QLatin1String("missing")) {
        } else if (kind == QLatin1String("basic scheme")) {
            headers.append({"Authorization", "Basic " + good.toLatin1()});
        } else if (kind == QLatin1String("garbage")) {
            token = QStringLiteral("not-a-token");
        } else if (kind == QLatin1String("alg none")) {
            token = QString::fromLatin1(
                base64Url(R"({"alg":"none","typ":"JWT"})") + '.' + parts.at(1) + '.');
        } else if (kind == QLatin1String("alg none signed")) {
            token = forge(R"({"alg":"none","typ":"JWT"})", payload);
        } else if (kind == QLatin1String("HS512")) {
            token = forge(R"({"alg":"HS512","typ":"JWT"})", payload);
        } else if (kind == QLatin1String("RS256")) {
            token = forge(R"({"alg":"RS256","typ":"JWT"})", payload);
        } else if (kind == QLatin1String("flipped signature")) {
            QByteArray signature
                = QByteArray::fromBase64(parts.at(2), QByteArray::Base64UrlEncoding);
            signature[5] = char(signature[5] ^ 0x01);
            token
                = QString::fromLatin1(parts.at(0) + '.' + parts.at(1) + '.' + base64Url(signature));
        } else if (kind == QLatin1String("edited payload")) {
            claims.insert(QStringLiteral("lvl"), 100);
            token = QString::fromLatin1(parts.at(0) + '.'
                + base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact)) + '.'
                + parts.at(2));
        } else if (kind == QLatin1String("other secret")) {
            token = forge(R"({"alg":"HS256","typ":"JWT"})", payload, QByteArray(48, 'k'));
        } else if (kind == QLatin1String("expired")) {
            m_server->server().clock().advance(limits::accessTokenLifetimeMs + 1000);
            token = good;
        } else if (kind == QLatin1String("not yet valid")) {
            claims.insert(QStringLiteral("nbf"), nowSeconds + 3600);
            claims.insert(QStringLiteral("iat"), nowSeconds + 3600);
            token = forge(R"({"alg":"HS256","typ":"JWT"})",
                QJsonDocument(claims).toJson(QJsonDocument::Compact));
        }
        if (!token.isEmpty())
            headers.append({"Authorization", "Bearer " + token.toLatin1()});
        const Response response = m_server->call(
            "GET", QStringLiteral("/api/users/me"), QJsonValue::Undefined, {}, headers);
        QCOMPARE(response.status, 401);
        if (kind == QLatin1String("expired"))
            QCOMPARE(response.errorCode(), QStringLiteral("token_expired"));
    }

    void authRoutesAreRateLimitedPerAddress()
    {
        TestServer limited([](ServerConfig &config) { config.authRatePerMinute = 3; });
        KOCMOC_START(limited);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(limited
                         .call("POST", QStringLiteral("/api/auth/login"),
                             QJsonObject{{"username", "someone"}, {"password", "whatever1"}})
                         .status,
                401);
        const Response refused = limited.call("POST", QStringLiteral("/api/auth/login"),
            QJsonObject{{"username", "someone"}, {"password", "whatever1"}});
        QCOMPARE(refused.status, 429);
        QCOMPARE(refused.errorCode(), QStringLiteral("rate_limited"));
        QVERIFY(refused.header("Retry-After").toInt() >= 1);
    }

    void codeMailsAreRateLimitedPerAddress()
    {
        TestServer limited([](ServerConfig &config) { config.codeRatePerHour = 2; });
        KOCMOC_START(limited);
        const QJsonObject body{{"email", "target@example.org"}, {"purpose", "login"}};
        QCOMPARE(limited.call("POST", QStringLiteral("/api/auth/send-code"), body).status, 202);
        QCOMPARE(limited.call("POST", QStringLiteral("/api/auth/send-code"), body).status, 202);
        QCOMPARE(limited.call("POST", QStringLiteral("/api/auth/send-code"), body).status, 429);
    }

    void inviteKeysAdmitRegistration()
    {
        TestServer inviteOnly([](ServerConfig &config) { config.inviteOnly = true; });
        KOCMOC_START(inviteOnly);
        const QJsonObject body{{"email", "invited@example.org"}, {"password", "test123456"},
            {"username", "invited"}, {"displayName", "Invited"}};
        const Response refused
            = inviteOnly.call("POST", QStringLiteral("/api/auth/register"), body);
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.errorCode(), QStringLiteral("invite_required"));

        const QString key = inviteOnly.server().auth().createInviteKey(
            1, inviteOnly.server().clock().nowMs() + 3'600'000, {});
        QJsonObject withKey = body;
        withKey.insert(QStringLiteral("inviteKey"), QStringLiteral("wrong-key"));
        QCOMPARE(
            inviteOnly.call("POST", QStringLiteral("/api/auth/register"), withKey).errorField(),
            QStringLiteral("inviteKey"));
        withKey.insert(QStringLiteral("inviteKey"), key);
        QCOMPARE(
            inviteOnly.call("POST", QStringLiteral("/api/auth/register"), withKey).status, 201);
        withKey.insert(QStringLiteral("email"), QStringLiteral("second@example.org"));
        withKey.insert(QStringLiteral("username"), QStringLiteral("second"));
        const Response usedUp
            = inviteOnly.call("POST", QStringLiteral("/api/auth/register"), withKey);
        QCOMPARE(usedUp.status, 400);
        QCOMPARE(usedUp.errorCode(), QStringLiteral("invalid_invite_key"));
    }
};

QTEST_GUILESS_MAIN(AuthTest)
#include "tst_auth.moc"
