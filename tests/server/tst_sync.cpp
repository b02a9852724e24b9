#include "MessagingTestSupport.h"

#include <kocmoc/Limits.h>

#include <QMap>

using namespace kocmoc;
using namespace kocmoc::test;
using realtime::RealtimeEvent;

namespace {

// What a client keeps of one chat and one message: everything a person would notice.
struct ChatState
{
    QString type;
    QString title;
    QMap<QString, QString> roles; // member id → role
    QString myRole;
    qint64 readMessageId = 0;
    int unreadCount = 0;

    bool operator==(const ChatState &) const = default;
};

struct MessageState
{
    QString chatId;
    QString senderId;
    QString text;
    bool deleted = false;
    QString editedAt;
    QMap<QString, QPair<int, bool>> reactions; // emoji → (count, mine)
    QString status;
    qint64 version = 0;
    qint64 replyToId = 0;
    QJsonValue forwardedFrom;

    bool operator==(const MessageState &) const = default;
};

QDebug operator<<(QDebug debug, const MessageState &m)
{
    return debug << m.chatId << m.senderId << m.text << m.deleted << m.editedAt << m.reactions
                 << m.status << m.version << m.replyToId;
}

QDebug operator<<(QDebug debug, const ChatState &c)
{
    return debug << c.type << c.title << c.roles << c.myRole << c.readMessageId << c.unreadCount;
}

// A client of one person, fed either by events as they happen or by /api/sync after being
// away; both must end up the same. How a client applies each event is written down here.
class ClientState
{
public:
    explicit ClientState(const QString &me)
        : m_me(me)
    { }

    QMap<QString, ChatState> chats;
    QMap<qint64, MessageState> messages;
    QHash<QString, qint64> historyUntil; // chats joined while watching: older messages unseen

    // Whether this client may lack the message: history of a chat it joined while watching.
    bool mayLack(qint64 id, const MessageState &message) const
    {
        return id <= historyUntil.value(message.chatId, 0);
    }

    void applySync(const QJsonObject &sync)
    {
        for (const QJsonValue chat : sync["chats"].toArray())
            applyChat(chat.toObject());
        for (const QJsonValue message : sync["messages"].toArray())
            putMessage(message.toObject(), true);
        for (const QJsonValue id : sync["removedChatIds"].toArray())
            removeChat(id.toString());
    }

    void applyEvent(const RealtimeEvent &event)
    {
        const QJsonObject &p = event.payload;
        if (event.name == QLatin1String("chat:new") || event.name == QLatin1String("chat:update")) {
            // A chat one joins comes without its history: what came before is for paging.
            if (!chats.contains(p["id"].toString()))
                historyUntil.insert(p["id"].toString(), p["readMessageId"].toInteger());
            applyChat(p);
        } else if (event.name == QLatin1String("chat:delete")) {
            removeChat(p["id"].toString());
        } else if (event.name == QLatin1String("member:join")) {
            if (chats.contains(p["chatId"].toString()))
                chats[p["chatId"].toString()].roles.insert(p["user"]["id"].toString(), "member");
        } else if (event.name == QLatin1String("member:leave")) {
            if (p["user"]["id"].toString() == m_me)
                removeChat(p["chatId"].toString());
            else if (chats.contains(p["chatId"].toString()))
                chats[p["chatId"].toString()].roles.remove(p["user"]["id"].toString());
        } else if (event.name == QLatin1String("message:new")
            || event.name == QLatin1String("message:forward")) {
            putMessage(p, true);
        } else if (event.name == QLatin1String("message:edit")) {
            // `mine` in a broadcast is the editor's: keep our own reactions.
            putMessage(p, !messages.contains(p["id"].toInteger()));
        } else if (event.name == QLatin1String("message:delete")) {
            MessageState &m = messages[p["id"].toInteger()];
            m.deleted = true;
            m.text.clear();
            m.reactions.clear();
            m.version = p["version"].toInteger();
        } else if (event.name == QLatin1String("reaction:update")) {
            const qint64 id = p["messageId"].toInteger();
            if (!messages.contains(id))
                return;
            MessageState &m = messages[id];
            const bool mine = p["userId"].toString() == m_me;
            QMap<QString, QPair<int, bool>> reactions;
            for (const QJsonValue r : p["reactions"].toArray()) {
                const QString emoji = r["emoji"].toString();
                reactions.insert(emoji,
                    {r["count"].toInt(),
                        mine ? r["mine"].toBool() : m.reactions.value(emoji).second});
            }
            m.reactions = reactions;
            m.version = p["version"].toInteger();
        } else if (event.name == QLatin1String("message:read")
            || event.name == QLatin1String("message:delivered")) {
            const bool read = event.name == QLatin1String("message:read");
            const QString chatId = p["chatId"].toString();
            const QString reader = p["userId"].toString();
            const qint64 upTo = p["messageId"].toInteger();
            if (read && reader == m_me && chats.contains(chatId))
                chats[chatId].readMessageId = qMax(chats[chatId].readMessageId, upTo);
            // Everyone else's messages up to there are read (delivered) now.
            for (auto it = messages.begin(); it != messages.end(); ++it) {
                MessageState &m = it.value();
                if (m.chatId != chatId || it.key() > upTo || m.senderId == reader)
                    continue;
                const bool raises
                    = read ? m.status != QLatin1String("read") : m.status == QLatin1String("sent");
                if (raises) {
                    m.status = read ? QStringLiteral("read") : QStringLiteral("delivered");
                    m.version = p["version"].toInteger();
                }
            }
        }
    }

