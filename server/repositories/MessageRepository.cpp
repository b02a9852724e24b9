#include "MessageRepository.h"

#include "SqlText.h"
#include "db/Libpq.h"
#include "db/PostgresArray.h"
#include "db/Sql.h"

#include <kocmoc/Validation.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace kocmoc {

using db::Sql;
using namespace Qt::StringLiterals;

namespace {

const QString messageColumns = QStringLiteral(
    "SELECT m.id, m.chat_id, m.client_id, m.sender_id, m.type, m.text, m.reply_to_id, "
    "r.sender_id, r.text, r.deleted, m.forwarded_message_id, m.forwarded_chat_id, "
    "m.forwarded_sender_id, m.forwarded_sender_name, m.status, m.edited_at, m.deleted, "
    "m.created_at, m.version FROM messages m LEFT JOIN messages r ON r.id = m.reply_to_id ");

// The messages of one person's chats (the person is the first parameter).
const QString theirChatIds = QStringLiteral("SELECT chat_id FROM chat_members WHERE user_id = ?");
const QString inTheirChats = QStringLiteral("WHERE m.chat_id IN (%1) ").arg(theirChatIds);

// Unread: after the member's read position and after they joined, from someone else, not
// deleted.
const QString unreadSubquery = QStringLiteral(
    "(SELECT COUNT(*) FROM messages m WHERE m.chat_id = cm.chat_id AND m.id > cm.read_message_id "
    "AND m.id > cm.joined_message_id AND m.sender_id <> cm.user_id AND m.deleted = 0)");

QString statusName(qint64 status)
{
    switch (status) {
    case MessageRepository::Read:
        return message::statusRead;
    case MessageRepository::Delivered:
        return message::statusDelivered;
    default:
        return message::statusSent;
    }
}

Message readMessage(const Sql &row)
{
    Message message;
    message.id = row.integer(0);
    message.chatId = row.text(1);
    message.clientId = row.text(2);
    message.senderId = row.text(3);
    message.type = row.text(4);
    message.text = row.text(5);
    if (!row.value(6).isNull())
        message.replyTo = MessageReply{row.integer(6), row.text(7),
            // What was deleted is gone from replies to it too.
            row.flag(9) ? QString() : row.text(8)};
    if (!row.value(10).isNull())
        message.forwardedFrom
            = ForwardedFrom{row.integer(10), row.text(11), row.text(12), row.text(13)};
    message.status = statusName(row.integer(14));
    message.editedAtMs = row.integer(15);
    message.deleted = row.flag(16);
    message.createdAtMs = row.integer(17);
    message.version = row.integer(18);
    return message;
}

QList<Message> readMessages(Sql &query)
{
    QList<Message> messages;
    while (query.next())
        messages.append(readMessage(query));
    return messages;
}

QHash<QString, int> readCounts(Sql &query)
{
    QHash<QString, int> counts;
    while (query.next())
        counts.insert(query.text(0), int(query.integer(1)));
    return counts;
}

} // namespace

