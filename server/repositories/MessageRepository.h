#pragma once

#include <kocmoc/Message.h>

#include <QHash>
#include <QList>
#include <QSet>
#include <QSqlDatabase>

#include <optional>
#include <vector>

namespace kocmoc {

struct NewMessage
{
    qint64 id = 0; // a fresh version: ids grow with time
    QString chatId;
    QString senderId;
    QString clientId;
    QString type;
    QString text;
    qint64 replyToId = 0; // 0: not a reply
    std::optional<ForwardedFrom> forwardedFrom;
    qint64 nowMs = 0;
    bool delivered = false; // stored as delivered: another member's device got it at once
};

// A page of history in id order, and whether more lies beyond it.
struct MessagePage
{
    QList<Message> messages;
    bool hasMore = false;
};

// SQL for messages; used inside a Database transaction on a worker thread. Messages
// come back without reactions (see ReactionRepository).
class MessageRepository
{
public:
    // Delivery status as stored: only ever rises.
    enum Status { Sent = 0, Delivered = 1, Read = 2 };

    explicit MessageRepository(QSqlDatabase &db)
        : m_db(db)
    { }

    // false when this sender already used this clientId (find that one with findByClientId).
    bool insert(const NewMessage &message) { return insertMany({message}).contains(message.id); }
    // In one statement; the ids stored: a row whose sender used its clientId already is not.
    QSet<qint64> insertMany(const QList<NewMessage> &messages);
    // The same in two steps, so that a batch is encoded before the version lock is taken:
    // the messages without their ids and statuses, then each row's id and status (id 0:
    // that row is not stored).
    struct StoredAs
    {
        qint64 id = 0;
        bool delivered = false;
    };
    // PostgreSQL's rows are arrays of column values, SQLite's a JSON array of objects.
    struct EncodedRows
    {
        std::vector<QByteArray> postgresColumns;
        QString sqliteJson;
    };
    static EncodedRows encodeRows(const QList<NewMessage> &messages, bool postgres);
    QSet<qint64> insertEncoded(const EncodedRows &rows, const QList<StoredAs> &storedAs);
    std::optional<Message> find(qint64 id);
    std::optional<Message> findByClientId(const QString &senderId, const QString &clientId);
    QList<Message> byIds(const QList<qint64> &ids); // in id order
    // Oldest first. before/after 0: not given; with neither, the newest page.
    MessagePage page(const QString &chatId, qint64 before, qint64 after, int limit);
    // Messages changed after a version in the user's chats, oldest change first.
    QList<Message> changedSince(const QString &userId, qint64 sinceVersion, int limit);
    // Every message of the person's chats that one change gave this version.
    QList<Message> changedAt(const QString &userId, qint64 version);
    // Live messages whose folded text contains the folded query, newest first; in one chat,
    // or with an empty chatId in every chat of the user.
    QList<Message> search(
        const QString &userId, const QString &chatId, const QString &foldedQuery, int limit);
    qint64 newestLiveId(const QString &chatId); // 0 when every message is deleted

    void editText(qint64 id, const QString &text, qint64 nowMs, qint64 version);
    void softDelete(qint64 id, qint64 version);
    void touch(qint64 id, qint64 version);
    // Raises the status of other people's messages in (afterId, upToId] to `status`;
    // returns how many changed.
    int raiseStatus(const QString &chatId, const QString &readerId, qint64 afterId, qint64 upToId,
        Status status, qint64 version);
    // Live messages in any of the ranges (afterId, upToId] of their chat whose status is
    // below `status`, oldest first; then setStatus raises the chosen ones in one statement.
    // A deleted message shows no tick, so it is not rewritten.
    struct IdRange
    {
        QString chatId;
        qint64 afterId = 0;
        qint64 upToId = 0;
    };
    struct Candidate
    {
        QString chatId;
        qint64 id = 0;
        QString senderId;
    };
    QList<Candidate> withStatusBelow(const QList<IdRange> &ranges, Status status);
    void setStatus(const QList<qint64> &ids, Status status, qint64 version);

    int unreadCount(const QString &chatId, const QString &userId);
    QHash<QString, int> unreadCountsOfUser(const QString &userId); // by chat id
    QHash<QString, int> unreadCountsInChat(const QString &chatId); // by member id

private:
    QSqlDatabase &m_db;
};

} // namespace kocmoc
