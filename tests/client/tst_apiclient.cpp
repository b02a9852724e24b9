#include "ApiClient.h"
#include "Localization.h"
#include "ServerTestCase.h"

#include <kocmoc/Limits.h>

#include <QBuffer>
#include <QImage>
#include <QSignalSpy>
#include <QTcpServer>

using namespace kocmoc;
using namespace kocmoc::test;

namespace {

const QString password = QStringLiteral("correct horse battery");
constexpr int answerMs = 15'000;

} // namespace

// The client's account operations against the real server running in this
// thread: every wait spins the event loop (QTRY_*, QSignalSpy::wait), so the
// server answers while the test waits.
class ApiClientTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    Localization m_localization;
    int m_counter = 0;

    QString uniqueName(const char *prefix)
    {
        return QStringLiteral("%1_%2").arg(QLatin1String(prefix)).arg(++m_counter);
    }

    std::unique_ptr<ApiClient> makeClient()
    {
        auto api = std::make_unique<ApiClient>();
        api->setServerUrl(
            QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server->server().port())));
        return api;
    }

    // Waits for the operation under way to end and says whether it did.
    static bool settled(ApiClient &api)
    {
        QSignalSpy busy(&api, &ApiClient::busyChanged);
        if (api.busy() && !busy.wait(answerMs))
            return false;
        return !api.busy();
    }

    int meStatus(const QString &token)
    {
        return m_server->call("GET", QStringLiteral("/api/users/me"), QJsonValue::Undefined, token)
            .status;
    }

