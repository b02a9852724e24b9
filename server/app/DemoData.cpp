#include "DemoData.h"

#include "db/Sql.h"
#include "repositories/ChatRepository.h"
#include "repositories/MessageRepository.h"
#include "repositories/ReactionRepository.h"
#include "repositories/UserRepository.h"
#include "repositories/VersionRepository.h"
#include "security/PasswordHasher.h"
#include "security/Random.h"

#include <kocmoc/Chat.h>
#include <kocmoc/Validation.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcDemo, "kocmoc.demo")

namespace kocmoc {

namespace {

constexpr qint64 minuteMs = 60'000;

// One message of a demo chat, in the order of all demo messages by time.
struct DemoMessage
{
    qint64 atMs = 0;
    int chat = 0; // index into the chats being created
    int index = 0; // within its chat
    QJsonObject spec;
};

// A demo chat being created: its record, its members' ids and its messages' ids.
struct DemoChat
{
    QJsonObject spec;
    QString id;
    QHash<QString, QString> userIds; // username → id
    QList<qint64> messageIds;
};

bool demoChatExists(ChatRepository &chats, const QJsonObject &spec, const DemoChat &chat)
{
    if (!spec.contains(QStringLiteral("title"))) {
        const QStringList ids = chat.userIds.values();
        return chats.findDirect(ChatRepository::directKey(ids.value(0), ids.value(1))).has_value();
    }
    const QString title = spec.value(QStringLiteral("title")).toString();
    const QString owner = chat.userIds.value(spec.value(QStringLiteral("owner")).toString());
    const QList<ChatRecord> found
        = chats.chatsOf(owner, validation::foldedForSearch(title).simplified());
    return std::any_of(found.cbegin(), found.cend(),
        [&](const ChatRecord &record) { return record.title == title; });
}

// The chats of the demo data with their messages, reactions and read positions; a chat
// that exists already (an earlier start with --demo) is left alone.
int loadChats(db::Database &database, const Clock &clock, const QJsonArray &specs)
{
    return database.transaction([&](QSqlDatabase &db) {
        UserRepository users(db);
        ChatRepository chats(db);
        MessageRepository messages(db);
        VersionRepository versions(db);
        const qint64 now = clock.nowMs();
        QList<DemoChat> created;
        QList<DemoMessage> timeline;
        for (const QJsonValue value : specs) {
            const QJsonObject spec = value.toObject();
            DemoChat chat{spec, security::random::uuid(), {}, {}};
            QStringList usernames;
            if (spec.contains(QStringLiteral("owner")))
                usernames.append(spec.value(QStringLiteral("owner")).toString());
            for (const QString &key : {QStringLiteral("admins"), QStringLiteral("members")}) {
                for (const QJsonValue name : spec.value(key).toArray())
                    usernames.append(name.toString());
            }
            for (const QString &username : std::as_const(usernames)) {
                if (const auto user = users.findByUsername(username))
                    chat.userIds.insert(username, user->user.id);
            }
            if (chat.userIds.size() != usernames.size() || demoChatExists(chats, spec, chat))
                continue;
            const QJsonArray lines = spec.value(QStringLiteral("messages")).toArray();
            const qint64 firstAtMs
                = now - lines.first()[QStringLiteral("minutesAgo")].toInteger() * minuteMs;
            ChatRecord record;
            record.id = chat.id;
            const bool group = spec.contains(QStringLiteral("title"));
            record.type = group ? chat::typeGroup : chat::typeDirect;
            record.title = spec.value(QStringLiteral("title")).toString();
            if (!group)
                record.directKey = ChatRepository::directKey(
                    chat.userIds.value(usernames.value(0)), chat.userIds.value(usernames.value(1)));
            record.createdAtMs = record.updatedAtMs = record.lastActivityAtMs
                = firstAtMs - 5 * minuteMs;
            record.version = versions.next();
            chats.insert(record);
            for (const QString &username : std::as_const(usernames)) {
                QString role = chat::roleMember;
                if (group && username == spec.value(QStringLiteral("owner")).toString())
                    role = chat::roleOwner;
                else if (spec.value(QStringLiteral("admins")).toArray().contains(username))
                    role = chat::roleAdmin;
                chats.addMember(MemberRecord{
                    chat.id, chat.userIds.value(username), role, record.createdAtMs, 0, 0, 0});
            }
            for (int i = 0; i < lines.size(); ++i) {
                const QJsonObject line = lines.at(i).toObject();
                timeline.append(DemoMessage{
                    now - line.value(QStringLiteral("minutesAgo")).toInteger() * minuteMs,
                    int(created.size()), i, line});
            }
            chat.messageIds.resize(lines.size());
            created.append(chat);
        }

        // Ids grow with time across all chats, as if the messages had been sent live.
        std::stable_sort(timeline.begin(), timeline.end(),
            [](const DemoMessage &a, const DemoMessage &b) { return a.atMs < b.atMs; });
        ReactionRepository reactions(db);
        for (const DemoMessage &line : std::as_const(timeline)) {
            DemoChat &chat = created[line.chat];
            const qint64 id = versions.next();
            const QString senderId
                = chat.userIds.value(line.spec.value(QStringLiteral("from")).toString());
            const int replyTo = line.spec.value(QStringLiteral("replyTo")).toInt(-1);
            messages.insert(NewMessage{id, chat.id, senderId, QStringLiteral("demo-%1").arg(id),
                message::typeText, line.spec.value(QStringLiteral("text")).toString(),
                replyTo >= 0 ? chat.messageIds.value(replyTo) : 0, std::nullopt, line.atMs});
            chat.messageIds[line.index] = id;
            chats.recordActivity(chat.id, id, line.atMs);
            const QJsonObject emoji = line.spec.value(QStringLiteral("reactions")).toObject();
            for (auto it = emoji.constBegin(); it != emoji.constEnd(); ++it) {
                for (const QJsonValue username : it.value().toArray())
                    reactions.add(id, chat.userIds.value(username.toString()), it.key(),
                        line.atMs + minuteMs);
            }
        }

        // Every device got everything; each person read all but their "unread" newest.
        for (const DemoChat &chat : std::as_const(created)) {
            const qint64 version = versions.next();
            const QJsonObject unread = chat.spec.value(QStringLiteral("unread")).toObject();
            for (auto it = chat.userIds.cbegin(); it != chat.userIds.cend(); ++it) {
                const qint64 delivered = chat.messageIds.constLast();
                const qint64 read = chat.messageIds.value(
                    chat.messageIds.size() - 1 - unread.value(it.key()).toInt(0), 0);
                chats.advanceDelivered(chat.id, it.value(), delivered);
                messages.raiseStatus(
                    chat.id, it.value(), 0, delivered, MessageRepository::Delivered, version);
                chats.advanceRead(chat.id, it.value(), read);
                messages.raiseStatus(
                    chat.id, it.value(), 0, read, MessageRepository::Read, version);
            }
            chats.touch(chat.id, version, now);
        }
        return int(created.size());
    });
}

} // namespace

int DemoData::load(db::Database &database, const Clock &clock)
{
    QFile file(QStringLiteral(":/demo/users.json"));
    if (!file.open(QIODevice::ReadOnly))
        throw db::DatabaseError("the demo data is missing from the build");
    const QJsonObject demo = QJsonDocument::fromJson(file.readAll()).object();
    const QString password = demo.value(QStringLiteral("password")).toString();
    const QString passwordHash = security::PasswordHasher::hash(password);
    int added = 0;
    for (const QJsonValue entry : demo.value(QStringLiteral("users")).toArray()) {
        const QJsonObject user = entry.toObject();
        const QString username = user.value(QStringLiteral("username")).toString();
        added += database.transaction([&](QSqlDatabase &db) {
            UserRepository users(db);
            const qint64 now = clock.nowMs();
            const QString id = security::random::uuid();
            if (!users.insert({id, user.value(QStringLiteral("email")).toString(), username,
                    user.value(QStringLiteral("displayName")).toString(), passwordHash, now}))
                return 0;
            ProfileChange profile;
            profile.bio = user.value(QStringLiteral("bio")).toString();
            users.updateProfile(id, profile, now);
            db::Sql(db,
                QStringLiteral("UPDATE users SET access_level = ?, verified = ?, email_verified = "
                               "1 WHERE id = ?"))
                .bind(user.value(QStringLiteral("accessLevel")).toInt(1))
                .bind(user.value(QStringLiteral("verified")).toBool())
                .bind(id)
                .exec();
            return 1;
        });
    }
    const int chats = loadChats(database, clock, demo.value(QStringLiteral("chats")).toArray());
    if (chats > 0)
        qCInfo(lcDemo) << "demo data: added" << chats << "chats";
    return added;
}

} // namespace kocmoc
