#include "TestServer.h"

#include <QBuffer>
#include <QColor>
#include <QDir>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QProcess>
#include <QRadialGradient>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace kocmoc::test;

namespace {

constexpr int serverStartMs = 30'000;
// llvmpipe renders slowly on a shared 2-core machine; the client itself gives up after 30 s.
constexpr int clientRunMs = 90'000;
const QString demoPassword = QStringLiteral("kocmoc-demo");

quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost) ? probe.serverPort() : 0;
}

QByteArray encoded(const QImage &image, const char *format, int quality = -1)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format, quality);
    return bytes;
}

// A portrait-like picture for an uploaded avatar: a soft background and a
// head-and-shoulders silhouette, in colours that tell the people apart.
QByteArray portrait(const QColor &from, const QColor &to, const QColor &figure)
{
    QImage image(256, 256, QImage::Format_RGB32);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    QLinearGradient background(0, 0, 256, 256);
    background.setColorAt(0, from);
    background.setColorAt(1, to);
    painter.fillRect(image.rect(), background);
    painter.setPen(Qt::NoPen);
    painter.setBrush(figure);
    painter.drawEllipse(QPointF(128, 104), 46, 50);
    QPainterPath shoulders;
    shoulders.moveTo(40, 256);
    shoulders.cubicTo(44, 180, 90, 164, 128, 164);
    shoulders.cubicTo(166, 164, 212, 180, 216, 256);
    shoulders.closeSubpath();
    painter.drawPath(shoulders);
    painter.end();
    return encoded(image, "PNG");
}

// A group's picture: a planet with a ring on a night sky.
QByteArray planet()
{
    QImage image(256, 256, QImage::Format_RGB32);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    QRadialGradient sky(128, 128, 180);
    sky.setColorAt(0, QColor(0x3B, 0x2A, 0x7A));
    sky.setColorAt(1, QColor(0x0C, 0x08, 0x1E));
    painter.fillRect(image.rect(), sky);
    painter.setPen(Qt::NoPen);
    painter.setBrush(Qt::white);
    for (const QPointF star : {QPointF(40, 50), QPointF(200, 40), QPointF(60, 200),
             QPointF(220, 190), QPointF(150, 30), QPointF(30, 130)})
        painter.drawEllipse(star, 3, 3);
    QRadialGradient body(110, 110, 70);
    body.setColorAt(0, QColor(0xFF, 0xC4, 0x6B));
    body.setColorAt(1, QColor(0xF2, 0x6B, 0x3A));
    painter.setBrush(body);
    painter.drawEllipse(QPointF(128, 128), 56, 56);
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(QColor(0xE8, 0xDF, 0xFF), 8));
    painter.translate(128, 128);
    painter.rotate(-20);
    painter.drawArc(QRectF(-100, -26, 200, 52), 180 * 16, 180 * 16);
    painter.end();
    return encoded(image, "PNG");
}

// A photo story: a sunset over the sea, tall like a phone's screen.
QByteArray sunset()
{
    QImage image(720, 1280, QImage::Format_RGB32);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    QLinearGradient sky(0, 0, 0, 860);
    sky.setColorAt(0, QColor(0x2B, 0x2A, 0x6B));
    sky.setColorAt(0.6, QColor(0xC9, 0x6B, 0x9E));
    sky.setColorAt(1, QColor(0xFF, 0xA0, 0x5A));
    painter.fillRect(QRect(0, 0, 720, 860), sky);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0xFF, 0xD8, 0x7A));
    painter.drawEllipse(QPointF(360, 830), 150, 150);
    QLinearGradient sea(0, 860, 0, 1280);
    sea.setColorAt(0, QColor(0x2F, 0x4F, 0x8E));
    sea.setColorAt(1, QColor(0x12, 0x1E, 0x45));
    painter.fillRect(QRect(0, 860, 720, 420), sea);
    painter.setBrush(QColor(0xFF, 0xD8, 0x7A, 120));
    for (int i = 0; i < 6; ++i)
        painter.drawRoundedRect(QRectF(300 - i * 14, 890 + i * 34, 120 + i * 28, 6), 3, 3);
    painter.end();
    return encoded(image, "PNG");
}