private slots:
    void initTestCase()
    {
        KOCMOC_REQUIRE_DATABASE();
        // English, as the app loads it: the plural forms of the texts live in the translation.
        QVERIFY(m_localization.install(QStringLiteral("en")));
        m_server = std::make_unique<TestServer>();
        KOCMOC_START(*m_server);
    }

    void signsInWithUsernameAndShowsTheProfile()
    {
        const QString name = uniqueName("ivan");
        m_server->registerUser(name, QStringLiteral("Иван Петров"), password);
        auto api = makeClient();
        QSignalSpy signedIn(api.get(), &ApiClient::signedInChanged);

        api->login(name, password);
        QVERIFY(api->busy());
        QVERIFY(signedIn.wait(answerMs));
        QVERIFY(api->signedIn());
        QVERIFY(settled(*api));
        QCOMPARE(api->currentUser().displayName(), QStringLiteral("Иван Петров"));
        QCOMPARE(api->currentUser().username(), name);
        QCOMPARE(api->currentUser().email(), name + QStringLiteral("@example.org"));
        QCOMPARE(api->currentUser().initials(), QStringLiteral("ИП"));
        QVERIFY(api->errorMessage().isEmpty());
        QCOMPARE(meStatus(api->accessToken()), 200);
    }

    void signsInWithEmail()
    {
        const QString name = uniqueName("olga");
        m_server->registerUser(name, QStringLiteral("Ольга"), password);
        auto api = makeClient();

        api->login(QStringLiteral("  %1@EXAMPLE.org ").arg(name), password);
        QTRY_VERIFY_WITH_TIMEOUT(api->signedIn(), answerMs);
        QCOMPARE(api->currentUser().username(), name);
    }

    void wrongPasswordExplainsAndStaysSignedOut()
    {
        const QString name = uniqueName("petr");
        m_server->registerUser(name, {}, password);
        auto api = makeClient();

        api->login(name, QStringLiteral("not the password"));
        QVERIFY(settled(*api));
        QVERIFY(!api->signedIn());
        QVERIFY(!api->currentUser().isValid());
        QCOMPARE(api->errorMessage(), QStringLiteral("Wrong username, email or password."));
        QVERIFY(api->errorField()
                    .isEmpty()); // about the whole form: which part is wrong is not revealed
        QVERIFY(api->accessToken().isEmpty());
    }

    void lockoutSaysHowLongToWait()
    {
        const QString name = uniqueName("locked");
        m_server->registerUser(name, {}, password);
        auto api = makeClient();
        for (int attempt = 0; attempt < limits::lockoutFailures; ++attempt) {
            api->login(name, QStringLiteral("wrong password %1").arg(attempt));
            QVERIFY(settled(*api));
        }
        QCOMPARE(api->errorMessage(),
            QStringLiteral("Too many failed attempts. Try again in 15 minutes."));
        QVERIFY(!api->signedIn());
    }

    void registersAndIsSignedIn()
    {
        const QString name = uniqueName("new");
        auto api = makeClient();

        api->registerAccount(name + QStringLiteral("@example.org"), password, name,
            QStringLiteral("  Новый Пользователь "));
        QTRY_VERIFY_WITH_TIMEOUT(api->signedIn(), answerMs);
        QVERIFY(settled(*api));
        QCOMPARE(api->currentUser().username(), name);
        QCOMPARE(api->currentUser().displayName(), QStringLiteral("Новый Пользователь"));
        QCOMPARE(meStatus(api->accessToken()), 200);
    }

    void registeringATakenUsernameNamesIt()
    {
        const QString name = uniqueName("taken");
        m_server->registerUser(name, {}, password);
        auto api = makeClient();

        api->registerAccount(uniqueName("other") + QStringLiteral("@example.org"), password, name,
            QStringLiteral("Someone Else"));
        QVERIFY(settled(*api));
        QVERIFY(!api->signedIn());
        QCOMPARE(api->errorField(), QStringLiteral("username"));
        QCOMPARE(
            api->errorMessage(), QStringLiteral("The username @%1 is already taken.").arg(name));
    }

    void registeringATakenEmailNamesTheEmail()
    {
        const QString name = uniqueName("mail");
        m_server->registerUser(name, {}, password);
        auto api = makeClient();

        api->registerAccount(name + QStringLiteral("@example.org"), password, uniqueName("fresh"),
            QStringLiteral("X"));
        QVERIFY(settled(*api));
        QCOMPARE(api->errorField(), QStringLiteral("email"));
        QCOMPARE(api->errorMessage(), QStringLiteral("An account with this email already exists."));
    }

    void shortPasswordIsRefusedWithoutARequest()
    {
        const QString name = uniqueName("short");
        auto api = makeClient();
        QSignalSpy busy(api.get(), &ApiClient::busyChanged);

        api->registerAccount(name + QStringLiteral("@example.org"), QStringLiteral("1234567"), name,
            QStringLiteral("Short"));
        QCOMPARE(busy.count(), 0);
        QCOMPARE(api->errorField(), QStringLiteral("password"));
        QCOMPARE(api->errorMessage(), QStringLiteral("A password needs at least 8 characters."));

        api->login(name, QStringLiteral("1234567"));
        QCOMPARE(busy.count(), 0);
        QCOMPARE(api->errorField(), QStringLiteral("password"));

        // Had either reached the server, the username would be taken or the login failure recorded.
        api->registerAccount(
            name + QStringLiteral("@example.org"), password, name, QStringLiteral("Short"));
        QTRY_VERIFY_WITH_TIMEOUT(api->signedIn(), answerMs);
    }

    void otherInputIsCheckedBeforeSending_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("displayName");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        QTest::newRow("email") << "not-an-email"
                               << "fine_name"
                               << "Name"
                               << "email"
                               << "This does not look like an email address.";
        QTest::newRow("username letters")
            << "a@example.org"
            << "иван"
            << "Name"
            << "username"
            << "A username can only have Latin letters, digits and underscores.";
        QTest::newRow("username length") << "a@example.org"
                                         << "ab"
                                         << "Name"
                                         << "username"
                                         << "A username has 3 to 32 characters.";
        QTest::newRow("display name") << "a@example.org"
                                      << "fine_name"
                                      << "   "
                                      << "displayName"
                                      << "Enter your name.";
    }

    void otherInputIsCheckedBeforeSending()
    {
        QFETCH(QString, email);
        QFETCH(QString, username);
        QFETCH(QString, displayName);
        QFETCH(QString, field);
        QFETCH(QString, message);
        auto api = makeClient();
        QSignalSpy busy(api.get(), &ApiClient::busyChanged);

        api->registerAccount(email, password, username, displayName);
        QCOMPARE(busy.count(), 0);
        QCOMPARE(api->errorField(), field);
        QCOMPARE(api->errorMessage(), message);
    }

    void loginIdentifierErrorsPointAtTheIdentifier()
    {
        auto api = makeClient();
        api->login(QStringLiteral("broken@"), password);
        QCOMPARE(api->errorField(), QStringLiteral("identifier"));
        QCOMPARE(api->errorMessage(), QStringLiteral("This does not look like an email address."));
        api->clearError();
        QVERIFY(api->errorMessage().isEmpty());
        QVERIFY(api->errorField().isEmpty());
    }

    void signOutEndsTheSessionOnTheServer()
    {
        const QString name = uniqueName("leaving");
        m_server->registerUser(name, {}, password);
        auto api = makeClient();
        api->login(name, password);
        QTRY_VERIFY_WITH_TIMEOUT(api->signedIn(), answerMs);
        QVERIFY(settled(*api));
        const QString token = api->accessToken();
        QCOMPARE(meStatus(token), 200);

        api->logout();
        QVERIFY(api->signedIn()); // until the server has ended the session
        QTRY_VERIFY_WITH_TIMEOUT(!api->signedIn(), answerMs);
        QVERIFY(!api->currentUser().isValid());
        QVERIFY(api->accessToken().isEmpty());
        QVERIFY(api->errorMessage().isEmpty());
        QCOMPARE(meStatus(token), 401);
    }

    void expiredAccessTokenIsRenewedTransparently()
    {
        const QString name = uniqueName("patient");
        m_server->registerUser(name, QStringLiteral("Терпеливый"), password);
        auto api = makeClient();
        api->login(name, password);
        QTRY_VERIFY_WITH_TIMEOUT(api->signedIn(), answerMs);
        QVERIFY(settled(*api));
        const QString firstToken = api->accessToken();

        m_server->server().clock().advance(limits::accessTokenLifetimeMs + 60 * 1000);
        const Response expired = m_server->call(
            "GET", QStringLiteral("/api/users/me"), QJsonValue::Undefined, firstToken);
        QCOMPARE(expired.status, 401);
        QCOMPARE(expired.errorCode(), QStringLiteral("token_expired"));

        QSignalSpy signedIn(api.get(), &ApiClient::signedInChanged);
        QSignalSpy errors(api.get(), &ApiClient::errorChanged);
        api->refreshProfile();
        QVERIFY(settled(*api));
        QVERIFY(api->signedIn());
        QCOMPARE(signedIn.count(), 0);
        QCOMPARE(errors.count(), 0);
        QCOMPARE(api->currentUser().displayName(), QStringLiteral("Терпеливый"));
        QVERIFY(api->accessToken() != firstToken);
        QCOMPARE(meStatus(api->accessToken()), 200);
    }

    void sessionEndedElsewhereSignsOut()
    {
        const QString name = uniqueName("revoked");
        m_server->registerUser(name, {}, password);
        auto api = makeClient();
        api->login(name, password);
        QTRY_VERIFY_WITH_TIMEOUT(api->signedIn(), answerMs);
        QVERIFY(settled(*api));
        QCOMPARE(m_server
                     ->call("POST", QStringLiteral("/api/auth/logout"), QJsonValue::Undefined,
                         api->accessToken())
                     .status,
            204);

        api->refreshProfile();
        QTRY_VERIFY_WITH_TIMEOUT(!api->signedIn(), answerMs);
        QVERIFY(settled(*api));
        QCOMPARE(
            api->errorMessage(), QStringLiteral("Your session has ended. Please sign in again."));
        QVERIFY(api->accessToken().isEmpty());
    }

    void unreachableServerIsExplained()
    {
        // A port that was free a moment ago: nothing listens there.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        ApiClient api;
        api.setServerUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));

        api.login(QStringLiteral("somebody"), password);
        QVERIFY(settled(api));
        QCOMPARE(api.errorMessage(),
            QStringLiteral("Cannot connect to 127.0.0.1:%1. Is the server running?").arg(port));
        QVERIFY(api.errorField().isEmpty());
        QVERIFY(!api.signedIn());
    }

    // The picture goes to the server as an upload, then its id in PATCH /api/users/me;
    // currentUser follows the answer, and an empty id removes it.
    void avatarIsSetAndRemovedThroughTheProfile()
    {
        const QString name = uniqueName("portrait");
        m_server->registerUser(name, QStringLiteral("Портрет"), password);
        auto api = makeClient();
        api->login(name, password);
        QTRY_VERIFY_WITH_TIMEOUT(api->signedIn(), answerMs);
        QVERIFY(settled(*api));
        QVERIFY(api->currentUser().avatarUrl().isEmpty());

        QImage image(64, 48, QImage::Format_RGB32);
        image.fill(Qt::darkCyan);
        QBuffer png;
        png.open(QIODevice::WriteOnly);
        QVERIFY(image.save(&png, "PNG"));
        const Response uploaded
            = m_server->raw("POST", QStringLiteral("/api/upload/file?name=me.png"), png.data(),
                "image/png", {{"Authorization", "Bearer " + api->accessToken().toLatin1()}});
        QCOMPARE(uploaded.status, 201);
        const QString fileId = uploaded.object().value(QStringLiteral("id")).toString();

        const auto change = [&api](const QString &avatarFileId) {
            std::optional<RestResponse> answer;
            QSignalSpy profile(api.get(), &ApiClient::currentUserChanged);
            api->updateProfile(QJsonObject{{QStringLiteral("avatarFileId"), avatarFileId}},
                api.get(), [&answer](const RestResponse &response) { answer = response; });
            if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, answerMs))
                return std::make_pair(RestResponse(), -1);
            return std::make_pair(*answer, int(profile.count()));
        };

        auto [set, setSignals] = change(fileId);
        QCOMPARE(set.status, 200);
        QCOMPARE(setSignals, 1);
        QVERIFY(api->currentUser().avatarUrl().contains(fileId + QStringLiteral("/thumbnail")));
        QCOMPARE(api->currentUser().displayName(), QStringLiteral("Портрет"));
        QVERIFY(api->errorMessage().isEmpty());

        auto [unknown, unknownSignals]
            = change(QStringLiteral("00000000-0000-4000-8000-000000000000"));
        QCOMPARE(unknown.status, 400);
        QCOMPARE(unknown.error.code, QStringLiteral("unknown_file"));
        QCOMPARE(unknownSignals, 0);
        QVERIFY(api->currentUser().avatarUrl().contains(fileId));

        auto [removed, removedSignals] = change(QString());
        QCOMPARE(removed.status, 200);
        QCOMPARE(removedSignals, 1);
        QVERIFY(api->currentUser().avatarUrl().isEmpty());
    }

    void changingServersSignsOut()
    {
        const QString name = uniqueName("mover");
        m_server->registerUser(name, {}, password);
        auto api = makeClient();
        api->login(name, password);
        QTRY_VERIFY_WITH_TIMEOUT(api->signedIn(), answerMs);
        QVERIFY(settled(*api));

        api->setServerUrl(QUrl(QStringLiteral("http://127.0.0.1:1")));
        QVERIFY(!api->signedIn());
        QVERIFY(api->accessToken().isEmpty());
    }
};

QTEST_MAIN(ApiClientTest)
#include "tst_apiclient.moc"
