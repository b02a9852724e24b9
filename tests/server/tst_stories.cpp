#include "MessagingTestSupport.h"
#include "RealtimeClient.h"

#include "db/Sql.h"
#include "files/FileStore.h"

#include <kocmoc/Limits.h>
#include <kocmoc/Story.h>

#include <QBuffer>
#include <QDateTime>
#include <QFileInfo>
#include <QImage>

using namespace kocmoc;
using namespace kocmoc::test;

// Stories end to end (API.md, Stories): who sees them, the order of the stories row,
// views, deletion, validation, files, events, and expiry with the server's clock.
class StoriesTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    int m_counter = 0;

    Person person(const char *name)
    {
        return signUp(*m_server, QStringLiteral("%1_%2").arg(QLatin1String(name)).arg(++m_counter));
    }

    // A fresh access token: the clock moved past the old one's 15 minutes.
    void signInAgain(Person &who)
    {
        const Response grant = m_server->call("POST", QStringLiteral("/api/auth/login"),
            QJsonObject{{"username", who.username}, {"password", "correct horse battery"}});
        if (grant.status != 200)
            qWarning() << "sign-in failed:" << grant.status << grant.body;
        who.token = grant.object().value("accessToken").toString();
    }

    Response call(const Person &who, const QByteArray &method, const QString &path,
        const QJsonValue &body = QJsonValue::Undefined)
    {
        return m_server->call(method, path, body, who.token);
    }

    QString directChat(const Person &from, const Person &to)
    {
        const Response chat
            = call(from, "POST", QStringLiteral("/api/chats"), QJsonObject{{"userId", to.id}});
        if (chat.status != 201 && chat.status != 200)
            qWarning() << "no direct chat:" << chat.status << chat.body;
        return chat.object().value("id").toString();
    }

    Response postText(const Person &who, const QString &text,
        const QString &background = QStringLiteral("violet"))
    {
        return call(who, "POST", QStringLiteral("/api/stories"),
            QJsonObject{{"type", "text"}, {"text", text}, {"background", background}});
    }

    // Posts a text story and returns its id.
    QString textStory(const Person &who, const QString &text)
    {
        const Response created = postText(who, text);
        if (created.status != 201)
            qWarning() << "story not created:" << created.status << created.body;
        return created.object().value("id").toString();
    }

    // Uploads bytes as a raw body; the File, or an empty object.
    QJsonObject upload(
        const Person &who, const QByteArray &bytes, const QByteArray &mime, const QString &name)
    {
        const Response uploaded
            = m_server->raw("POST", QStringLiteral("/api/upload/file?name=") + name, bytes, mime,
                {{"Authorization", "Bearer " + who.token.toLatin1()}});
        if (uploaded.status != 201)
            qWarning() << "upload failed:" << uploaded.status << uploaded.body;
        return uploaded.status == 201 ? uploaded.object() : QJsonObject();
    }

    static QByteArray png()
    {
        QImage image(24, 16, QImage::Format_RGB32);
        image.fill(QColor(0x7b, 0x2f, 0xf7));
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        return bytes;
    }

    // The smallest MP4 the content sniffing recognises: an ftyp box and an empty mdat.
    static QByteArray mp4()
    {
        QByteArray bytes = QByteArray::fromHex("00000018") + "ftypisom"
            + QByteArray::fromHex("00000200") + "isomiso2";
        bytes += QByteArray::fromHex("00000010") + "mdat" + QByteArray(8, '\0');
        return bytes;
    }

    QJsonArray storyGroups(const Person &who)
    {
        const Response list = call(who, "GET", QStringLiteral("/api/stories"));
        if (list.status != 200)
            qWarning() << "no story list:" << list.status << list.body;
        return list.array();
    }

    // The authors of who's stories row, in order.
    QStringList authorOrder(const Person &who)
    {
        QStringList authors;
        for (const QJsonValue group : storyGroups(who))
            authors.append(group["author"]["id"].toString());
        return authors;
    }

    QJsonObject groupOf(const Person &who, const QString &authorId)
    {
        for (const QJsonValue group : storyGroups(who)) {
            if (group["author"]["id"].toString() == authorId)
                return group.toObject();
        }
        return {};
    }

    QString diskPathOf(const QString &fileId)
    {
        return m_server->server().files().store().pathOf(FileStore::keyFor(fileId));
    }

    qint64 storyRows()
    {
        const qint64 rows = m_server->server().database().read([](QSqlDatabase &db) {
            db::Sql count(db, QStringLiteral("SELECT COUNT(*) FROM stories"));
            count.exec();
            return count.next() ? count.integer(0) : -1;
        });
        m_server->server().database().closeThreadConnection();
        return rows;
    }

    std::unique_ptr<RealtimeClient> device(const Person &who)
    {
        auto client = std::make_unique<RealtimeClient>();
        if (!client->connectTo(m_server->server().port(), who.token))
            qWarning() << "could not connect:" << client->connectError();
        return client;
    }

    // Moves the server's clock so that the next story is clearly newer than the last.
    void tick() { m_server->server().clock().advance(1000); }

