#pragma once

#include "app/Clock.h"
#include "db/Database.h"
#include "realtime/EventBus.h"
#include "repositories/FileRepository.h"
#include "repositories/MessageRepository.h"
#include "services/MemberDirectory.h"
#include "services/PresenceSource.h"
#include "services/SendThrottle.h"
#include "services/WriteAndPublish.h"

#include <kocmoc/Message.h>
#include <kocmoc/Result.h>

#include <QJsonObject>
#include <QMutex>

#include <atomic>
#include <mutex>
#include <optional>
#include <vector>

namespace kocmoc {

// A new message as a client asks for it: POST /api/chats/{id}/messages, or the
// realtime hub's message:send.
struct SendInput
{
    QString chatId;
    QString clientId;
    QString type = message::typeText;
    std::optional<QString> text;
    QStringList fileIds;
    qint64 replyToId = 0; // 0: not a reply
    QString stickerId;
};

// One send of a batch: who sends what.
struct SendRequest
{
    QString callerId;
    SendInput input;
};

// The message, and whether this call stored it (false: a retry of one stored before).
struct SentMessage
{
    Message message;
    bool created = false;
};

// What a deletion leaves: {id, chatId, version}, the body of message:delete.
struct DeletedMessage
{
    qint64 id = 0;
    QString chatId;
    qint64 version = 0;

    QJsonObject toJson() const;
};

// A message's reactions after one person added or took back one emoji: the body of
// reaction:update. `reactions` is as that person sees them; the others keep their own
// `mine` and take the counts.
struct ReactionUpdate
{
    qint64 messageId = 0;
    QString chatId;
    QList<Reaction> reactions;
    qint64 version = 0;
    QString userId;
    QString emoji;
    bool added = false;

    QJsonObject toJson() const;
};

// Messages, reactions, read positions and delivery (API.md, Messages). Every method
// checks that the caller is in the chat: otherwise "not found". Runs on worker threads;
// events go out after the change has committed.
class MessageService
{
public:
    struct Settings
    {
        int sendIntervalMs = 0; // the least time between two sends of one person
    };

    MessageService(db::Database &database, const Clock &clock, realtime::EventBus &events,
        const PresenceSource &presence, Settings settings);

    // Stores a message once per (sender, clientId): the same clientId again answers with
    // the message stored first, never a second one. For REST and the realtime hub alike.
    Result<SentMessage> send(const QString &callerId, const SendInput &input);
    // Many sends in one transaction (one version lock, one commit), each with its own
    // outcome: what MessageWriter uses when sends pile up.
    QList<Result<SentMessage>> sendMany(const QList<SendRequest> &requests);
    Result<MessagePage> history(
        const QString &callerId, const QString &chatId, qint64 before, qint64 after, int limit);
    Result<Message> edit(const QString &callerId, qint64 messageId, const QString &text);
    Result<DeletedMessage> remove(const QString &callerId, qint64 messageId);
    Result<QList<Message>> forward(
        const QString &callerId, qint64 messageId, const QStringList &chatIds);
    Result<ReactionUpdate> react(
        const QString &callerId, qint64 messageId, const QString &emoji, bool add);
    // In one chat, or with an empty chatId in all the caller's chats; newest first.
    Result<QList<Message>> search(
        const QString &callerId, const QString &chatId, const QString &query);
    // The caller has read everything up to messageId (POST /api/chats/{id}/read).
    Result<Done> markRead(const QString &callerId, const QString &chatId, qint64 messageId);
    // A device of the caller has received everything up to messageId: the realtime hub
    // calls it after delivering; the senders' messages become "delivered".
    Result<Done> markDelivered(const QString &callerId, const QString &chatId, qint64 messageId);
    // Many deliveries in one transaction: what the realtime hub gathered in an interval.
    struct Delivery
    {
        QString userId;
        QString chatId;
        qint64 messageId = 0;
    };
    // Delivery reports gathered over an interval, in a few statements whatever their number.
    // Also for a device that loaded a history page: other people's messages stored as
    // "sent" become "delivered", as a realtime delivery makes them.
    void markDeliveredMany(const QList<Delivery> &deliveries);
    // New messages this process stored, sends and forwarded copies (metrics).
    quint64 storedCount() const { return m_stored.load(std::memory_order_relaxed); }

private:
    enum class Position { Read, Delivered };
    Result<Done> advance(
        const QString &callerId, const QString &chatId, qint64 messageId, Position position);
    std::optional<ApiError> throttle(const QString &callerId, const QString &clientId);
    // Every rule that needs no SQL, and the throttle: the normalised text.
    Result<QString> checkSend(const QString &callerId, const SendInput &input);
    using Outcomes = std::vector<std::optional<Result<SentMessage>>>;
    bool anotherMemberOnline(const QStringList &memberIds, const QString &senderId) const;
    // What a batch needs before the version lock is taken: each request's normalised text,
    // the time, the rows encoded (MessageRepository::encodeRows), one per request, and the
    // chats the sends that passed the checks go to.
    struct Batch
    {
        std::vector<QString> texts;
        qint64 nowMs = 0;
        MessageRepository::EncodedRows rows;
        QStringList chatIds;
    };
    // Stores the requests without an outcome yet, in one transaction: one version lock,
    // one members lookup per chat, one INSERT for all, one update per chat. Returns each
    // chat's members, whom the batch's events go to.
    QHash<QString, QStringList> storeBatch(QSqlDatabase &db, const QList<SendRequest> &requests,
        const Batch &batch, Outcomes &outcomes);
    // A send whose clientId this sender used already: that message, never a second one.
    Result<SentMessage> earlierSend(
        QSqlDatabase &db, const QString &callerId, const SendInput &input);
    // The rules of each type without SQL: the normalised text (a caption may be empty).
    static Result<QString> checkContent(const SendInput &input);
    // The files to attach, in order, each one the sender may see and of the type's kind.
    Result<QList<FileRecord>> attachableFiles(
        QSqlDatabase &db, const QString &callerId, const SendInput &input);

    db::Database &m_database;
    const Clock &m_clock;
    realtime::EventBus &m_events;
    const PresenceSource &m_presence;
    SendThrottle m_throttle;
    MemberDirectory m_memberLists;
    QMutex m_publishTurn; // see sendMany
    std::atomic<quint64> m_stored = 0;
};

} // namespace kocmoc