MessageRepository::EncodedRows MessageRepository::encodeRows(
    const QList<NewMessage> &messages, bool postgres)
{
    EncodedRows encoded;
    if (postgres) {
        // One array per column, in insertEncoded's order.
        enum Column {
            Chat,
            Sender,
            Client,
            Type,
            Text,
            TextKey,
            ReplyTo,
            ForwardedMessage,
            ForwardedChat,
            ForwardedSender,
            ForwardedSenderName,
            CreatedAt,
            Columns
        };
        std::vector<db::PostgresArray> columns(Columns);
        for (const NewMessage &message : messages) {
            columns[Chat].append(message.chatId);
            columns[Sender].append(message.senderId);
            columns[Client].append(message.clientId);
            columns[Type].append(message.type);
            columns[Text].append(message.text);
            columns[TextKey].append(
                message.text.isEmpty() ? QString() : validation::foldedForSearch(message.text));
            if (message.replyToId > 0)
                columns[ReplyTo].append(message.replyToId);
            else
                columns[ReplyTo].appendNull();
            if (const auto &forwarded = message.forwardedFrom) {
                columns[ForwardedMessage].append(forwarded->messageId);
                columns[ForwardedChat].append(forwarded->chatId);
                columns[ForwardedSender].append(forwarded->senderId);
                columns[ForwardedSenderName].append(forwarded->senderName);
            } else {
                for (const Column column :
                    {ForwardedMessage, ForwardedChat, ForwardedSender, ForwardedSenderName})
                    columns[column].appendNull();
            }
            columns[CreatedAt].append(message.nowMs);
        }
        for (const db::PostgresArray &column : columns)
            encoded.postgresColumns.push_back(column.literal());
        return encoded;
    }
    QJsonArray rows;
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const NewMessage &message = messages.at(i);
        QJsonObject row{
            {QStringLiteral("n"), i},
            {QStringLiteral("chat_id"), message.chatId},
            {QStringLiteral("sender_id"), message.senderId},
            {QStringLiteral("client_id"), message.clientId},
            {QStringLiteral("type"), message.type},
            {QStringLiteral("text"), message.text.isNull() ? QStringLiteral("") : message.text},
            {QStringLiteral("text_key"),
                message.text.isEmpty() ? QStringLiteral("")
                                       : validation::foldedForSearch(message.text)},
            {QStringLiteral("created_at"), message.nowMs},
        };
        // A key left out reads as NULL: most messages are neither replies nor forwards.
        if (message.replyToId > 0)
            row.insert(QStringLiteral("reply_to_id"), message.replyToId);
        if (const auto &forwarded = message.forwardedFrom) {
            row.insert(QStringLiteral("forwarded_message_id"), forwarded->messageId);
            row.insert(QStringLiteral("forwarded_chat_id"), forwarded->chatId);
            row.insert(QStringLiteral("forwarded_sender_id"), forwarded->senderId);
            row.insert(QStringLiteral("forwarded_sender_name"), forwarded->senderName);
        }
        rows.append(row);
    }
    encoded.sqliteJson = sqltext::jsonParameter(rows);
    return encoded;
}

QSet<qint64> MessageRepository::insertMany(const QList<NewMessage> &messages)
{
    QList<StoredAs> storedAs;
    for (const NewMessage &message : messages)
        storedAs.append(StoredAs{message.id, message.delivered});
    return insertEncoded(encodeRows(messages, sqltext::isPostgres(m_db)), storedAs);
}

