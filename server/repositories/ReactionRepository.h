#pragma once

#include <kocmoc/Message.h>

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QStringList>

namespace kocmoc {

// Who put one emoji on a message.
struct ReactionTally
{
    QString emoji;
    QStringList userIds;
};

// SQL for reactions: one row per (message, person, emoji), so one person can put several
// different emoji on a message but each only once.
class ReactionRepository
{
public:
    explicit ReactionRepository(QSqlDatabase &db)
        : m_db(db)
    { }

    bool add(qint64 messageId, const QString &userId, const QString &emoji,
        qint64 nowMs); // false: already there
    bool remove(qint64 messageId, const QString &userId, const QString &emoji); // false: was not
    void removeAll(qint64 messageId);
    // Each message's tallies, in the order its emoji first appeared.
    QHash<qint64, QList<ReactionTally>> tallies(const QList<qint64> &messageIds);
    // Fills in each message's reactions as viewerId sees them.
    void attach(QList<Message> &messages, const QString &viewerId);

    static QList<Reaction> asSeenBy(const QList<ReactionTally> &tallies, const QString &viewerId);

private:
    QSqlDatabase &m_db;
};

} // namespace kocmoc
