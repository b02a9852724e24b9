#pragma once

#include "repositories/ChatRepository.h"
#include "services/PresenceSource.h"

#include <kocmoc/Chat.h>

#include <QHash>
#include <QSqlDatabase>

namespace kocmoc {

// Builds chats and messages as one person sees them (their role, unread count, own
// reactions, who is online), inside a transaction on a worker thread.
class ChatViews
{
public:
    ChatViews(QSqlDatabase &db, const PresenceSource &presence)
        : m_db(db)
        , m_presence(presence)
    { }

    // The messages with their reactions as viewerId sees them.
    QList<Message> messages(QList<Message> messages, const QString &viewerId);
    Message message(const Message &message, const QString &viewerId);
    // The chats with members, last message and unread count as viewerId sees them.
    QList<Chat> chats(const QList<ChatRecord> &records, const QString &viewerId);
    Chat chat(const ChatRecord &record, const QString &viewerId);
    // The chat as each member sees it (member id → chat), for events that carry it.
    QList<QPair<QString, Chat>> chatForEachMember(const ChatRecord &record);
    User user(const QString &userId); // with presence; read once per view

private:
    Chat build(const ChatRecord &record, const QList<MemberRecord> &members,
        const std::optional<Message> &lastMessage, const QString &viewerId, int unreadCount);

    QSqlDatabase &m_db;
    const PresenceSource &m_presence;
    QHash<QString, User> m_users;
};

} // namespace kocmoc