QSet<qint64> MessageRepository::insertEncoded(
    const EncodedRows &rows, const QList<StoredAs> &storedAs)
{
    if (std::none_of(
            storedAs.cbegin(), storedAs.cend(), [](const StoredAs &row) { return row.id > 0; }))
        return {};
    QSet<qint64> stored;
    if (!rows.postgresColumns.empty()) {
        // Through libpq, the columns as arrays beside the statement (db/Libpq.h): ~2/3 of
        // what json_to_recordset in QPSQL's EXECUTE text cost under the version lock. The
        // conflict is named: only the idempotency index is checked before each row. (NOT
        // EXISTS was cheaper, but a plan made while the table was empty scanned it whole
        // for every row until the next ANALYZE: p99 35 ms in the suite's first run.)
        db::PostgresArray ids;
        db::PostgresArray statuses;
        for (const StoredAs &row : storedAs) {
            if (row.id > 0)
                ids.append(row.id);
            else
                ids.appendNull();
            statuses.append(qint64(row.delivered ? Delivered : Sent));
        }
        std::vector<QByteArray> parameters{ids.literal(), statuses.literal()};
        parameters.insert(
            parameters.end(), rows.postgresColumns.cbegin(), rows.postgresColumns.cend());
        const QList<db::libpq::Row> inserted = db::libpq::rows(m_db,
            "INSERT INTO messages (id, status, chat_id, sender_id, client_id, type, text, "
            "text_key, reply_to_id, forwarded_message_id, forwarded_chat_id, "
            "forwarded_sender_id, forwarded_sender_name, created_at, version) "
            "SELECT r.*, r.id FROM unnest($1::bigint[], $2::integer[], $3::text[], "
            "$4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::bigint[], "
            "$10::bigint[], $11::text[], $12::text[], $13::text[], $14::bigint[]) AS r (id, "
            "status, chat_id, sender_id, client_id, type, text, text_key, reply_to_id, "
            "forwarded_message_id, forwarded_chat_id, forwarded_sender_id, "
            "forwarded_sender_name, created_at) "
            "WHERE r.id IS NOT NULL ON CONFLICT (sender_id, client_id) DO NOTHING "
            "RETURNING id",
            parameters);
        for (const db::libpq::Row &row : inserted)
            stored.insert(row.at(0).toLongLong());
        return stored;
    }
    QJsonArray keys;
    for (qsizetype i = 0; i < storedAs.size(); ++i) {
        if (storedAs.at(i).id > 0)
            keys.append(
                QJsonObject{{QStringLiteral("n"), i}, {QStringLiteral("id"), storedAs.at(i).id},
                    {QStringLiteral("status"), int(storedAs.at(i).delivered ? Delivered : Sent)}});
    }
    // "WHERE" also tells SQLite's parser that ON CONFLICT is the upsert clause.
    static const QString statement
        = QStringLiteral("INSERT INTO messages (id, chat_id, sender_id, client_id, type, text, "
                         "text_key, reply_to_id, forwarded_message_id, forwarded_chat_id, "
                         "forwarded_sender_id, forwarded_sender_name, status, created_at, "
                         "version) "
                         "SELECT k.id, r.chat_id, r.sender_id, r.client_id, r.type, r.text, "
                         "r.text_key, r.reply_to_id, r.forwarded_message_id, "
                         "r.forwarded_chat_id, r.forwarded_sender_id, r.forwarded_sender_name, "
                         "k.status, r.created_at, k.id FROM ")
        + sqltext::jsonRows(false,
            {"n BIGINT"_L1, "chat_id TEXT"_L1, "sender_id TEXT"_L1, "client_id TEXT"_L1,
                "type TEXT"_L1, "text TEXT"_L1, "text_key TEXT"_L1, "reply_to_id BIGINT"_L1,
                "forwarded_message_id BIGINT"_L1, "forwarded_chat_id TEXT"_L1,
                "forwarded_sender_id TEXT"_L1, "forwarded_sender_name TEXT"_L1,
                "created_at BIGINT"_L1},
            "r"_L1)
        + QStringLiteral(" JOIN ")
        + sqltext::jsonRows(false, {"n BIGINT"_L1, "id BIGINT"_L1, "status INTEGER"_L1}, "k"_L1)
        + QStringLiteral(" ON k.n = r.n WHERE true ON CONFLICT DO NOTHING RETURNING id");
    Sql query(m_db, statement);
    query.bind(rows.sqliteJson).bind(sqltext::jsonParameter(keys)).exec();
    while (query.next())
        stored.insert(query.integer(0));
    return stored;
}

std::optional<Message> MessageRepository::find(qint64 id)
{
    Sql query(m_db, messageColumns + QStringLiteral("WHERE m.id = ?"));
    query.bind(id).exec();
    if (!query.next())
        return std::nullopt;
    return readMessage(query);
}

std::optional<Message> MessageRepository::findByClientId(
    const QString &senderId, const QString &clientId)
{
    Sql query(m_db, messageColumns + QStringLiteral("WHERE m.sender_id = ? AND m.client_id = ?"));
    query.bind(senderId).bind(clientId).exec();
    if (!query.next())
        return std::nullopt;
    return readMessage(query);
}

QList<Message> MessageRepository::byIds(const QList<qint64> &ids)
{
    if (ids.isEmpty())
        return {};
    Sql query(m_db,
        messageColumns + QStringLiteral("WHERE m.id IN (") + sqltext::placeholders(ids.size())
            + QStringLiteral(") ORDER BY m.id"));
    for (const qint64 id : ids)
        query.bind(id);
    query.exec();
    return readMessages(query);
}

