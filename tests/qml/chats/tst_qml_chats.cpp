#include "ApiClient.h"
#include "Localization.h"
#include "Messenger.h"
#include "TestServer.h"

#include <QQmlEngine>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QtQuickTest>

#include <memory>

using namespace kocmoc::test;

namespace {

constexpr int answerMs = 20'000;
const QString password = QStringLiteral("correct horse battery");

} // namespace

// What the chat screens' tests (tst_*.qml here) work with: the real server in
// this process, and alice signed in on a client with her chats loaded:
// direct chats with Boris and Emma, the group "Команда" she owns (Boris is an
// admin there) and "Weekend hike", Makar's group she is a member of.
class Backend : public QObject
{
    Q_OBJECT
    Q_PROPERTY(ApiClient *api READ api CONSTANT)
    Q_PROPERTY(Messenger *messenger READ messenger CONSTANT)
    Q_PROPERTY(QString borisChatId MEMBER m_borisChatId CONSTANT)
    Q_PROPERTY(QString emmaChatId MEMBER m_emmaChatId CONSTANT)
    Q_PROPERTY(QString teamId MEMBER m_teamId CONSTANT)
    Q_PROPERTY(QString hikeId MEMBER m_hikeId CONSTANT)
    Q_PROPERTY(QString borisId MEMBER m_borisId CONSTANT)
    // Where tests leave pictures of what they drew, for a person to look at.
    Q_PROPERTY(QString screenshotDir READ screenshotDir CONSTANT)

public:
    ApiClient *api() { return &m_api; }
    Messenger *messenger() { return &m_messenger; }
    static QString screenshotDir() { return QStringLiteral(KOCMOC_SCREENSHOT_DIR); }

    bool start(const QString &dataDir)
    {
        m_server = std::make_unique<TestServer>();
        if (!m_server->start().ok())
            return false;
        const QJsonObject alice
            = m_server->registerUser(QStringLiteral("alice"), QStringLiteral("Алиса Смирнова"));
        const QJsonObject boris
            = m_server->registerUser(QStringLiteral("boris"), QStringLiteral("Борис Петров"));
        const QJsonObject emma
            = m_server->registerUser(QStringLiteral("emma"), QStringLiteral("Emma Wilson"));
        const QJsonObject makar
            = m_server->registerUser(QStringLiteral("makar"), QStringLiteral("Макар Иванов"));
        m_borisId = idOf(boris);

        m_borisChatId = create(boris, QStringLiteral("/api/chats"),
            QJsonObject{{QStringLiteral("userId"), idOf(alice)}});
        m_emmaChatId = create(emma, QStringLiteral("/api/chats"),
            QJsonObject{{QStringLiteral("userId"), idOf(alice)}});
        m_teamId = create(alice, QStringLiteral("/api/chats/group"),
            QJsonObject{{QStringLiteral("title"), QStringLiteral("Команда")},
                {QStringLiteral("memberIds"), QJsonArray{idOf(boris), idOf(emma)}}});
        m_server->call("PATCH",
            QStringLiteral("/api/chats/%1/members/%2").arg(m_teamId, idOf(boris)),
            QJsonObject{{QStringLiteral("role"), QStringLiteral("admin")}}, tokenOf(alice));
        m_hikeId = create(makar, QStringLiteral("/api/chats/group"),
            QJsonObject{{QStringLiteral("title"), QStringLiteral("Weekend hike")},
                {QStringLiteral("memberIds"), QJsonArray{idOf(alice), idOf(emma)}}});
        send(boris, m_borisChatId, QStringLiteral("Привет, Алиса!"));
        send(emma, m_emmaChatId, QStringLiteral("Hi Alice!"));
        send(makar, m_hikeId, QStringLiteral("Встречаемся в 8"));

        m_api.setServerUrl(
            QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server->server().port())));
        m_api.tokenStore().setSettingsFile(dataDir + QStringLiteral("/tokens.ini"));
        m_messenger.setCacheDirectory(dataDir + QStringLiteral("/cache"));
        m_messenger.setApi(&m_api);
        m_api.login(QStringLiteral("alice"), password);
        return QTest::qWaitFor(
            [this] {
                return m_messenger.online() && !m_messenger.loadingChats()
                    && m_messenger.chats()->count() == 4;
            },
            answerMs);
    }

private:
    static QString idOf(const QJsonObject &grant)
    {
        return grant.value(QStringLiteral("user"))
            .toObject()
            .value(QStringLiteral("id"))
            .toString();
    }
    static QString tokenOf(const QJsonObject &grant)
    {
        return grant.value(QStringLiteral("accessToken")).toString();
    }
    QString create(const QJsonObject &as, const QString &path, const QJsonObject &body)
    {
        return m_server->call("POST", path, body, tokenOf(as))
            .object()
            .value(QStringLiteral("id"))
            .toString();
    }
    void send(const QJsonObject &as, const QString &chatId, const QString &text)
    {
        // The server keeps 200 ms between two sends of one person.
        while (
            m_server
                ->call("POST", QStringLiteral("/api/chats/%1/messages").arg(chatId),
                    QJsonObject{{QStringLiteral("clientId"), QStringLiteral("q%1").arg(++m_sent)},
                        {QStringLiteral("text"), text}},
                    tokenOf(as))
                .status
            == 429)
            QTest::qWait(100);
    }

    std::unique_ptr<TestServer> m_server;
    ApiClient m_api;
    Messenger m_messenger;
    QString m_borisChatId;
    QString m_emmaChatId;
    QString m_teamId;
    QString m_hikeId;
    QString m_borisId;
    int m_sent = 0;
};

// Runs the tst_*.qml files of this folder against the Kocmoc module as the app
// loads it, in English, with their own settings file and the Backend above.
class Setup : public QObject
{
    Q_OBJECT

public slots:
    void applicationAvailable()
    {
        m_localization.install(QStringLiteral("en"));
        // The settings (Preferences) of these tests stay in their own folder.
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
        m_backend = std::make_unique<Backend>();
        if (!m_backend->start(m_dir.path()))
            qFatal("The test server or the sign-in did not come up.");
        qmlRegisterSingletonInstance("KocmocTest", 1, 0, "Backend", m_backend.get());
    }
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
    }
    void cleanupTestCase() { m_backend.reset(); }

private:
    QTemporaryDir m_dir;
    Localization m_localization;
    std::unique_ptr<Backend> m_backend;
};

QUICK_TEST_MAIN_WITH_SETUP(kocmoc_chats, Setup)

#include "tst_qml_chats.moc"
