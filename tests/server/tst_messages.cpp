#include "MessagingTestSupport.h"

#include <kocmoc/Limits.h>
#include <kocmoc/Message.h>

using namespace kocmoc;
using namespace kocmoc::test;

class MessagesTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    Person m_alice, m_bob, m_carol, m_eve;
    QString m_direct; // Alice and Bob
    QString m_group; // Alice (owner), Bob (admin), Carol (member)
    QString m_searchChat; // Alice and Bob, with the search suite's messages

    Response call(const Person &who, const QByteArray &method, const QString &path,
        const QJsonValue &body = QJsonValue::Undefined)
    {
        return m_server->call(method, path, body, who.token);
    }

    Response post(const Person &who, const QString &chatId, const QJsonObject &body)
    {
        return call(who, "POST", QStringLiteral("/api/chats/%1/messages").arg(chatId), body);
    }

    QJsonObject send(const Person &who, const QString &chatId, const QString &text)
    {
        const Response sent = post(who, chatId, textMessage(text));
        if (sent.status != 201)
            qWarning() << "not sent:" << sent.status << sent.body;
        return sent.object();
    }

    QJsonArray history(const Person &who, const QString &chatId, const QString &query = {})
    {
        return call(who, "GET", QStringLiteral("/api/chats/%1/messages%2").arg(chatId, query))
            .object()["messages"]
            .toArray();
    }

    QJsonObject messageIn(const Person &who, const QString &chatId, qint64 id)
    {
        for (const QJsonValue message : history(who, chatId, QStringLiteral("?limit=100"))) {
            if (message["id"].toInteger() == id)
                return message.toObject();
        }
        return {};
    }

    static QStringList texts(const QJsonArray &messages)
    {
        QStringList list;
        for (const QJsonValue message : messages)
            list.append(message["text"].toString());
        return list;
    }

    QString newChat(const Person &owner, const QList<Person> &others)
    {
        QJsonArray ids;
        for (const Person &person : others)
            ids.append(person.id);
        return call(owner, "POST", QStringLiteral("/api/chats/group"),
            QJsonObject{{"title", "чат"}, {"memberIds", ids}})
            .object()["id"]
            .toString();
    }

    int unreadCount(const Person &who, const QString &chatId)
    {
        return call(who, "GET", QStringLiteral("/api/chats/") + chatId)
            .object()["unreadCount"]
            .toInt();
    }

    Response read(const Person &who, const QString &chatId, qint64 messageId)
    {
        return call(who, "POST", QStringLiteral("/api/chats/%1/read").arg(chatId),
            QJsonObject{{"messageId", messageId}});
    }

