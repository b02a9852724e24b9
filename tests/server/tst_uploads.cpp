#include "FileTestSupport.h"

#include <kocmoc/Limits.h>

#include <QDir>

using namespace kocmoc;
using namespace kocmoc::test;

// Resumable uploads over tus 1.0 (core, creation, termination).
class UploadsTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    Person m_alice, m_bob;

    using Headers = QList<QPair<QByteArray, QByteArray>>;

    Response tus(const QByteArray &method, const QString &path, const Person &who,
        Headers headers = {}, const QByteArray &body = {}, const QByteArray &contentType = {})
    {
        headers.append(qMakePair(QByteArray("Authorization"), "Bearer " + who.token.toLatin1()));
        if (std::none_of(headers.begin(), headers.end(),
                [](const auto &h) { return h.first == "Tus-Resumable"; }))
            headers.append(qMakePair(QByteArray("Tus-Resumable"), QByteArray("1.0.0")));
        if (method == "HEAD")
            return headRequest(m_server->server().port(), path, headers);
        return m_server->raw(method, path, body, contentType, headers);
    }

    QString create(const Person &who, qint64 length, const QByteArray &metadata = {})
    {
        Headers headers{{"Upload-Length", QByteArray::number(length)}};
        if (!metadata.isEmpty())
            headers.append(qMakePair(QByteArray("Upload-Metadata"), metadata));
        const Response created = tus("POST", "/api/uploads/", who, headers);
        if (created.status != 201)
            qWarning() << "not created:" << created.status << created.body;
        return QString::fromLatin1(created.header("Location"));
    }

    Response patch(
        const QString &location, const Person &who, qint64 offset, const QByteArray &bytes)
    {
        return tus("PATCH", location, who, {{"Upload-Offset", QByteArray::number(offset)}}, bytes,
            "application/offset+octet-stream");
    }

    static QByteArray metadata(const QString &name)
    {
        return "filename " + name.toUtf8().toBase64();
    }

    bool hasPartialFile(const QString &location) const
    {
        return QFile::exists(m_server->dataDir() + "/files/uploads/" + location.section('/', -1));
    }

