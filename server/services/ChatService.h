#pragma once

#include "app/Clock.h"
#include "db/Database.h"
#include "realtime/EventBus.h"
#include "services/PresenceSource.h"

#include <kocmoc/Chat.h>
#include <kocmoc/Result.h>

#include <optional>

namespace kocmoc {

// A direct chat, and whether this call created it.
struct DirectChat
{
    Chat chat;
    bool created = false;
};

// Chats, members and roles (API.md, Chats). Every method checks that the caller is a
// member: a chat they are not in is "not found", never shown. Runs on worker threads;
// events go out after the change has committed.
class ChatService
{
public:
    ChatService(db::Database &database, const Clock &clock, realtime::EventBus &events,
        const PresenceSource &presence);

    // The caller's chats, most recent activity first; query filters by title or, for
    // direct chats, by the other person's name.
    Result<QList<Chat>> list(const QString &callerId, const QString &query);
    Result<Chat> get(const QString &callerId, const QString &chatId);
    Result<DirectChat> openDirect(const QString &callerId, const QString &otherUserId);
    Result<Chat> createGroup(
        const QString &callerId, const QString &title, const QStringList &memberIds);
    // A group's title and/or avatar (an empty avatarFileId removes it).
    Result<Chat> update(const QString &callerId, const QString &chatId,
        const std::optional<QString> &title, const std::optional<QString> &avatarFileId);
    Result<Chat> addMembers(
        const QString &callerId, const QString &chatId, const QStringList &userIds);
    // Removes someone (admins and owners), or the caller themselves: leaving.
    Result<Done> removeMember(
        const QString &callerId, const QString &chatId, const QString &userId);
    Result<Chat> setRole(
        const QString &callerId, const QString &chatId, const QString &userId, const QString &role);
    Result<Done> deleteGroup(const QString &callerId, const QString &chatId);

private:
    db::Database &m_database;
    const Clock &m_clock;
    realtime::EventBus &m_events;
    const PresenceSource &m_presence;
};

} // namespace kocmoc