private slots:
    void initTestCase()
    {
        KOCMOC_REQUIRE_DATABASE();
        m_server
            = std::make_unique<TestServer>([](ServerConfig &config) { config.sendIntervalMs = 0; });
        KOCMOC_START(*m_server);
        m_alice = signUp(*m_server, QStringLiteral("alice"), QStringLiteral("Алиса"));
        m_bob = signUp(*m_server, QStringLiteral("bob"), QStringLiteral("Борис"));
        m_carol = signUp(*m_server, QStringLiteral("carol"), QStringLiteral("Carol"));
        m_eve = signUp(*m_server, QStringLiteral("eve"), QStringLiteral("Eve"));
        m_direct
            = call(m_alice, "POST", QStringLiteral("/api/chats"), QJsonObject{{"userId", m_bob.id}})
                  .object()["id"]
                  .toString();
        m_group = newChat(m_alice, {m_bob, m_carol});
        QCOMPARE(call(m_alice, "PATCH",
                     QStringLiteral("/api/chats/%1/members/%2").arg(m_group, m_bob.id),
                     QJsonObject{{"role", "admin"}})
                     .status,
            200);
    }

    void everyMessageRouteNeedsAToken()
    {
        for (const auto &[method, path] :
            QList<QPair<QByteArray, QString>>{{"GET", "/api/chats/x/messages"},
                {"POST", "/api/chats/x/messages"}, {"GET", "/api/chats/x/messages/search?q=a"},
                {"POST", "/api/chats/x/read"}, {"GET", "/api/messages/search?q=a"},
                {"PATCH", "/api/messages/1/edit"}, {"DELETE", "/api/messages/1/delete"},
                {"POST", "/api/messages/1/forward"}, {"PUT", "/api/messages/1/reactions/x"},
                {"DELETE", "/api/messages/1/reactions/x"}, {"GET", "/api/sync"}})
            QVERIFY2(m_server->call(method, path, QJsonObject{}).status == 401, qPrintable(path));
    }

    void sendingStoresAndAnswersTheMessage()
    {
        EventLog events(m_server->server().events());
        const Response sent = post(m_alice, m_direct, textMessage(QStringLiteral("Привет, Боря!")));
        QCOMPARE(sent.status, 201);
        const QJsonObject message = sent.object();
        for (const char *key : {"id", "chatId", "clientId", "senderId", "type", "text", "files",
                 "replyTo", "forwardedFrom", "reactions", "status", "editedAt", "deleted",
                 "createdAt", "version"})
            QVERIFY2(message.contains(QLatin1String(key)), key);
        QVERIFY(message["id"].isDouble() && message["id"].toInteger() > 0);
        QCOMPARE(message["chatId"].toString(), m_direct);
        QCOMPARE(message["senderId"].toString(), m_alice.id);
        QCOMPARE(message["type"].toString(), QStringLiteral("text"));
        QCOMPARE(message["text"].toString(), QStringLiteral("Привет, Боря!"));
        QCOMPARE(message["files"].toArray().size(), 0);
        QCOMPARE(message["replyTo"], QJsonValue(QJsonValue::Null));
        QCOMPARE(message["forwardedFrom"], QJsonValue(QJsonValue::Null));
        QCOMPARE(message["status"].toString(), QStringLiteral("sent"));
        QCOMPARE(message["editedAt"], QJsonValue(QJsonValue::Null));
        QCOMPARE(message["deleted"].toBool(), false);
        QCOMPARE(message["version"].toInteger(), message["id"].toInteger());
        // message:new to both members, once.
        QCOMPARE(events.names(), QStringList({"message:new"}));
        QCOMPARE(sorted(events.all().first().userIds), sorted({m_alice.id, m_bob.id}));
        QCOMPARE(events.all().first().payload, message);

        // Ids grow with time; the chat now shows the message last.
        const qint64 next
            = send(m_bob, m_direct, QStringLiteral("И тебе привет"))["id"].toInteger();
        QVERIFY(next > message["id"].toInteger());
        const QJsonObject chat
            = call(m_bob, "GET", QStringLiteral("/api/chats/") + m_direct).object();
        QCOMPARE(chat["lastMessage"]["id"].toInteger(), next);
    }

    void theSameClientIdNeverMakesASecondMessage()
    {
        const QJsonObject body = textMessage(QStringLiteral("один раз"), QStringLiteral("retry-1"));
        const Response first = post(m_alice, m_group, body);
        QCOMPARE(first.status, 201);
        EventLog events(m_server->server().events());
        // A retry, even with other text, answers with the message stored first.
        const Response again = post(m_alice, m_group,
            textMessage(QStringLiteral("другой текст"), QStringLiteral("retry-1")));
        QCOMPARE(again.status, 200);
        QCOMPARE(again.object()["id"], first.object()["id"]);
        QCOMPARE(again.object()["text"].toString(), QStringLiteral("один раз"));
        QVERIFY(events.all().isEmpty());
        // Another chat with the same clientId: a conflict, not a silent answer from elsewhere.
        const Response elsewhere = post(m_alice, m_direct, body);
        QCOMPARE(elsewhere.status, 409);
        QCOMPARE(elsewhere.errorCode(), QStringLiteral("client_id_reused"));
        QCOMPARE(elsewhere.errorField(), QStringLiteral("clientId"));
        // Another sender may use the same clientId.
        QCOMPARE(post(m_bob, m_group, body).status, 201);
        QCOMPARE(texts(history(m_alice, m_group)).count(QStringLiteral("один раз")), 2);
    }

    void concurrentRetriesMakeOneMessage()
    {
        EventLog events(m_server->server().events());
        const QList<Response> answers = concurrently(*m_server, 8, "POST",
            QStringLiteral("/api/chats/%1/messages").arg(m_group),
            textMessage(QStringLiteral("наперегонки"), QStringLiteral("race-1")), m_carol.token);
        int created = 0;
        QSet<qint64> ids;
        for (const Response &answer : answers) {
            QVERIFY2(answer.status == 201 || answer.status == 200, answer.body);
            created += answer.status == 201;
            ids.insert(answer.object()["id"].toInteger());
        }
        QCOMPARE(created, 1);
        QCOMPARE(ids.size(), 1);
        QCOMPARE(texts(history(m_carol, m_group)).count(QStringLiteral("наперегонки")), 1);
        QCOMPARE(events.named(QStringLiteral("message:new")).size(), 1);
    }

    void sendingChecksItsFields_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        const auto with = [](std::initializer_list<QPair<QString, QJsonValue>> changes) {
            QJsonObject body{{"clientId", "f-1"}, {"type", "text"}, {"text", "hi"}};
            for (const auto &[key, value] : changes) {
                if (value.isUndefined())
                    body.remove(key);
                else
                    body.insert(key, value);
            }
            return body;
        };
        QTest::newRow("no clientId")
            << with({{"clientId", QJsonValue::Undefined}}) << "missing_field"
            << "clientId";
        QTest::newRow("empty clientId") << with({{"clientId", ""}}) << "invalid_field"
                                        << "clientId";
        QTest::newRow("clientId with a space") << with({{"clientId", "a b"}}) << "invalid_field"
                                               << "clientId";
        QTest::newRow("clientId too long")
            << with({{"clientId", QString(65, QLatin1Char('a'))}}) << "invalid_field"
            << "clientId";
        QTest::newRow("clientId not a string") << with({{"clientId", 5}}) << "invalid_type"
                                               << "clientId";
        QTest::newRow("unknown type") << with({{"type", "gif"}}) << "invalid_field"
                                      << "type";
        QTest::newRow("photo without files") << with({{"type", "photo"}}) << "missing_field"
                                             << "fileIds";
        QTest::newRow("sticker without a known sticker")
            << with({{"type", "sticker"}}) << "unknown_sticker"
            << "stickerId";
        QTest::newRow("text with file ids")
            << with({{"fileIds", QJsonArray{"f"}}}) << "invalid_field"
            << "fileIds";
        QTest::newRow("text with a sticker id") << with({{"stickerId", "s"}}) << "invalid_field"
                                                << "stickerId";
        QTest::newRow("no text") << with({{"text", QJsonValue::Undefined}}) << "missing_field"
                                 << "text";
        QTest::newRow("empty text") << with({{"text", ""}}) << "invalid_field"
                                    << "text";
        QTest::newRow("only spaces") << with({{"text", " \n\t "}}) << "invalid_field"
                                     << "text";
        QTest::newRow("text not a string") << with({{"text", 42}}) << "invalid_type"
                                           << "text";
        QTest::newRow("too long") << with(
            {{"text", QString(limits::messageTextMaxChars + 1, QLatin1Char('x'))}})
                                  << "text_too_long"
                                  << "text";
        QTest::newRow("emoji count as one each, and still too long")
            << with({{"text", QString(QStringLiteral("🚀")).repeated(4097)}}) << "text_too_long"
            << "text";
        QTest::newRow("NUL") << with({{"text", QStringLiteral("a") + QChar(0) + "b"}})
                             << "invalid_field"
                             << "text";
        QTest::newRow("bidi override") << with({{"text", "abc\u202Edef"}}) << "invalid_field"
                                       << "text";
        QTest::newRow("reply to nothing") << with({{"replyToId", 999999999}}) << "invalid_field"
                                          << "replyToId";
        QTest::newRow("reply id not a number") << with({{"replyToId", "x"}}) << "invalid_type"
                                               << "replyToId";
    }

    void sendingChecksItsFields()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, code);
        QFETCH(QString, field);
        EventLog events(m_server->server().events());
        const Response response = post(m_alice, m_direct, body);
        QCOMPARE(response.status, 400);
        QCOMPARE(response.errorCode(), code);
        QCOMPARE(response.errorField(), field);
        QVERIFY(!response.object().value("error")["message"].toString().isEmpty());
        QVERIFY(events.all().isEmpty());
    }

    void textAtTheLimitAndItsShape()
    {
        const QString longest = QString(QStringLiteral("🚀")).repeated(limits::messageTextMaxChars);
        QCOMPARE(post(m_alice, m_direct, textMessage(longest)).status, 201);
        // Trailing whitespace goes, line breaks and leading indentation stay, CR LF becomes LF.
        const QJsonObject shaped
            = send(m_alice, m_direct, QStringLiteral("  код:\r\n\tif (x)\n  \n"));
        QCOMPARE(shaped["text"].toString(), QStringLiteral("  код:\n\tif (x)"));
        // Direction marks are fine, only overrides are refused.
        QCOMPARE(post(m_alice, m_direct, textMessage(QStringLiteral("שלום\u200F!"))).status, 201);
    }

    // What the writer's batch encoding must escape (PostgreSQL array literals) comes back
    // as it was sent, and is found by search.
    void textIsStoredAsSent()
    {
        const QString chat = newChat(m_alice, {m_bob});
        const QStringList sent{QStringLiteral(R"(он сказал "да" \ {a,b} 'x')"),
            QStringLiteral("NULL"), QStringLiteral(R"(\")"), QStringLiteral("{}"),
            QStringLiteral("  ,  ·")};
        for (const QString &text : sent)
            QCOMPARE(send(m_alice, chat, text)["text"].toString(), text);
        QCOMPARE(texts(history(m_bob, chat)), sent);
        const Response found = call(m_bob, "GET",
            QStringLiteral("/api/chats/%1/messages/search?q=%2")
                .arg(chat, percentEncoded(QStringLiteral(R"("ДА" \ {A,B})"))));
        QCOMPARE(texts(found.array()), QStringList{sent.first()});
    }

    void repliesQuoteTheirOriginal()
    {
        const qint64 original
            = send(m_bob, m_group, QStringLiteral("Кто идёт в кино?"))["id"].toInteger();
        QJsonObject body = textMessage(QStringLiteral("Я!"));
        body["replyToId"] = original;
        const Response reply = post(m_carol, m_group, body);
        QCOMPARE(reply.status, 201);
        const QJsonObject replied = reply.object();
        QCOMPARE(replied["replyTo"]["id"].toInteger(), original);
        QCOMPARE(replied["replyTo"]["senderId"].toString(), m_bob.id);
        QCOMPARE(replied["replyTo"]["text"].toString(), QStringLiteral("Кто идёт в кино?"));
        // Only to a message of the same chat.
        const qint64 elsewhere
            = send(m_alice, m_direct, QStringLiteral("личное"))["id"].toInteger();
        body = textMessage(QStringLiteral("ответ"));
        body["replyToId"] = elsewhere;
        QCOMPARE(post(m_carol, m_group, body).errorField(), QStringLiteral("replyToId"));
        // Once the original is deleted, its words are gone from the reply too.
        QCOMPARE(
            call(m_bob, "DELETE", QStringLiteral("/api/messages/%1/delete").arg(original)).status,
            200);
        const QJsonObject after = messageIn(m_carol, m_group, replied["id"].toInteger());
        QCOMPARE(after["replyTo"]["id"].toInteger(), original);
        QCOMPARE(after["replyTo"]["text"].toString(), QString());
    }

    void historyPagesByCursorBothWays()
    {
        const QString chat = newChat(m_alice, {m_bob});
        QList<qint64> ids;
        for (int i = 1; i <= 25; ++i)
            ids.append(send(i % 2 ? m_alice : m_bob, chat, QStringLiteral("m%1").arg(i))["id"]
                           .toInteger());

        // The newest page, oldest first.
        Response page
            = call(m_bob, "GET", QStringLiteral("/api/chats/%1/messages?limit=10").arg(chat));
        QCOMPARE(page.status, 200);
        QCOMPARE(texts(page.object()["messages"].toArray()),
            QStringList({"m16", "m17", "m18", "m19", "m20", "m21", "m22", "m23", "m24", "m25"}));
        QCOMPARE(page.object()["hasMore"].toBool(), true);
        // Older pages by `before`.
        page = call(m_bob, "GET",
            QStringLiteral("/api/chats/%1/messages?limit=10&before=%2").arg(chat).arg(ids[15]));
        QCOMPARE(texts(page.object()["messages"].toArray()).first(), QStringLiteral("m6"));
        QCOMPARE(texts(page.object()["messages"].toArray()).last(), QStringLiteral("m15"));
        QCOMPARE(page.object()["hasMore"].toBool(), true);
        page = call(m_bob, "GET",
            QStringLiteral("/api/chats/%1/messages?limit=10&before=%2").arg(chat).arg(ids[5]));
        QCOMPARE(texts(page.object()["messages"].toArray()),
            QStringList({"m1", "m2", "m3", "m4", "m5"}));
        QCOMPARE(page.object()["hasMore"].toBool(), false);
        // Newer pages by `after`.
        page = call(m_bob, "GET",
            QStringLiteral("/api/chats/%1/messages?limit=10&after=%2").arg(chat).arg(ids[4]));
        QCOMPARE(texts(page.object()["messages"].toArray()).first(), QStringLiteral("m6"));
        QCOMPARE(texts(page.object()["messages"].toArray()).last(), QStringLiteral("m15"));
        QCOMPARE(page.object()["hasMore"].toBool(), true);
        page = call(m_bob, "GET",
            QStringLiteral("/api/chats/%1/messages?limit=10&after=%2").arg(chat).arg(ids[14]));
        QCOMPARE(page.object()["messages"].toArray().size(), 10);
        QCOMPARE(page.object()["hasMore"].toBool(), false);
        page = call(m_bob, "GET",
            QStringLiteral("/api/chats/%1/messages?after=%2").arg(chat).arg(ids.last()));
        QCOMPARE(page.object()["messages"].toArray().size(), 0);
        QCOMPARE(page.object()["hasMore"].toBool(), false);
        // A message sent between pages never shifts the next one (no offsets).
        page = call(m_bob, "GET", QStringLiteral("/api/chats/%1/messages?limit=5").arg(chat));
        const qint64 oldest = page.object()["messages"][0]["id"].toInteger();
        send(m_alice, chat, QStringLiteral("m26"));
        page = call(m_bob, "GET",
            QStringLiteral("/api/chats/%1/messages?limit=5&before=%2").arg(chat).arg(oldest));
        QCOMPARE(texts(page.object()["messages"].toArray()),
            QStringList({"m16", "m17", "m18", "m19", "m20"}));
        // The default page is 50.
        QCOMPARE(history(m_bob, chat).size(), 26);
    }

    void historyChecksItsParameters_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("field");
        QTest::newRow("limit 0") << "?limit=0"
                                 << "limit";
        QTest::newRow("limit 101") << "?limit=101"
                                   << "limit";
        QTest::newRow("limit text") << "?limit=ten"
                                    << "limit";
        QTest::newRow("before 0") << "?before=0"
                                  << "before";
        QTest::newRow("after text") << "?after=x"
                                    << "after";
        QTest::newRow("both ways") << "?before=10&after=5"
                                   << "after";
    }

    void historyChecksItsParameters()
    {
        QFETCH(QString, query);
        QFETCH(QString, field);
        const Response response
            = call(m_alice, "GET", QStringLiteral("/api/chats/%1/messages%2").arg(m_direct, query));
        QCOMPARE(response.status, 400);
        QCOMPARE(response.errorField(), field);
        QCOMPARE(
            call(m_alice, "GET", QStringLiteral("/api/chats/%1/messages?limit=100").arg(m_direct))
                .status,
            200);
    }

    void editingOwnMessages()
    {
        const QJsonObject original = send(m_carol, m_group, QStringLiteral("Встречаемся в 6"));
        const qint64 id = original["id"].toInteger();
        const QString path = QStringLiteral("/api/messages/%1/edit").arg(id);
        EventLog events(m_server->server().events());
        m_server->server().clock().advance(1000);
        const Response edited
            = call(m_carol, "PATCH", path, QJsonObject{{"text", "Встречаемся в 7 "}});
        QCOMPARE(edited.status, 200);
        QCOMPARE(edited.object()["text"].toString(), QStringLiteral("Встречаемся в 7"));
        QCOMPARE(edited.object()["id"].toInteger(), id);
        QVERIFY(!edited.object()["editedAt"].isNull());
        QVERIFY(edited.object()["version"].toInteger() > original["version"].toInteger());
        QCOMPARE(events.names(), QStringList({"message:edit"}));
        QCOMPARE(sorted(events.all().first().userIds), sorted({m_alice.id, m_bob.id, m_carol.id}));
        QCOMPARE(events.all().first().payload, edited.object());
        events.clear();

        // Only the sender: an admin may not put words in someone's mouth.
        QCOMPARE(call(m_bob, "PATCH", path, QJsonObject{{"text", "x"}}).status, 403);
        QCOMPARE(call(m_eve, "PATCH", path, QJsonObject{{"text", "x"}}).status, 404);
        QCOMPARE(call(m_carol, "PATCH", QStringLiteral("/api/messages/999999999/edit"),
                     QJsonObject{{"text", "x"}})
                     .status,
            404);
        QCOMPARE(call(m_carol, "PATCH", QStringLiteral("/api/messages/abc/edit"),
                     QJsonObject{{"text", "x"}})
                     .status,
            404);
        QCOMPARE(call(m_carol, "PATCH", path, QJsonObject{{"text", "   "}}).errorField(),
            QStringLiteral("text"));
        QCOMPARE(
            call(m_carol, "PATCH", path,
                QJsonObject{{"text", QString(limits::messageTextMaxChars + 1, QLatin1Char('y'))}})
                .errorCode(),
            QStringLiteral("text_too_long"));
        QCOMPARE(call(m_carol, "PATCH", path, QJsonObject{}).errorCode(),
            QStringLiteral("missing_field"));
        QVERIFY(events.all().isEmpty());
        // A deleted message stays deleted.
        QCOMPARE(
            call(m_carol, "DELETE", QStringLiteral("/api/messages/%1/delete").arg(id)).status, 200);
        const Response late = call(m_carol, "PATCH", path, QJsonObject{{"text", "воскрес"}});
        QCOMPARE(late.status, 409);
        QCOMPARE(late.errorCode(), QStringLiteral("message_deleted"));
    }

    void deletingIsSoftAndForEveryone()
    {
        const QJsonObject mine = send(m_carol, m_group, QStringLiteral("секрет"));
        const qint64 id = mine["id"].toInteger();
        call(m_alice, "PUT",
            QStringLiteral("/api/messages/%1/reactions/%2").arg(id).arg(percentEncoded("👍")));
        const QJsonObject byBob = send(m_bob, m_group, QStringLiteral("от админа"));
        EventLog events(m_server->server().events());
        // Outsiders and plain members may not delete it.
        QCOMPARE(
            call(m_eve, "DELETE", QStringLiteral("/api/messages/%1/delete").arg(id)).status, 404);
        QCOMPARE(call(m_carol, "DELETE",
                     QStringLiteral("/api/messages/%1/delete").arg(byBob["id"].toInteger()))
                     .status,
            403);
        QVERIFY(events.all().isEmpty());

        const Response deleted
            = call(m_carol, "DELETE", QStringLiteral("/api/messages/%1/delete").arg(id));
        QCOMPARE(deleted.status, 200);
        QCOMPARE(deleted.object()["id"].toInteger(), id);
        QCOMPARE(deleted.object()["chatId"].toString(), m_group);
        const qint64 version = deleted.object()["version"].toInteger();
        QVERIFY(version > mine["version"].toInteger());
        QCOMPARE(events.names(), QStringList({"message:delete"}));
        QCOMPARE(sorted(events.all().first().userIds), sorted({m_alice.id, m_bob.id, m_carol.id}));
        QCOMPARE(events.all().first().payload,
            (QJsonObject{{"id", id}, {"chatId", m_group}, {"version", version}}));
        events.clear();
        for (const Person &who : {m_alice, m_bob, m_carol}) {
            const QJsonObject seen = messageIn(who, m_group, id);
            QCOMPARE(seen["deleted"].toBool(), true);
            QCOMPARE(seen["text"].toString(), QString());
            QCOMPARE(seen["reactions"].toArray().size(), 0);
        }
        // Deleting again changes nothing and tells nobody.
        const Response again
            = call(m_carol, "DELETE", QStringLiteral("/api/messages/%1/delete").arg(id));
        QCOMPARE(again.status, 200);
        QCOMPARE(again.object()["version"].toInteger(), version);
        QVERIFY(!events.names().contains(QStringLiteral("message:delete")));
        // Admins and owners may delete anyone's message.
        const qint64 carols = send(m_carol, m_group, QStringLiteral("флуд"))["id"].toInteger();
        QCOMPARE(
            call(m_bob, "DELETE", QStringLiteral("/api/messages/%1/delete").arg(carols)).status,
            200);
        const qint64 more = send(m_carol, m_group, QStringLiteral("ещё флуд"))["id"].toInteger();
        QCOMPARE(
            call(m_alice, "DELETE", QStringLiteral("/api/messages/%1/delete").arg(more)).status,
            200);
        // The chat's last message is the newest one still there.
        const QJsonObject chat
            = call(m_alice, "GET", QStringLiteral("/api/chats/") + m_group).object();
        QCOMPARE(chat["lastMessage"]["text"].toString(), QStringLiteral("от админа"));
        // In a direct chat only the sender deletes.
        const qint64 direct = send(m_alice, m_direct, QStringLiteral("моё"))["id"].toInteger();
        QCOMPARE(
            call(m_bob, "DELETE", QStringLiteral("/api/messages/%1/delete").arg(direct)).status,
            403);
    }

    void forwardingKeepsTheAuthor()
    {
        const QString notes = newChat(m_alice, {});
        const QJsonObject original = send(m_carol, m_group, QStringLiteral("Полезная ссылка"));
        const qint64 id = original["id"].toInteger();
        EventLog events(m_server->server().events());
        const Response forwarded
            = call(m_alice, "POST", QStringLiteral("/api/messages/%1/forward").arg(id),
                QJsonObject{{"chatIds", QJsonArray{m_direct, notes, m_direct}}});
        QCOMPARE(forwarded.status, 201);
        const QJsonArray copies = forwarded.array();
        QCOMPARE(copies.size(), 2);
        QCOMPARE(copies[0]["chatId"].toString(), m_direct);
        QCOMPARE(copies[1]["chatId"].toString(), notes);
        for (const QJsonValue copy : copies) {
            QCOMPARE(copy["senderId"].toString(), m_alice.id);
            QCOMPARE(copy["text"].toString(), QStringLiteral("Полезная ссылка"));
            QCOMPARE(copy["forwardedFrom"]["messageId"].toInteger(), id);
            QCOMPARE(copy["forwardedFrom"]["chatId"].toString(), m_group);
            QCOMPARE(copy["forwardedFrom"]["senderId"].toString(), m_carol.id);
            QCOMPARE(copy["forwardedFrom"]["senderName"].toString(), QStringLiteral("Carol"));
            QVERIFY(copy["id"].toInteger() > id);
        }
        // message:forward to the members of each target chat, nobody else.
        const auto events_ = events.named(QStringLiteral("message:forward"));
        QCOMPARE(events_.size(), 2);
        QCOMPARE(sorted(events_[0].userIds), sorted({m_alice.id, m_bob.id}));
        QCOMPARE(events_[1].userIds, QStringList({m_alice.id}));
        QCOMPARE(events.all().size(), 2);
        events.clear();

        // A forward of a forward still names the first author.
        const Response again = call(m_bob, "POST",
            QStringLiteral("/api/messages/%1/forward").arg(copies[0]["id"].toInteger()),
            QJsonObject{{"chatIds", QJsonArray{m_group}}});
        QCOMPARE(again.status, 201);
        const QJsonArray secondCopies = again.array();
        QCOMPARE(secondCopies[0]["forwardedFrom"]["senderId"].toString(), m_carol.id);
        QCOMPARE(secondCopies[0]["forwardedFrom"]["messageId"].toInteger(), id);
        // Forwarded words stay the author's: no editing them.
        QCOMPARE(call(m_bob, "PATCH",
                     QStringLiteral("/api/messages/%1/edit").arg(secondCopies[0]["id"].toInteger()),
                     QJsonObject{{"text", "исправил"}})
                     .status,
            403);
        events.clear();

        // The caller must be in the source and in every target.
        const QString path = QStringLiteral("/api/messages/%1/forward").arg(id);
        const Response toForeign
            = call(m_carol, "POST", path, QJsonObject{{"chatIds", QJsonArray{m_group, notes}}});
        QCOMPARE(toForeign.status, 404);
        QCOMPARE(toForeign.errorField(), QStringLiteral("chatIds"));
        QCOMPARE(
            call(m_eve, "POST", path, QJsonObject{{"chatIds", QJsonArray{m_direct}}}).status, 404);
        QCOMPARE(call(m_alice, "POST", path, QJsonObject{{"chatIds", QJsonArray{}}}).errorField(),
            QStringLiteral("chatIds"));
        QCOMPARE(call(m_alice, "POST", path, QJsonObject{}).errorCode(),
            QStringLiteral("missing_field"));
        QVERIFY(events.all().isEmpty());
        QCOMPARE(
            call(m_carol, "DELETE", QStringLiteral("/api/messages/%1/delete").arg(id)).status, 200);
        QCOMPARE(
            call(m_alice, "POST", path, QJsonObject{{"chatIds", QJsonArray{notes}}}).errorCode(),
            QStringLiteral("message_deleted"));
    }

    void reactionsCountPerEmoji()
    {
        const qint64 id = send(m_bob, m_group, QStringLiteral("Ура, релиз!"))["id"].toInteger();
        const auto path = [id](const QString &emoji) {
            return QStringLiteral("/api/messages/%1/reactions/%2")
                .arg(id)
                .arg(percentEncoded(emoji));
        };
        EventLog events(m_server->server().events());
        Response update = call(m_alice, "PUT", path(QStringLiteral("👍")));
        QCOMPARE(update.status, 200);
        QCOMPARE(update.object()["messageId"].toInteger(), id);
        QCOMPARE(update.object()["chatId"].toString(), m_group);
        QCOMPARE(update.object()["reactions"].toArray(),
            (QJsonArray{QJsonObject{{"emoji", "👍"}, {"count", 1}, {"mine", true}}}));
        QCOMPARE(events.names(), QStringList({"reaction:update"}));
        QCOMPARE(sorted(events.all().first().userIds), sorted({m_alice.id, m_bob.id, m_carol.id}));
        QCOMPARE(events.all().first().payload["userId"].toString(), m_alice.id);
        QCOMPARE(events.all().first().payload["emoji"].toString(), QStringLiteral("👍"));
        QCOMPARE(events.all().first().payload["added"].toBool(), true);
        events.clear();

        // The same again changes nothing.
        QCOMPARE(
            call(m_alice, "PUT", path(QStringLiteral("👍"))).object()["reactions"].toArray().size(),
            1);
        QVERIFY(events.all().isEmpty());
        // One person may add several different ones; counts are per emoji.
        call(m_alice, "PUT", path(QStringLiteral("🎉")));
        call(m_carol, "PUT", path(QStringLiteral("👍")));
        update = call(m_bob, "PUT", path(QStringLiteral("👨‍👩‍👧")));
        QCOMPARE(update.object()["reactions"].toArray(),
            (QJsonArray{QJsonObject{{"emoji", "👍"}, {"count", 2}, {"mine", false}},
                QJsonObject{{"emoji", "🎉"}, {"count", 1}, {"mine", false}},
                QJsonObject{{"emoji", "👨‍👩‍👧"}, {"count", 1}, {"mine", true}}}));
        QCOMPARE(messageIn(m_alice, m_group, id)["reactions"].toArray(),
            (QJsonArray{QJsonObject{{"emoji", "👍"}, {"count", 2}, {"mine", true}},
                QJsonObject{{"emoji", "🎉"}, {"count", 1}, {"mine", true}},
                QJsonObject{{"emoji", "👨‍👩‍👧"}, {"count", 1}, {"mine", false}}}));
        events.clear();
        update = call(m_alice, "DELETE", path(QStringLiteral("👍")));
        QCOMPARE(update.status, 200);
        QVERIFY(update.object()["reactions"].toArray().contains(
            QJsonObject{{"emoji", "👍"}, {"count", 1}, {"mine", false}}));
        QCOMPARE(update.object()["added"].toBool(), false);
        QCOMPARE(events.names(), QStringList({"reaction:update"}));
        events.clear();
        QCOMPARE(call(m_alice, "DELETE", path(QStringLiteral("👍"))).status, 200);
        QVERIFY(events.all().isEmpty());

        // Emoji only, and not too many of them per person.
        for (const QString &bad :
            {QStringLiteral("ok"), QStringLiteral("123"), QStringLiteral("👍 👍"),
                QString(QStringLiteral("👍")).repeated(17), QStringLiteral("я")}) {
            const Response refused = call(m_alice, "PUT", path(bad));
            QVERIFY2(refused.status == 400, qPrintable(bad));
            QCOMPARE(refused.errorField(), QStringLiteral("emoji"));
        }
        const QStringList many{"😀", "😃", "😄", "😁", "😆", "😅", "🤣", "😂", "🙂", "🙃", "😉"};
        for (int i = 0; i < many.size(); ++i) {
            const Response response = call(m_carol, "PUT", path(many[i]));
            // Carol has 👍 already, so her tenth different one is the last allowed.
            QCOMPARE(response.status, i < limits::reactionsPerUserMax - 1 ? 200 : 400);
        }
        QCOMPARE(call(m_carol, "PUT", path(many.last())).errorCode(),
            QStringLiteral("too_many_reactions"));
        QCOMPARE(call(m_eve, "PUT", path(QStringLiteral("👍"))).status, 404);
        QCOMPARE(
            call(m_bob, "DELETE", QStringLiteral("/api/messages/%1/delete").arg(id)).status, 200);
        QCOMPARE(call(m_alice, "PUT", path(QStringLiteral("👍"))).errorCode(),
            QStringLiteral("message_deleted"));
    }

    void searchFindsWordsInAnyCase_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("cyrillic lower")
            << "москв" << QStringList{"Еду в МОСКВУ", "Москва — столица"};
        QTest::newRow("cyrillic upper") << "МОСКВА" << QStringList{"Москва — столица"};
        QTest::newRow("ё") << "ЁЛКА" << QStringList{"Ёлка в парке"};
        QTest::newRow("latin") << "hello" << QStringList{"HeLLo world"};
        QTest::newRow("percent is literal") << "50%" << QStringList{"скидка 50%"};
        QTest::newRow("underscore is literal") << "a_b" << QStringList{"a_b"};
        QTest::newRow("deleted are gone") << "удалённое" << QStringList{};
        QTest::newRow("not in chats I am not in") << "чужое" << QStringList{};
    }

    void searchFindsWordsInAnyCase()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, expected);
        if (m_searchChat.isEmpty()) {
            m_searchChat = newChat(m_alice, {m_bob});
            for (const char *text : {"Москва — столица", "Еду в МОСКВУ", "Ёлка в парке",
                     "HeLLo world", "скидка 50%", "a_b", "axb", "скидка 50 процентов"})
                send(m_bob, m_searchChat, QString::fromUtf8(text));
            const qint64 gone
                = send(m_bob, m_searchChat, QStringLiteral("удалённое"))["id"].toInteger();
            call(m_bob, "DELETE", QStringLiteral("/api/messages/%1/delete").arg(gone));
            send(m_carol, newChat(m_carol, {m_eve}), QStringLiteral("чужое"));
        }
        // Newest first, in one chat and across all.
        const Response inChat = call(m_alice, "GET",
            QStringLiteral("/api/chats/%1/messages/search?q=%2")
                .arg(m_searchChat, percentEncoded(query)));
        QCOMPARE(inChat.status, 200);
        QCOMPARE(texts(inChat.array()), expected);
        const Response everywhere = call(
            m_alice, "GET", QStringLiteral("/api/messages/search?q=%1").arg(percentEncoded(query)));
        QCOMPARE(texts(everywhere.array()), expected);
    }

    void searchChecksItsQuery()
    {
        QCOMPARE(call(m_alice, "GET", QStringLiteral("/api/messages/search?q=")).errorField(),
            QStringLiteral("q"));
        QCOMPARE(call(m_alice, "GET", QStringLiteral("/api/messages/search")).errorCode(),
            QStringLiteral("missing_field"));
        QCOMPARE(call(m_alice, "GET",
                     QStringLiteral("/api/messages/search?q=") + QString(65, QLatin1Char('q')))
                     .errorField(),
            QStringLiteral("q"));
        QCOMPARE(
            call(m_eve, "GET", QStringLiteral("/api/chats/%1/messages/search?q=a").arg(m_group))
                .status,
            404);
    }

    void unreadCountsAndDeliveryStatus()
    {
        const QString chat = newChat(m_alice, {m_bob, m_carol});
        const qint64 a1 = send(m_alice, chat, QStringLiteral("раз"))["id"].toInteger();
        const qint64 a2 = send(m_alice, chat, QStringLiteral("два"))["id"].toInteger();
        const qint64 a3 = send(m_alice, chat, QStringLiteral("три"))["id"].toInteger();
        const qint64 b1 = send(m_bob, chat, QStringLiteral("четыре"))["id"].toInteger();
        QCOMPARE(unreadCount(m_bob, chat), 3);
        QCOMPARE(unreadCount(m_carol, chat), 4);
        QCOMPARE(unreadCount(m_alice, chat), 1); // her own are never unread
        const auto status
            = [&](qint64 id) { return messageIn(m_alice, chat, id)["status"].toString(); };
        QCOMPARE(status(a1), QStringLiteral("sent"));

        // A device of Carol received up to a2 (the realtime hub reports it).
        EventLog events(m_server->server().events());
        QVERIFY(m_server->server().messages().markDelivered(m_carol.id, chat, a2).ok());
        QCOMPARE(status(a1), QStringLiteral("delivered"));
        QCOMPARE(status(a2), QStringLiteral("delivered"));
        QCOMPARE(status(a3), QStringLiteral("sent"));
        QTRY_COMPARE(events.names(), QStringList({"message:delivered"}));
        QCOMPARE(sorted(events.all().first().userIds), sorted({m_alice.id, m_bob.id, m_carol.id}));
        QCOMPARE(events.all().first().payload["messageId"].toInteger(), a2);
        events.clear();
        // Reporting the same again changes nothing.
        QVERIFY(m_server->server().messages().markDelivered(m_carol.id, chat, a1).ok());
        QVERIFY(m_server->server().messages().markDelivered(m_carol.id, chat, a2).ok());
        QCOMPARE(
            m_server->server().messages().markDelivered(m_eve.id, chat, a2).error().status, 404);
        QTest::qWait(50);
        QVERIFY(events.all().isEmpty());

        // Bob reads up to a2: read for Alice's a1 and a2; his unread count drops.
        const Response readResponse = read(m_bob, chat, a2);
        QCOMPARE(readResponse.status, 204);
        QCOMPARE(events.names(), QStringList({"message:read"}));
        QCOMPARE(sorted(events.all().first().userIds), sorted({m_alice.id, m_bob.id, m_carol.id}));
        QCOMPARE(events.all().first().payload["userId"].toString(), m_bob.id);
        QCOMPARE(events.all().first().payload["messageId"].toInteger(), a2);
        QCOMPARE(events.all().first().payload["chatId"].toString(), chat);
        events.clear();
        QCOMPARE(status(a1), QStringLiteral("read"));
        QCOMPARE(status(a2), QStringLiteral("read"));
        QCOMPARE(status(a3), QStringLiteral("sent"));
        QCOMPARE(unreadCount(m_bob, chat), 1);
        QCOMPARE(call(m_bob, "GET", QStringLiteral("/api/chats/") + chat)
                     .object()["readMessageId"]
                     .toInteger(),
            a2);
        // Reading backwards moves nothing.
        QCOMPARE(read(m_bob, chat, a1).status, 204);
        QVERIFY(events.all().isEmpty());
        QCOMPARE(unreadCount(m_bob, chat), 1);
        // Bob's own message: delivered, since the others' devices fetched the chat; read
        // once someone else reads it.
        QCOMPARE(messageIn(m_bob, chat, b1)["status"].toString(), QStringLiteral("delivered"));
        QCOMPARE(read(m_carol, chat, b1).status, 204);
        QCOMPARE(messageIn(m_bob, chat, b1)["status"].toString(), QStringLiteral("read"));
        QCOMPARE(status(a3), QStringLiteral("read"));
        QCOMPARE(unreadCount(m_carol, chat), 0);
        // Deleted messages are not unread.
        const qint64 gone = send(m_alice, chat, QStringLiteral("ой"))["id"].toInteger();
        QCOMPARE(unreadCount(m_carol, chat), 1);
        call(m_alice, "DELETE", QStringLiteral("/api/messages/%1/delete").arg(gone));
        QCOMPARE(unreadCount(m_carol, chat), 0);

        // The read position names a message of this chat.
        const qint64 other = send(m_alice, m_direct, QStringLiteral("не отсюда"))["id"].toInteger();
        events.clear();
        QCOMPARE(read(m_bob, chat, 999999999).errorField(), QStringLiteral("messageId"));
        QCOMPARE(read(m_bob, chat, other).errorField(), QStringLiteral("messageId"));
        QCOMPARE(call(m_bob, "POST", QStringLiteral("/api/chats/%1/read").arg(chat), QJsonObject{})
                     .errorCode(),
            QStringLiteral("missing_field"));
        QCOMPARE(read(m_eve, chat, a1).status, 404);
        QVERIFY(events.all().isEmpty());
    }

    void sendIntervalPerPerson()
    {
        TestServer server; // the default interval, 200 ms
        KOCMOC_START(server);
        QCOMPARE(server.config().sendIntervalMs, limits::defaultSendIntervalMs);
        const Person quick = signUp(server, QStringLiteral("quick"));
        const Person other = signUp(server, QStringLiteral("other"));
        const QString chat = server
                                 .call("POST", QStringLiteral("/api/chats"),
                                     QJsonObject{{"userId", other.id}}, quick.token)
                                 .object()["id"]
                                 .toString();
        const QString path = QStringLiteral("/api/chats/%1/messages").arg(chat);
        QCOMPARE(server.call("POST", path, textMessage("1", "q-1"), quick.token).status, 201);
        const Response tooFast = server.call("POST", path, textMessage("2", "q-2"), quick.token);
        QCOMPARE(tooFast.status, 429);
        QCOMPARE(tooFast.errorCode(), QStringLiteral("rate_limited"));
        QCOMPARE(tooFast.header("Retry-After"), QByteArray("1"));
        // A retry of the last send is no new send: it gets its answer.
        QCOMPARE(server.call("POST", path, textMessage("1", "q-1"), quick.token).status, 200);
        // Someone else is not slowed down.
        QCOMPARE(server.call("POST", path, textMessage("3", "o-1"), other.token).status, 201);
        server.server().clock().advance(limits::defaultSendIntervalMs);
        QCOMPARE(server.call("POST", path, textMessage("2", "q-2"), quick.token).status, 201);
        // Forwards count as sends.
        const qint64 id = server.call("GET", path, QJsonValue::Undefined, quick.token)
                              .object()["messages"][0]["id"]
                              .toInteger();
        QCOMPARE(server
                     .call("POST", QStringLiteral("/api/messages/%1/forward").arg(id),
                         QJsonObject{{"chatIds", QJsonArray{chat}}}, quick.token)
                     .status,
            429);

        const auto config
            = ServerConfig::load({QStringLiteral("kocmoc-server"),
                                     QStringLiteral("--send-interval-ms"), QStringLiteral("0")},
                {});
        QVERIFY(config.ok());
        QCOMPARE(config->sendIntervalMs, 0);
        QVERIFY(!ServerConfig::load({QStringLiteral("kocmoc-server"),
                                        QStringLiteral("--send-interval-ms"), QStringLiteral("-5")},
            {})
                     .ok());
    }
};

QTEST_GUILESS_MAIN(MessagesTest)
#include "tst_messages.moc"
