#include "ChatViews.h"

#include "files/FileUrls.h"
#include "repositories/FileRepository.h"

#include "repositories/MessageRepository.h"
#include "repositories/ReactionRepository.h"
#include "repositories/UserRepository.h"

namespace kocmoc {

User ChatViews::user(const QString &userId)
{
    const auto cached = m_users.constFind(userId);
    if (cached != m_users.cend())
        return *cached;
    User user;
    if (const auto record = UserRepository(m_db).findById(userId))
        user = record->user;
    else
        user.id = userId; // cannot happen while users are never deleted; keeps the id visible
    user.online = m_presence.isOnline(userId);
    m_users.insert(userId, user);
    return user;
}

QList<Message> ChatViews::messages(QList<Message> messages, const QString &viewerId)
{
    ReactionRepository(m_db).attach(messages, viewerId);
    QList<qint64> ids;
    for (const Message &message : std::as_const(messages)) {
        if (!message.deleted)
            ids.append(message.id);
    }
    const auto files = FileRepository(m_db).ofMessages(ids);
    if (!files.isEmpty()) {
        const qint64 now = fileUrls::now();
        for (Message &message : messages) {
            QJsonArray list;
            for (const FileRecord &file : files.value(message.id))
                list.append(file.toFile(now).toJson());
            message.files = list;
        }
    }
    return messages;
}

Message ChatViews::message(const Message &message, const QString &viewerId)
{
    return messages({message}, viewerId).constFirst();
}

Chat ChatViews::build(const ChatRecord &record, const QList<MemberRecord> &members,
    const std::optional<Message> &lastMessage, const QString &viewerId, int unreadCount)
{
    Chat chat;
    chat.id = record.id;
    chat.type = record.type;
    chat.title = record.title;
    chat.avatarUrl = fileUrls::avatarUrl(record.avatarFileId);
    for (const MemberRecord &member : members) {
        chat.members.append(ChatMember{user(member.userId), member.role});
        if (member.userId == viewerId) {
            chat.myRole = member.role;
            chat.readMessageId = qMax(member.readMessageId, member.joinedMessageId);
        }
    }
    chat.lastMessage = lastMessage;
    chat.unreadCount = unreadCount;
    chat.createdAtMs = record.createdAtMs;
    chat.updatedAtMs = record.updatedAtMs;
    chat.version = record.version;
    return chat;
}

QList<Chat> ChatViews::chats(const QList<ChatRecord> &records, const QString &viewerId)
{
    if (records.isEmpty())
        return {};
    QStringList chatIds;
    QList<qint64> lastMessageIds;
    for (const ChatRecord &record : records) {
        chatIds.append(record.id);
        if (record.lastMessageId > 0)
            lastMessageIds.append(record.lastMessageId);
    }
    MessageRepository messageRows(m_db);
    QHash<qint64, Message> lastMessages;
    for (const Message &message : messages(messageRows.byIds(lastMessageIds), viewerId))
        lastMessages.insert(message.id, message);
    // One chat: its own count; a list: every count of the viewer in one query.
    const QHash<QString, int> unread = records.size() == 1
        ? QHash<QString, int>{{records.constFirst().id,
            messageRows.unreadCount(records.constFirst().id, viewerId)}}
        : messageRows.unreadCountsOfUser(viewerId);
    const auto members = ChatRepository(m_db).membersOf(chatIds);

    QList<Chat> chats;
    chats.reserve(records.size());
    for (const ChatRecord &record : records) {
        const auto last = lastMessages.constFind(record.lastMessageId);
        chats.append(build(record, members.value(record.id),
            last == lastMessages.cend() ? std::nullopt : std::optional<Message>(*last), viewerId,
            unread.value(record.id)));
    }
    return chats;
}

Chat ChatViews::chat(const ChatRecord &record, const QString &viewerId)
{
    return chats({record}, viewerId).constFirst();
}

QList<QPair<QString, Chat>> ChatViews::chatForEachMember(const ChatRecord &record)
{
    const QList<MemberRecord> members = ChatRepository(m_db).members(record.id);
    MessageRepository messageRows(m_db);
    const QHash<QString, int> unread = messageRows.unreadCountsInChat(record.id);
    std::optional<Message> lastMessage;
    QList<ReactionTally> lastReactions;
    if (record.lastMessageId > 0) {
        lastMessage = messageRows.find(record.lastMessageId);
        lastReactions
            = ReactionRepository(m_db).tallies({record.lastMessageId}).value(record.lastMessageId);
    }
    QList<QPair<QString, Chat>> views;
    views.reserve(members.size());
    for (const MemberRecord &member : members) {
        if (lastMessage)
            lastMessage->reactions = ReactionRepository::asSeenBy(lastReactions, member.userId);
        views.append({member.userId,
            build(record, members, lastMessage, member.userId, unread.value(member.userId))});
    }
    return views;
}

} // namespace kocmoc
