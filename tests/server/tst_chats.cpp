#include "MessagingTestSupport.h"

#include "db/Sql.h"

#include <kocmoc/Chat.h>

using namespace kocmoc;
using namespace kocmoc::test;

namespace {

// Says that the listed people are online, as the realtime hub will.
class FixedPresence final : public PresenceSource
{
public:
    QStringList online;
    bool isOnline(const QString &userId) const override { return online.contains(userId); }
};

} // namespace

class ChatsTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    Person m_alice, m_bob, m_carol, m_dave, m_eve, m_banned;
    Person m_finder; // the chat search's own person, with their chats
    QString m_finderWithBob;

    Response call(const Person &who, const QByteArray &method, const QString &path,
        const QJsonValue &body = QJsonValue::Undefined)
    {
        return m_server->call(method, path, body, who.token);
    }

    QJsonObject createGroup(const Person &owner, const QString &title, const QList<Person> &others)
    {
        QJsonArray ids;
        for (const Person &person : others)
            ids.append(person.id);
        const Response created = call(owner, "POST", QStringLiteral("/api/chats/group"),
            QJsonObject{{"title", title}, {"memberIds", ids}});
        if (created.status != 201)
            qWarning() << "group not created:" << created.status << created.body;
        return created.object();
    }

    static QHash<QString, QString> roles(const QJsonObject &chat)
    {
        QHash<QString, QString> roles;
        for (const QJsonValue member : chat.value("members").toArray())
            roles.insert(member["user"]["id"].toString(), member["role"].toString());
        return roles;
    }

    QStringList chatTitles(const Person &who, const QString &query = {})
    {
        const Response list = call(who, "GET",
            QStringLiteral("/api/chats")
                + (query.isEmpty() ? QString() : QStringLiteral("?q=") + percentEncoded(query)));
        QStringList titles;
        for (const QJsonValue chat : list.array())
            titles.append(chat["type"].toString() == chat::typeGroup
                    ? chat["title"].toString()
                    : QStringLiteral("direct:") + chat["id"].toString());
        return titles;
    }

    void send(const Person &who, const QString &chatId, const QString &text)
    {
        const Response sent = call(
            who, "POST", QStringLiteral("/api/chats/%1/messages").arg(chatId), textMessage(text));
        QCOMPARE(sent.status, 201);
    }