private slots:
    void initTestCase()
    {
        KOCMOC_REQUIRE_DATABASE();
        m_server = std::make_unique<TestServer>();
        KOCMOC_START(*m_server);
        m_alice = signUp(*m_server, "alice_tus");
        m_bob = signUp(*m_server, "bob_tus");
    }

    void discovery()
    {
        const Response options = m_server->raw("OPTIONS", "/api/uploads/", {}, {});
        QCOMPARE(options.status, 204);
        QCOMPARE(options.header("Tus-Version"), QByteArray("1.0.0"));
        QCOMPARE(options.header("Tus-Extension"), QByteArray("creation,termination"));
        QCOMPARE(
            options.header("Tus-Max-Size"), QByteArray::number(m_server->config().maxBodyBytes));
    }

    void uploadInPiecesAndResume()
    {
        const QByteArray png = imageBytes(300, 200, "PNG", true);
        const QString location
            = create(m_alice, png.size(), metadata(QStringLiteral("кусками.png")));
        QVERIFY(location.startsWith("/api/uploads/"));

        Response head = tus("HEAD", location, m_alice);
        QCOMPARE(head.status, 200);
        QCOMPARE(head.header("Upload-Offset"), QByteArray("0"));
        QCOMPARE(head.header("Upload-Length"), QByteArray::number(png.size()));
        QCOMPARE(head.header("Cache-Control"), QByteArray("no-store"));
        QCOMPARE(head.header("Tus-Resumable"), QByteArray("1.0.0"));

        const qint64 third = png.size() / 3;
        Response step = patch(location, m_alice, 0, png.left(third));
        QCOMPARE(step.status, 204);
        QCOMPARE(step.header("Upload-Offset"), QByteArray::number(third));

        // A client that lost the answer and sends the same piece again is told where it stands.
        step = patch(location, m_alice, 0, png.left(third));
        QCOMPARE(step.status, 409);
        head = tus("HEAD", location, m_alice);
        QCOMPARE(head.header("Upload-Offset"), QByteArray::number(third));

        QCOMPARE(tus("GET", location + "/file", m_alice).status, 409);
        // Someone else's upload does not exist for them.
        QCOMPARE(tus("HEAD", location, m_bob).status, 404);
        QCOMPARE(patch(location, m_bob, third, png.mid(third)).status, 404);

        step = patch(location, m_alice, third, png.mid(third));
        QCOMPARE(step.status, 204);
        QCOMPARE(step.header("Upload-Offset"), QByteArray::number(png.size()));
        QVERIFY(!step.header("Kocmoc-File-Id").isEmpty());

        const Response file = tus("GET", location + "/file", m_alice);
        QCOMPARE(file.status, 200);
        QCOMPARE(file.object()["name"].toString(), QStringLiteral("кусками.png"));
        QCOMPARE(file.object()["width"].toInt(), 300);
        QCOMPARE(m_server->raw("GET", file.object()["url"].toString(), {}, {}).body, png);
        QVERIFY(!hasPartialFile(location));
    }

    void protocolErrors()
    {
        const QString location = create(m_alice, 100);
        QCOMPARE(tus("HEAD", location, m_alice, {{"Tus-Resumable", "0.2.2"}}).status, 412);
        QCOMPARE(tus("PATCH", location, m_alice, {{"Upload-Offset", "0"}}, "abc",
                     "application/octet-stream")
                     .status,
            415);
        QCOMPARE(
            tus("PATCH", location, m_alice, {}, "abc", "application/offset+octet-stream").status,
            400);
        const Response past = patch(location, m_alice, 0, QByteArray(101, 'x'));
        QCOMPARE(past.status, 413);
        QCOMPARE(tus("POST", "/api/uploads/", m_alice).status, 400); // no Upload-Length
        QCOMPARE(tus("POST", "/api/uploads/", m_alice, {{"Upload-Length", "-1"}}).status, 400);
        QCOMPARE(tus("POST", "/api/uploads/", m_alice,
                     {{"Upload-Length", "10"}, {"Upload-Metadata", "filename %%%"}})
                     .status,
            400);
        const Response tooLong = tus("POST", "/api/uploads/", m_alice,
            {{"Upload-Length", QByteArray::number(m_server->config().maxBodyBytes + 1)}});
        QCOMPARE(tooLong.status, 413);
        QCOMPARE(m_server
                     ->raw("POST", "/api/uploads/", {}, {},
                         {{"Tus-Resumable", "1.0.0"}, {"Upload-Length", "5"}})
                     .status,
            401);
    }

    void aPatchLargerThanAChunkIsRefusedUnread()
    {
        const qint64 chunk = limits::uploadChunkMaxBytes;
        const QString location = create(m_alice, chunk * 2);
        const Response response = patch(location, m_alice, 0, QByteArray(chunk + 1, 'x'));
        QCOMPARE(response.status, 413);
        QCOMPARE(tus("HEAD", location, m_alice).header("Upload-Offset"), QByteArray("0"));
        QCOMPARE(tus("DELETE", location, m_alice).status, 204);
    }

    void theFinishedFileIsCheckedLikeAnyUpload()
    {
        const QByteArray program = imageBytes(16, 16, "JPEG") + portableExecutable();
        const QString location = create(m_alice, program.size(), metadata("photo.jpg"));
        const Response refused = patch(location, m_alice, 0, program);
        QCOMPARE(refused.status, 415);
        QCOMPARE(refused.errorCode(), QStringLiteral("executable_refused"));
        // Nothing is left of it.
        QCOMPARE(tus("HEAD", location, m_alice).status, 404);
        QVERIFY(!hasPartialFile(location));
        QVERIFY(QDir(m_server->dataDir() + "/files/tmp").entryList(QDir::Files).isEmpty());

        const QString named = create(m_alice, 5, metadata("run.exe"));
        QCOMPARE(
            patch(named, m_alice, 0, "hello").errorCode(), QStringLiteral("executable_refused"));
    }

    void terminationRemovesTheUpload()
    {
        const QString location = create(m_alice, 1000);
        QCOMPARE(patch(location, m_alice, 0, QByteArray(400, 'a')).status, 204);
        QVERIFY(hasPartialFile(location));
        QCOMPARE(tus("DELETE", location, m_bob).status, 404);
        QCOMPARE(tus("DELETE", location, m_alice).status, 204);
        QCOMPARE(tus("HEAD", location, m_alice).status, 404);
        QVERIFY(!hasPartialFile(location));
    }

    void unfinishedUploadsCountAgainstTheQuotaAndExpire()
    {
        TestServer small([](ServerConfig &config) {
            config.quotaBytes = 2 * 1024 * 1024;
            config.cleanupIntervalMs = 100;
        });
        KOCMOC_START(small);
        const Person dana = signUp(small, "dana_tus");
        const auto post = [&](qint64 length) {
            return small.raw("POST", "/api/uploads/", {}, {},
                {{"Tus-Resumable", "1.0.0"}, {"Upload-Length", QByteArray::number(length)},
                    {"Authorization", "Bearer " + dana.token.toLatin1()}});
        };
        const Response first = post(1536 * 1024);
        QCOMPARE(first.status, 201);
        const Response second = post(1024 * 1024);
        QCOMPARE(second.status, 507);
        QCOMPARE(second.errorCode(), QStringLiteral("quota_exceeded"));

        // A day later the abandoned upload is gone, and its room is free again.
        small.server().clock().advance(limits::uploadLifetimeMs + 1000);
        const QString partial = small.dataDir() + "/files/uploads/"
            + QString::fromLatin1(first.header("Location")).section('/', -1);
        QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(partial), 10'000);
    }
};

QTEST_GUILESS_MAIN(UploadsTest)
#include "tst_uploads.moc"
