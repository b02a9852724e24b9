#include "ClientDevice.h"
#include "ClipboardImage.h"
#include "FileChecks.h"
#include "Localization.h"
#include "MessageListModel.h"
#include "ServerTestCase.h"
#include "UploadTask.h"

#include <kocmoc/Limits.h>

#include <QClipboard>
#include <QGuiApplication>
#include <QImage>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>
#include <QtEndian>

#include <cmath>
#include <cstring>

using namespace kocmoc;
using namespace kocmoc::test;

namespace {

// A TCP relay between the client and the server that drops the connection once,
// in the middle of a request body, after `cutAfter` bytes went up one connection,
// and then lets nothing through for `outageMs`: what a train entering a tunnel does
// to an upload. (Without the outage, QNetworkAccessManager quietly repeats the
// request on a new connection and the upload never notices.)
class CuttingProxy : public QObject
{
public:
    CuttingProxy(quint16 target, qint64 cutAfter, int outageMs)
        : m_target(target)
        , m_cutAfter(cutAfter)
        , m_outageMs(outageMs)
    {
        QObject::connect(&m_listener, &QTcpServer::newConnection, this, [this] { accept(); });
    }

    bool listen() { return m_listener.listen(QHostAddress::LocalHost); }
    quint16 port() const { return m_listener.serverPort(); }
    bool cut() const { return m_cut; }

private:
    void accept()
    {
        while (QTcpSocket *client = m_listener.nextPendingConnection()) {
            if (m_dark) {
                client->abort();
                client->deleteLater();
                continue;
            }
            auto *server = new QTcpSocket(client);
            auto *sentUp = new qint64(0);
            QObject::connect(client, &QObject::destroyed, [sentUp] { delete sentUp; });
            server->connectToHost(QHostAddress::LocalHost, m_target);
            const auto up = [this, client, server, sentUp] {
                if (server->state() != QAbstractSocket::ConnectedState)
                    return; // sent once connected
                const QByteArray bytes = client->readAll();
                *sentUp += bytes.size();
                if (!m_cut && *sentUp > m_cutAfter) {
                    m_cut = true;
                    m_dark = true;
                    QTimer::singleShot(m_outageMs, this, [this] { m_dark = false; });
                    // Part of it arrives, then the line is dead.
                    server->write(bytes.left(bytes.size() / 2));
                    server->flush();
                    server->abort();
                    client->abort();
                    client->deleteLater();
                    return;
                }
                server->write(bytes);
            };
            QObject::connect(client, &QTcpSocket::readyRead, this, up);
            QObject::connect(server, &QTcpSocket::connected, this, up);
            QObject::connect(server, &QTcpSocket::readyRead, this,
                [client, server] { client->write(server->readAll()); });
            QObject::connect(client, &QTcpSocket::disconnected, this, [client, server] {
                server->disconnectFromHost();
                client->deleteLater();
            });
            QObject::connect(server, &QTcpSocket::disconnected, this,
                [client] { client->disconnectFromHost(); });
            QObject::connect(server, &QTcpSocket::errorOccurred, this,
                [client] { client->disconnectFromHost(); });
        }
    }