MessagePage MessageRepository::page(const QString &chatId, qint64 before, qint64 after, int limit)
{
    QString where = QStringLiteral("WHERE m.chat_id = ? ");
    if (after > 0)
        where += QStringLiteral("AND m.id > ? ORDER BY m.id LIMIT ?");
    else if (before > 0)
        where += QStringLiteral("AND m.id < ? ORDER BY m.id DESC LIMIT ?");
    else
        where += QStringLiteral("ORDER BY m.id DESC LIMIT ?");
    Sql query(m_db, messageColumns + where);
    query.bind(chatId);
    if (after > 0 || before > 0)
        query.bind(after > 0 ? after : before);
    query.bind(limit + 1).exec(); // one more than asked tells whether there is more
    MessagePage page;
    page.messages = readMessages(query);
    page.hasMore = page.messages.size() > limit;
    if (page.hasMore)
        page.messages.removeLast();
    if (after <= 0)
        std::reverse(page.messages.begin(), page.messages.end());
    return page;
}

// A message's version is its id until it changes (migration 8): "version > v" is asked
// of new messages through messages_chat (by id) and of changed ones through
// messages_changed, whose entries exist only for version <> id; each part brings its first
// `limit`, which holds the first `limit` of both.
QList<Message> MessageRepository::changedSince(
    const QString &userId, qint64 sinceVersion, int limit)
{
    Sql query(m_db,
        messageColumns
            + QStringLiteral("WHERE m.id IN (SELECT id FROM (SELECT id FROM messages WHERE "
                             "chat_id IN (%1) AND id > ? AND version = id ORDER BY id LIMIT ?) "
                             "AS fresh UNION ALL SELECT id FROM (SELECT id FROM messages WHERE "
                             "chat_id IN (%1) AND version > ? AND version <> id ORDER BY "
                             "version LIMIT ?) AS changed) ORDER BY m.version LIMIT ?")
                  .arg(theirChatIds));
    query.bind(userId).bind(sinceVersion).bind(limit);
    query.bind(userId).bind(sinceVersion).bind(limit).bind(limit).exec();
    return readMessages(query);
}

QList<Message> MessageRepository::changedAt(const QString &userId, qint64 version)
{
    Sql query(m_db,
        messageColumns + inTheirChats
            + QStringLiteral("AND ((m.id = ? AND m.version = m.id) "
                             "OR (m.version = ? AND m.version <> m.id)) ORDER BY m.id"));
    query.bind(userId).bind(version).bind(version).exec();
    return readMessages(query);
}

QList<Message> MessageRepository::search(
    const QString &userId, const QString &chatId, const QString &foldedQuery, int limit)
{
    QString statement = messageColumns + inTheirChats
        + QStringLiteral("AND m.deleted = 0 AND m.text_key LIKE ? ESCAPE '\\' ");
    if (!chatId.isEmpty())
        statement += QStringLiteral("AND m.chat_id = ? ");
    statement += QStringLiteral("ORDER BY m.id DESC LIMIT ?");
    Sql query(m_db, statement);
    query.bind(userId).bind(sqltext::containsPattern(foldedQuery));
    if (!chatId.isEmpty())
        query.bind(chatId);
    query.bind(limit).exec();
    return readMessages(query);
}

qint64 MessageRepository::newestLiveId(const QString &chatId)
{
    Sql query(
        m_db, QStringLiteral("SELECT MAX(id) FROM messages WHERE chat_id = ? AND deleted = 0"));
    query.bind(chatId).exec();
    return query.next() ? query.integer(0) : 0;
}

void MessageRepository::editText(qint64 id, const QString &text, qint64 nowMs, qint64 version)
{
    Sql(m_db,
        QStringLiteral(
            "UPDATE messages SET text = ?, text_key = ?, edited_at = ?, version = ? WHERE id = ?"))
        .bind(text)
        .bind(validation::foldedForSearch(text))
        .bind(nowMs)
        .bind(version)
        .bind(id)
        .exec();
}

void MessageRepository::softDelete(qint64 id, qint64 version)
{
    Sql(m_db,
        QStringLiteral("UPDATE messages SET text = '', text_key = '', deleted = 1, version = ? "
                       "WHERE id = ?"))
        .bind(version)
        .bind(id)
        .exec();
}