    // Unread as a client counts it from what it holds: after the read position, from others.
    void countUnread()
    {
        for (auto chat = chats.begin(); chat != chats.end(); ++chat) {
            int unread = 0;
            for (auto it = messages.cbegin(); it != messages.cend(); ++it) {
                unread += it->chatId == chat.key() && it.key() > chat->readMessageId
                    && it->senderId != m_me && !it->deleted;
            }
            chat->unreadCount = unread;
        }
    }

private:
    void applyChat(const QJsonObject &json)
    {
        ChatState chat;
        chat.type = json["type"].toString();
        chat.title = json["title"].toString();
        for (const QJsonValue member : json["members"].toArray())
            chat.roles.insert(member["user"]["id"].toString(), member["role"].toString());
        chat.myRole = json["myRole"].toString();
        chat.readMessageId = json["readMessageId"].toInteger();
        chat.unreadCount = json["unreadCount"].toInt();
        chats.insert(json["id"].toString(), chat);
    }

    void putMessage(const QJsonObject &json, bool takeReactions)
    {
        MessageState m;
        const qint64 id = json["id"].toInteger();
        m.chatId = json["chatId"].toString();
        m.senderId = json["senderId"].toString();
        m.text = json["text"].toString();
        m.deleted = json["deleted"].toBool();
        m.editedAt = json["editedAt"].toString();
        if (takeReactions) {
            for (const QJsonValue r : json["reactions"].toArray())
                m.reactions.insert(r["emoji"].toString(), {r["count"].toInt(), r["mine"].toBool()});
        } else {
            m.reactions = messages.value(id).reactions;
        }
        m.status = json["status"].toString();
        m.version = json["version"].toInteger();
        m.replyToId = json["replyTo"]["id"].toInteger();
        m.forwardedFrom = json["forwardedFrom"];
        messages.insert(id, m);
    }

    void removeChat(const QString &chatId)
    {
        chats.remove(chatId);
        messages.removeIf([&](const auto &it) { return it.value().chatId == chatId; });
    }

    QString m_me;
};

} // namespace

class SyncTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    Person m_alice, m_bob, m_carol, m_dave;

    Response call(const Person &who, const QByteArray &method, const QString &path,
        const QJsonValue &body = QJsonValue::Undefined)
    {
        return m_server->call(method, path, body, who.token);
    }

    QJsonObject sync(const Person &who, qint64 since)
    {
        const Response response = call(who, "GET", QStringLiteral("/api/sync?since=%1").arg(since));
        if (response.status != 200)
            qWarning() << "sync failed:" << response.status << response.body;
        return response.object();
    }

    // Catches up like a client: page after page until nothing more is waiting.
    qint64 catchUp(const Person &who, qint64 since, ClientState &state)
    {
        for (;;) {
            const QJsonObject page = sync(who, since);
            state.applySync(page);
            since = page["version"].toInteger();
            if (!page["hasMore"].toBool())
                return since;
        }
    }

    qint64 send(const Person &who, const QString &chatId, const QString &text, qint64 replyTo = 0)
    {
        QJsonObject body = textMessage(text);
        if (replyTo)
            body["replyToId"] = replyTo;
        const Response sent
            = call(who, "POST", QStringLiteral("/api/chats/%1/messages").arg(chatId), body);
        if (sent.status != 201)
            qWarning() << "not sent:" << sent.status << sent.body;
        return sent.object()["id"].toInteger();
    }

    QString group(const Person &owner, const QString &title, const QList<Person> &others)
    {
        QJsonArray ids;
        for (const Person &person : others)
            ids.append(person.id);
        return call(owner, "POST", QStringLiteral("/api/chats/group"),
            QJsonObject{{"title", title}, {"memberIds", ids}})
            .object()["id"]
            .toString();
    }

    QString direct(const Person &from, const Person &to)
    {
        return call(from, "POST", QStringLiteral("/api/chats"), QJsonObject{{"userId", to.id}})
            .object()["id"]
            .toString();
    }

    void react(const Person &who, qint64 id, const QString &emoji, bool add = true)
    {
        QCOMPARE(
            call(who, add ? "PUT" : "DELETE",
                QStringLiteral("/api/messages/%1/reactions/%2").arg(id).arg(percentEncoded(emoji)))
                .status,
            200);
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
        m_dave = signUp(*m_server, QStringLiteral("dave"), QStringLiteral("Dave"));
    }

    void syncChecksSince()
    {
        QCOMPARE(call(m_alice, "GET", QStringLiteral("/api/sync?since=-1")).errorField(),
            QStringLiteral("since"));
        QCOMPARE(call(m_alice, "GET", QStringLiteral("/api/sync?since=x")).errorField(),
            QStringLiteral("since"));
        const QJsonObject empty = sync(m_dave, 0);
        QCOMPARE(empty["version"].toInteger(), 0);
        for (const char *key : {"chats", "messages", "removedChatIds"})
            QVERIFY2(empty[QLatin1String(key)].toArray().isEmpty(), key);
        QCOMPARE(empty["hasMore"].toBool(), false);
    }

    void aClientAwayConvergesWithOneThatStayed()
    {
        // Before: what both clients of Alice know.
        const QString withBob = direct(m_bob, m_alice);
        send(m_bob, withBob, QStringLiteral("Привет! Как дела?"));
        const qint64 alicesHi = send(m_alice, withBob, QStringLiteral("Hi! All good"));
        const QString project = group(m_bob, QStringLiteral("Проект"), {m_alice, m_carol});
        const qint64 carolsPlan = send(m_carol, project, QStringLiteral("План на неделю"));
        const qint64 bobsNote = send(m_bob, project, QStringLiteral("Заметка"));
        const qint64 alicesIdea = send(m_alice, project, QStringLiteral("Идея"));
        const QString history = group(m_carol, QStringLiteral("История"), {m_bob});
        const qint64 oldNews = send(m_bob, history, QStringLiteral("Старая новость"));
        send(m_carol, history, QStringLiteral("Давняя переписка"));

        ClientState online(m_alice.id);
        ClientState away(m_alice.id);
        const qint64 start = catchUp(m_alice, 0, online);
        catchUp(m_alice, 0, away);
        QCOMPARE(online.chats.size(), 2);
        QCOMPARE(online.messages.size(), 5);
        EventLog events(m_server->server().events());

        // Meanwhile: everything that can happen to Alice's chats.
        const qint64 b1 = send(m_bob, withBob, QStringLiteral("Есть минутка?"));
        const qint64 b2 = send(m_bob, withBob, QStringLiteral("Нужна помощь с отчётом"));
        const qint64 reply = send(m_alice, withBob, QStringLiteral("Да, давай"), b2);
        QCOMPARE(call(m_carol, "PATCH", QStringLiteral("/api/messages/%1/edit").arg(carolsPlan),
                     QJsonObject{{"text", "План на неделю (обновлён)"}})
                     .status,
            200);
        QCOMPARE(
            call(m_bob, "DELETE", QStringLiteral("/api/messages/%1/delete").arg(bobsNote)).status,
            200);
        react(m_carol, alicesIdea, QStringLiteral("👍"));
        react(m_alice, carolsPlan, QStringLiteral("🎉"));
        react(m_alice, carolsPlan, QStringLiteral("👍"));
        react(m_bob, carolsPlan, QStringLiteral("👍"));
        react(m_alice, carolsPlan, QStringLiteral("👍"), false);
        QVERIFY(m_server->server().messages().markDelivered(m_bob.id, withBob, reply).ok());
        QCOMPARE(call(m_bob, "POST", QStringLiteral("/api/chats/%1/read").arg(withBob),
                     QJsonObject{{"messageId", alicesHi}})
                     .status,
            204);
        QCOMPARE(call(m_alice, "POST", QStringLiteral("/api/chats/%1/read").arg(withBob),
                     QJsonObject{{"messageId", b1}})
                     .status,
            204);
        const QString fresh = group(m_carol, QStringLiteral("Новая"), {m_alice, m_bob});
        send(m_carol, fresh, QStringLiteral("Добро пожаловать"));
        QCOMPARE(call(m_carol, "PATCH", QStringLiteral("/api/chats/") + fresh,
                     QJsonObject{{"title", "Новая группа"}})
                     .status,
            200);
        QCOMPARE(call(m_carol, "PATCH",
                     QStringLiteral("/api/chats/%1/members/%2").arg(fresh, m_alice.id),
                     QJsonObject{{"role", "admin"}})
                     .status,
            200);
        QCOMPARE(call(m_carol, "POST", QStringLiteral("/api/chats/%1/members").arg(history),
                     QJsonObject{{"userIds", QJsonArray{m_alice.id, m_dave.id}}})
                     .status,
            200);
        QCOMPARE(call(m_bob, "PATCH", QStringLiteral("/api/messages/%1/edit").arg(oldNews),
                     QJsonObject{{"text", "Старая новость, исправлено"}})
                     .status,
            200);
        const qint64 latest = send(m_carol, history, QStringLiteral("Алиса, привет!"), oldNews);
        QCOMPARE(call(m_alice, "POST", QStringLiteral("/api/messages/%1/forward").arg(b2),
                     QJsonObject{{"chatIds", QJsonArray{project, history}}})
                     .status,
            201);
        QCOMPARE(call(m_dave, "DELETE",
                     QStringLiteral("/api/chats/%1/members/%2").arg(history, m_dave.id))
                     .status,
            204);
        QCOMPARE(call(m_bob, "DELETE",
                     QStringLiteral("/api/chats/%1/members/%2").arg(project, m_alice.id))
                     .status,
            204);
        send(m_carol, project, QStringLiteral("Алиса ушла, продолжаем"));
        QCOMPARE(call(m_carol, "DELETE", QStringLiteral("/api/chats/") + fresh).status, 204);
        const QString withDave = direct(m_dave, m_alice);
        send(m_dave, withDave, QStringLiteral("Hello from Dave"));
        QCOMPARE(
            call(m_carol, "DELETE", QStringLiteral("/api/messages/%1/delete").arg(latest)).status,
            200);
        QVERIFY(m_server->server().messages().markDelivered(m_alice.id, history, latest).ok());

        // The client that stayed applied every event meant for Alice, in order.
        // The last report, made on this thread, is still queued to the bus.
        QTRY_VERIFY(!events.all().isEmpty()
            && events.all().last().name == QLatin1String("message:delivered"));
        for (const RealtimeEvent &event : events.all()) {
            if (event.userIds.contains(m_alice.id))
                online.applyEvent(event);
        }
        online.countUnread();
        // The one that was away catches up in one go.
        catchUp(m_alice, start, away);

        QCOMPARE(away.chats.keys(), online.chats.keys());
        for (const QString &id : online.chats.keys())
            QCOMPARE(away.chats.value(id), online.chats.value(id));
        // The same messages, alike in every detail; the away client may also hold older history
        // of a chat Alice joined, touched since (Carol's old message got "delivered").
        int onlyHistory = 0;
        for (auto it = away.messages.cbegin(); it != away.messages.cend(); ++it) {
            if (online.messages.contains(it.key()))
                QCOMPARE(it.value(), online.messages.value(it.key()));
            else
                QVERIFY2(online.mayLack(it.key(), it.value()), qPrintable(it->text));
            onlyHistory += !online.messages.contains(it.key());
        }
        QCOMPARE(onlyHistory, 1);
        for (const qint64 id : online.messages.keys())
            QVERIFY(away.messages.contains(id));
        // And both hold what Alice should see.
        QCOMPARE(QSet<QString>(online.chats.keyBegin(), online.chats.keyEnd()),
            QSet<QString>({withBob, history, withDave}));
        QCOMPARE(online.chats.value(withBob).unreadCount, 1); // b2: read up to b1
        QCOMPARE(online.messages.value(reply).status, QStringLiteral("delivered"));
        QCOMPARE(online.messages.value(alicesHi).status, QStringLiteral("read"));
        QCOMPARE(online.messages.value(carolsPlan).text, QString()); // gone with the project
        QCOMPARE(online.chats.value(history).myRole, QStringLiteral("member"));
        QVERIFY(!online.chats.value(history).roles.contains(m_dave.id));

        // A client starting from nothing sees the same chats, and the same copy of every
        // message the others hold (it may also hold older history of chats joined later).
        ClientState newcomer(m_alice.id);
        catchUp(m_alice, 0, newcomer);
        QCOMPARE(newcomer.chats, away.chats);
        for (const qint64 id : away.messages.keys())
            QCOMPARE(newcomer.messages.value(id), away.messages.value(id));
    }

    void catchingUpAgainBringsNothingNew()
    {
        const qint64 now = sync(m_alice, 0)["version"].toInteger();
        QVERIFY(now > 0);
        const QJsonObject nothing = sync(m_alice, now);
        QCOMPARE(nothing["version"].toInteger(), now);
        QVERIFY(nothing["chats"].toArray().isEmpty());
        QVERIFY(nothing["messages"].toArray().isEmpty());
        QVERIFY(nothing["removedChatIds"].toArray().isEmpty());
        // Changes elsewhere are not Alice's business.
        const QString elsewhere = group(m_bob, QStringLiteral("Без Алисы"), {m_carol});
        send(m_bob, elsewhere, QStringLiteral("тсс"));
        QCOMPARE(sync(m_alice, now)["chats"].toArray().size(), 0);
        QCOMPARE(sync(m_alice, now)["messages"].toArray().size(), 0);
        // Rejoining a chat one had left takes it off the removed list.
        const QString door = group(m_bob, QStringLiteral("Дверь"), {m_alice});
        call(m_bob, "DELETE", QStringLiteral("/api/chats/%1/members/%2").arg(door, m_alice.id));
        const qint64 left = sync(m_alice, now)["version"].toInteger();
        QVERIFY(sync(m_alice, now)["removedChatIds"].toArray().contains(door));
        call(m_bob, "POST", QStringLiteral("/api/chats/%1/members").arg(door),
            QJsonObject{{"userIds", QJsonArray{m_alice.id}}});
        const QJsonObject back = sync(m_alice, now);
        QVERIFY(!back["removedChatIds"].toArray().contains(door));
        QCOMPARE(back["chats"].toArray().last()["id"].toString(), door);
        QVERIFY(sync(m_alice, left)["version"].toInteger() > left);
    }

    void longAbsencesArriveInPages()
    {
        const Person writer = signUp(*m_server, QStringLiteral("writer"));
        const Person reader = signUp(*m_server, QStringLiteral("reader"));
        const QString chat = direct(writer, reader);
        const qint64 start = sync(reader, 0)["version"].toInteger();
        QSet<qint64> sent;
        for (int i = 0; i < limits::syncMessageLimit + 20; ++i)
            sent.insert(send(writer, chat, QStringLiteral("сообщение %1").arg(i)));
        const QJsonObject first = sync(reader, start);
        QCOMPARE(first["messages"].toArray().size(), limits::syncMessageLimit);
        QCOMPARE(first["hasMore"].toBool(), true);
        QCOMPARE(first["version"].toInteger(),
            first["messages"].toArray().last()["version"].toInteger());
        ClientState state(reader.id);
        catchUp(reader, start, state);
        QCOMPARE(QSet<qint64>(state.messages.keyBegin(), state.messages.keyEnd()), sent);
    }

    // New messages and changes to older ones are looked up apart (by id, by version):
    // across pages they still come in version order, and none is missed.
    void editsOfOldMessagesAmongNewOnesPageInVersionOrder()
    {
        const Person writer = signUp(*m_server, QStringLiteral("pagedwriter"));
        const Person reader = signUp(*m_server, QStringLiteral("pagedreader"));
        const QString chat = direct(writer, reader);
        QList<qint64> old;
        for (int i = 0; i < 40; ++i)
            old.append(send(writer, chat, QStringLiteral("старое %1").arg(i)));
        const qint64 start = sync(reader, 0)["version"].toInteger();
        QSet<qint64> fresh;
        QSet<qint64> edited;
        for (int i = 0; i < limits::syncMessageLimit; ++i) {
            fresh.insert(send(writer, chat, QStringLiteral("новое %1").arg(i)));
            if (i % 13 == 0) {
                const qint64 id = old.at(i / 13);
                QCOMPARE(call(writer, "PATCH", QStringLiteral("/api/messages/%1/edit").arg(id),
                             QJsonObject{{"text", QStringLiteral("исправлено")}})
                             .status,
                    200);
                edited.insert(id);
            }
        }
        QSet<qint64> seenFresh;
        QSet<qint64> seenEdited;
        qint64 since = start;
        int pages = 0;
        for (bool more = true; more; ++pages) {
            const QJsonObject page = sync(reader, since);
            for (const QJsonValue message : page["messages"].toArray()) {
                const qint64 version = message["version"].toInteger();
                QVERIFY2(version > since, "versions rise page after page");
                since = version;
                (message["text"].toString() == QStringLiteral("исправлено") ? seenEdited
                                                                            : seenFresh)
                    .insert(message["id"].toInteger());
            }
            QCOMPARE(page["version"].toInteger(), since);
            more = page["hasMore"].toBool();
        }
        QCOMPARE(pages, 2);
        QCOMPARE(seenFresh, fresh);
        QCOMPARE(seenEdited, edited);
    }

    void aReadOfALongBacklogArrivesWhole()
    {
        // The read raises every message at once, with one version, across a page boundary.
        const Person writer = signUp(*m_server, QStringLiteral("backlogwriter"));
        const Person reader = signUp(*m_server, QStringLiteral("backlogreader"));
        const QString chat = direct(writer, reader);
        qint64 last = 0;
        for (int i = 0; i < limits::syncMessageLimit + 20; ++i)
            last = send(writer, chat, QStringLiteral("непрочитанное %1").arg(i));
        ClientState state(writer.id);
        const qint64 beforeRead = catchUp(writer, 0, state);
        QCOMPARE(call(reader, "POST", QStringLiteral("/api/chats/%1/read").arg(chat),
                     QJsonObject{{"messageId", last}})
                     .status,
            204);
        catchUp(writer, beforeRead, state);
        qsizetype read = 0;
        for (const MessageState &message : std::as_const(state.messages))
            read += message.chatId == chat && message.status == QLatin1String("read");
        QCOMPARE(read, limits::syncMessageLimit + 20);
    }

    void catchUpMissesNothingWrittenWhileItRuns()
    {
        // Writers and a reader that keeps catching up, all at once: every message must reach
        // the reader, however the writers' transactions interleave with its reads.
        const Person reader = signUp(*m_server, QStringLiteral("watcher"));
        QList<Person> writers;
        QStringList chats;
        for (int i = 0; i < 4; ++i) {
            writers.append(signUp(*m_server, QStringLiteral("writer%1").arg(i)));
            chats.append(direct(writers.last(), reader));
        }
        qint64 since = sync(reader, 0)["version"].toInteger();
        QNetworkAccessManager network;
        QList<QNetworkReply *> sends;
        for (int round = 0; round < 15; ++round) {
            for (int i = 0; i < writers.size(); ++i) {
                QNetworkRequest request(
                    QUrl(QStringLiteral("http://127.0.0.1:%1/api/chats/%2/messages")
                             .arg(m_server->server().port())
                             .arg(chats[i])));
                request.setRawHeader("Content-Type", "application/json");
                request.setRawHeader("Authorization", "Bearer " + writers[i].token.toLatin1());
                sends.append(network.post(request,
                    QJsonDocument(textMessage(QStringLiteral("%1/%2").arg(round).arg(i)))
                        .toJson(QJsonDocument::Compact)));
            }
        }
        ClientState state(reader.id);
        const auto allDone = [&] {
            return std::all_of(
                sends.cbegin(), sends.cend(), [](QNetworkReply *r) { return r->isFinished(); });
        };
        while (!allDone())
            since = catchUp(reader, since, state); // runs the event loop while the sends go on
        catchUp(reader, since, state);
        QSet<qint64> sent;
        for (QNetworkReply *reply : std::as_const(sends)) {
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);
            sent.insert(QJsonDocument::fromJson(reply->readAll()).object()["id"].toInteger());
        }
        QCOMPARE(sent.size(), 60);
        QCOMPARE(QSet<qint64>(state.messages.keyBegin(), state.messages.keyEnd()), sent);
    }
};

QTEST_GUILESS_MAIN(SyncTest)
#include "tst_sync.moc"
