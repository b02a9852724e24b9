#include "TestServer.h"

#include <QBuffer>
#include <QColor>
#include <QDir>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QProcess>
#include <QRadialGradient>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

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
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return png;
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
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return png;
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
        QTest::newRow("phone") << QStringLiteral("light-390x844") << QSize(390, 844)
                               << QStringList{QStringLiteral("--theme"), QStringLiteral("light")};
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
        if (options.contains(QStringLiteral("dark")))
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