// A photo message: mountains under a violet evening sky, landscape.
QByteArray mountains()
{
    QImage image(1200, 800, QImage::Format_RGB32);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    QLinearGradient sky(0, 0, 0, 800);
    sky.setColorAt(0, QColor(0x3B, 0x2A, 0x7A));
    sky.setColorAt(0.7, QColor(0xE8, 0x8E, 0xA8));
    sky.setColorAt(1, QColor(0xFF, 0xC4, 0x6B));
    painter.fillRect(image.rect(), sky);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0xFF, 0xF1, 0xC9));
    painter.drawEllipse(QPointF(880, 300), 60, 60);
    const auto ridge = [&painter](const QColor &colour, int base, int height, int peaks) {
        QPainterPath path;
        path.moveTo(0, 800);
        for (int i = 0; i <= peaks; ++i)
            path.lineTo(i * 1200.0 / peaks, base - (i % 2 ? height : height / 3));
        path.lineTo(1200, 800);
        path.closeSubpath();
        painter.setBrush(colour);
        painter.drawPath(path);
    };
    ridge(QColor(0x6B, 0x4F, 0xA8), 560, 260, 6);
    ridge(QColor(0x3A, 0x2B, 0x6B), 680, 200, 9);
    ridge(QColor(0x1C, 0x14, 0x3A), 790, 120, 12);
    painter.end();
    return encoded(image, "JPEG", 88);
}

// A document message: a one-page PDF, written with QPdfWriter; lines stand for the
// text (this test has no QGuiApplication, so no fonts).
QByteArray agendaPdf()
{
    QByteArray pdf;
    QBuffer buffer(&pdf);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setTitle(QStringLiteral("Повестка"));
    QPainter painter(&writer);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0x7C, 0x4D, 0xFF));
    painter.drawRect(QRectF(400, 600, 4000, 300));
    painter.setBrush(QColor(0x6F, 0x6A, 0x7D));
    for (int i = 0; i < 12; ++i)
        painter.drawRect(QRectF(400, 1300 + i * 350, 2500 + (i * 977) % 3000, 120));
    painter.end();
    return pdf;
}

// Speech-like loudness for a voice message: a tone swelling and fading like words.
double voiceEnvelope(double t)
{
    return std::abs(std::sin(2 * M_PI * 1.3 * t))
        * (0.25 + 0.75 * std::abs(std::sin(2 * M_PI * 0.31 * t)));
}

double meanLightness(const QImage &image)
{
    double sum = 0;
    int samples = 0;
    for (int y = 0; y < image.height(); y += 4) {
        for (int x = 0; x < image.width(); x += 4) {
            sum += QColor(image.pixel(x, y)).lightnessF();
            ++samples;
        }
    }
    return samples ? sum / samples : 0;
}

// Pixels of a saturated violet, as the accent and its glow are.
int violetPixels(const QImage &image)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor colour(image.pixel(x, y));
            const int hue = colour.hsvHue();
            count += hue >= 245 && hue <= 275 && colour.hsvSaturationF() > 0.35
                && colour.valueF() > 0.45;
        }
    }
    return count;
}

} // namespace

