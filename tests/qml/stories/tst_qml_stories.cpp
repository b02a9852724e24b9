#include "../QmlTestSetup.h"
#include "ApiClient.h"
#include "Messenger.h"
#include "TestServer.h"

#include <QBuffer>
#include <QDir>
#include <QImage>
#include <QJsonArray>
#include <QPainter>
#include <QTest>
#include <QtQuickTest>

#include <memory>

using namespace kocmoc::test;

namespace {

constexpr int answerMs = 20'000;
const QString password = QStringLiteral("correct horse battery");

QString idOf(const QJsonObject &grant)
{
    return grant.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toString();
}

} // namespace

// What the stories tests (tst_*.qml here) work with: the real server in this
// process with alice, bob, carol and dave, who each share a direct chat with
// alice; carol posted two text stories, then bob a photo and a text (so bob's
// are the newest). alice is signed in on one client (api, messenger), bob on
// another (bobApi, bobMessenger), both online.
class Backend : public QObject
{
    Q_OBJECT
    Q_PROPERTY(ApiClient *api READ api CONSTANT)
    Q_PROPERTY(Messenger *messenger READ messenger CONSTANT)
    Q_PROPERTY(ApiClient *bobApi READ bobApi CONSTANT)
    Q_PROPERTY(Messenger *bobMessenger READ bobMessenger CONSTANT)
    Q_PROPERTY(QString aliceId MEMBER m_aliceId CONSTANT)
    Q_PROPERTY(QString bobId MEMBER m_bobId CONSTANT)
    Q_PROPERTY(QString carolId MEMBER m_carolId CONSTANT)
    Q_PROPERTY(QString daveId MEMBER m_daveId CONSTANT)
    Q_PROPERTY(QString screenshotDir READ screenshotDir CONSTANT)

public:
    ApiClient *api() { return &m_api; }
    Messenger *messenger() { return &m_messenger; }
    ApiClient *bobApi() { return &m_bobApi; }
    Messenger *bobMessenger() { return &m_bobMessenger; }
    static QString screenshotDir() { return QStringLiteral(KOCMOC_SCREENSHOT_DIR); }

    bool start(const QString &dataDir)
    {
        m_dataDir = dataDir;
        QDir().mkpath(screenshotDir());
        m_server = std::make_unique<TestServer>();
        if (!m_server->start().ok())
            return false;
        for (const auto &[name, displayName] :
            {std::pair{"alice", "Алиса Смирнова"}, std::pair{"bob", "Bob Stone"},
                std::pair{"carol", "Carol Diaz"}, std::pair{"dave", "Dave Lee"}}) {
            const QJsonObject grant
                = m_server->registerUser(QString::fromLatin1(name), QString::fromUtf8(displayName));
            m_tokens.insert(
                QString::fromLatin1(name), grant.value(QStringLiteral("accessToken")).toString());
            m_ids.insert(QString::fromLatin1(name), idOf(grant));
        }
        m_aliceId = m_ids.value(QStringLiteral("alice"));
        m_bobId = m_ids.value(QStringLiteral("bob"));
        m_carolId = m_ids.value(QStringLiteral("carol"));
        m_daveId = m_ids.value(QStringLiteral("dave"));
        for (const QString &other :
            {QStringLiteral("bob"), QStringLiteral("carol"), QStringLiteral("dave")}) {
            const int status
                = m_server
                      ->call("POST", QStringLiteral("/api/chats"),
                          QJsonObject{{QStringLiteral("userId"), m_aliceId}}, m_tokens.value(other))
                      .status;
            if (status != 201 && status != 200)
                return false;
        }
        if (postTextStory(
                QStringLiteral("carol"), QStringLiteral("Carol's first"), QStringLiteral("ocean"))
                .isEmpty()
            || postTextStory(QStringLiteral("carol"), QStringLiteral("Carol's second"),
                QStringLiteral("#1FAFA3"))
                   .isEmpty()
            || postPhotoStory(QStringLiteral("bob"), QStringLiteral("Sunset at sea")).isEmpty()
            || postTextStory(
                QStringLiteral("bob"), QStringLiteral("Bob's words"), QStringLiteral("sunset"))
                   .isEmpty())
            return false;

        const QUrl server(QStringLiteral("http://127.0.0.1:%1").arg(m_server->server().port()));
        return signIn(m_api, m_messenger, QStringLiteral("alice"), server)
            && signIn(m_bobApi, m_bobMessenger, QStringLiteral("bob"), server);
    }

