#include "FileTestSupport.h"

#include <kocmoc/Limits.h>

#include <QDirIterator>
#include <QJsonArray>
#include <QTcpSocket>

using namespace kocmoc;
using namespace kocmoc::test;

class FilesTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    Person m_alice, m_bob, m_carol;
    QString m_direct; // Alice and Bob; Carol is in no chat with them

    Response get(const QString &path, const Person *who = nullptr,
        const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        auto all = headers;
        if (who)
            all.append({"Authorization", "Bearer " + who->token.toLatin1()});
        return m_server->raw("GET", path, {}, {}, all);
    }

    QJsonObject uploaded(const Person &who, const QByteArray &bytes, const QString &name,
        const QString &extraQuery = {})
    {
        const Response response = uploadRaw(*m_server, who, bytes, name, "image/png", extraQuery);
        if (response.status != 201)
            qWarning() << "upload refused:" << response.status << response.body;
        return response.object();
    }

    Response sendMessage(const Person &who, const QString &chatId, QJsonObject body)
    {
        static int counter = 0;
        body.insert("clientId", QStringLiteral("file-%1").arg(++counter));
        return m_server->call(
            "POST", QStringLiteral("/api/chats/%1/messages").arg(chatId), body, who.token);
    }

    // Every file under <data>/files except the built-in stickers' and the empty folders.
    QStringList storedPaths() const
    {
        QStringList paths;
        QDirIterator it(m_server->dataDir() + QStringLiteral("/files"), QDir::Files,
            QDirIterator::Subdirectories);
        while (it.hasNext())
            paths.append(it.next());
        return paths;
    }

