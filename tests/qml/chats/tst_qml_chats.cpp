#include "../QmlTestSetup.h"
#include "ApiClient.h"
#include "Messenger.h"
#include "TestServer.h"

#include <QFile>
#include <QImage>
#include <QRandomGenerator>
#include <QTest>
#include <QtQuickTest>

#include <cmath>
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
    Q_PROPERTY(QString emmaId MEMBER m_emmaId CONSTANT)
    // Where tests leave pictures of what they drew, for a person to look at.
    Q_PROPERTY(QString screenshotDir READ screenshotDir CONSTANT)

public:
    ApiClient *api() { return &m_api; }
    Messenger *messenger() { return &m_messenger; }
    static QString screenshotDir() { return QStringLiteral(KOCMOC_SCREENSHOT_DIR); }

    // Files to pick, as a FileDialog would give them: a PNG picture, and a file of
    // any size that is not a picture.
    Q_INVOKABLE QUrl writeImage(const QString &name, int width, int height) const
    {
        QImage image(width, height, QImage::Format_RGB32);
        image.fill(QColor::fromHsv((width * 7) % 360, 200, 220));
        const QString path = m_dataDir + QLatin1Char('/') + name;
        return image.save(path, "PNG") ? QUrl::fromLocalFile(path) : QUrl();
    }
    Q_INVOKABLE QUrl writeFile(const QString &name, int bytes) const
    {
        const QString path = m_dataDir + QLatin1Char('/') + name;
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly)
            || file.write(QByteArray(bytes, 'a').append('\n')) != bytes + 1)
            return {};
        return QUrl::fromLocalFile(path);
    }
    // A member's role as the server has it (GET /api/chats/{id} as alice).
    Q_INVOKABLE QString roleOnServer(const QString &chatId, const QString &userId) const
    {
        const QJsonArray members = m_server
                                       ->call("GET", QStringLiteral("/api/chats/%1").arg(chatId),
                                           QJsonValue(QJsonValue::Undefined), m_aliceToken)
                                       .object()
                                       .value(QStringLiteral("members"))
                                       .toArray();
        for (const QJsonValue &member : members) {
            if (member[QStringLiteral("user")][QStringLiteral("id")].toString() == userId)
                return member[QStringLiteral("role")].toString();
        }
        return {};
    }
    // A role changed by alice on another device: this client learns it from chat:update.
    Q_INVOKABLE int setRoleElsewhere(
        const QString &chatId, const QString &userId, const QString &role) const
    {
        return m_server
            ->call("PATCH", QStringLiteral("/api/chats/%1/members/%2").arg(chatId, userId),
                QJsonObject{{QStringLiteral("role"), role}}, m_aliceToken)
            .status;
    }

    // Attachments (tst_attachments.qml), as a file: URL: "photo" (a noisy PNG of about
    // `megabytes`, so its upload takes a moment), "pdf" (a PDF of about that many
    // megabytes), "tooLarge" (51 MB, sparse), "program" (a shell script).
    Q_INVOKABLE QUrl makeAttachment(const QString &kind, int megabytes = 1)
    {
        const QString path
            = m_dataDir + QStringLiteral("/attachment-%1-%2").arg(kind).arg(++m_attachments);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        QRandomGenerator random(m_attachments);
        if (kind == QLatin1String("photo")) {
            const int side = int(std::sqrt(megabytes * 1024.0 * 1024.0 / 4));
            QImage image(side * 4 / 3, side * 3 / 4, QImage::Format_RGB32);
            for (int y = 0; y < image.height(); ++y)
                random.fillRange(reinterpret_cast<quint32 *>(image.scanLine(y)), image.width());
            image.save(&file, "PNG");
        } else if (kind == QLatin1String("pdf")) {
            file.write("%PDF-1.4\n");
            QList<quint32> noise(megabytes * 256 * 1024);
            random.fillRange(noise.data(), noise.size());
            file.write(reinterpret_cast<const char *>(noise.constData()), noise.size() * 4);
            file.write("\n%%EOF\n");
        } else if (kind == QLatin1String("tooLarge")) {
            file.write("%PDF-1.4\n");
            file.resize(51 * 1024 * 1024);
        } else {
            file.write("#!/bin/sh\necho hello\n");
        }
        return QUrl::fromLocalFile(path);
    }

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
        m_emmaId = idOf(emma);
        m_aliceToken = tokenOf(alice);
        m_dataDir = dataDir;

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
    QString m_emmaId;
    QString m_aliceToken;
    QString m_dataDir;
    int m_sent = 0;
    int m_attachments = 0;
};

// Runs the tst_*.qml files of this folder against the Kocmoc module with the Backend above.
using Setup = QmlTestSetupFor<Backend>;
QUICK_TEST_MAIN_WITH_SETUP(kocmoc_chats, Setup)

#include "tst_qml_chats.moc"