// The client as people will see it: the real server with its demo data (and a
// few uploaded avatars), the real app signed in as alice, drawn by OpenGL under
// Xvfb so that the glass blur renders, saved as PNGs in the build folder
// (screenshots/) for a person to look at. Each picture must be the size asked
// for and in the colours of its scheme.
class ScreensTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QProcess m_server;
    quint16 m_port = 0;
    QString m_xvfbRun;
    QDir m_output{QStringLiteral(KOCMOC_SCREENSHOT_DIR)};
    QHash<QString, QImage> m_taken;
    int m_mediaSent = 0;

    QString login(HttpClient &http, const QString &username)
    {
        const Response grant = http.call("POST", QStringLiteral("/api/auth/login"),
            QJsonObject{{QStringLiteral("username"), username},
                {QStringLiteral("password"), demoPassword}});
        return grant.object().value(QStringLiteral("accessToken")).toString();
    }

    // Uploads the picture as that person and returns the File's id.
    QString upload(HttpClient &http, const QString &token, const QByteArray &png)
    {
        const Response file = http.raw("POST", QStringLiteral("/api/upload/file?name=avatar.png"),
            png, "image/png", {{"Authorization", "Bearer " + token.toLatin1()}});
        if (file.status != 201)
            qWarning() << "upload:" << file.status << file.body;
        return file.object().value(QStringLiteral("id")).toString();
    }

    bool setAvatar(HttpClient &http, const QString &username, const QByteArray &png)
    {
        const QString token = login(http, username);
        const QString fileId = upload(http, token, png);
        return http.call("PATCH", QStringLiteral("/api/users/me"),
                       QJsonObject{{QStringLiteral("avatarFileId"), fileId}}, token)
                   .status
            == 200;
    }

    bool postStory(HttpClient &http, const QString &token, const QJsonObject &story)
    {
        QTest::qWait(5); // stories are ordered by when they were posted, to the millisecond
        const Response created = http.call("POST", QStringLiteral("/api/stories"), story, token);
        if (created.status != 201)
            qWarning() << "story:" << created.status << created.body;
        return created.status == 201;
    }

    // Stories for the row's rings (SPEC 2.5): alice's own text; emma's and makar's texts;
    // boris's photo and text, the newest, so that he comes right after alice (--open-story 2).
    bool addStories(HttpClient &http)
    {
        const QString alice = login(http, QStringLiteral("alice"));
        const QString emma = login(http, QStringLiteral("emma"));
        const QString makar = login(http, QStringLiteral("makar"));
        const QString boris = login(http, QStringLiteral("boris"));
        const Response photo = http.raw("POST", QStringLiteral("/api/upload/file?name=sunset.png"),
            sunset(), "image/png", {{"Authorization", "Bearer " + boris.toLatin1()}});
        const auto text = [](const QString &words, const QString &background) {
            return QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                {QStringLiteral("text"), words}, {QStringLiteral("background"), background}};
        };
        return photo.status == 201
            && postStory(http, alice,
                text(QStringLiteral("Готовлю доклад о KOCMOC 🚀"), QStringLiteral("violet")))
            && postStory(http, emma,
                text(QStringLiteral("London is grey, coffee is great ☕"), QStringLiteral("ocean")))
            && postStory(http, makar,
                text(QStringLiteral("Маршрут на субботу готов 🏔"),
                    QStringLiteral("forest")))
            && postStory(http, boris,
                QJsonObject{{QStringLiteral("type"), QStringLiteral("photo")},
                    {QStringLiteral("fileId"), photo.object().value(QStringLiteral("id"))},
                    {QStringLiteral("text"), QStringLiteral("Закат над заливом")}})
            && postStory(http, boris,
                text(QStringLiteral("Кто завтра на созвон в 10?"), QStringLiteral("sunset")));
    }

    // Runs ffmpeg (scripts/install-deps.sh --test installs it) to make a short clip.
    QByteArray ffmpeg(const QStringList &arguments, const QString &output)
    {
        const QString path = m_dir.filePath(output);
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(QStringLiteral("ffmpeg"),
            QStringList{QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y")}
                + arguments + QStringList{path});
        if (!process.waitForFinished(60'000) || process.exitCode() != 0) {
            qWarning() << "ffmpeg:" << process.readAll();
            return {};
        }
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    // Uploads a file with its query (name, durationMs, waveform) and returns its id.
    QString uploadFile(HttpClient &http, const QString &token, const QString &query,
        const QByteArray &bytes, const QByteArray &type)
    {
        const Response file = http.raw("POST", QStringLiteral("/api/upload/file?") + query, bytes,
            type, {{"Authorization", "Bearer " + token.toLatin1()}});
        if (file.status != 201)
            qWarning() << "upload:" << file.status << file.body;
        return file.object().value(QStringLiteral("id")).toString();
    }

    bool sendMedia(
        HttpClient &http, const QString &token, const QString &chatId, const QJsonObject &message)
    {
        QJsonObject body = message;
        body.insert(QStringLiteral("clientId"), QStringLiteral("media-%1").arg(++m_mediaSent));
        for (;;) {
            const Response sent = http.call(
                "POST", QStringLiteral("/api/chats/%1/messages").arg(chatId), body, token);
            if (sent.status != 429) {
                if (sent.status != 201)
                    qWarning() << "media message:" << sent.status << sent.body;
                return sent.status == 201;
            }
            QTest::qWait(250); // the server keeps 200 ms between two sends of one person
        }
    }

    // Voice, photo, video, document and sticker messages (SPEC 2.3, 2.4) in alice's
    // newest chat, which stays first in her list (--open-chat 1): real files made here.
    bool addMediaMessages(HttpClient &http)
    {
        const QString alice = login(http, QStringLiteral("alice"));
        QJsonObject newest;
        for (const QJsonValue &value :
            http.call("GET", QStringLiteral("/api/chats"), QJsonValue::Undefined, alice).array()) {
            const QJsonObject chat = value.toObject();
            const qint64 last
                = chat[QStringLiteral("lastMessage")][QStringLiteral("id")].toInteger();
            if (last > newest[QStringLiteral("lastMessage")][QStringLiteral("id")].toInteger())
                newest = chat;
        }
        const QString chatId = newest.value(QStringLiteral("id")).toString();
        QString other;
        for (const QJsonValue &member : newest.value(QStringLiteral("members")).toArray()) {
            const QString username
                = member[QStringLiteral("user")][QStringLiteral("username")].toString();
            if (username != QStringLiteral("alice") && other.isEmpty())
                other = username;
        }
        if (chatId.isEmpty() || other.isEmpty())
            return false;
        const QString friendToken = login(http, other);

        // A voice message of five seconds from the other person, with its waveform.
        constexpr int voiceMs = 5000;
        const QByteArray voice
            = ffmpeg({QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                         QStringLiteral("aevalsrc=0.8*sin(2*PI*220*t)*abs(sin(2*PI*1.3*t))"
                                        "*(0.25+0.75*abs(sin(2*PI*0.31*t))):s=48000:d=5"),
                         QStringLiteral("-ac"), QStringLiteral("1"), QStringLiteral("-c:a"),
                         QStringLiteral("libopus")},
                QStringLiteral("voice.ogg"));
        QStringList levels;
        for (int i = 0; i < 100; ++i)
            levels.append(
                QString::number(qRound(255 * voiceEnvelope((i + 0.5) * voiceMs / 100000.0))));
        // A 3-second clip with motion and sound, WebM (VP8) as GStreamer plays it.
        const QByteArray video = ffmpeg(
            {QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                QStringLiteral("testsrc2=size=640x360:rate=25:duration=3"), QStringLiteral("-c:v"),
                QStringLiteral("libvpx"), QStringLiteral("-b:v"), QStringLiteral("600k")},
            QStringLiteral("clip.webm"));
        if (voice.isEmpty() || video.isEmpty())
            return false;
        const QString voiceId = uploadFile(http, friendToken,
            QStringLiteral("name=voice.ogg&durationMs=%1&waveform=%2")
                .arg(voiceMs)
                .arg(levels.join(u',')),
            voice, "audio/ogg");
        const QString photoId = uploadFile(
            http, friendToken, QStringLiteral("name=mountains.jpg"), mountains(), "image/jpeg");
        const QString pdfId = uploadFile(
            http, alice, QStringLiteral("name=Повестка.pdf"), agendaPdf(), "application/pdf");
        const QString videoId = uploadFile(
            http, alice, QStringLiteral("name=clip.webm&durationMs=3000"), video, "video/webm");
        const QString myVoiceId = uploadFile(http, alice,
            QStringLiteral("name=voice.ogg&durationMs=%1&waveform=%2")
                .arg(voiceMs)
                .arg(levels.join(u',')),
            voice, "audio/ogg");
        const QJsonArray sets
            = http.call("GET", QStringLiteral("/api/stickers"), QJsonValue::Undefined, alice)
                  .array();
        const QString stickerId
            = sets.first()[QStringLiteral("stickers")][0][QStringLiteral("id")].toString();
        const auto withFile = [](const QString &type, const QString &fileId, const QString &text) {
            QJsonObject message{
                {QStringLiteral("type"), type}, {QStringLiteral("fileIds"), QJsonArray{fileId}}};
            if (!text.isEmpty())
                message.insert(QStringLiteral("text"), text);
            return message;
        };
        return !voiceId.isEmpty() && !photoId.isEmpty() && !pdfId.isEmpty() && !videoId.isEmpty()
            && !stickerId.isEmpty()
            && sendMedia(http, alice, chatId,
                withFile(QStringLiteral("video"), videoId, QStringLiteral("Тестовый ролик")))
            && sendMedia(http, friendToken, chatId,
                withFile(QStringLiteral("photo"), photoId,
                    QStringLiteral("Вид с перевала 🏔")))
            && sendMedia(http, alice, chatId, withFile(QStringLiteral("document"), pdfId, {}))
            && sendMedia(http, friendToken, chatId, withFile(QStringLiteral("voice"), voiceId, {}))
            && sendMedia(http, alice, chatId, withFile(QStringLiteral("voice"), myVoiceId, {}))
            && sendMedia(http, alice, chatId,
                QJsonObject{{QStringLiteral("type"), QStringLiteral("sticker")},
                    {QStringLiteral("stickerId"), stickerId}});
    }

private slots:
    void initTestCase()
    {
        m_xvfbRun = QStandardPaths::findExecutable(QStringLiteral("xvfb-run"));
        if (m_xvfbRun.isEmpty()
            || QStandardPaths::findExecutable(QStringLiteral("xauth")).isEmpty())
            QFAIL("xvfb-run and xauth are needed to draw the client without a screen: "
                  "apt-get install xvfb xauth (scripts/install-deps.sh does).");
        QVERIFY(m_dir.isValid());
        QVERIFY(m_output.mkpath(QStringLiteral(".")));
        m_port = freePort();
        QVERIFY(m_port != 0);

        m_server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_server.setStandardOutputFile(QProcess::nullDevice());
        m_server.start(QStringLiteral(KOCMOC_SERVER_EXE),
            {QStringLiteral("--host"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                QString::number(m_port), QStringLiteral("--data-dir"),
                m_dir.filePath(QStringLiteral("server")), QStringLiteral("--demo"),
                QStringLiteral("--log-level"), QStringLiteral("warning")});
        QVERIFY2(m_server.waitForStarted(), qPrintable(m_server.errorString()));
        HttpClient http(m_port);
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         return m_server.state() == QProcess::Running
                             && http.call("GET", QStringLiteral("/health")).status == 200;
                     },
                     serverStartMs),
            "the server did not start");

        // Uploaded avatars for two people and the team's group; the others keep
        // their generated ones, so both kinds show.
        QVERIFY(setAvatar(http, QStringLiteral("emma"),
            portrait(
                QColor(0xFF, 0xD5, 0xE5), QColor(0xF3, 0xA4, 0xE0), QColor(0x8A, 0x3F, 0x9E))));
        QVERIFY(setAvatar(http, QStringLiteral("boris"),
            portrait(
                QColor(0xBF, 0xE3, 0xFF), QColor(0x7C, 0xC8, 0xFF), QColor(0x1F, 0x4E, 0x8C))));
        const QString alice = login(http, QStringLiteral("alice"));
        QString teamId;
        for (const QJsonValue &chat :
            http.call("GET", QStringLiteral("/api/chats"), QJsonValue::Undefined, alice).array()) {
            if (chat.toObject()
                    .value(QStringLiteral("title"))
                    .toString()
                    .startsWith(QStringLiteral("КОСМОС")))
                teamId = chat.toObject().value(QStringLiteral("id")).toString();
        }
        QVERIFY(!teamId.isEmpty());
        QCOMPARE(
            http.call("PATCH", QStringLiteral("/api/chats/%1").arg(teamId),
                    QJsonObject{{QStringLiteral("avatarFileId"), upload(http, alice, planet())}},
                    alice)
                .status,
            200);
        QVERIFY(addStories(http));
        QVERIFY2(addMediaMessages(http),
            "The media messages could not be made; ffmpeg is needed for the voice and video "
            "(scripts/install-deps.sh --test installs it).");
    }

    void cleanupTestCase()
    {
        if (m_server.state() != QProcess::NotRunning) {
            m_server.terminate();
            if (!m_server.waitForFinished(10'000))
                m_server.kill();
        }
    }

    void screen_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QSize>("size");
        QTest::addColumn<QStringList>("options");
        // The group (avatars beside its messages), a direct chat with ticks and a
        // reply, another with neon, and the phone's chat list.
        QTest::newRow("light") << QStringLiteral("light-1280x800") << QSize(1280, 800)
                               << QStringList{QStringLiteral("--theme"), QStringLiteral("light"),
                                      QStringLiteral("--open-chat"), QStringLiteral("2")};
        QTest::newRow("dark") << QStringLiteral("dark-1280x800") << QSize(1280, 800)
                              << QStringList{QStringLiteral("--theme"), QStringLiteral("dark"),
                                     QStringLiteral("--open-chat"), QStringLiteral("1")};
        QTest::newRow("dark+neon")
            << QStringLiteral("dark-neon-1280x800") << QSize(1280, 800)
            << QStringList{QStringLiteral("--theme"), QStringLiteral("dark"),
                   QStringLiteral("--neon"), QStringLiteral("--open-chat"), QStringLiteral("1")};
        // Voice, photo, video, document and sticker messages in the newest chat, tall enough
        // to show them all.
        QTest::newRow("media, light")
            << QStringLiteral("light-1280x1040-media") << QSize(1280, 1040)
            << QStringList{QStringLiteral("--theme"), QStringLiteral("light"),
                   QStringLiteral("--open-chat"), QStringLiteral("1")};
        QTest::newRow("media, dark")
            << QStringLiteral("dark-1280x1040-media") << QSize(1280, 1040)
            << QStringList{QStringLiteral("--theme"), QStringLiteral("dark"),
                   QStringLiteral("--open-chat"), QStringLiteral("1")};
        QTest::newRow("phone") << QStringLiteral("light-390x844") << QSize(390, 844)
                               << QStringList{QStringLiteral("--theme"), QStringLiteral("light")};
        // The story viewer over the window: boris's photo, light and dark, and on the phone.
        QTest::newRow("story, light")
            << QStringLiteral("light-1280x800-story") << QSize(1280, 800)
            << QStringList{QStringLiteral("--theme"), QStringLiteral("light"),
                   QStringLiteral("--open-story"), QStringLiteral("2")};
        QTest::newRow("story, dark")
            << QStringLiteral("dark-1280x800-story") << QSize(1280, 800)
            << QStringList{QStringLiteral("--theme"), QStringLiteral("dark"),
                   QStringLiteral("--open-story"), QStringLiteral("2")};
        QTest::newRow("story, phone")
            << QStringLiteral("light-390x844-story") << QSize(390, 844)
            << QStringList{QStringLiteral("--theme"), QStringLiteral("light"),
                   QStringLiteral("--open-story"), QStringLiteral("2")};
        QTest::newRow("phone, a chat open")
            << QStringLiteral("light-390x844-chat") << QSize(390, 844)
            << QStringList{QStringLiteral("--theme"), QStringLiteral("light"),
                   QStringLiteral("--open-chat"), QStringLiteral("3")};
    }

    void screen()
    {
        QFETCH(QString, name);
        QFETCH(QSize, size);
        QFETCH(QStringList, options);
        const QString path = m_output.filePath(name + QStringLiteral(".png"));
        QFile::remove(path);

        // Each run its own settings and cache, like a first start.
        QTemporaryDir home;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
        environment.insert(
            QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        environment.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.path());
        environment.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        QProcess client;
        client.setProcessEnvironment(environment);
        client.setProcessChannelMode(QProcess::MergedChannels);
        client.start(m_xvfbRun,
            QStringList{QStringLiteral("-a"), QStringLiteral("-s"),
                QStringLiteral("-screen 0 1920x1080x24"), QStringLiteral(KOCMOC_CLIENT_EXE),
                QStringLiteral("--server"), QStringLiteral("http://127.0.0.1:%1").arg(m_port),
                QStringLiteral("--login"), QStringLiteral("alice"), QStringLiteral("--password"),
                demoPassword, QStringLiteral("--lang"), QStringLiteral("ru"),
                QStringLiteral("--size"),
                QStringLiteral("%1x%2").arg(size.width()).arg(size.height()),
                QStringLiteral("--screenshot"), path}
                + options);
        QVERIFY2(client.waitForStarted(), qPrintable(client.errorString()));
        const bool finished = client.waitForFinished(clientRunMs);
        const QByteArray output = client.readAll();
        if (!finished)
            client.kill();
        QVERIFY2(finished, output.constData());
        QVERIFY2(client.exitStatus() == QProcess::NormalExit && client.exitCode() == 0,
            output.constData());

        const QImage image(path);
        QVERIFY2(!image.isNull(), qPrintable(path));
        QCOMPARE(image.size(), size);
        const double lightness = meanLightness(image);
        // A story is shown on black in either scheme, like a photo viewer.
        if (options.contains(QStringLiteral("--open-story")))
            QVERIFY2(lightness < 0.5, qPrintable(QString::number(lightness)));
        else if (options.contains(QStringLiteral("dark")))
            QVERIFY2(lightness < 0.25, qPrintable(QString::number(lightness)));
        else
            QVERIFY2(lightness > 0.75, qPrintable(QString::number(lightness)));
        m_taken.insert(name, image);
        qInfo("%s", qPrintable(path));
    }

    // The neon switch makes the violet glow: more of it than without, in the same chat.
    void neonGlows()
    {
        const QImage plain = m_taken.value(QStringLiteral("dark-1280x800"));
        const QImage neon = m_taken.value(QStringLiteral("dark-neon-1280x800"));
        if (plain.isNull() || neon.isNull())
            QSKIP("The dark pictures were not taken.");
        QVERIFY2(violetPixels(neon) > violetPixels(plain) + 2000,
            qPrintable(
                QStringLiteral("%1 vs %2").arg(violetPixels(neon)).arg(violetPixels(plain))));
    }
};

QTEST_GUILESS_MAIN(ScreensTest)
#include "tst_screens.moc"
