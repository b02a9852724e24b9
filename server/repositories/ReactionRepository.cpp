#include "ReactionRepository.h"

#include "SqlText.h"
#include "db/Sql.h"

#include <algorithm>

namespace kocmoc {

using db::Sql;

bool ReactionRepository::add(
    qint64 messageId, const QString &userId, const QString &emoji, qint64 nowMs)
{
    Sql query(m_db,
        QStringLiteral("INSERT INTO message_reactions (message_id, user_id, emoji, created_at) "
                       "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING message_id"));
    query.bind(messageId).bind(userId).bind(emoji).bind(nowMs).exec();
    return query.next();
}

bool ReactionRepository::remove(qint64 messageId, const QString &userId, const QString &emoji)
{
    Sql query(m_db,
        QStringLiteral("DELETE FROM message_reactions WHERE message_id = ? AND user_id = ? AND "
                       "emoji = ? RETURNING message_id"));
    query.bind(messageId).bind(userId).bind(emoji).exec();
    return query.next();
}

void ReactionRepository::removeAll(qint64 messageId)
{
    Sql(m_db, QStringLiteral("DELETE FROM message_reactions WHERE message_id = ?"))
        .bind(messageId)
        .exec();
}

QHash<qint64, QList<ReactionTally>> ReactionRepository::tallies(const QList<qint64> &messageIds)
{
    QHash<qint64, QList<ReactionTally>> tallies;
    if (messageIds.isEmpty())
        return tallies;
    Sql query(m_db,
        QStringLiteral("SELECT message_id, emoji, user_id FROM message_reactions WHERE message_id "
                       "IN (")
            + sqltext::placeholders(messageIds.size())
            + QStringLiteral(") ORDER BY message_id, created_at, emoji, user_id"));
    for (const qint64 id : messageIds)
        query.bind(id);
    query.exec();
    while (query.next()) {
        QList<ReactionTally> &message = tallies[query.integer(0)];
        const QString emoji = query.text(1);
        auto tally = std::find_if(message.begin(), message.end(),
            [&](const ReactionTally &t) { return t.emoji == emoji; });
        if (tally == message.end())
            tally = message.insert(message.end(), ReactionTally{emoji, {}});
        tally->userIds.append(query.text(2));
    }
    return tallies;
}

QList<Reaction> ReactionRepository::asSeenBy(
    const QList<ReactionTally> &tallies, const QString &viewerId)
{
    QList<Reaction> reactions;
    reactions.reserve(tallies.size());
    for (const ReactionTally &tally : tallies)
        reactions.append(
            Reaction{tally.emoji, int(tally.userIds.size()), tally.userIds.contains(viewerId)});
    return reactions;
}

void ReactionRepository::attach(QList<Message> &messages, const QString &viewerId)
{
    QList<qint64> ids;
    ids.reserve(messages.size());
    for (const Message &message : std::as_const(messages))
        ids.append(message.id);
    const auto all = tallies(ids);
    for (Message &message : messages)
        message.reactions = asSeenBy(all.value(message.id), viewerId);
}

} // namespace kocmoc
