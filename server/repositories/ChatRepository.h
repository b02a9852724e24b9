#pragma once

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace kocmoc {

struct ChatRecord
{
    QString id;
    QString type; // chat::typeDirect or chat::typeGroup
    QString title;
    QString avatarFileId;
    QString directKey; // direct chats only: see ChatRepository::directKey
    qint64 lastMessageId = 0; // the newest message not deleted; 0: none
    qint64 lastActivityAtMs = 0; // creation or the newest message: orders the chat list
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
    qint64 version = 0; // of the chat's last change, its messages' included
};

struct MemberRecord
{
    QString chatId;
    QString userId;
    QString role; // chat::roleOwner, roleAdmin or roleMember
    qint64 joinedAtMs = 0;
    qint64 joinedMessageId = 0; // the newest message when they joined: history, never unread
    qint64 readMessageId = 0; // read up to here
    qint64 deliveredMessageId = 0; // a device of this member has everything up to here
};

// A chat the user left, was removed from, or that was deleted: what catch-up reports.
struct ChatRemoval
{
    QString chatId;
    qint64 version = 0;
};

// SQL for chats, their members (roles and read positions) and removals; used inside a
// Database transaction on a worker thread.
class ChatRepository
{
public:
    explicit ChatRepository(QSqlDatabase &db)
        : m_db(db)
    { }

    // The same key for (a, b) and (b, a): one direct chat per pair of people.
    static QString directKey(const QString &userA, const QString &userB);

    bool insert(const ChatRecord &chat); // false when the pair's direct chat exists already
    std::optional<ChatRecord> find(const QString &id);
    std::optional<ChatRecord> findDirect(const QString &directKey);
    // The user's chats, most recent activity first. A non-empty folded query keeps groups
    // whose title contains it and direct chats whose other member's name or username does.
    QList<ChatRecord> chatsOf(const QString &userId, const QString &foldedQuery = {});
    QList<ChatRecord> changedSince(const QString &userId, qint64 sinceVersion);
    // Something in the chat changed: its members, read positions, messages.
    void touch(const QString &id, qint64 version, qint64 nowMs);
    // A new message: the chat's last message, activity time and version in one statement.
    void recordMessage(const QString &id, qint64 messageId, qint64 atMs);
    // The same for many chats in one statement: chat id → its new last message.
    void recordMessages(const QHash<QString, qint64> &lastMessages, qint64 atMs);
    void setAvatar(const QString &id, const QString &fileId); // empty: none
    void setTitle(const QString &id, const QString &title);
    void setLastMessage(const QString &id, qint64 messageId);
    void recordActivity(const QString &id, qint64 messageId, qint64 atMs);
    void remove(const QString &id);

    bool addMember(const MemberRecord &member); // false when already a member
    bool removeMember(const QString &chatId, const QString &userId);
    void setRole(const QString &chatId, const QString &userId, const QString &role);
    std::optional<MemberRecord> member(const QString &chatId, const QString &userId);
    // Owners first, then admins, then members, each in the order they joined.
    QList<MemberRecord> members(const QString &chatId);
    QHash<QString, QList<MemberRecord>> membersOf(const QStringList &chatIds);
    QStringList memberIds(const QString &chatId);
    // Each chat's member-list version, which changes whenever someone joins or leaves;
    // chats that do not exist are missing.
    QHash<QString, qint64> membersVersions(const QStringList &chatIds);
    QHash<QString, QStringList> memberIdsOf(const QStringList &chatIds); // in no order
    int countWithRole(const QString &chatId, const QString &role);
    // Positions only move forward; reading implies delivery.
    void advanceRead(const QString &chatId, const QString &userId, qint64 messageId);
    void advanceDelivered(const QString &chatId, const QString &userId, qint64 messageId);
    // Many delivery reports at once, one per chat and person: deliveredMoves keeps those
    // that move someone's position forward (fromMessageId: where it is now), and
    // advanceDeliveredMany moves them.
    struct DeliveredMove
    {
        QString chatId;
        QString userId;
        qint64 fromMessageId = 0;
        qint64 toMessageId = 0;
    };
    QList<DeliveredMove> deliveredMoves(const QList<DeliveredMove> &reports);
    void advanceDeliveredMany(const QList<DeliveredMove> &moves);
    void touchMany(const QStringList &ids, qint64 version, qint64 nowMs);

    void recordRemoval(const QString &chatId, const QString &userId, qint64 version);
    void clearRemoval(const QString &chatId, const QString &userId);
    QList<ChatRemoval> removalsSince(const QString &userId, qint64 sinceVersion);

private:
    void bumpMembersVersion(const QString &chatId);

    QSqlDatabase &m_db;
};

} // namespace kocmoc