void MessageRepository::touch(qint64 id, qint64 version)
{
    Sql(m_db, QStringLiteral("UPDATE messages SET version = ? WHERE id = ?"))
        .bind(version)
        .bind(id)
        .exec();
}

int MessageRepository::raiseStatus(const QString &chatId, const QString &readerId, qint64 afterId,
    qint64 upToId, Status status, qint64 version)
{
    Sql query(m_db,
        QStringLiteral("UPDATE messages SET status = ?, version = ? WHERE chat_id = ? AND id > ? "
                       "AND id <= ? AND sender_id <> ? AND status < ?"));
    query.bind(int(status))
        .bind(version)
        .bind(chatId)
        .bind(afterId)
        .bind(upToId)
        .bind(readerId)
        .bind(int(status))
        .exec();
    return query.affectedRows();
}

QList<MessageRepository::Candidate> MessageRepository::withStatusBelow(
    const QList<IdRange> &ranges, Status status)
{
    if (ranges.isEmpty())
        return {};
    const QString &statement = sqltext::forDriver(m_db, [](bool postgres) {
        return QStringLiteral("SELECT m.chat_id, m.id, m.sender_id FROM ")
            + sqltext::jsonRows(
                postgres, {"chat_id TEXT"_L1, "after_id BIGINT"_L1, "up_to_id BIGINT"_L1}, "r"_L1)
            + QStringLiteral(" JOIN messages m ON m.chat_id = r.chat_id AND m.id > r.after_id "
                             "AND m.id <= r.up_to_id WHERE m.status < ? AND m.deleted = 0 "
                             "ORDER BY m.id");
    });
    QJsonArray rows;
    for (const IdRange &range : ranges)
        rows.append(QJsonObject{{QStringLiteral("chat_id"), range.chatId},
            {QStringLiteral("after_id"), range.afterId},
            {QStringLiteral("up_to_id"), range.upToId}});
    Sql query(m_db, statement);
    query.bind(sqltext::jsonParameter(rows)).bind(int(status)).exec();
    QList<Candidate> found;
    while (query.next())
        found.append(Candidate{query.text(0), query.integer(1), query.text(2)});
    return found;
}

void MessageRepository::setStatus(const QList<qint64> &ids, Status status, qint64 version)
{
    if (ids.isEmpty())
        return;
    QJsonArray values;
    for (const qint64 id : ids)
        values.append(id);
    const bool postgres = sqltext::isPostgres(m_db);
    Sql(m_db,
        QStringLiteral("UPDATE messages SET status = ?, version = ? WHERE status < ? AND id IN (")
            + sqltext::jsonIntegers(postgres) + QLatin1Char(')'))
        .bind(int(status))
        .bind(version)
        .bind(int(status))
        .bind(sqltext::jsonParameter(values))
        .exec();
}

int MessageRepository::unreadCount(const QString &chatId, const QString &userId)
{
    Sql query(m_db,
        QStringLiteral("SELECT ") + unreadSubquery
            + QStringLiteral(" FROM chat_members cm WHERE cm.chat_id = ? AND cm.user_id = ?"));
    query.bind(chatId).bind(userId).exec();
    return query.next() ? int(query.integer(0)) : 0;
}

QHash<QString, int> MessageRepository::unreadCountsOfUser(const QString &userId)
{
    Sql query(m_db,
        QStringLiteral("SELECT cm.chat_id, ") + unreadSubquery
            + QStringLiteral(" FROM chat_members cm WHERE cm.user_id = ?"));
    query.bind(userId).exec();
    return readCounts(query);
}

QHash<QString, int> MessageRepository::unreadCountsInChat(const QString &chatId)
{
    Sql query(m_db,
        QStringLiteral("SELECT cm.user_id, ") + unreadSubquery
            + QStringLiteral(" FROM chat_members cm WHERE cm.chat_id = ?"));
    query.bind(chatId).exec();
    return readCounts(query);
}

} // namespace kocmoc