    // A text story by that person, through the API; its id, or empty.
    Q_INVOKABLE QString postTextStory(
        const QString &username, const QString &text, const QString &background)
    {
        // Stories are ordered by when they were posted, to the millisecond.
        QTest::qWait(5);
        return m_server
            ->call("POST", QStringLiteral("/api/stories"),
                QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                    {QStringLiteral("text"), text}, {QStringLiteral("background"), background}},
                m_tokens.value(username))
            .object()
            .value(QStringLiteral("id"))
            .toString();
    }

    // A photo story (a generated picture) by that person; its id, or empty.
    Q_INVOKABLE QString postPhotoStory(const QString &username, const QString &caption)
    {
        QTest::qWait(5);
        const Response file
            = m_server->raw("POST", QStringLiteral("/api/upload/file?name=sunset.png"), picture(),
                "image/png", {{"Authorization", "Bearer " + m_tokens.value(username).toLatin1()}});
        return m_server
            ->call("POST", QStringLiteral("/api/stories"),
                QJsonObject{{QStringLiteral("type"), QStringLiteral("photo")},
                    {QStringLiteral("fileId"), file.object().value(QStringLiteral("id"))},
                    {QStringLiteral("text"), caption}},
                m_tokens.value(username))
            .object()
            .value(QStringLiteral("id"))
            .toString();
    }

    // GET /api/stories as that person: [{author, stories, hasUnseen}].
    Q_INVOKABLE QVariantList serverStories(const QString &username)
    {
        return m_server
            ->call("GET", QStringLiteral("/api/stories"), QJsonValue::Undefined,
                m_tokens.value(username))
            .array()
            .toVariantList();
    }

    // A picture file on disk, for the composer; its URL.
    Q_INVOKABLE QUrl writePicture(const QString &name)
    {
        const QString path = m_dataDir + QLatin1Char('/') + name;
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(picture()) <= 0)
            return {};
        return QUrl::fromLocalFile(path);
    }

    // Any other file, e.g. a document a story cannot be; its URL.
    Q_INVOKABLE QUrl writeFile(const QString &name, const QString &content)
    {
        const QString path = m_dataDir + QLatin1Char('/') + name;
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content.toUtf8()) < 0)
            return {};
        return QUrl::fromLocalFile(path);
    }

private:
    bool signIn(ApiClient &api, Messenger &messenger, const QString &username, const QUrl &server)
    {
        api.setServerUrl(server);
        api.tokenStore().setKeychainEnabled(false);
        api.tokenStore().setSettingsFile(
            m_dataDir + QStringLiteral("/tokens-%1.ini").arg(username));
        messenger.setCacheDirectory(m_dataDir + QStringLiteral("/cache-") + username);
        messenger.setApi(&api);
        api.login(username, password);
        return QTest::qWaitFor(
            [&] { return messenger.online() && !messenger.loadingChats(); }, answerMs);
    }

    // A sunset: a gradient sky, a sun and the sea, so that the photo is recognisable.
    static QByteArray picture()
    {
        QImage image(540, 960, QImage::Format_RGB32);
        QPainter painter(&image);
        QLinearGradient sky(0, 0, 0, 640);
        sky.setColorAt(0, QColor(0x2B, 0x2A, 0x6B));
        sky.setColorAt(1, QColor(0xFF, 0x9A, 0x5A));
        painter.fillRect(QRect(0, 0, 540, 640), sky);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0xFF, 0xD2, 0x6B));
        painter.drawEllipse(QPointF(270, 600), 110, 110);
        painter.fillRect(QRect(0, 640, 540, 320), QColor(0x1F, 0x3A, 0x6E));
        painter.end();
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        return png;
    }

    std::unique_ptr<TestServer> m_server;
    QString m_dataDir;
    QHash<QString, QString> m_tokens; // username → access token
    QHash<QString, QString> m_ids; // username → user id
    ApiClient m_api;
    Messenger m_messenger;
    ApiClient m_bobApi;
    Messenger m_bobMessenger;
    QString m_aliceId;
    QString m_bobId;
    QString m_carolId;
    QString m_daveId;
};

// Runs the tst_*.qml files of this folder against the Kocmoc module with the Backend above.
using Setup = QmlTestSetupFor<Backend>;
QUICK_TEST_MAIN_WITH_SETUP(kocmoc_stories, Setup)

#include "tst_qml_stories.moc"