    QTcpServer m_listener;
    quint16 m_target;
    qint64 m_cutAfter;
    int m_outageMs;
    bool m_cut = false;
    bool m_dark = false;
};

// A valid WAV file (16-bit mono 48 kHz, a 440 Hz tone) of about `bytes` bytes: audio
// the server accepts, of any size.
QByteArray wavFile(qint64 bytes)
{
    const quint32 dataBytes = quint32(qMax<qint64>(bytes - 44, 2) / 2 * 2);
    QByteArray wav(44, '\0');
    auto put32 = [&wav](int at, quint32 value) { qToLittleEndian(value, wav.data() + at); };
    auto put16 = [&wav](int at, quint16 value) { qToLittleEndian(value, wav.data() + at); };
    std::memcpy(wav.data(), "RIFF", 4);
    put32(4, 36 + dataBytes);
    std::memcpy(wav.data() + 8, "WAVEfmt ", 8);
    put32(16, 16);
    put16(20, 1); // PCM
    put16(22, 1); // mono
    put32(24, 48'000);
    put32(28, 48'000 * 2);
    put16(32, 2);
    put16(34, 16);
    std::memcpy(wav.data() + 36, "data", 4);
    put32(40, dataBytes);
    wav.resize(44 + dataBytes);
    for (quint32 i = 0; i < dataBytes / 2; ++i) {
        const auto sample = qint16(8000 * std::sin(2 * M_PI * 440 * i / 48'000.0));
        qToLittleEndian(sample, wav.data() + 44 + 2 * i);
    }
    return wav;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

} // namespace

// UploadTask against the real server running in this thread: tus uploads with
// progress, cancellation that removes the upload on the server, files refused
// before anything is sent, and uploads that survive a dropped connection and a
// server that goes away for a while.
class UploadTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    quint16 m_port = 0;
    Localization m_localization;
    QTemporaryDir m_dir;
    QNetworkAccessManager m_network;
    int m_counter = 0;

    // A signed-in ApiClient for a new person, talking to the server at `port`.
    std::unique_ptr<ApiClient> signedInClient(quint16 port, QString *token = nullptr)
    {
        const QString username = QStringLiteral("uploader_%1").arg(++m_counter);
        const QJsonObject grant = m_server->registerUser(username);
        if (token)
            *token = grant.value(QStringLiteral("accessToken")).toString();
        auto api = std::make_unique<ApiClient>();
        api->setServerUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        api->tokenStore().setSettingsFile(
            m_dir.filePath(QStringLiteral("settings-%1.ini").arg(m_counter)));
        api->login(username, QStringLiteral("correct horse battery"));
        if (!QTest::qWaitFor([&api] { return api->signedIn(); }, answerMs))
            return nullptr;
        return api;
    }

    QByteArray download(const QJsonObject &file)
    {
        const Response response
            = m_server->call("GET", file.value(QStringLiteral("url")).toString());
        return response.status == 200 ? response.body : QByteArray();
    }

    // HEAD /api/uploads/{id}, as a tus client asks (QNetworkAccessManager::head: a
    // HEAD sent as a custom verb would wait for a body).
    // A new person signed in on a device, in a direct chat with another new person.
    struct SenderInChat
    {
        QString chatId;
        QString token;
        std::unique_ptr<ClientDevice> device; // null when signing in failed
    };
    SenderInChat senderInChat()
    {
        const QJsonObject sender
            = m_server->registerUser(QStringLiteral("sender_%1").arg(++m_counter));
        const QJsonObject receiver
            = m_server->registerUser(QStringLiteral("receiver_%1").arg(++m_counter));
        SenderInChat scene;
        scene.token = sender.value(QStringLiteral("accessToken")).toString();
        scene.chatId = m_server
                           ->call("POST", QStringLiteral("/api/chats"),
                               QJsonObject{{QStringLiteral("userId"),
                                   receiver[QStringLiteral("user")][QStringLiteral("id")]}},
                               scene.token)
                           .object()
                           .value(QStringLiteral("id"))
                           .toString();
        auto device = std::make_unique<ClientDevice>(
            m_port, m_dir.filePath(QStringLiteral("device-%1").arg(m_counter)));
        if (!scene.chatId.isEmpty()
            && device->signIn(
                sender[QStringLiteral("user")][QStringLiteral("username")].toString()))
            scene.device = std::move(device);
        return scene;
    }

    int headStatus(const QString &uploadId, const QString &token)
    {
        QNetworkRequest request(
            QUrl(QStringLiteral("http://127.0.0.1:%1/api/uploads/%2").arg(m_port).arg(uploadId)));
        request.setRawHeader("Tus-Resumable", "1.0.0");
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        std::unique_ptr<QNetworkReply> reply(m_network.head(request));
        if (!QTest::qWaitFor([&reply] { return reply->isFinished(); }, answerMs))
            return 0;
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    }

private slots:
    // Ctrl+V of a picture: it becomes a PNG to send, and one that is not sent goes again,
    // while no other file can be removed that way.
    void pastedPictureIsAFileUntilDropped()
    {
        ClipboardImage clipboard;
        QGuiApplication::clipboard()->clear();
        QVERIFY(!clipboard.hasImage());
        QCOMPARE(clipboard.saveToFile(), QString());
        QImage picture(320, 200, QImage::Format_RGB32);
        picture.fill(QColor(0x7C, 0x4D, 0xFF));
        QGuiApplication::clipboard()->setImage(picture);
        QVERIFY(clipboard.hasImage());
        const QString path = clipboard.saveToFile();
        QVERIFY(!path.isEmpty());
        QCOMPARE(QImage(path).size(), picture.size());
        const FileChecks::Verdict verdict
            = FileChecks::check(path, kocmoc::limits::defaultMaxBodyBytes);
        QVERIFY(verdict.ok);
        QCOMPARE(verdict.mimeType, QStringLiteral("image/png"));

        const QString other = QDir(QStandardPaths::writableLocation(QStandardPaths::TempLocation))
                                  .filePath(QStringLiteral("kocmoc-upload-test-keep.png"));
        QVERIFY(picture.save(other, "PNG"));
        clipboard.discard(other);
        QVERIFY(QFile::exists(other)); // not a pasted picture
        QFile::remove(other);
        clipboard.discard(QUrl::fromLocalFile(path).toString());
        QVERIFY(!QFile::exists(path));
    }

    void initTestCase()
    {
        KOCMOC_REQUIRE_DATABASE();
        QVERIFY(m_dir.isValid());
        QVERIFY(m_localization.install(QStringLiteral("en")));
        m_port = freePort();
        QVERIFY(m_port != 0);
        m_server
            = std::make_unique<TestServer>([this](ServerConfig &config) { config.port = m_port; });
        KOCMOC_START(*m_server);
    }

    void progressRisesToOne()
    {
        const auto api = signedInClient(m_port);
        QVERIFY(api);
        const QByteArray bytes = wavFile(1024 * 1024 + 123);
        const QString path = writeFile(m_dir, QStringLiteral("tone.wav"), bytes);
        QVERIFY(!path.isEmpty());

        UploadTask task;
        task.setApi(api.get());
        task.setFilePath(path);
        task.setChunkSize(128 * 1024); // nine PATCHes
        QList<qreal> seen;
        connect(&task, &UploadTask::progressChanged, &task,
            [&task, &seen] { seen.append(task.progress()); });
        QSignalSpy finished(&task, &UploadTask::finished);
        task.start();
        QCOMPARE(task.state(), UploadTask::State::Uploading);
        QCOMPARE(task.mimeType(), QStringLiteral("audio/x-wav"));
        QCOMPARE(task.bytesTotal(), qint64(bytes.size()));
        QTRY_COMPARE_WITH_TIMEOUT(task.state(), UploadTask::State::Finished, answerMs);

        QCOMPARE(finished.size(), 1);
        QCOMPARE(task.progress(), 1.0);
        QCOMPARE(task.bytesSent(), qint64(bytes.size()));
        QVERIFY2(seen.size() >= 9, qPrintable(QString::number(seen.size())));
        QVERIFY2(std::is_sorted(seen.cbegin(), seen.cend()), qPrintable(QDebug::toString(seen)));
        QCOMPARE(seen.last(), 1.0);
        QVERIFY(task.errorString().isEmpty());

        const QJsonObject file = task.file();
        QVERIFY(!file.value(QStringLiteral("id")).toString().isEmpty());
        QCOMPARE(file.value(QStringLiteral("name")).toString(), QStringLiteral("tone.wav"));
        QCOMPARE(file.value(QStringLiteral("size")).toInteger(), qint64(bytes.size()));
        QCOMPARE(file.value(QStringLiteral("mime")).toString(), QStringLiteral("audio/x-wav"));
        QCOMPARE(download(file), bytes);
    }

    void metadataReachesTheServer()
    {
        const auto api = signedInClient(m_port);
        QVERIFY(api);
        const QString path
            = writeFile(m_dir, QStringLiteral("short.wav"), wavFile(48'000 * 2 + 44));
        UploadTask task;
        task.setApi(api.get());
        task.setFilePath(path);
        task.setFileName(QStringLiteral("Голос.wav"));
        task.setDurationMs(1000);
        task.setWaveform({0, 12, 255, 80});
        task.start();
        QTRY_COMPARE_WITH_TIMEOUT(task.state(), UploadTask::State::Finished, answerMs);
        const QJsonObject file = task.file();
        QCOMPARE(file.value(QStringLiteral("name")).toString(), QStringLiteral("Голос.wav"));
        QCOMPARE(file.value(QStringLiteral("durationMs")).toInt(), 1000);
        QCOMPARE(file.value(QStringLiteral("waveform")).toArray(), (QJsonArray{0, 12, 255, 80}));
    }

    void cancelMidwayDeletesTheUpload()
    {
        QString token;
        const auto api = signedInClient(m_port, &token);
        QVERIFY(api);
        const QString path = writeFile(m_dir, QStringLiteral("long.wav"), wavFile(4 * 1024 * 1024));
        UploadTask task;
        task.setApi(api.get());
        task.setFilePath(path);
        task.setChunkSize(256 * 1024);
        // Cancelled from inside the transfer, as soon as a part of the file is on the
        // server: deterministic, however fast this machine is.
        connect(&task, &UploadTask::progressChanged, &task, [&task] {
            if (task.bytesSent() >= 512 * 1024 && task.state() == UploadTask::State::Uploading)
                task.cancel();
        });
        task.start();
        QTRY_COMPARE_WITH_TIMEOUT(task.state(), UploadTask::State::Cancelled, answerMs);
        const QString id = task.uploadId();
        QVERIFY(!id.isEmpty());
        QVERIFY(task.progress() < 1.0);

        QTRY_COMPARE_WITH_TIMEOUT(headStatus(id, token), 404, answerMs);
        // And it stays cancelled: nothing goes on in the background.
        QTest::qWait(300);
        QCOMPARE(task.state(), UploadTask::State::Cancelled);
        QVERIFY(task.file().isEmpty());
    }

    void refusedBeforeUploading_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");

        QByteArray program(4096, '\0');
        program.replace(0, 2, "MZ");
        program.replace(0x3c, 4, QByteArray("\x80\0\0\0", 4));
        program.replace(0x80, 4, QByteArray("PE\0\0", 4));
        QTest::newRow("a Windows program")
            << QStringLiteral("setup.exe") << program << FileChecks::programsRefused();
        QTest::newRow("a program named as a photo")
            << QStringLiteral("holiday.jpg") << program << FileChecks::programsRefused();
        QTest::newRow("an ELF program as a document")
            << QStringLiteral("notes.pdf")
            << QByteArray("\x7f"
                          "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x02\0\x3e\0",
                   20)
                + QByteArray(200, '\0')
            << FileChecks::programsRefused();
        QTest::newRow("a script") << QStringLiteral("run.txt")
                                  << QByteArray("#!/bin/sh\nrm -rf ~\n")
                                  << FileChecks::programsRefused();
        QTest::newRow("a text file named .bat")
            << QStringLiteral("start.BAT") << QByteArray("echo hi\r\n")
            << FileChecks::programsRefused();
        QTest::newRow("a web page")
            << QStringLiteral("page.txt")
            << QByteArray("<!DOCTYPE html><html><head><script>alert(1)</script></head></html>")
            << QStringLiteral("Web pages, SVG and XML files cannot be sent.");
        QTest::newRow("an empty file") << QStringLiteral("empty.txt") << QByteArray()
                                       << QStringLiteral("The file “empty.txt” is empty.");
    }

    void refusedBeforeUploading()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        const auto api = signedInClient(m_port);
        QVERIFY(api);
        QTemporaryDir dir;
        const QString path = writeFile(dir, name, bytes);
        QVERIFY(!path.isEmpty());

        UploadTask task;
        task.setApi(api.get());
        task.setFilePath(path);
        QSignalSpy failed(&task, &UploadTask::failed);
        task.start();
        // At once, with nothing sent.
        QCOMPARE(task.state(), UploadTask::State::Failed);
        QCOMPARE(task.errorString(), message);
        QCOMPARE(failed.size(), 1);
        QVERIFY(task.uploadId().isEmpty());
        QCOMPARE(task.bytesSent(), 0);
    }

    void tooLargeIsRefusedBeforeUploading()
    {
        const auto api = signedInClient(m_port);
        QVERIFY(api);
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("huge.wav"), wavFile(1024));
        QFile file(path);
        QVERIFY(file.resize(limits::defaultMaxBodyBytes + 1)); // sparse: costs no disk
        UploadTask task;
        task.setApi(api.get());
        task.setFilePath(path);
        task.start();
        QCOMPARE(task.state(), UploadTask::State::Failed);
        QCOMPARE(task.errorString(), FileChecks::tooLarge(limits::defaultMaxBodyBytes));
        QCOMPARE(task.errorString(),
            QStringLiteral("The file is too large: files up to 50.0 MB can be sent."));
    }

    void droppedConnectionResumes()
    {
        // Cut once, 700 KB into the transfer (inside the third PATCH of 256 KB), then
        // a second without a connection.
        CuttingProxy proxy(m_port, 700 * 1024, 1000);
        QVERIFY(proxy.listen());
        const auto api = signedInClient(proxy.port());
        QVERIFY(api);
        const QByteArray bytes = wavFile(2 * 1024 * 1024 + 17);
        const QString path = writeFile(m_dir, QStringLiteral("tunnel.wav"), bytes);
        UploadTask task;
        task.setApi(api.get());
        task.setFilePath(path);
        task.setChunkSize(256 * 1024);
        task.setRetryDelays(100, 1000);
        QList<UploadTask::State> states;
        connect(&task, &UploadTask::stateChanged, &task,
            [&task, &states] { states.append(task.state()); });
        task.start();
        QTRY_COMPARE_WITH_TIMEOUT(task.state(), UploadTask::State::Finished, answerMs);
        QVERIFY(proxy.cut());
        QVERIFY2(states.contains(UploadTask::State::Waiting), "the cut went unnoticed");
        QCOMPARE(task.progress(), 1.0);
        QCOMPARE(download(task.file()), bytes);
    }

    void serverAwayForAWhileResumes()
    {
        const auto api = signedInClient(m_port);
        QVERIFY(api);
        const QByteArray bytes = wavFile(3 * 1024 * 1024 + 5);
        const QString path = writeFile(m_dir, QStringLiteral("outage.wav"), bytes);
        UploadTask task;
        task.setApi(api.get());
        task.setFilePath(path);
        task.setChunkSize(256 * 1024);
        task.setRetryDelays(100, 500);
        bool stopRequested = false;
        // The server goes away a third of the way in (stopped from the event loop, not
        // from inside the client's signal).
        connect(&task, &UploadTask::progressChanged, this, [&] {
            if (!stopRequested && task.bytesSent() >= bytes.size() / 3) {
                stopRequested = true;
                QMetaObject::invokeMethod(
                    this, [this] { m_server->stop(); }, Qt::QueuedConnection);
            }
        });
        task.start();
        QTRY_VERIFY_WITH_TIMEOUT(stopRequested, answerMs);
        QTRY_COMPARE_WITH_TIMEOUT(task.state(), UploadTask::State::Waiting, answerMs);
        const qint64 confirmed = task.bytesSent();
        QVERIFY(confirmed < bytes.size());
        // It keeps waiting while the server is away.
        QTest::qWait(1500);
        QVERIFY(task.state() == UploadTask::State::Waiting
            || task.state() == UploadTask::State::Uploading);
        KOCMOC_START(*m_server);
        QTRY_COMPARE_WITH_TIMEOUT(task.state(), UploadTask::State::Finished, answerMs);
        QCOMPARE(download(task.file()), bytes);
    }

    // Messenger.sendFile (AttachmentSender, shared with voice messages): a photo with a
    // caption shows at once as a pending row with its local file and progress, then as
    // the server's photo message with a thumbnail.
    void sendFileShowsPendingThenThePhoto()
    {
        const SenderInChat alice = senderInChat();
        QVERIFY(alice.device && alice.device->ready());
        ClientDevice &device = *alice.device;
        const QString chatId = alice.chatId;
        MessageListModel messages;
        messages.setMessenger(&device.messenger);
        messages.setChatId(chatId);
        QTRY_VERIFY_WITH_TIMEOUT(!messages.loading(), answerMs);

        QImage picture(640, 360, QImage::Format_RGB32);
        picture.fill(QColor(0x7C, 0x4D, 0xFF));
        const QString path = m_dir.filePath(QStringLiteral("sunset.png"));
        QVERIFY(picture.save(path, "PNG"));
        AttachmentSender *sender = device.messenger.sendFile(
            chatId, QUrl::fromLocalFile(path).toString(), QStringLiteral("  Закат  "));
        QVERIFY(sender);
        QCOMPARE(sender->type(), QStringLiteral("photo"));
        QCOMPARE(messages.rowCount(), 1);
        const QModelIndex pending = messages.index(0);
        QCOMPARE(messages.data(pending, MessageListModel::StatusRole).toString(),
            QStringLiteral("pending"));
        QCOMPARE(
            messages.data(pending, MessageListModel::TextRole).toString(), QStringLiteral("Закат"));
        QCOMPARE(messages.data(pending, MessageListModel::UploadRole).value<QObject *>(), sender);
        const QVariantMap local
            = messages.data(pending, MessageListModel::FilesRole).toList().value(0).toMap();
        QCOMPARE(
            local.value(QStringLiteral("url")).toString(), QUrl::fromLocalFile(path).toString());
        QCOMPARE(local.value(QStringLiteral("width")).toInt(), 640);
        QCOMPARE(local.value(QStringLiteral("height")).toInt(), 360);

        QTRY_VERIFY_WITH_TIMEOUT(
            messages.data(messages.index(0), MessageListModel::MessageIdRole).toLongLong() > 0,
            answerMs);
        QCOMPARE(messages.rowCount(), 1);
        const QModelIndex sent = messages.index(0);
        QCOMPARE(
            messages.data(sent, MessageListModel::TypeRole).toString(), QStringLiteral("photo"));
        QCOMPARE(
            messages.data(sent, MessageListModel::TextRole).toString(), QStringLiteral("Закат"));
        QVERIFY(!messages.data(sent, MessageListModel::UploadRole).value<QObject *>());
        const QVariantMap file
            = messages.data(sent, MessageListModel::FilesRole).toList().value(0).toMap();
        const QString thumbnail = file.value(QStringLiteral("thumbnailUrl")).toString();
        QVERIFY2(thumbnail.startsWith(QStringLiteral("http://127.0.0.1:%1/api/files/").arg(m_port)),
            qPrintable(thumbnail));
        QCOMPARE(file.value(QStringLiteral("width")).toInt(), 640);
        // The file was the person's own: it stays.
        QVERIFY(QFile::exists(path));
    }

    // Cancelling a file on its way takes its row away, deletes the upload on the server,
    // and no message is sent.
    void cancelledFileLeavesNothing()
    {
        const SenderInChat alice = senderInChat();
        QVERIFY(alice.device && alice.device->ready());
        ClientDevice &device = *alice.device;
        const QString chatId = alice.chatId;
        const QString token = alice.token;
        MessageListModel messages;
        messages.setMessenger(&device.messenger);
        messages.setChatId(chatId);
        QTRY_VERIFY_WITH_TIMEOUT(!messages.loading(), answerMs);

        const QString path = writeFile(m_dir, QStringLiteral("talk.wav"), wavFile(4 * 1024 * 1024));
        AttachmentSender *sender = device.messenger.sendFile(chatId, path);
        QVERIFY(sender);
        QCOMPARE(sender->type(), QStringLiteral("audio"));
        sender->upload().setChunkSize(256 * 1024);
        QString uploadId;
        connect(
            &sender->upload(), &UploadTask::progressChanged, sender, [sender, &uploadId, &device] {
                if (sender->upload().bytesSent() >= 512 * 1024
                    && sender->state() == AttachmentSender::State::Uploading) {
                    uploadId = sender->upload().uploadId();
                    device.messenger.discardMessage(sender->clientId());
                }
            });
        QCOMPARE(messages.rowCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(messages.rowCount(), 0, answerMs);
        QVERIFY(!uploadId.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(headStatus(uploadId, token), 404, answerMs);
        QTest::qWait(300);
        QCOMPARE(m_server
                     ->call("GET", QStringLiteral("/api/chats/%1/messages").arg(chatId),
                         QJsonValue::Undefined, token)
                     .object()
                     .value(QStringLiteral("messages"))
                     .toArray()
                     .size(),
            0);
        QVERIFY(QFile::exists(path)); // not a temporary file: it stays
    }

    void cleanupTestCase() { m_server.reset(); }
};

QTEST_MAIN(UploadTest)
#include "tst_upload.moc"