private slots:
    void initTestCase()
    {
        KOCMOC_REQUIRE_DATABASE();
        m_server
            = std::make_unique<TestServer>([](ServerConfig &config) { config.sendIntervalMs = 0; });
        KOCMOC_START(*m_server);
        m_alice = signUp(*m_server, "alice_files", "Алиса");
        m_bob = signUp(*m_server, "bob_files", "Боб");
        m_carol = signUp(*m_server, "carol_files", "Карина");
        m_direct
            = m_server->call("POST", "/api/chats", QJsonObject{{"userId", m_bob.id}}, m_alice.token)
                  .object()["id"]
                  .toString();
        QVERIFY(!m_direct.isEmpty());
    }

    void photoIsStoredWithThumbnailAndServedBySignedUrl()
    {
        const QByteArray png = imageBytes(800, 600);
        const QJsonObject file = uploaded(m_alice, png, "закат.png");
        QCOMPARE(file["mime"].toString(), QStringLiteral("image/png"));
        QCOMPARE(file["name"].toString(), QStringLiteral("закат.png"));
        QCOMPARE(file["size"].toInteger(), png.size());
        QCOMPARE(file["width"].toInt(), 800);
        QCOMPARE(file["height"].toInt(), 600);
        QVERIFY(file["thumbnailUrl"].isString());

        // The signed URL needs no token (QML's Image cannot send one).
        const Response original = get(localPath(file));
        QCOMPARE(original.status, 200);
        QCOMPARE(original.body, png);
        QCOMPARE(original.header("Content-Type"), QByteArray("image/png"));
        QCOMPARE(original.header("X-Content-Type-Options"), QByteArray("nosniff"));
        QVERIFY(original.header("Content-Disposition").contains("filename*=UTF-8''%D0%B7"));

        const Response thumbnail = get(localPath(file, "thumbnailUrl"));
        QCOMPARE(thumbnail.status, 200);
        const QImage small = QImage::fromData(thumbnail.body);
        QCOMPARE(small.size(), QSize(limits::thumbnailMaxSide, 240));
    }

    void typeIsDecidedByContent_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("declared");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("result"); // the error code, or the stored type

        const QByteArray jpeg = imageBytes(64, 64, "JPEG");
        QTest::newRow("a program named photo.jpg, sent as image/jpeg")
            << portableExecutable() << "photo.jpg" << QByteArray("image/jpeg") << 415
            << "executable_refused";
        QTest::newRow("a JPEG with a program appended")
            << jpeg + portableExecutable() << "holiday.jpg" << QByteArray("image/jpeg") << 415
            << "executable_refused";
        QTest::newRow("an ELF program named notes.txt")
            << elfExecutable() << "notes.txt" << QByteArray("text/plain") << 415
            << "executable_refused";
        QTest::newRow("a script named notes.txt")
            << QByteArray("#!/bin/sh\nrm -rf ~\n") << "notes.txt" << QByteArray("text/plain") << 415
            << "executable_refused";
        QTest::newRow("a PDF named .EXE in capitals")
            << QByteArray("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
            << "report.pdf.EXE" << QByteArray("application/pdf") << 415 << "executable_refused";
        QTest::newRow(".Bat") << QByteArray("echo hello\r\n") << "start.Bat"
                              << QByteArray("text/plain") << 415 << "executable_refused";
        QTest::newRow(".msi") << QByteArray("hello") << "setup.msi" << QByteArray() << 415
                              << "executable_refused";
        QTest::newRow(".apk") << QByteArray("hello") << "game.apk" << QByteArray() << 415
                              << "executable_refused";
        QTest::newRow(".ps1") << QByteArray("Get-Item .") << "x.PS1" << QByteArray() << 415
                              << "executable_refused";
        QTest::newRow("a NUL before .exe")
            << jpeg << QStringLiteral("a.png") + QChar(0) + QStringLiteral(".exe")
            << QByteArray("image/png") << 415 << "executable_refused";
        QTest::newRow("HTML named .txt")
            << QByteArray("<!DOCTYPE html><html><script>alert(1)</script></html>") << "a.txt"
            << QByteArray("text/plain") << 415 << "markup_refused";
        QTest::newRow("SVG named .png") << QByteArray(
            "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>"
            "alert(1)</script></svg>") << "a.png"
                                        << QByteArray("image/png") << 415 << "markup_refused";
        QByteArray noise(4096, '\0');
        QRandomGenerator(7).fillRange(reinterpret_cast<quint32 *>(noise.data()), noise.size() / 4);
        QTest::newRow("bytes of no known type")
            << noise << "a.dat" << QByteArray() << 415 << "unsupported_file_type";
        QTest::newRow("a JPEG called .txt is a JPEG")
            << jpeg << "not-a-text.txt" << QByteArray("text/plain") << 201 << "image/jpeg";
        QTest::newRow("plain text in Russian")
            << QString("Привет, мир!\nВторая строка.\n").toUtf8() << "заметка.txt"
            << QByteArray("application/octet-stream") << 201 << "text/plain";
        QTest::newRow("a PDF") << QByteArray("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
                               << "doc.pdf" << QByteArray() << 201 << "application/pdf";
        QTest::newRow("a WAV") << wavBytes(300) << "tone.wav" << QByteArray() << 201
                               << "audio/x-wav";
        QTest::newRow("empty") << QByteArray() << "empty.txt" << QByteArray() << 400
                               << "invalid_field";
    }

    void typeIsDecidedByContent()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, name);
        QFETCH(QByteArray, declared);
        QFETCH(int, status);
        QFETCH(QString, result);
        const QStringList before = storedPaths();
        const Response response = uploadRaw(*m_server, m_alice, bytes, name, declared);
        QCOMPARE(response.status, status);
        if (status == 201) {
            QCOMPARE(response.object()["mime"].toString(), result);
        } else {
            QCOMPARE(response.errorCode(), result);
            // A refused upload leaves nothing behind, not even in tmp/.
            QCOMPARE(storedPaths(), before);
        }
    }

    void multipartUploadKeepsOnlyASanitisedName()
    {
        const QByteArray boundary = "----kocmoc-boundary-7MA4YWxkTrZu0gW";
        const QByteArray wav = wavBytes(500);
        QByteArray body = "--" + boundary
            + "\r\nContent-Disposition: form-data; name=\"durationMs\"\r\n\r\n500\r\n--" + boundary
            + "\r\nContent-Disposition: form-data; name=\"waveform\"\r\n\r\n0,128,255,7\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../../etc/passwd\"; "
              "filename*=UTF-8''..%2F..%2F%D0%B3%D0%BE%D0%BB%D0%BE%D1%81.wav\r\n"
              "Content-Type: image/png\r\n\r\n"
            + wav + "\r\n--" + boundary + "--\r\n";
        const Response response = m_server->raw("POST", "/api/upload/file", body,
            "multipart/form-data; boundary=" + boundary,
            {{"Authorization", "Bearer " + m_alice.token.toLatin1()}});
        QCOMPARE(response.status, 201);
        const QJsonObject file = response.object();
        QCOMPARE(file["name"].toString(), QStringLiteral("голос.wav"));
        QCOMPARE(file["mime"].toString(), QStringLiteral("audio/x-wav"));
        QCOMPARE(file["durationMs"].toInteger(), 500);
        QCOMPARE(file["waveform"].toArray(), (QJsonArray{0, 128, 255, 7}));
        QCOMPARE(get(localPath(file)).body, wav);
        // Stored under generated names only.
        for (const QString &path : storedPaths())
            QVERIFY2(!path.contains("passwd") && !path.contains(QStringLiteral("голос")),
                qPrintable(path));

        const Response noFile = m_server->raw("POST", "/api/upload/file",
            "--" + boundary + "\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--"
                + boundary + "--\r\n",
            "multipart/form-data; boundary=" + boundary,
            {{"Authorization", "Bearer " + m_alice.token.toLatin1()}});
        QCOMPARE(noFile.status, 400);
        QCOMPARE(noFile.errorField(), QStringLiteral("file"));
    }

    void namesEndUpHarmless_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("stored");
        QTest::newRow("path traversal") << "../../etc/passwd"
                                        << "passwd";
        QTest::newRow("Windows path") << "C:\\Users\\a\\photo.png"
                                      << "photo.png";
        QTest::newRow("device name") << "CON"
                                     << "_CON";
        QTest::newRow("device name with extension") << "lpt1.png"
                                                    << "_lpt1.png";
        QTest::newRow("hidden file") << ".htaccess"
                                     << "htaccess";
        QTest::newRow("control characters") << "a\nb\tc.png"
                                            << "a_b_c.png";
        QTest::newRow("right-to-left override")
            << QStringLiteral("photo\u202Egnp.png") << "photo_gnp.png";
        QTest::newRow("nothing left") << "../.."
                                      << "file";
        QTest::newRow("reserved characters") << "a<b>:c|d?.png"
                                             << "a_b__c_d_.png";
        const QString longName = QString(300, QLatin1Char('x')) + QStringLiteral(".png");
        QTest::newRow("300 characters")
            << longName << QString(limits::fileNameMaxChars - 4, QLatin1Char('x')) + ".png";
    }

    void namesEndUpHarmless()
    {
        QFETCH(QString, name);
        QFETCH(QString, stored);
        const Response response
            = uploadRaw(*m_server, m_alice, imageBytes(8, 8), name, "image/png");
        QCOMPARE(response.status, 201);
        QCOMPARE(response.object()["name"].toString(), stored);
    }

    void pixelBombIsRefusedFromItsHeader()
    {
        const QByteArray bomb = pngDeclaring(30000, 30000, 50 * 1024);
        QCOMPARE(bomb.size(), 50 * 1024);
        const Response response = uploadRaw(*m_server, m_alice, bomb, "bomb.png", "image/png");
        QCOMPARE(response.status, 415);
        QCOMPARE(response.errorCode(), QStringLiteral("image_too_large"));
    }

    void metadataIsValidated_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("field");
        const QByteArray wav = wavBytes(200);
        QTest::newRow("101 waveform values")
            << "&waveform=" + QStringList(101, "1").join(',') << wav << "waveform";
        QTest::newRow("a level of 256") << QString("&waveform=1,256") << wav << "waveform";
        QTest::newRow("a negative level") << QString("&waveform=-1") << wav << "waveform";
        QTest::newRow("not numbers") << QString("&waveform=a,b") << wav << "waveform";
        QTest::newRow("a negative duration") << QString("&durationMs=-5") << wav << "durationMs";
        QTest::newRow("a duration of a photo")
            << QString("&durationMs=1000") << imageBytes(4, 4) << "durationMs";
        QTest::newRow("a waveform of a photo")
            << QString("&waveform=1,2") << imageBytes(4, 4) << "waveform";
    }

    void metadataIsValidated()
    {
        QFETCH(QString, query);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, field);
        const Response response = uploadRaw(*m_server, m_alice, bytes, "x", "audio/wav", query);
        QCOMPARE(response.status, 400);
        QCOMPARE(response.errorField(), field);
    }

    void uploadsNeedAToken()
    {
        const Response response
            = m_server->raw("POST", "/api/upload/file?name=a.png", imageBytes(4, 4), "image/png");
        QCOMPARE(response.status, 401);
    }

    void onlyPeopleWhoMaySeeAFileCanDownloadIt()
    {
        const QJsonObject file = uploaded(m_alice, imageBytes(40, 30), "private.png");
        const QString byId = QStringLiteral("/api/files/") + file["id"].toString();
        QCOMPARE(get(byId, &m_alice).status, 200);
        QCOMPARE(get(byId, &m_bob).status, 404); // not sent anywhere yet
        QCOMPARE(get(byId).status, 401);

        const Response sent = sendMessage(m_alice, m_direct,
            {{"type", "photo"}, {"text", "смотри"}, {"fileIds", QJsonArray{file["id"]}}});
        QCOMPARE(sent.status, 201);
        QCOMPARE(get(byId, &m_bob).status, 200);
        QCOMPARE(get(byId, &m_carol).status, 404);
        QCOMPARE(get(byId + "/thumbnail", &m_carol).status, 404);
        QCOMPARE(
            get(QStringLiteral("/api/files/00000000-0000-4000-8000-000000000000"), &m_alice).status,
            404);

        // Carol cannot send it on either: she cannot see it.
        const QString carolsChat
            = m_server
                  ->call("POST", "/api/chats", QJsonObject{{"userId", m_alice.id}}, m_carol.token)
                  .object()["id"]
                  .toString();
        const Response stolen = sendMessage(
            m_carol, carolsChat, {{"type", "photo"}, {"fileIds", QJsonArray{file["id"]}}});
        QCOMPARE(stolen.status, 400);
        QCOMPARE(stolen.errorCode(), QStringLiteral("unknown_file"));

        // Deleting the message takes the file away from Bob; Alice keeps her upload.
        const qint64 messageId = sent.object()["id"].toInteger();
        QCOMPARE(m_server
                     ->call("DELETE", QStringLiteral("/api/messages/%1/delete").arg(messageId), {},
                         m_alice.token)
                     .status,
            200);
        QCOMPARE(get(byId, &m_bob).status, 404);
        QCOMPARE(get(byId, &m_alice).status, 200);
    }

    void rangesAndValidators()
    {
        QByteArray text;
        for (int i = 0; i < 1000; ++i)
            text += QByteArray::number(i).rightJustified(4, '0') + '\n';
        const QJsonObject file
            = uploadRaw(*m_server, m_alice, text, "numbers.txt", "text/plain").object();
        const QString url = localPath(file);
        const qint64 size = text.size();

        const auto range = [&](const QByteArray &value) {
            return get(url, nullptr, {{"Range", value}});
        };
        Response part = range("bytes=0-9");
        QCOMPARE(part.status, 206);
        QCOMPARE(part.body, text.left(10));
        QCOMPARE(part.header("Content-Range"), "bytes 0-9/" + QByteArray::number(size));
        QCOMPARE(part.header("Content-Length"), QByteArray("10"));
        part = range("bytes=4990-");
        QCOMPARE(part.status, 206);
        QCOMPARE(part.body, text.mid(4990));
        part = range("bytes=-5");
        QCOMPARE(part.status, 206);
        QCOMPARE(part.body, text.right(5));
        part = range("bytes=4995-999999");
        QCOMPARE(part.status, 206);
        QCOMPARE(part.body, text.mid(4995));
        part = range("bytes=" + QByteArray::number(size) + "-");
        QCOMPARE(part.status, 416);
        QCOMPARE(part.header("Content-Range"), "bytes */" + QByteArray::number(size));
        QCOMPARE(range("bytes=-0").status, 416);
        QCOMPARE(range("bytes=9-2").status, 200); // not a valid range: ignored
        QCOMPARE(range("bytes=0-1,5-6").status, 200); // several: the whole file
        QCOMPARE(range("items=0-1").status, 200);

        const Response whole = get(url);
        QCOMPARE(whole.header("Accept-Ranges"), QByteArray("bytes"));
        QCOMPARE(whole.header("Content-Disposition").left(10), QByteArray("attachment"));
        const QByteArray etag = whole.header("ETag");
        QVERIFY(!etag.isEmpty());
        QCOMPARE(get(url, nullptr, {{"If-None-Match", etag}}).status, 304);
        QCOMPARE(get(url, nullptr, {{"If-None-Match", "\"other\""}}).status, 200);
        QCOMPARE(
            get(url, nullptr, {{"Range", "bytes=0-3"}, {"If-Range", "\"other\""}}).status, 200);

        // HEAD: the same head, no body (QNetworkAccessManager waits for one, so a socket).
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), m_server->server().port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write("HEAD " + url.toLatin1() + " HTTP/1.1\r\nHost: x\r\n\r\n");
        QByteArray answers;
        QTRY_VERIFY_WITH_TIMEOUT((answers += socket.readAll(), answers.contains("\r\n\r\n")), 5000);
        const QByteArray head = answers.left(answers.indexOf("\r\n\r\n") + 4);
        QVERIFY2(head.startsWith("HTTP/1.1 200"), head.constData());
        QVERIFY(head.contains("Content-Length: " + QByteArray::number(size)));
        // The next answer on the connection follows the head directly: no body was sent.
        socket.write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
        QTRY_VERIFY_WITH_TIMEOUT(
            (answers += socket.readAll(), answers.count("HTTP/1.1 200") == 2), 5000);
        QVERIFY(answers.mid(head.size()).startsWith("HTTP/1.1 200"));
    }

    void aSlowReaderDoesNotMakeTheServerHoldTheFile()
    {
        // 40 MB of text: the server must not queue it for a client that reads nothing.
        QByteArray big;
        big.reserve(40 * 1024 * 1024);
        const QByteArray line = "Это строка большого файла, который читают медленно.\n";
        while (big.size() + line.size() <= 40 * 1024 * 1024)
            big += line;
        const QJsonObject file
            = uploadRaw(*m_server, m_alice, big, "big.txt", "text/plain").object();
        QVERIFY(file.contains("url"));
        const qint64 size = big.size();
        big = QByteArray(); // the test's own copy goes before measuring
        QTest::qWait(200);

        const quint64 before = residentMemoryBytes();
        QTcpSocket socket;
        socket.setReadBufferSize(64 * 1024); // this client takes 64 KB and then stops reading
        socket.connectToHost(QStringLiteral("127.0.0.1"), m_server->server().port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write("GET " + localPath(file).toLatin1() + " HTTP/1.1\r\nHost: x\r\n\r\n");
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 2000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        const qint64 growth = qint64(residentMemoryBytes()) - qint64(before);
        qInfo() << "resident memory growth while a client stalls on a" << size / (1024 * 1024)
                << "MB download:" << growth / 1024 << "KiB";
        QVERIFY2(growth < 8 * 1024 * 1024, qPrintable(QString::number(growth)));

        // Then it reads on, and gets every byte.
        socket.setReadBufferSize(0);
        qint64 received = 0;
        QByteArray head;
        timer.restart();
        while (timer.elapsed() < 60'000) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
            QByteArray data = socket.readAll();
            if (head.isEmpty() || !head.contains("\r\n\r\n")) {
                head += data;
                const qsizetype end = head.indexOf("\r\n\r\n");
                if (end < 0)
                    continue;
                received += head.size() - end - 4;
                head.truncate(end + 4);
            } else {
                received += data.size();
            }
            if (received >= size)
                break;
        }
        QVERIFY2(head.startsWith("HTTP/1.1 200"), head.constData());
        QCOMPARE(received, size);
    }

    void messagesCarryFiles()
    {
        const QJsonObject first = uploaded(m_alice, imageBytes(30, 20), "one.png");
        const QJsonObject second = uploaded(m_alice, imageBytes(20, 30, "JPEG"), "two.jpg");
        const Response album = sendMessage(m_alice, m_direct,
            {{"type", "photo"}, {"fileIds", QJsonArray{second["id"], first["id"]}}});
        QCOMPARE(album.status, 201);
        const QJsonArray files = album.object()["files"].toArray();
        QCOMPARE(files.size(), 2);
        QCOMPARE(files[0]["id"], second["id"]);
        QCOMPARE(files[1]["name"].toString(), QStringLiteral("one.png"));
        QCOMPARE(album.object()["text"].toString(), QString()); // a caption is optional

        // What Bob loads has the files too, with URLs that work for him.
        const QJsonArray history
            = m_server
                  ->call("GET", QStringLiteral("/api/chats/%1/messages").arg(m_direct), {},
                      m_bob.token)
                  .object()["messages"]
                  .toArray();
        const QJsonObject seen = history.last().toObject();
        QCOMPARE(seen["files"].toArray().size(), 2);
        QCOMPARE(get(seen["files"][0]["url"].toString()).status, 200);

        const QJsonObject wav
            = uploadRaw(*m_server, m_alice, wavBytes(1200), "voice.wav", "audio/wav",
                "&durationMs=1200&waveform=" + QStringList{"3", "80", "255", "12"}.join(','))
                  .object();
        const QJsonObject silentDuration
            = uploadRaw(*m_server, m_alice, wavBytes(300), "nodur.wav").object();
        const QJsonObject pdf
            = uploadRaw(*m_server, m_alice, QByteArray("%PDF-1.4\n%%EOF\n"), "a.pdf").object();
        const QJsonObject bobs = uploaded(m_bob, imageBytes(5, 5), "bobs.png");

        const auto refused
            = [&](const QJsonObject &body, const QString &code, const QString &field) {
                  const Response response = sendMessage(m_alice, m_direct, body);
                  if (response.status != 400 || response.errorCode() != code
                      || response.errorField() != field)
                      qWarning() << response.status << response.body;
                  return response.status == 400 && response.errorCode() == code
                      && response.errorField() == field;
              };
        QVERIFY(refused({{"type", "video"}, {"fileIds", QJsonArray{first["id"]}}},
            "wrong_file_type", "fileIds"));
        QVERIFY(refused(
            {{"type", "photo"}, {"fileIds", QJsonArray{pdf["id"]}}}, "wrong_file_type", "fileIds"));
        QVERIFY(refused({{"type", "voice"}, {"fileIds", QJsonArray{silentDuration["id"]}}},
            "missing_duration", "fileIds"));
        QVERIFY(refused({{"type", "voice"}, {"fileIds", QJsonArray{wav["id"], wav["id"]}}},
            "invalid_field", "fileIds"));
        QVERIFY(refused({{"type", "photo"}, {"fileIds", QJsonArray{first["id"], first["id"]}}},
            "invalid_field", "fileIds"));
        QVERIFY(refused(
            {{"type", "photo"}, {"fileIds", QJsonArray{bobs["id"]}}}, "unknown_file", "fileIds"));
        QVERIFY(refused(
            {{"type", "document"}, {"fileIds", QJsonArray{"nope"}}}, "unknown_file", "fileIds"));
        QJsonArray eleven;
        for (int i = 0; i < limits::messageFilesMax + 1; ++i)
            eleven.append(first["id"]);
        QVERIFY(refused({{"type", "document"}, {"fileIds", eleven}}, "invalid_field", "fileIds"));

        const Response voice = sendMessage(
            m_alice, m_direct, {{"type", "voice"}, {"fileIds", QJsonArray{wav["id"]}}});
        QCOMPARE(voice.status, 201);
        QCOMPARE(voice.object()["files"][0]["durationMs"].toInteger(), 1200);
        QCOMPARE(voice.object()["files"][0]["waveform"].toArray(), (QJsonArray{3, 80, 255, 12}));
        const Response document = sendMessage(m_alice, m_direct,
            {{"type", "document"}, {"text", "счёт"}, {"fileIds", QJsonArray{pdf["id"]}}});
        QCOMPARE(document.status, 201);
        QCOMPARE(document.object()["text"].toString(), QStringLiteral("счёт"));

        // A forward keeps the files, and the new chat's members may load them.
        const QString withCarol
            = m_server
                  ->call("POST", "/api/chats/group",
                      QJsonObject{{"title", "с Кариной"}, {"memberIds", QJsonArray{m_carol.id}}},
                      m_alice.token)
                  .object()["id"]
                  .toString();
        const Response forwarded = m_server->call("POST",
            QStringLiteral("/api/messages/%1/forward").arg(album.object()["id"].toInteger()),
            QJsonObject{{"chatIds", QJsonArray{withCarol}}}, m_alice.token);
        QCOMPARE(forwarded.status, 201);
        QCOMPARE(forwarded.array().at(0)["files"].toArray().size(), 2);
        QCOMPARE(get(QStringLiteral("/api/files/") + first["id"].toString(), &m_carol).status, 200);
    }

    void stickers()
    {
        const Response sets = m_server->call("GET", "/api/stickers", {}, m_bob.token);
        QCOMPARE(sets.status, 200);
        QVERIFY(!sets.array().isEmpty());
        const QJsonArray stickers = sets.array().at(0)["stickers"].toArray();
        QVERIFY(stickers.size() >= 8);
        const QJsonObject rocket = stickers[0].toObject();
        QCOMPARE(rocket["id"].toString(), QStringLiteral("kocmoc/rocket"));
        const Response image = get(rocket["file"]["url"].toString());
        QCOMPARE(image.status, 200);
        QVERIFY(!QImage::fromData(image.body).isNull());

        const Response sent
            = sendMessage(m_bob, m_direct, {{"type", "sticker"}, {"stickerId", "kocmoc/rocket"}});
        QCOMPARE(sent.status, 201);
        QCOMPARE(sent.object()["files"][0]["id"], rocket["file"]["id"]);
        const Response unknown
            = sendMessage(m_bob, m_direct, {{"type", "sticker"}, {"stickerId", "kocmoc/none"}});
        QCOMPARE(unknown.errorCode(), QStringLiteral("unknown_sticker"));
        const Response withText = sendMessage(
            m_bob, m_direct, {{"type", "sticker"}, {"stickerId", "kocmoc/rocket"}, {"text", "hi"}});
        QCOMPARE(withText.errorField(), QStringLiteral("text"));
    }

    void avatars()
    {
        const QJsonObject photo = uploaded(m_bob, imageBytes(400, 400), "me.png");
        Response me = m_server->call(
            "PATCH", "/api/users/me", QJsonObject{{"avatarFileId", photo["id"]}}, m_bob.token);
        QCOMPARE(me.status, 200);
        const QString avatarUrl = me.object()["avatarUrl"].toString();
        QVERIFY(avatarUrl.contains("signature="));
        const Response avatar = get(avatarUrl);
        QCOMPARE(avatar.status, 200);
        QCOMPARE(QImage::fromData(avatar.body).width(), limits::thumbnailMaxSide);
        // Anyone signed in may load an avatar: it shows next to a name.
        QCOMPARE(get(QStringLiteral("/api/files/") + photo["id"].toString(), &m_carol).status, 200);

        const QJsonObject alices = uploaded(m_alice, imageBytes(10, 10), "a.png");
        me = m_server->call(
            "PATCH", "/api/users/me", QJsonObject{{"avatarFileId", alices["id"]}}, m_bob.token);
        QCOMPARE(me.errorCode(), QStringLiteral("unknown_file"));
        const QJsonObject text
            = uploadRaw(*m_server, m_bob, QByteArray("hello\n"), "a.txt").object();
        me = m_server->call(
            "PATCH", "/api/users/me", QJsonObject{{"avatarFileId", text["id"]}}, m_bob.token);
        QCOMPARE(me.errorCode(), QStringLiteral("wrong_file_type"));
        me = m_server->call(
            "PATCH", "/api/users/me", QJsonObject{{"avatarFileId", ""}}, m_bob.token);
        QCOMPARE(me.status, 200);
        QVERIFY(me.object()["avatarUrl"].isNull());

        const QString group
            = m_server
                  ->call("POST", "/api/chats/group",
                      QJsonObject{{"title", "аватар"}, {"memberIds", QJsonArray{m_alice.id}}},
                      m_bob.token)
                  .object()["id"]
                  .toString();
        const Response chat = m_server->call("PATCH", "/api/chats/" + group,
            QJsonObject{{"avatarFileId", photo["id"]}}, m_bob.token);
        QCOMPARE(chat.status, 200);
        QCOMPARE(get(chat.object()["avatarUrl"].toString()).status, 200);
    }

    void jsonBodiesAreSmall()
    {
        const QByteArray big = "{\"title\":\"" + QByteArray(2 * 1024 * 1024, 'x') + "\"}";
        const Response response = m_server->raw("POST", "/api/chats/group", big, "application/json",
            {{"Authorization", "Bearer " + m_alice.token.toLatin1()}});
        QCOMPARE(response.status, 413);
        QCOMPARE(response.errorCode(), QStringLiteral("payload_too_large"));
    }

    void uploadsOverTheLimitAreRefusedBeforeReading()
    {
        const quint64 before = residentMemoryBytes();
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), m_server->server().port());
        QVERIFY(socket.waitForConnected(5000));
        QByteArray answer = pushOversizedBody(socket,
            "POST /api/upload/file?name=big.png HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                + m_alice.token.toLatin1() + "\r\nContent-Type: image/png\r\nContent-Length: "
                + QByteArray::number(m_server->config().maxBodyBytes + 1) + "\r\n\r\n",
            32 * 1024 * 1024);
        QTRY_VERIFY_WITH_TIMEOUT((answer += socket.readAll(), !answer.isEmpty()), 5000);
        QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.left(200).constData());
        QVERIFY(answer.contains("payload_too_large"));
        const qint64 growth = qint64(residentMemoryBytes()) - qint64(before);
        qInfo() << "resident memory growth during an oversized upload:" << growth / 1024 << "KiB";
        QVERIFY2(growth < 10 * 1024 * 1024, qPrintable(QString::number(growth)));
    }

    void quotaIsPerUser()
    {
        TestServer small([](ServerConfig &config) { config.quotaBytes = 4 * 1024 * 1024; });
        KOCMOC_START(small);
        const Person dana = signUp(small, "dana_quota");
        const QByteArray noisy = imageBytes(1000, 1000, "PNG", true); // about 3 MB
        QVERIFY(noisy.size() > 2 * 1024 * 1024);
        QCOMPARE(uploadRaw(small, dana, noisy, "one.png", "image/png").status, 201);
        const Response full = uploadRaw(small, dana, noisy, "two.png", "image/png");
        QCOMPARE(full.status, 507);
        QCOMPARE(full.errorCode(), QStringLiteral("quota_exceeded"));
        const Person erin = signUp(small, "erin_quota");
        QCOMPARE(uploadRaw(small, erin, noisy, "mine.png", "image/png").status, 201);
    }

    void temporaryFilesAreRemovedAtStart()
    {
        TestServer server;
        KOCMOC_START(server);
        const QString stray = server.dataDir() + "/files/tmp/left-by-a-crash.part";
        QFile file(stray);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("half a file");
        file.close();
        const QString orphan = server.dataDir() + "/files/uploads/no-such-upload";
        QFile upload(orphan);
        QVERIFY(upload.open(QIODevice::WriteOnly));
        upload.close();
        server.stop();
        KOCMOC_START(server);
        QVERIFY(!QFile::exists(stray));
        QVERIFY(!QFile::exists(orphan));
    }

    // Last: it moves the server's clock past every token's expiry.
    void signedUrlsAreCheckedAndExpire()
    {
        const QJsonObject file = uploaded(m_alice, imageBytes(20, 20), "signed.png");
        const QString url = localPath(file);
        QCOMPARE(get(url).status, 200);
        QString forged = url;
        forged.replace(forged.indexOf("signature=") + 10, 1,
            forged.at(forged.indexOf("signature=") + 10) == 'A' ? "B" : "A");
        QCOMPARE(get(forged).status, 403);
        QString otherFile = url;
        otherFile.replace(
            file["id"].toString(), QStringLiteral("00000000-0000-4000-8000-000000000000"));
        QCOMPARE(get(otherFile).status, 403);
        QString longer = url;
        const qsizetype expires = longer.indexOf("expires=") + 8;
        longer.replace(expires, 1, QString::number((longer.at(expires).digitValue() + 1) % 10));
        QCOMPARE(get(longer).status, 403);

        m_server->server().clock().advance(limits::signedUrlLifetimeMs + 2 * 60 * 60 * 1000);
        const Response expired = get(url);
        QCOMPARE(expired.status, 403);
    }
};

QTEST_GUILESS_MAIN(FilesTest)
#include "tst_files.moc"