private slots:
    void initTestCase()
    {
        KOCMOC_REQUIRE_DATABASE();
        m_server
            = std::make_unique<TestServer>([](ServerConfig &config) { config.sendIntervalMs = 0; });
        KOCMOC_START(*m_server);
        m_alice = signUp(*m_server, QStringLiteral("alice"), QStringLiteral("Алиса Смирнова"));
        m_bob = signUp(*m_server, QStringLiteral("bob"), QStringLiteral("Борис Петров"));
        m_carol = signUp(*m_server, QStringLiteral("carol"), QStringLiteral("Carol King"));
        m_dave = signUp(*m_server, QStringLiteral("dave"), QStringLiteral("Dave Grohl"));
        m_eve = signUp(*m_server, QStringLiteral("eve"), QStringLiteral("Eve Outsider"));
        m_banned = signUp(*m_server, QStringLiteral("mallory"), QStringLiteral("Mallory"));
        m_server->server().database().transaction([&](QSqlDatabase &db) {
            db::Sql(db, QStringLiteral("UPDATE users SET banned = 1 WHERE id = ?"))
                .bind(m_banned.id)
                .exec();
        });
        m_server->server().database().closeThreadConnection();
    }

    void everyChatRouteNeedsAToken()
    {
        for (const auto &[method, path] :
            QList<QPair<QByteArray, QString>>{{"GET", "/api/chats"}, {"POST", "/api/chats"},
                {"POST", "/api/chats/group"}, {"GET", "/api/chats/x"}, {"PATCH", "/api/chats/x"},
                {"DELETE", "/api/chats/x"}, {"POST", "/api/chats/x/members"},
                {"DELETE", "/api/chats/x/members/y"}, {"PATCH", "/api/chats/x/members/y"}}) {
            const Response response = m_server->call(method, path, QJsonObject{});
            QVERIFY2(response.status == 401, qPrintable(path));
        }
    }

    void directChatIsCreatedOnceAndFoundAfter()
    {
        EventLog events(m_server->server().events());
        const Response created = call(
            m_alice, "POST", QStringLiteral("/api/chats"), QJsonObject{{"userId", m_bob.id}});
        QCOMPARE(created.status, 201);
        const QJsonObject chat = created.object();
        QCOMPARE(chat["type"].toString(), QStringLiteral("direct"));
        QCOMPARE(chat["title"].toString(), QString());
        QCOMPARE(chat["myRole"].toString(), QStringLiteral("member"));
        QCOMPARE(chat["members"].toArray().size(), 2);
        QCOMPARE(roles(chat).keys().size(), 2);
        QVERIFY(roles(chat).contains(m_bob.id));
        QCOMPARE(chat["lastMessage"], QJsonValue(QJsonValue::Null));
        QCOMPARE(chat["unreadCount"].toInt(), 0);
        for (const char *key : {"id", "type", "title", "avatarUrl", "members", "myRole",
                 "lastMessage", "unreadCount", "createdAt", "updatedAt", "version"})
            QVERIFY2(chat.contains(QLatin1String(key)), key);
        QVERIFY(chat["version"].toInteger() > 0);
        // Each of the two hears of it once, with the chat as they see it.
        QCOMPARE(events.names(), QStringList({"chat:new", "chat:new"}));
        QCOMPARE(events.recipients("chat:new"), sorted({m_alice.id, m_bob.id}));
        events.clear();

        const Response again = call(
            m_alice, "POST", QStringLiteral("/api/chats"), QJsonObject{{"userId", m_bob.id}});
        QCOMPARE(again.status, 200);
        QCOMPARE(again.object()["id"], chat["id"]);
        const Response fromBob = call(
            m_bob, "POST", QStringLiteral("/api/chats"), QJsonObject{{"userId", m_alice.id}});
        QCOMPARE(fromBob.status, 200);
        QCOMPARE(fromBob.object()["id"], chat["id"]);
        QVERIFY(events.all().isEmpty());
    }

    void directChatRefusals_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("yourself") << QJsonObject{{"userId", "self"}} << 400 << "invalid_field";
        QTest::newRow("unknown user")
            << QJsonObject{{"userId", "00000000-0000-4000-8000-000000000000"}} << 404
            << "not_found";
        QTest::newRow("banned user") << QJsonObject{{"userId", "banned"}} << 404 << "not_found";
        QTest::newRow("missing") << QJsonObject{} << 400 << "missing_field";
        QTest::newRow("wrong type") << QJsonObject{{"userId", 7}} << 400 << "invalid_type";
    }

    void directChatRefusals()
    {
        QFETCH(QJsonObject, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        if (body["userId"] == QJsonValue("self"))
            body["userId"] = m_alice.id;
        if (body["userId"] == QJsonValue("banned"))
            body["userId"] = m_banned.id;
        const Response response = call(m_alice, "POST", QStringLiteral("/api/chats"), body);
        QCOMPARE(response.status, status);
        QCOMPARE(response.errorCode(), code);
        QCOMPARE(response.errorField(), QStringLiteral("userId"));
    }

    void concurrentFirstContactsMakeOneChat()
    {
        // Both sides open the chat at the same moment, each several times.
        QList<Response> answers = concurrently(*m_server, 4, "POST", QStringLiteral("/api/chats"),
            QJsonObject{{"userId", m_dave.id}}, m_carol.token);
        answers += concurrently(*m_server, 4, "POST", QStringLiteral("/api/chats"),
            QJsonObject{{"userId", m_carol.id}}, m_dave.token);
        QSet<QString> ids;
        int created = 0;
        for (const Response &answer : answers) {
            QVERIFY2(answer.status == 201 || answer.status == 200, answer.body);
            created += answer.status == 201;
            ids.insert(answer.object()["id"].toString());
        }
        QCOMPARE(created, 1);
        QCOMPARE(ids.size(), 1);

        // The same when the requests really overlap.
        const Person x = signUp(*m_server, QStringLiteral("race_x"));
        const Person y = signUp(*m_server, QStringLiteral("race_y"));
        answers = concurrently(*m_server, 8, "POST", QStringLiteral("/api/chats"),
            QJsonObject{{"userId", y.id}}, x.token);
        ids.clear();
        created = 0;
        for (const Response &answer : answers) {
            created += answer.status == 201;
            ids.insert(answer.object()["id"].toString());
        }
        QCOMPARE(created, 1);
        QCOMPARE(ids.size(), 1);
        QCOMPARE(call(x, "GET", QStringLiteral("/api/chats")).array().size(), 1);
    }

    void groupCreation()
    {
        EventLog events(m_server->server().events());
        const QJsonObject group = createGroup(
            m_alice, QStringLiteral("  Команда\u0415\u0308  "), {m_bob, m_carol, m_bob, m_alice});
        QCOMPARE(group["type"].toString(), QStringLiteral("group"));
        QCOMPARE(group["title"].toString(), QStringLiteral("Команда\u0401")); // NFC, trimmed
        QCOMPARE(group["myRole"].toString(), QStringLiteral("owner"));
        const auto memberRoles = roles(group);
        QCOMPARE(memberRoles.size(), 3);
        QCOMPARE(memberRoles.value(m_alice.id), QStringLiteral("owner"));
        QCOMPARE(memberRoles.value(m_bob.id), QStringLiteral("member"));
        QCOMPARE(memberRoles.value(m_carol.id), QStringLiteral("member"));
        // The owner is listed first.
        QCOMPARE(group["members"][0]["user"]["id"].toString(), m_alice.id);
        QCOMPARE(events.recipients("chat:new"), sorted({m_alice.id, m_bob.id, m_carol.id}));
        QCOMPARE(events.all().size(), 3);
        for (const auto &event : events.all()) {
            // Each one sees their own role.
            QCOMPARE(event.payload["myRole"].toString(),
                event.userIds.first() == m_alice.id ? QStringLiteral("owner")
                                                    : QStringLiteral("member"));
        }
        // A group of one is fine.
        QCOMPARE(call(m_alice, "POST", QStringLiteral("/api/chats/group"),
                     QJsonObject{{"title", "Заметки"}})
                     .status,
            201);
    }

    void groupCreationRefusals_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("no title") << QJsonObject{{"memberIds", QJsonArray()}} << "title";
        QTest::newRow("blank title") << QJsonObject{{"title", "   "}} << "title";
        QTest::newRow("long title")
            << QJsonObject{{"title", QString(129, QLatin1Char('t'))}} << "title";
        QTest::newRow("bidi title") << QJsonObject{{"title", "a\u202Eb"}} << "title";
        QTest::newRow("unknown member") << QJsonObject{{"title", "t"},
            {"memberIds", QJsonArray{"00000000-0000-4000-8000-000000000000"}}}
                                        << "memberIds";
        QTest::newRow("members not a list")
            << QJsonObject{{"title", "t"}, {"memberIds", "x"}} << "memberIds";
        QTest::newRow("banned member")
            << QJsonObject{{"title", "t"}, {"memberIds", QJsonArray{"banned"}}} << "memberIds";
    }

    void groupCreationRefusals()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, field);
        if (body["memberIds"].toArray() == QJsonArray{"banned"})
            body["memberIds"] = QJsonArray{m_banned.id};
        EventLog events(m_server->server().events());
        const Response response = call(m_alice, "POST", QStringLiteral("/api/chats/group"), body);
        QCOMPARE(response.status, 400);
        QCOMPARE(response.errorField(), field);
        QVERIFY(events.all().isEmpty());
    }

    void chatListComesNewestFirstWithUnreadAndPresence()
    {
        const Person u = signUp(*m_server, QStringLiteral("lister"), QStringLiteral("Лист"));
        Clock &clock = m_server->server().clock();
        const QJsonObject first = createGroup(u, QStringLiteral("Первая"), {m_bob});
        clock.advance(10);
        const QJsonObject second = createGroup(u, QStringLiteral("Вторая"), {m_bob});
        clock.advance(10);
        const QString direct
            = call(u, "POST", QStringLiteral("/api/chats"), QJsonObject{{"userId", m_carol.id}})
                  .object()["id"]
                  .toString();
        clock.advance(10);
        send(m_bob, first["id"].toString(), QStringLiteral("раз"));
        clock.advance(10);
        send(m_bob, first["id"].toString(), QStringLiteral("два"));
        send(u, first["id"].toString(), QStringLiteral("моё"));

        const Response list = call(u, "GET", QStringLiteral("/api/chats"));
        QCOMPARE(list.status, 200);
        const QJsonArray chats = list.array();
        QCOMPARE(chats.size(), 3);
        QCOMPARE(chats[0]["id"], first["id"]); // newest activity first
        QCOMPARE(chats[1]["id"].toString(), direct);
        QCOMPARE(chats[2]["id"], second["id"]);
        QCOMPARE(chats[0]["lastMessage"]["text"].toString(), QStringLiteral("моё"));
        QCOMPARE(chats[0]["unreadCount"].toInt(), 2); // my own message is never unread
        QCOMPARE(chats[1]["unreadCount"].toInt(), 0);
        QCOMPARE(chats[2]["lastMessage"], QJsonValue(QJsonValue::Null));
        for (const QJsonValue member : chats[0]["members"].toArray())
            QCOMPARE(member["user"]["online"].toBool(), false);

        // The realtime hub tells who is online.
        FixedPresence presence;
        presence.online = {m_bob.id};
        m_server->server().presence().setSource(&presence);
        const QJsonArray withPresence = call(u, "GET", QStringLiteral("/api/chats")).array();
        m_server->server().presence().setSource(nullptr);
        for (const QJsonValue member : withPresence[0]["members"].toArray())
            QCOMPARE(
                member["user"]["online"].toBool(), member["user"]["id"].toString() == m_bob.id);
        const QJsonObject one
            = call(u, "GET", QStringLiteral("/api/chats/") + first["id"].toString()).object();
        QCOMPARE(one["unreadCount"].toInt(), 2);
        QCOMPARE(one["lastMessage"]["text"].toString(), QStringLiteral("моё"));
    }

    void chatSearchByTitleAndByTheOtherPerson_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("cyrillic, any case") << "ПЛАН" << QStringList{"Планы на лето"};
        QTest::newRow("inside a word") << "лет" << QStringList{"Планы на лето"};
        QTest::newRow("latin") << "trip" << QStringList{"Road Trip"};
        QTest::newRow("other person's name") << "борис" << QStringList{"direct:bob"};
        QTest::newRow("other person's username") << "BOB" << QStringList{"direct:bob"};
        QTest::newRow("not my own name") << "finder" << QStringList{};
        QTest::newRow("wildcards are literal") << "%" << QStringList{};
    }

    void chatSearchByTitleAndByTheOtherPerson()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, expected);
        if (m_finder.id.isEmpty()) {
            m_finder = signUp(*m_server, QStringLiteral("finder"), QStringLiteral("Finder"));
            createGroup(m_finder, QStringLiteral("Планы на лето"), {});
            createGroup(m_finder, QStringLiteral("Road Trip"), {m_carol});
            m_finderWithBob = call(
                m_finder, "POST", QStringLiteral("/api/chats"), QJsonObject{{"userId", m_bob.id}})
                                  .object()["id"]
                                  .toString();
        }
        expected.replaceInStrings(
            QStringLiteral("direct:bob"), QStringLiteral("direct:") + m_finderWithBob);
        QCOMPARE(chatTitles(m_finder, query), expected);
        QCOMPARE(
            call(m_finder, "GET", QStringLiteral("/api/chats?q=") + QString(65, QLatin1Char('x')))
                .errorField(),
            QStringLiteral("q"));
    }

    void outsidersGetNotFoundFromEveryRoute()
    {
        const QJsonObject group = createGroup(m_alice, QStringLiteral("Секрет"), {m_bob});
        const QString id = group["id"].toString();
        const QString missing = QStringLiteral("00000000-0000-4000-8000-0000000000ff");
        EventLog events(m_server->server().events());
        for (const QString &chatId : {id, missing}) {
            const QList<std::tuple<QByteArray, QString, QJsonValue>> routes{
                {"GET", QStringLiteral("/api/chats/%1"), QJsonValue::Undefined},
                {"PATCH", QStringLiteral("/api/chats/%1"), QJsonObject{{"title", "Взлом"}}},
                {"DELETE", QStringLiteral("/api/chats/%1"), QJsonValue::Undefined},
                {"POST", QStringLiteral("/api/chats/%1/members"),
                    QJsonObject{{"userIds", QJsonArray{m_eve.id}}}},
                {"DELETE", QStringLiteral("/api/chats/%1/members/") + m_bob.id,
                    QJsonValue::Undefined},
                {"DELETE", QStringLiteral("/api/chats/%1/members/") + m_eve.id,
                    QJsonValue::Undefined},
                {"PATCH", QStringLiteral("/api/chats/%1/members/") + m_bob.id,
                    QJsonObject{{"role", "admin"}}},
                {"GET", QStringLiteral("/api/chats/%1/messages"), QJsonValue::Undefined},
                {"POST", QStringLiteral("/api/chats/%1/messages"), textMessage("hi")},
                {"GET", QStringLiteral("/api/chats/%1/messages/search?q=a"), QJsonValue::Undefined},
                {"POST", QStringLiteral("/api/chats/%1/read"), QJsonObject{{"messageId", 1}}},
            };
            for (const auto &[method, pattern, body] : routes) {
                const Response response = call(m_eve, method, pattern.arg(chatId), body);
                const QString where = QString::fromLatin1(method) + QLatin1Char(' ') + pattern;
                QVERIFY2(
                    response.status == 404, qPrintable(where + QString::fromUtf8(response.body)));
                QCOMPARE(response.errorCode(), QStringLiteral("not_found"));
                QVERIFY2(!response.body.contains("Секрет"), qPrintable(where));
            }
        }
        QVERIFY(!chatTitles(m_eve).contains(QStringLiteral("Секрет")));
        QVERIFY(events.all().isEmpty());
        QCOMPARE(call(m_bob, "GET", QStringLiteral("/api/chats/") + id).status, 200);
    }

    void rolesDecideWhoMayDoWhat()
    {
        const QJsonObject group = createGroup(m_alice, QStringLiteral("Роли"), {m_bob, m_carol});
        const QString base = QStringLiteral("/api/chats/") + group["id"].toString();
        const auto expectForbidden = [](const Response &response) {
            QCOMPARE(response.status, 403);
            QCOMPARE(response.errorCode(), QStringLiteral("forbidden"));
            QVERIFY(!response.object().value("error")["message"].toString().isEmpty());
        };
        // A member: no title, no adding, no removing others, no roles, no deleting.
        expectForbidden(call(m_bob, "PATCH", base, QJsonObject{{"title", "Моё"}}));
        expectForbidden(call(
            m_bob, "POST", base + "/members", QJsonObject{{"userIds", QJsonArray{m_dave.id}}}));
        expectForbidden(call(m_bob, "DELETE", base + "/members/" + m_carol.id));
        expectForbidden(
            call(m_bob, "PATCH", base + "/members/" + m_bob.id, QJsonObject{{"role", "admin"}}));
        expectForbidden(call(m_bob, "DELETE", base));

        // The owner makes Bob an admin: he may rename, add and remove, but not touch the owner.
        const Response promoted
            = call(m_alice, "PATCH", base + "/members/" + m_bob.id, QJsonObject{{"role", "admin"}});
        QCOMPARE(promoted.status, 200);
        QCOMPARE(roles(promoted.object()).value(m_bob.id), QStringLiteral("admin"));
        const Response renamed = call(m_bob, "PATCH", base, QJsonObject{{"title", "Роли 2"}});
        QCOMPARE(renamed.status, 200);
        QCOMPARE(renamed.object()["title"].toString(), QStringLiteral("Роли 2"));
        QCOMPARE(renamed.object()["myRole"].toString(), QStringLiteral("admin"));
        const Response added = call(
            m_bob, "POST", base + "/members", QJsonObject{{"userIds", QJsonArray{m_dave.id}}});
        QCOMPARE(added.status, 200);
        QCOMPARE(roles(added.object()).value(m_dave.id), QStringLiteral("member"));
        QCOMPARE(call(m_bob, "DELETE", base + "/members/" + m_dave.id).status, 204);
        expectForbidden(call(m_bob, "DELETE", base + "/members/" + m_alice.id));
        expectForbidden(
            call(m_bob, "PATCH", base + "/members/" + m_alice.id, QJsonObject{{"role", "member"}}));
        expectForbidden(
            call(m_bob, "PATCH", base + "/members/" + m_carol.id, QJsonObject{{"role", "admin"}}));
        expectForbidden(call(m_bob, "DELETE", base));

        // The last owner cannot leave or step down.
        const Response leave = call(m_alice, "DELETE", base + "/members/" + m_alice.id);
        QCOMPARE(leave.status, 409);
        QCOMPARE(leave.errorCode(), QStringLiteral("last_owner"));
        QVERIFY(
            leave.object().value("error")["message"].toString().contains(QLatin1String("owner")));
        QCOMPARE(
            call(m_alice, "PATCH", base + "/members/" + m_alice.id, QJsonObject{{"role", "admin"}})
                .errorCode(),
            QStringLiteral("last_owner"));
        // Once ownership is handed over, she can.
        QCOMPARE(
            call(m_alice, "PATCH", base + "/members/" + m_carol.id, QJsonObject{{"role", "owner"}})
                .status,
            200);
        QCOMPARE(call(m_alice, "DELETE", base + "/members/" + m_alice.id).status, 204);
        QCOMPARE(call(m_alice, "GET", base).status, 404);
        const QJsonObject after = call(m_carol, "GET", base).object();
        QCOMPARE(after["myRole"].toString(), QStringLiteral("owner"));
        QVERIFY(!roles(after).contains(m_alice.id));

        // Role values and targets are checked.
        QCOMPARE(call(m_carol, "PATCH", base + "/members/" + m_bob.id, QJsonObject{{"role", "god"}})
                     .errorField(),
            QStringLiteral("role"));
        QCOMPARE(
            call(m_carol, "PATCH", base + "/members/" + m_eve.id, QJsonObject{{"role", "admin"}})
                .status,
            404);
        QCOMPARE(call(m_carol, "DELETE", base + "/members/" + m_eve.id).status, 404);
        QCOMPARE(call(m_carol, "POST", base + "/members", QJsonObject{}).errorCode(),
            QStringLiteral("missing_field"));
        QCOMPARE(call(m_carol, "POST", base + "/members",
                     QJsonObject{{"userIds", QJsonArray{m_banned.id}}})
                     .errorField(),
            QStringLiteral("userIds"));
        // Owners may remove each other.
        QCOMPARE(
            call(m_carol, "PATCH", base + "/members/" + m_bob.id, QJsonObject{{"role", "owner"}})
                .status,
            200);
        QCOMPARE(call(m_carol, "DELETE", base + "/members/" + m_bob.id).status, 204);
    }

    void directChatsHaveNoGroupOperations()
    {
        const QString id = call(
            m_alice, "POST", QStringLiteral("/api/chats"), QJsonObject{{"userId", m_carol.id}})
                               .object()["id"]
                               .toString();
        const QString base = QStringLiteral("/api/chats/") + id;
        for (const Response &response : {call(m_alice, "PATCH", base, QJsonObject{{"title", "x"}}),
                 call(m_alice, "POST", base + "/members",
                     QJsonObject{{"userIds", QJsonArray{m_dave.id}}}),
                 call(m_alice, "DELETE", base + "/members/" + m_alice.id),
                 call(m_alice, "PATCH", base + "/members/" + m_carol.id,
                     QJsonObject{{"role", "owner"}}),
                 call(m_alice, "DELETE", base)}) {
            QCOMPARE(response.status, 400);
            QCOMPARE(response.errorCode(), QStringLiteral("not_a_group"));
        }
        QCOMPARE(call(m_carol, "GET", base).status, 200);
    }

    void avatarsWaitForFiles()
    {
        const QJsonObject group = createGroup(m_alice, QStringLiteral("Аватар"), {});
        const Response response
            = call(m_alice, "PATCH", QStringLiteral("/api/chats/") + group["id"].toString(),
                QJsonObject{{"avatarFileId", "3f1c0000-0000-4000-8000-000000000000"}});
        QCOMPARE(response.status, 400);
        QCOMPARE(response.errorCode(), QStringLiteral("unknown_file"));
        QCOMPARE(response.errorField(), QStringLiteral("avatarFileId"));
        const Response unchanged = call(m_alice, "PATCH",
            QStringLiteral("/api/chats/") + group["id"].toString(), QJsonObject{});
        QCOMPARE(unchanged.status, 200);
        QCOMPARE(unchanged.object()["title"].toString(), QStringLiteral("Аватар"));
    }

    void eachChangeTellsExactlyTheRightPeople()
    {
        const QJsonObject group = createGroup(m_alice, QStringLiteral("События"), {m_bob});
        const QString id = group["id"].toString();
        const QString base = QStringLiteral("/api/chats/") + id;
        EventLog events(m_server->server().events());

        // Rename: every member, with the chat as they see it.
        QCOMPARE(call(m_alice, "PATCH", base, QJsonObject{{"title", "События!"}}).status, 200);
        QCOMPARE(events.names(), QStringList({"chat:update", "chat:update"}));
        QCOMPARE(events.recipients("chat:update"), sorted({m_alice.id, m_bob.id}));
        for (const auto &event : events.all()) {
            QCOMPARE(event.userIds.size(), 1);
            QCOMPARE(event.payload["title"].toString(), QStringLiteral("События!"));
            QCOMPARE(event.payload["myRole"].toString(),
                event.userIds.first() == m_alice.id ? QStringLiteral("owner")
                                                    : QStringLiteral("member"));
        }
        events.clear();

        // Adding two: those already in hear member:join for each; the newcomers get chat:new.
        QCOMPARE(call(m_alice, "POST", base + "/members",
                     QJsonObject{{"userIds", QJsonArray{m_carol.id, m_dave.id}}})
                     .status,
            200);
        const auto joins = events.named(QStringLiteral("member:join"));
        QCOMPARE(joins.size(), 2);
        for (const auto &join : joins) {
            QCOMPARE(sorted(join.userIds), sorted({m_alice.id, m_bob.id}));
            QCOMPARE(join.payload["chatId"].toString(), id);
        }
        QCOMPARE(QStringList({joins[0].payload["user"]["id"].toString(),
                     joins[1].payload["user"]["id"].toString()}),
            QStringList({m_carol.id, m_dave.id}));
        QCOMPARE(events.recipients("chat:new"), sorted({m_carol.id, m_dave.id}));
        QCOMPARE(events.all().size(), 4);
        events.clear();

        // Adding someone already in changes nothing and tells nobody.
        QCOMPARE(call(m_alice, "POST", base + "/members",
                     QJsonObject{{"userIds", QJsonArray{m_carol.id}}})
                     .status,
            200);
        QVERIFY(events.all().isEmpty());

        // A role change: chat:update to every member.
        call(m_alice, "PATCH", base + "/members/" + m_carol.id, QJsonObject{{"role", "admin"}});
        QCOMPARE(events.recipients("chat:update"),
            sorted({m_alice.id, m_bob.id, m_carol.id, m_dave.id}));
        QCOMPARE(events.all().size(), 4);
        events.clear();

        // Removing Dave: everyone who was in, Dave included, hears member:leave once.
        QCOMPARE(call(m_carol, "DELETE", base + "/members/" + m_dave.id).status, 204);
        QCOMPARE(events.names(), QStringList({"member:leave"}));
        QCOMPARE(sorted(events.all().first().userIds),
            sorted({m_alice.id, m_bob.id, m_carol.id, m_dave.id}));
        QCOMPARE(events.all().first().payload["user"]["id"].toString(), m_dave.id);
        events.clear();

        // Bob leaves.
        QCOMPARE(call(m_bob, "DELETE", base + "/members/" + m_bob.id).status, 204);
        QCOMPARE(sorted(events.named("member:leave").first().userIds),
            sorted({m_alice.id, m_bob.id, m_carol.id}));
        events.clear();

        // Refusals tell nobody.
        call(m_dave, "PATCH", base, QJsonObject{{"title", "Нет"}});
        call(m_carol, "DELETE", base);
        QVERIFY(events.all().isEmpty());

        // Deleting: chat:delete to all who were in.
        QCOMPARE(call(m_alice, "DELETE", base).status, 204);
        QCOMPARE(events.names(), QStringList({"chat:delete"}));
        QCOMPARE(sorted(events.all().first().userIds), sorted({m_alice.id, m_carol.id}));
        QCOMPARE(events.all().first().payload["id"].toString(), id);
    }

    void deletedGroupsAreGoneForEveryone()
    {
        const QJsonObject group = createGroup(m_alice, QStringLiteral("Удаляемая"), {m_bob});
        const QString id = group["id"].toString();
        send(m_bob, id, QStringLiteral("последнее слово"));
        const qint64 last = call(m_bob, "GET", QStringLiteral("/api/chats/") + id)
                                .object()["lastMessage"]
                                .toObject()["id"]
                                .toInteger();
        QCOMPARE(
            call(m_alice, "PUT", QStringLiteral("/api/messages/%1/reactions/%2").arg(last).arg("👍"))
                .status,
            200);
        QCOMPARE(call(m_alice, "DELETE", QStringLiteral("/api/chats/") + id).status, 204);
        // Its messages and their reactions are gone from the database, not only hidden.
        const auto rowsLeft = [&](const QString &query, const QVariant &key) {
            const qint64 rows = m_server->server().database().read([&](QSqlDatabase &db) {
                db::Sql count(db, query);
                count.bind(key).exec();
                return count.next() ? count.integer(0) : qint64(-1);
            });
            m_server->server().database().closeThreadConnection();
            return rows;
        };
        QCOMPARE(
            rowsLeft(QStringLiteral("SELECT COUNT(*) FROM messages WHERE chat_id = ?"), id), 0);
        QCOMPARE(
            rowsLeft(QStringLiteral("SELECT COUNT(*) FROM message_reactions WHERE message_id = ?"),
                last),
            0);
        for (const Person &who : {m_alice, m_bob}) {
            QCOMPARE(call(who, "GET", QStringLiteral("/api/chats/") + id).status, 404);
            QCOMPARE(
                call(who, "GET", QStringLiteral("/api/chats/%1/messages").arg(id)).status, 404);
            QVERIFY(!chatTitles(who).contains(QStringLiteral("Удаляемая")));
        }
        QCOMPARE(call(m_alice, "DELETE", QStringLiteral("/api/chats/") + id).status, 404);
    }

    void membersWhoLeaveLoseAccessAndCanComeBack()
    {
        const QJsonObject group = createGroup(m_alice, QStringLiteral("Двери"), {m_bob});
        const QString base = QStringLiteral("/api/chats/") + group["id"].toString();
        send(m_bob, group["id"].toString(), QStringLiteral("до ухода"));
        QCOMPARE(call(m_alice, "DELETE", base + "/members/" + m_bob.id).status, 204);
        QCOMPARE(call(m_bob, "GET", base).status, 404);
        QCOMPARE(call(m_bob, "GET", base + "/messages").status, 404);
        QCOMPARE(call(m_bob, "POST", base + "/messages", textMessage("впустите")).status, 404);
        const Response back = call(
            m_alice, "POST", base + "/members", QJsonObject{{"userIds", QJsonArray{m_bob.id}}});
        QCOMPARE(back.status, 200);
        const QJsonObject seen = call(m_bob, "GET", base).object();
        QCOMPARE(seen["myRole"].toString(), QStringLiteral("member"));
        // What was written before is history to a newcomer, not unread.
        QCOMPARE(seen["unreadCount"].toInt(), 0);
        QCOMPARE(call(m_bob, "GET", base + "/messages").object()["messages"].toArray().size(), 1);
    }
};

QTEST_GUILESS_MAIN(ChatsTest)
#include "tst_chats.moc"
