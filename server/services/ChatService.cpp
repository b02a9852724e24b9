#include "ChatService.h"

#include "repositories/ChatRepository.h"
#include "repositories/UserRepository.h"
#include "repositories/VersionRepository.h"
#include "security/Random.h"
#include "services/AvatarFile.h"
#include "services/ChatAccess.h"
#include "services/ChatViews.h"
#include "services/WriteAndPublish.h"

#include <kocmoc/Limits.h>
#include <kocmoc/Validation.h>

namespace kocmoc {

namespace {

const QString chatNewEvent = QStringLiteral("chat:new");
const QString chatUpdateEvent = QStringLiteral("chat:update");

// chat:new and chat:update carry the Chat as each member sees it (role, unread count):
// one event per member. `only`, when given, limits them to those members.
void addChatEvents(RealtimeEvents &events, ChatViews &views, const ChatRecord &record,
    const QString &name, const QStringList &only = {})
{
    for (const auto &[userId, chat] : views.chatForEachMember(record)) {
        if (only.isEmpty() || only.contains(userId))
            events.append(eventFor(name, chat.toJson(), {userId}));
    }
}

QJsonObject memberEventPayload(const QString &chatId, const User &user, qint64 version)
{
    return QJsonObject{{QStringLiteral("chatId"), chatId}, {QStringLiteral("user"), user.toJson()},
        {QStringLiteral("version"), version}};
}

// People to add: each exists and is not banned. Returns the error naming `field`.
std::optional<ApiError> checkPeople(
    QSqlDatabase &db, const QStringList &userIds, const QString &field)
{
    UserRepository users(db);
    for (const QString &id : userIds) {
        const auto user = users.findById(id);
        if (!user || user->banned)
            return ApiError::invalidField(field, QStringLiteral("There is no user %1.").arg(id));
    }
    return std::nullopt;
}

QStringList distinctOthers(const QStringList &userIds, const QString &callerId)
{
    QStringList others;
    for (const QString &id : userIds) {
        if (id != callerId && !others.contains(id))
            others.append(id);
    }
    return others;
}

ApiError tooManyMembers(const QString &field)
{
    return ApiError::invalidField(
        field, QStringLiteral("A group has at most %1 members.").arg(limits::groupMaxMembers));
}

ApiError lastOwner()
{
    return ApiError::conflict(QStringLiteral("last_owner"),
        QStringLiteral("You are the group's only owner: make someone else an owner first, or "
                       "delete the group."));
}

} // namespace

ChatService::ChatService(db::Database &database, const Clock &clock, realtime::EventBus &events,
    const PresenceSource &presence)
    : m_database(database)
    , m_clock(clock)
    , m_events(events)
    , m_presence(presence)
{ }

Result<QList<Chat>> ChatService::list(const QString &callerId, const QString &query)
{
    const QString trimmed = query.trimmed();
    if (validation::codePointCount(trimmed) > limits::searchQueryMaxChars)
        return ApiError::invalidField(
            QStringLiteral("q"), QStringLiteral("The search text is too long."));
    return m_database.read([&](QSqlDatabase &db) {
        const QString folded = validation::foldedForSearch(trimmed).simplified();
        return ChatViews(db, m_presence)
            .chats(ChatRepository(db).chatsOf(callerId, folded), callerId);
    });
}

Result<Chat> ChatService::get(const QString &callerId, const QString &chatId)
{
    return m_database.read([&](QSqlDatabase &db) -> Result<Chat> {
        ChatRepository chats(db);
        const auto access = ChatAccess::of(chats, chatId, callerId);
        if (!access)
            return ChatAccess::chatNotFound();
        return ChatViews(db, m_presence).chat(access->chat, callerId);
    });
}

Result<DirectChat> ChatService::openDirect(const QString &callerId, const QString &otherUserId)
{
    if (otherUserId == callerId)
        return ApiError::invalidField(
            QStringLiteral("userId"), QStringLiteral("A direct chat is with someone else."));
    return writeAndPublish<DirectChat>(
        m_database, m_events, [&](QSqlDatabase &db, RealtimeEvents &events) -> Result<DirectChat> {
            const qint64 version = VersionRepository(db).next();
            const auto other = UserRepository(db).findById(otherUserId);
            if (!other || other->banned)
                return ApiError{404, QStringLiteral("not_found"),
                    QStringLiteral("There is no such user."), QStringLiteral("userId"), 0};
            ChatRepository chats(db);
            ChatViews views(db, m_presence);
            const QString key = ChatRepository::directKey(callerId, otherUserId);
            if (const auto existing = chats.findDirect(key))
                return DirectChat{views.chat(*existing, callerId), false};
            const qint64 now = m_clock.nowMs();
            ChatRecord record;
            record.id = security::random::uuid();
            record.type = chat::typeDirect;
            record.directKey = key;
            record.lastActivityAtMs = record.createdAtMs = record.updatedAtMs = now;
            record.version = version;
            // The unique pair key settles two people opening the chat at the same moment.
            if (!chats.insert(record))
                return DirectChat{views.chat(*chats.findDirect(key), callerId), false};
            for (const QString &userId : {callerId, otherUserId})
                chats.addMember(MemberRecord{record.id, userId, chat::roleMember, now, 0, 0, 0});
            addChatEvents(events, views, record, chatNewEvent);
            return DirectChat{views.chat(record, callerId), true};
        });
}

Result<Chat> ChatService::createGroup(
    const QString &callerId, const QString &title, const QStringList &memberIds)
{
    const QString normalizedTitle = validation::normalizedDisplayName(title);
    if (const auto problem = validation::checkChatTitle(normalizedTitle))
        return *problem;
    const QStringList others = distinctOthers(memberIds, callerId);
    if (others.size() + 1 > limits::groupMaxMembers)
        return tooManyMembers(QStringLiteral("memberIds"));
    return writeAndPublish<Chat>(
        m_database, m_events, [&](QSqlDatabase &db, RealtimeEvents &events) -> Result<Chat> {
            const qint64 version = VersionRepository(db).next();
            if (const auto problem = checkPeople(db, others, QStringLiteral("memberIds")))
                return *problem;
            const qint64 now = m_clock.nowMs();
            ChatRecord record;
            record.id = security::random::uuid();
            record.type = chat::typeGroup;
            record.title = normalizedTitle;
            record.lastActivityAtMs = record.createdAtMs = record.updatedAtMs = now;
            record.version = version;
            ChatRepository chats(db);
            chats.insert(record);
            chats.addMember(MemberRecord{record.id, callerId, chat::roleOwner, now, 0, 0, 0});
            for (const QString &userId : others)
                chats.addMember(MemberRecord{record.id, userId, chat::roleMember, now, 0, 0, 0});
            ChatViews views(db, m_presence);
            addChatEvents(events, views, record, chatNewEvent);
            return views.chat(record, callerId);
        });
}

Result<Chat> ChatService::update(const QString &callerId, const QString &chatId,
    const std::optional<QString> &title, const std::optional<QString> &avatarFileId)
{
    const QString normalizedTitle = validation::normalizedDisplayName(title.value_or(QString()));
    if (title) {
        if (const auto problem = validation::checkChatTitle(normalizedTitle))
            return *problem;
    }
    return writeAndPublish<Chat>(
        m_database, m_events, [&](QSqlDatabase &db, RealtimeEvents &events) -> Result<Chat> {
            const qint64 version = VersionRepository(db).next();
            ChatRepository chats(db);
            const auto access = ChatAccess::ofGroup(chats, chatId, callerId);
            if (!access)
                return access.error();
            if (!access->moderates())
                return ApiError::forbidden(QStringLiteral(
                    "Only the group's admins and owners can change its title and picture."));
            if (avatarFileId) {
                if (auto refused
                    = checkAvatarFile(db, *avatarFileId, callerId, QStringLiteral("avatarFileId")))
                    return *refused;
                chats.setAvatar(chatId, *avatarFileId);
            }
            if (title)
                chats.setTitle(chatId, normalizedTitle);
            chats.touch(chatId, version, m_clock.nowMs());
            const ChatRecord record = *chats.find(chatId);
            ChatViews views(db, m_presence);
            addChatEvents(events, views, record, chatUpdateEvent);
            return views.chat(record, callerId);
        });
}

Result<Chat> ChatService::addMembers(
    const QString &callerId, const QString &chatId, const QStringList &userIds)
{
    const QStringList wanted = distinctOthers(userIds, callerId);
    return writeAndPublish<Chat>(
        m_database, m_events, [&](QSqlDatabase &db, RealtimeEvents &events) -> Result<Chat> {
            const qint64 version = VersionRepository(db).next();
            ChatRepository chats(db);
            const auto access = ChatAccess::ofGroup(chats, chatId, callerId);
            if (!access)
                return access.error();
            if (!access->moderates())
                return ApiError::forbidden(
                    QStringLiteral("Only the group's admins and owners can add people."));
            if (wanted.isEmpty())
                return ApiError::invalidField(
                    QStringLiteral("userIds"), QStringLiteral("Name at least one person to add."));
            if (const auto problem = checkPeople(db, wanted, QStringLiteral("userIds")))
                return *problem;
            const QStringList before = chats.memberIds(chatId);
            QStringList added;
            for (const QString &userId : wanted) {
                if (!before.contains(userId))
                    added.append(userId);
            }
            if (before.size() + added.size() > limits::groupMaxMembers)
                return tooManyMembers(QStringLiteral("userIds"));
            ChatViews views(db, m_presence);
            if (added.isEmpty())
                return views.chat(access->chat, callerId);
            const qint64 now = m_clock.nowMs();
            for (const QString &userId : added) {
                // What was written before they came is history to them, never unread; their read
                // position starts at 0 all the same, so joining marks nobody's message "read".
                chats.addMember(MemberRecord{
                    chatId, userId, chat::roleMember, now, access->chat.lastMessageId, 0, 0});
                chats.clearRemoval(chatId, userId);
                events.append(eventFor(QStringLiteral("member:join"),
                    memberEventPayload(chatId, views.user(userId), version), before));
            }
            chats.touch(chatId, version, now);
            const ChatRecord record = *chats.find(chatId);
            addChatEvents(events, views, record, chatNewEvent, added);
            return views.chat(record, callerId);
        });
}

Result<Done> ChatService::removeMember(
    const QString &callerId, const QString &chatId, const QString &userId)
{
    return writeAndPublish<Done>(
        m_database, m_events, [&](QSqlDatabase &db, RealtimeEvents &events) -> Result<Done> {
            const qint64 version = VersionRepository(db).next();
            ChatRepository chats(db);
            const auto access = ChatAccess::ofGroup(chats, chatId, callerId);
            if (!access)
                return access.error();
            const auto target = chats.member(chatId, userId);
            if (!target)
                return ApiError::notFound(QStringLiteral("That person is not in this group."));
            if (userId == callerId) {
                if (access->isOwner() && chats.countWithRole(chatId, chat::roleOwner) == 1)
                    return lastOwner();
            } else if (!access->moderates()) {
                return ApiError::forbidden(
                    QStringLiteral("Only the group's admins and owners can remove people."));
            } else if (target->role == chat::roleOwner && !access->isOwner()) {
                return ApiError::forbidden(
                    QStringLiteral("An admin cannot remove an owner of the group."));
            }
            const QStringList before = chats.memberIds(chatId);
            const User user = ChatViews(db, m_presence).user(userId);
            chats.removeMember(chatId, userId);
            chats.recordRemoval(chatId, userId, version);
            chats.touch(chatId, version, m_clock.nowMs());
            // The person who left hears it too, on every device.
            events.append(eventFor(
                QStringLiteral("member:leave"), memberEventPayload(chatId, user, version), before));
            return Done{};
        });
}

Result<Chat> ChatService::setRole(
    const QString &callerId, const QString &chatId, const QString &userId, const QString &role)
{
    if (role != chat::roleOwner && role != chat::roleAdmin && role != chat::roleMember)
        return ApiError::invalidField(QStringLiteral("role"),
            QStringLiteral("A role is \"owner\", \"admin\" or \"member\"."));
    return writeAndPublish<Chat>(
        m_database, m_events, [&](QSqlDatabase &db, RealtimeEvents &events) -> Result<Chat> {
            const qint64 version = VersionRepository(db).next();
            ChatRepository chats(db);
            const auto access = ChatAccess::ofGroup(chats, chatId, callerId);
            if (!access)
                return access.error();
            if (!access->isOwner())
                return ApiError::forbidden(
                    QStringLiteral("Only the group's owner can change roles."));
            const auto target = chats.member(chatId, userId);
            if (!target)
                return ApiError::notFound(QStringLiteral("That person is not in this group."));
            ChatViews views(db, m_presence);
            if (target->role == role)
                return views.chat(access->chat, callerId);
            if (target->role == chat::roleOwner
                && chats.countWithRole(chatId, chat::roleOwner) == 1)
                return lastOwner();
            chats.setRole(chatId, userId, role);
            chats.touch(chatId, version, m_clock.nowMs());
            const ChatRecord record = *chats.find(chatId);
            addChatEvents(events, views, record, chatUpdateEvent);
            return views.chat(record, callerId);
        });
}

Result<Done> ChatService::deleteGroup(const QString &callerId, const QString &chatId)
{
    return writeAndPublish<Done>(
        m_database, m_events, [&](QSqlDatabase &db, RealtimeEvents &events) -> Result<Done> {
            const qint64 version = VersionRepository(db).next();
            ChatRepository chats(db);
            const auto access = ChatAccess::ofGroup(chats, chatId, callerId);
            if (!access)
                return access.error();
            if (!access->isOwner())
                return ApiError::forbidden(QStringLiteral("Only the group's owner can delete it."));
            const QStringList members = chats.memberIds(chatId);
            for (const QString &userId : members)
                chats.recordRemoval(chatId, userId, version);
            chats.remove(chatId); // members, messages and reactions go with it
            events.append(eventFor(QStringLiteral("chat:delete"),
                QJsonObject{{QStringLiteral("id"), chatId}, {QStringLiteral("version"), version}},
                members));
            return Done{};
        });
}

} // namespace kocmoc