private slots:
    void initTestCase()
    {
        KOCMOC_REQUIRE_DATABASE();
        m_server = std::make_unique<TestServer>([](ServerConfig &config) {
            config.sendIntervalMs = 0;
            config.cleanupIntervalMs = 50; // the expiry job runs often enough to wait for
        });
        KOCMOC_START(*m_server);
    }

    void everyStoryRouteNeedsAToken()
    {
        for (const auto &[method, path] : QList<QPair<QByteArray, QString>>{{"GET", "/api/stories"},
                 {"POST", "/api/stories"}, {"POST", "/api/stories/x/view"},
                 {"GET", "/api/stories/x/views"}, {"DELETE", "/api/stories/x"}}) {
            const Response response = m_server->call(method, path, QJsonObject{});
            QVERIFY2(response.status == 401, qPrintable(method + ' ' + path));
        }
    }

    void aTextStoryIsStoredAsTheAuthorSeesIt()
    {
        const Person anna = person("anna");
        const Response created
            = postText(anna, QStringLiteral("  Привет,\r\nмир!  "), QStringLiteral("#1A2b3C"));
        QCOMPARE(created.status, 201);
        const QJsonObject story = created.object();
        for (const char *key : {"id", "authorId", "type", "file", "text", "background", "createdAt",
                 "expiresAt", "viewed", "viewCount"})
            QVERIFY2(story.contains(QLatin1String(key)), key);
        QCOMPARE(story["authorId"].toString(), anna.id);
        QCOMPARE(story["type"].toString(), QStringLiteral("text"));
        QVERIFY(story["file"].isNull());
        QCOMPARE(story["text"].toString(), QStringLiteral("Привет,\nмир!"));
        QCOMPARE(story["background"].toString(), QStringLiteral("#1A2b3C"));
        const Story parsed = Story::fromJson(story);
        QCOMPARE(parsed.expiresAtMs - parsed.createdAtMs, limits::storyLifetimeMs);
        QVERIFY(qAbs(parsed.createdAtMs - m_server->server().clock().nowMs()) < 60'000);
        QCOMPARE(story["viewed"].toBool(), true); // one's own
        QCOMPARE(story["viewCount"].toInt(), 0);

        const QJsonArray groups = storyGroups(anna);
        QCOMPARE(groups.size(), 1);
        QCOMPARE(groups[0]["author"]["id"].toString(), anna.id);
        QCOMPARE(groups[0]["author"]["username"].toString(), anna.username);
        QCOMPARE(groups[0]["hasUnseen"].toBool(), false);
        QCOMPARE(groups[0]["stories"].toArray().size(), 1);
        QCOMPARE(groups[0]["stories"][0].toObject(), story);
    }

    void onlyPeopleWhoShareAChatSeeAStory()
    {
        const Person anna = person("anna");
        const Person boris = person("boris");
        const Person vera = person("vera"); // in a group with anna
        const Person stranger = person("stranger");
        directChat(anna, boris);
        const Response group = call(anna, "POST", QStringLiteral("/api/chats/group"),
            QJsonObject{{"title", "Кино"}, {"memberIds", QJsonArray{vera.id}}});
        QCOMPARE(group.status, 201);
        const QString storyId = textStory(anna, QStringLiteral("Кто в кино?"));
        QVERIFY(!storyId.isEmpty());

        for (const Person &friendOf : {boris, vera}) {
            const QJsonObject seen = groupOf(friendOf, anna.id);
            QCOMPARE(seen["hasUnseen"].toBool(), true);
            const QJsonObject story = seen["stories"][0].toObject();
            QCOMPARE(story["id"].toString(), storyId);
            QCOMPARE(story["viewed"].toBool(), false);
            QVERIFY2(!story.contains("viewCount"), "only the author sees the count");
        }
        // Boris and Vera share no chat: neither sees the other's stories.
        textStory(boris, QStringLiteral("Boris here"));
        QCOMPARE(authorOrder(vera), QStringList{anna.id});

        // A stranger sees nothing and learns nothing.
        QCOMPARE(storyGroups(stranger), QJsonArray());
        const QString path = QStringLiteral("/api/stories/") + storyId;
        QCOMPARE(call(stranger, "POST", path + QStringLiteral("/view")).status, 404);
        QCOMPARE(call(stranger, "GET", path + QStringLiteral("/views")).status, 404);
        QCOMPARE(call(stranger, "DELETE", path).status, 404);
        QCOMPARE(call(stranger, "POST", path + QStringLiteral("/view")).errorCode(),
            QStringLiteral("not_found"));
        QCOMPARE(call(anna, "POST", QStringLiteral("/api/stories/no-such-story/view")).status, 404);

        // Leaving the group ends it.
        const Response left = call(vera, "DELETE",
            QStringLiteral("/api/chats/%1/members/%2")
                .arg(group.object()["id"].toString(), vera.id));
        QCOMPARE(left.status, 204);
        QCOMPARE(storyGroups(vera), QJsonArray());
        QCOMPARE(call(vera, "POST", path + QStringLiteral("/view")).status, 404);
    }

    void theRowIsOwnFirstThenUnseenThenSeenNewestFirst()
    {
        const Person me = person("me");
        const Person a = person("author_a");
        const Person b = person("author_b");
        const Person c = person("author_c");
        const Person quiet = person("quiet"); // shares a chat, posts nothing
        for (const Person &other : {a, b, c, quiet})
            directChat(me, other);

        const QString a1 = textStory(a, QStringLiteral("a1"));
        tick();
        const QString b1 = textStory(b, QStringLiteral("b1"));
        tick();
        const QString c1 = textStory(c, QStringLiteral("c1"));
        tick();
        // Without a story of my own I have no group of my own.
        QCOMPARE(authorOrder(me), QStringList({c.id, b.id, a.id}));

        textStory(me, QStringLiteral("mine"));
        tick();
        QCOMPARE(call(me, "POST", QStringLiteral("/api/stories/%1/view").arg(b1)).status, 204);
        QCOMPARE(authorOrder(me), QStringList({me.id, c.id, a.id, b.id}));
        QCOMPARE(groupOf(me, b.id)["hasUnseen"].toBool(), false);

        // A's new story: A has the newest now, and unseen.
        const QString a2 = textStory(a, QStringLiteral("a2"));
        tick();
        QCOMPARE(authorOrder(me), QStringList({me.id, a.id, c.id, b.id}));
        const QJsonArray aStories = groupOf(me, a.id)["stories"].toArray();
        QCOMPARE(aStories.size(), 2);
        QCOMPARE(aStories[0]["id"].toString(), a1); // oldest first
        QCOMPARE(aStories[1]["id"].toString(), a2);

        // Seeing one of A's two is not seeing A's stories.
        QCOMPARE(call(me, "POST", QStringLiteral("/api/stories/%1/view").arg(a1)).status, 204);
        QCOMPARE(groupOf(me, a.id)["hasUnseen"].toBool(), true);
        QCOMPARE(call(me, "POST", QStringLiteral("/api/stories/%1/view").arg(a2)).status, 204);
        QCOMPARE(call(me, "POST", QStringLiteral("/api/stories/%1/view").arg(c1)).status, 204);
        // All seen: newest first.
        QCOMPARE(authorOrder(me), QStringList({me.id, a.id, c.id, b.id}));
        QCOMPARE(groupOf(me, c.id)["hasUnseen"].toBool(), false);
    }

    void aViewIsCountedOncePerViewerAndOnlyTheAuthorSeesWho()
    {
        const Person anna = person("anna");
        const Person boris = person("boris");
        const Person vera = person("vera");
        const Person stranger = person("stranger");
        directChat(anna, boris);
        directChat(vera, anna);
        const QString storyId = textStory(anna, QStringLiteral("Смотрите!"));
        const QString path = QStringLiteral("/api/stories/") + storyId;

        QCOMPARE(call(boris, "POST", path + QStringLiteral("/view")).status, 204);
        tick();
        QCOMPARE(call(boris, "POST", path + QStringLiteral("/view")).status, 204);
        QCOMPARE(call(vera, "POST", path + QStringLiteral("/view")).status, 204);
        QCOMPARE(call(anna, "POST", path + QStringLiteral("/view")).status, 204); // not counted
        const QList<Response> together
            = concurrently(*m_server, 6, "POST", path + QStringLiteral("/view"), {}, vera.token);
        for (const Response &answer : together)
            QCOMPARE(answer.status, 204);

        const QJsonObject own = groupOf(anna, anna.id)["stories"][0].toObject();
        QCOMPARE(own["viewCount"].toInt(), 2);
        QCOMPARE(groupOf(boris, anna.id)["stories"][0]["viewed"].toBool(), true);
        QCOMPARE(groupOf(boris, anna.id)["hasUnseen"].toBool(), false);

        const Response viewers = call(anna, "GET", path + QStringLiteral("/views"));
        QCOMPARE(viewers.status, 200);
        const QJsonArray list = viewers.array();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list[0]["user"]["id"].toString(), vera.id); // newest first
        QCOMPARE(list[1]["user"]["id"].toString(), boris.id);
        QCOMPARE(list[1]["user"]["username"].toString(), boris.username);
        QVERIFY(list[0]["viewedAt"].toString() > list[1]["viewedAt"].toString());
        QVERIFY(list[1]["viewedAt"].toString().endsWith(QLatin1Char('Z')));

        const Response notMine = call(boris, "GET", path + QStringLiteral("/views"));
        QCOMPARE(notMine.status, 403);
        QCOMPARE(notMine.errorCode(), QStringLiteral("forbidden"));
        QCOMPARE(call(stranger, "GET", path + QStringLiteral("/views")).status, 404);
    }

    void onlyTheAuthorDeletesAStory()
    {
        const Person anna = person("anna");
        const Person boris = person("boris");
        const Person stranger = person("stranger");
        directChat(anna, boris);
        const QString storyId = textStory(anna, QStringLiteral("Скоро удалю"));
        const QString path = QStringLiteral("/api/stories/") + storyId;
        QCOMPARE(call(boris, "POST", path + QStringLiteral("/view")).status, 204);

        EventLog events(m_server->server().events());
        QCOMPARE(call(boris, "DELETE", path).status, 403);
        QCOMPARE(call(stranger, "DELETE", path).status, 404);
        QCOMPARE(groupOf(boris, anna.id)["stories"].toArray().size(), 1);
        QVERIFY(events.named("story:delete").isEmpty());

        QCOMPARE(call(anna, "DELETE", path).status, 204);
        QCOMPARE(storyGroups(anna), QJsonArray());
        QCOMPARE(storyGroups(boris), QJsonArray());
        QCOMPARE(call(anna, "DELETE", path).status, 404);
        QCOMPARE(call(anna, "GET", path + QStringLiteral("/views")).status, 404);
        QCOMPARE(call(boris, "POST", path + QStringLiteral("/view")).status, 404);
        QTRY_COMPARE(events.named("story:delete").size(), 1);
        const auto deleted = events.named("story:delete").first();
        QCOMPARE(deleted.payload, QJsonObject({{"id", storyId}}));
        QCOMPARE(sorted(deleted.userIds), sorted({anna.id, boris.id}));
    }

    void storyRefusals_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        const QString longText(limits::storyTextMaxChars + 1, QLatin1Char('x'));
        QTest::newRow("no type") << QJsonObject{{"text", "hi"}, {"background", "violet"}}
                                 << "missing_field"
                                 << "type";
        QTest::newRow("unknown type") << QJsonObject{{"type", "audio"}} << "invalid_field"
                                      << "type";
        QTest::newRow("type not a string") << QJsonObject{{"type", 3}} << "invalid_type"
                                           << "type";
        QTest::newRow("text missing")
            << QJsonObject{{"type", "text"}, {"background", "violet"}} << "missing_field"
            << "text";
        QTest::newRow("text blank")
            << QJsonObject{{"type", "text"}, {"text", " \n\t "}, {"background", "violet"}}
            << "invalid_field"
            << "text";
        QTest::newRow("text too long")
            << QJsonObject{{"type", "text"}, {"text", longText}, {"background", "violet"}}
            << "text_too_long"
            << "text";
        QTest::newRow("text with a control character") << QJsonObject{{"type", "text"},
            {"text", QStringLiteral("a\u0007b")}, {"background", "violet"}}
                                                       << "invalid_field"
                                                       << "text";
        QTest::newRow("text with a bidi override") << QJsonObject{{"type", "text"},
            {"text", QStringLiteral("a\u202Eb")}, {"background", "violet"}}
                                                   << "invalid_field"
                                                   << "text";
        QTest::newRow("text not a string")
            << QJsonObject{{"type", "text"}, {"text", 5}, {"background", "violet"}}
            << "invalid_type"
            << "text";
        QTest::newRow("background missing")
            << QJsonObject{{"type", "text"}, {"text", "hi"}} << "missing_field"
            << "background";
        QTest::newRow("background short colour")
            << QJsonObject{{"type", "text"}, {"text", "hi"}, {"background", "#12345"}}
            << "invalid_field"
            << "background";
        QTest::newRow("background not hex")
            << QJsonObject{{"type", "text"}, {"text", "hi"}, {"background", "#GG0000"}}
            << "invalid_field"
            << "background";
        QTest::newRow("background unknown name")
            << QJsonObject{{"type", "text"}, {"text", "hi"}, {"background", "red"}}
            << "invalid_field"
            << "background";
        QTest::newRow("background css") << QJsonObject{{"type", "text"}, {"text", "hi"},
            {"background", "url(http://example.org/x.png)"}}
                                        << "invalid_field"
                                        << "background";
        QTest::newRow("text story with a file") << QJsonObject{{"type", "text"}, {"text", "hi"},
            {"background", "violet"}, {"fileId", "00000000-0000-4000-8000-000000000000"}}
                                                << "invalid_field"
                                                << "fileId";
        QTest::newRow("photo without file") << QJsonObject{{"type", "photo"}} << "missing_field"
                                            << "fileId";
        QTest::newRow("video without file")
            << QJsonObject{{"type", "video"}, {"text", "caption"}} << "missing_field"
            << "fileId";
        QTest::newRow("photo of an unknown file")
            << QJsonObject{{"type", "photo"}, {"fileId", "00000000-0000-4000-8000-000000000000"}}
            << "unknown_file"
            << "fileId";
        QTest::newRow("photo with a background") << QJsonObject{{"type", "photo"},
            {"fileId", "00000000-0000-4000-8000-000000000000"}, {"background", "violet"}}
                                                 << "invalid_field"
                                                 << "background";
        QTest::newRow("caption too long") << QJsonObject{{"type", "photo"},
            {"fileId", "00000000-0000-4000-8000-000000000000"}, {"text", longText}}
                                          << "text_too_long"
                                          << "text";
    }

    void storyRefusals()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, code);
        QFETCH(QString, field);
        const Person anna = person("refused");
        const Response response = call(anna, "POST", QStringLiteral("/api/stories"), body);
        QCOMPARE(response.status, 400);
        QCOMPARE(response.errorCode(), code);
        QCOMPARE(response.errorField(), field);
        QCOMPARE(storyGroups(anna), QJsonArray());
    }

    void textLimitsAndBackgroundsThatPass()
    {
        const Person anna = person("anna");
        const QString longest = QString(limits::storyTextMaxChars - 1, QLatin1Char('y'))
            + QStringLiteral("😀"); // characters, not UTF-16 units
        QCOMPARE(postText(anna, longest).status, 201);
        QCOMPARE(postText(anna, QStringLiteral("  ") + longest + QStringLiteral("\n ")).status,
            201); // trimmed first
        QCOMPARE(postText(anna, QStringLiteral("#abcdef"), QStringLiteral("#abcdef")).status, 201);
        for (const QString &background : story::backgrounds())
            QCOMPARE(postText(anna, background, background).status, 201);
        QCOMPARE(
            groupOf(anna, anna.id)["stories"].toArray().size(), 3 + story::backgrounds().size());
        QCOMPARE(
            m_server->call(
                        "POST", QStringLiteral("/api/stories"), QJsonValue::Undefined, anna.token)
                .status,
            415);
    }

    void photoAndVideoStoriesShowTheUploadersOwnFiles()
    {
        Person anna = person("anna");
        const Person boris = person("boris");
        const Person stranger = person("stranger");
        directChat(anna, boris);
        const QJsonObject photo = upload(anna, png(), "image/png", QStringLiteral("sky.png"));
        QVERIFY(!photo.isEmpty());
        const QString photoId = photo["id"].toString();
        QVERIFY(QFileInfo::exists(diskPathOf(photoId)));

        // Someone else's file, and a file that is not an image, are refused.
        const Response borrowed = call(boris, "POST", QStringLiteral("/api/stories"),
            QJsonObject{{"type", "photo"}, {"fileId", photoId}});
        QCOMPARE(borrowed.status, 400);
        QCOMPARE(borrowed.errorCode(), QStringLiteral("unknown_file"));
        QCOMPARE(borrowed.errorField(), QStringLiteral("fileId"));
        const Response asVideo = call(anna, "POST", QStringLiteral("/api/stories"),
            QJsonObject{{"type", "video"}, {"fileId", photoId}});
        QCOMPARE(asVideo.status, 400);
        QCOMPARE(asVideo.errorField(), QStringLiteral("fileId"));
        const QJsonObject note
            = upload(anna, "just some notes\n", "text/plain", QStringLiteral("notes.txt"));
        QVERIFY(!note.isEmpty());
        const Response document = call(anna, "POST", QStringLiteral("/api/stories"),
            QJsonObject{{"type", "photo"}, {"fileId", note["id"].toString()}});
        QCOMPARE(document.status, 400);
        QCOMPARE(document.errorField(), QStringLiteral("fileId"));
        // Before the story, Boris cannot download Anna's photo.
        QCOMPARE(call(boris, "GET", QStringLiteral("/api/files/") + photoId).status, 404);

        const Response created = call(anna, "POST", QStringLiteral("/api/stories"),
            QJsonObject{{"type", "photo"}, {"fileId", photoId}, {"text", " Закат "}});
        QCOMPARE(created.status, 201);
        const QJsonObject story = created.object();
        QCOMPARE(story["type"].toString(), QStringLiteral("photo"));
        QCOMPARE(story["text"].toString(), QStringLiteral("Закат"));
        QCOMPARE(story["background"].toString(), QString());
        QCOMPARE(story["file"]["id"].toString(), photoId);
        QCOMPARE(story["file"]["mime"].toString(), QStringLiteral("image/png"));
        QCOMPARE(story["file"]["width"].toInt(), 24);
        const QString url = story["file"]["url"].toString();
        QVERIFY(url.startsWith(QStringLiteral("/api/files/") + photoId));

        // Whoever sees the story may load its file; a stranger may not.
        const QJsonObject seen = groupOf(boris, anna.id)["stories"][0].toObject();
        QCOMPARE(seen["file"]["id"].toString(), photoId);
        QCOMPARE(m_server->call("GET", seen["file"]["url"].toString()).status, 200);
        QCOMPARE(call(boris, "GET", QStringLiteral("/api/files/") + photoId).status, 200);
        QCOMPARE(call(stranger, "GET", QStringLiteral("/api/files/") + photoId).status, 404);

        // A video story takes a video.
        const QJsonObject clip = upload(anna, mp4(), "video/mp4", QStringLiteral("clip.mp4"));
        QVERIFY(!clip.isEmpty());
        QVERIFY2(clip["mime"].toString().startsWith(QLatin1String("video/")),
            qPrintable(clip["mime"].toString()));
        const Response video = call(anna, "POST", QStringLiteral("/api/stories"),
            QJsonObject{{"type", "video"}, {"fileId", clip["id"].toString()}});
        QCOMPARE(video.status, 201);
        QCOMPARE(video.object()["file"].toObject()["id"].toString(), clip["id"].toString());
        const Response photoOfVideo = call(anna, "POST", QStringLiteral("/api/stories"),
            QJsonObject{{"type", "photo"}, {"fileId", clip["id"].toString()}});
        QCOMPARE(photoOfVideo.status, 400);

        // Deleting the story removes the file: row, URL and bytes.
        QCOMPARE(
            call(anna, "DELETE", QStringLiteral("/api/stories/") + story["id"].toString()).status,
            204);
        QCOMPARE(call(anna, "GET", QStringLiteral("/api/files/") + photoId).status, 404);
        QCOMPARE(m_server->call("GET", url).status, 404);
        QVERIFY(!QFileInfo::exists(diskPathOf(photoId)));
        // The video's story still stands, and so does its file.
        QCOMPARE(
            call(boris, "GET", QStringLiteral("/api/files/") + clip["id"].toString()).status, 200);
    }

    void aFileStaysWhileAnotherStoryShowsIt()
    {
        const Person anna = person("anna");
        const QString photoId
            = upload(anna, png(), "image/png", QStringLiteral("twice.png"))["id"].toString();
        QVERIFY(!photoId.isEmpty());
        QStringList storyIds;
        for (int i = 0; i < 2; ++i) {
            const Response created = call(anna, "POST", QStringLiteral("/api/stories"),
                QJsonObject{{"type", "photo"}, {"fileId", photoId}});
            QCOMPARE(created.status, 201);
            storyIds.append(created.object()["id"].toString());
        }
        QCOMPARE(call(anna, "DELETE", QStringLiteral("/api/stories/") + storyIds[0]).status, 204);
        QCOMPARE(call(anna, "GET", QStringLiteral("/api/files/") + photoId).status, 200);
        QVERIFY(QFileInfo::exists(diskPathOf(photoId)));
        QCOMPARE(call(anna, "DELETE", QStringLiteral("/api/stories/") + storyIds[1]).status, 204);
        QCOMPARE(call(anna, "GET", QStringLiteral("/api/files/") + photoId).status, 404);
        QVERIFY(!QFileInfo::exists(diskPathOf(photoId)));
    }

    // Posted back to back (often within one millisecond), stories keep their order.
    void storiesPostedAtOnceKeepTheirOrder()
    {
        const Person author = person("quick");
        const Person reader = person("reader");
        directChat(reader, author);
        QStringList posted;
        for (int i = 0; i < 12; ++i)
            posted.append(textStory(author, QStringLiteral("quick %1").arg(i)));
        const QJsonArray stories = groupOf(reader, author.id)["stories"].toArray();
        QStringList shown;
        qint64 previous = 0;
        for (const QJsonValue &story : stories) {
            shown.append(story["id"].toString());
            const qint64 createdAt
                = QDateTime::fromString(story["createdAt"].toString(), Qt::ISODateWithMs)
                      .toMSecsSinceEpoch();
            QVERIFY(createdAt > previous);
            previous = createdAt;
        }
        QCOMPARE(shown, posted);
    }

    void storyCreationIsRateLimited()
    {
        const Person busy = person("busy");
        for (int i = 0; i < 30; ++i)
            QCOMPARE(postText(busy, QStringLiteral("story %1").arg(i)).status, 201);
        const Response limited = postText(busy, QStringLiteral("one too many"));
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.errorCode(), QStringLiteral("rate_limited"));
        QVERIFY(limited.header("Retry-After").toInt() > 0);
        // Other people are not slowed down.
        QCOMPARE(postText(person("calm"), QStringLiteral("mine")).status, 201);
    }

    void eventsReachTheAuthorAndTheirContactsOnly()
    {
        const Person anna = person("anna");
        const Person boris = person("boris");
        const Person vera = person("vera");
        const Person stranger = person("stranger");
        directChat(anna, boris);
        const Response group = call(anna, "POST", QStringLiteral("/api/chats/group"),
            QJsonObject{{"title", "Друзья"}, {"memberIds", QJsonArray{boris.id, vera.id}}});
        QCOMPARE(group.status, 201);
        auto annaPhone = device(anna);
        auto borisPhone = device(boris);
        auto veraPhone = device(vera);
        auto strangerPhone = device(stranger);
        QVERIFY(annaPhone->isConnected() && borisPhone->isConnected() && veraPhone->isConnected()
            && strangerPhone->isConnected());

        EventLog events(m_server->server().events());
        const Response created = postText(anna, QStringLiteral("Всем привет"));
        QCOMPARE(created.status, 201);
        const QString storyId = created.object()["id"].toString();
        QTRY_COMPARE(events.named("story:new").size(), 2);
        // Boris shares two chats with Anna and still hears once.
        QCOMPARE(events.recipients("story:new"), sorted({anna.id, boris.id, vera.id}));

        QVERIFY(borisPhone->waitFor(QStringLiteral("story:new")));
        QVERIFY(veraPhone->waitFor(QStringLiteral("story:new")));
        QVERIFY(annaPhone->waitFor(QStringLiteral("story:new")));
        const QJsonObject toBoris = borisPhone->firstPayload(QStringLiteral("story:new"));
        QCOMPARE(toBoris["id"].toString(), storyId);
        QCOMPARE(toBoris["authorId"].toString(), anna.id);
        QCOMPARE(toBoris["text"].toString(), QStringLiteral("Всем привет"));
        QCOMPARE(toBoris["viewed"].toBool(), false);
        QVERIFY(!toBoris.contains("viewCount"));
        const QJsonObject toAnna = annaPhone->firstPayload(QStringLiteral("story:new"));
        QCOMPARE(toAnna["viewed"].toBool(), true);
        QVERIFY(!toAnna.contains("viewCount"));

        QCOMPARE(call(anna, "DELETE", QStringLiteral("/api/stories/") + storyId).status, 204);
        QVERIFY(borisPhone->waitFor(QStringLiteral("story:delete")));
        QVERIFY(veraPhone->waitFor(QStringLiteral("story:delete")));
        QVERIFY(annaPhone->waitFor(QStringLiteral("story:delete")));
        QCOMPARE(borisPhone->receivedNamed(QStringLiteral("story:delete")).first().payload,
            QJsonValue(QJsonObject{{"id", storyId}}));
        QCOMPARE(borisPhone->count(QStringLiteral("story:new")), 1);
        QCOMPARE(borisPhone->count(QStringLiteral("story:delete")), 1);
        // The stranger's device heard nothing of it (the events above have all arrived).
        QCOMPARE(strangerPhone->count(QStringLiteral("story:new")), 0);
        QCOMPARE(strangerPhone->count(QStringLiteral("story:delete")), 0);
        QCOMPARE(events.recipients("story:delete"), sorted({anna.id, boris.id, vera.id}));
    }

    // Last: it moves the clock a day forward, past every token and story before it.
    void storiesExpireWithTheirFiles()
    {
        Person anna = person("anna");
        Person boris = person("boris");
        directChat(anna, boris);
        const QString photoId
            = upload(anna, png(), "image/png", QStringLiteral("day.png"))["id"].toString();
        QVERIFY(!photoId.isEmpty());
        const Response photo = call(anna, "POST", QStringLiteral("/api/stories"),
            QJsonObject{{"type", "photo"}, {"fileId", photoId}});
        QCOMPARE(photo.status, 201);
        const QString photoStory = photo.object()["id"].toString();
        const QString textStoryId = textStory(anna, QStringLiteral("до завтра"));
        QCOMPARE(call(boris, "POST", QStringLiteral("/api/stories/%1/view").arg(photoStory)).status,
            204);
        auto borisPhone = device(boris);
        QVERIFY(borisPhone->isConnected());

        // Almost a day later a new story comes; then the first two reach their 24 hours.
        Clock &clock = m_server->server().clock();
        clock.advance(limits::storyLifetimeMs - 60'000);
        signInAgain(anna);
        signInAgain(boris);
        const QString laterStory = textStory(anna, QStringLiteral("ещё один день"));
        QVERIFY(!laterStory.isEmpty());
        EventLog events(m_server->server().events());
        clock.advance(60'000);

        // The job runs on its own; it has removed the stories when the events went out. (It
        // removes the earlier cases' stories too: only Anna's count here.)
        const auto deletedOfAnna = [&] {
            QStringList ids;
            for (const auto &event : events.named(QStringLiteral("story:delete"))) {
                if (event.userIds.contains(anna.id))
                    ids.append(event.payload["id"].toString());
            }
            return sorted(ids);
        };
        QTRY_COMPARE_WITH_TIMEOUT(deletedOfAnna(), sorted({photoStory, textStoryId}), 30'000);
        for (const auto &event : events.named(QStringLiteral("story:delete"))) {
            if (event.userIds.contains(anna.id))
                QCOMPARE(sorted(event.userIds), sorted({anna.id, boris.id}));
        }
        QVERIFY(borisPhone->waitFor(QStringLiteral("story:delete"), 2));

        const QJsonObject left = groupOf(boris, anna.id);
        QCOMPARE(left["stories"].toArray().size(), 1);
        QCOMPARE(left["stories"][0]["id"].toString(), laterStory);
        QCOMPARE(call(boris, "POST", QStringLiteral("/api/stories/%1/view").arg(photoStory)).status,
            404);
        // The photo is gone: its row (so any URL of it) and its bytes.
        QTRY_VERIFY_WITH_TIMEOUT(!QFileInfo::exists(diskPathOf(photoId)), 10'000);
        QCOMPARE(call(anna, "GET", QStringLiteral("/api/files/") + photoId).status, 404);
        QCOMPARE(call(boris, "GET", QStringLiteral("/api/files/") + photoId).status, 404);
        // Every story of the earlier cases was older still: only the new one is left.
        QTRY_COMPARE_WITH_TIMEOUT(storyRows(), qint64(1), 10'000);

        // The last one goes a day after it came.
        clock.advance(limits::storyLifetimeMs);
        QTRY_COMPARE_WITH_TIMEOUT(storyRows(), qint64(0), 30'000);
        signInAgain(anna);
        QCOMPARE(storyGroups(anna), QJsonArray());
    }
};

QTEST_GUILESS_MAIN(StoriesTest)
#include "tst_stories.moc"
