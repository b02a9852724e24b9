#include "ChatRepository.h"

#include "SqlText.h"
#include "db/Libpq.h"
#include "db/PostgresArray.h"
#include "db/Sql.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <kocmoc/Validation.h>

namespace kocmoc {

using db::Sql;
using namespace Qt::StringLiterals;

namespace {

QJsonArray deliveredRows(const QList<ChatRepository::DeliveredMove> &moves)
{
    QJsonArray rows;
    for (const auto &move : moves)
        rows.append(QJsonObject{{QStringLiteral("chat_id"), move.chatId},
            {QStringLiteral("user_id"), move.userId},
            {QStringLiteral("message_id"), move.toMessageId}});
    return rows;
}

const QString chatColumns = QStringLiteral(
    "SELECT c.id, c.type, c.title, c.avatar_file_id, c.direct_key, c.last_message_id, "
    "c.last_activity_at, c.created_at, c.updated_at, c.version FROM chats c ");

const QString memberColumns
    = QStringLiteral("SELECT chat_id, user_id, role, joined_at, joined_message_id, "
                     "read_message_id, delivered_message_id FROM chat_members ");

const QString memberOrder = QStringLiteral(
    " ORDER BY CASE role WHEN 'owner' THEN 0 WHEN 'admin' THEN 1 ELSE 2 END, joined_at, user_id");

ChatRecord readChat(const Sql &row)
{
    ChatRecord chat;
    chat.id = row.text(0);
    chat.type = row.text(1);
    chat.title = row.text(2);
    chat.avatarFileId = row.text(3);
    chat.directKey = row.text(4);
    chat.lastMessageId = row.integer(5);
    chat.lastActivityAtMs = row.integer(6);
    chat.createdAtMs = row.integer(7);
    chat.updatedAtMs = row.integer(8);
    chat.version = row.integer(9);
    return chat;
}

MemberRecord readMember(const Sql &row)
{
    return MemberRecord{row.text(0), row.text(1), row.text(2), row.integer(3), row.integer(4),
        row.integer(5), row.integer(6)};
}

QList<ChatRecord> readChats(Sql &query)
{
    QList<ChatRecord> chats;
    while (query.next())
        chats.append(readChat(query));
    return chats;
}

} // namespace

QString ChatRepository::directKey(const QString &userA, const QString &userB)
{
    return userA < userB ? userA + QLatin1Char(':') + userB : userB + QLatin1Char(':') + userA;
}

bool ChatRepository::insert(const ChatRecord &chat)
{
    Sql query(m_db,
        QStringLiteral(
            "INSERT INTO chats (id, type, title, title_key, avatar_file_id, direct_key, "
            "last_message_id, last_activity_at, created_at, updated_at, version) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id"));
    // A direct chat's title is empty, never NULL.
    const QString title = chat.title.isNull() ? QStringLiteral("") : chat.title;
    query.bind(chat.id)
        .bind(chat.type)
        .bind(title)
        .bind(validation::foldedForSearch(title))
        .bindNullableText(chat.avatarFileId)
        .bindNullableText(chat.directKey)
        .bind(chat.lastMessageId)
        .bind(chat.lastActivityAtMs)
        .bind(chat.createdAtMs)
        .bind(chat.updatedAtMs)
        .bind(chat.version)
        .exec();
    return query.next();
}

std::optional<ChatRecord> ChatRepository::find(const QString &id)
{
    Sql query(m_db, chatColumns + QStringLiteral("WHERE c.id = ?"));
    query.bind(id).exec();
    if (!query.next())
        return std::nullopt;
    return readChat(query);
}

std::optional<ChatRecord> ChatRepository::findDirect(const QString &directKey)
{
    Sql query(m_db, chatColumns + QStringLiteral("WHERE c.direct_key = ?"));
    query.bind(directKey).exec();
    if (!query.next())
        return std::nullopt;
    return readChat(query);
}

QList<ChatRecord> ChatRepository::chatsOf(const QString &userId, const QString &foldedQuery)
{
    QString statement = chatColumns
        + QStringLiteral("JOIN chat_members me ON me.chat_id = c.id AND me.user_id = ? ");
    if (!foldedQuery.isEmpty())
        statement += QStringLiteral(
            "WHERE (c.type = 'group' AND c.title_key LIKE ? ESCAPE '\\') OR (c.type = 'direct' "
            "AND EXISTS (SELECT 1 FROM chat_members other JOIN users u ON u.id = other.user_id "
            "WHERE other.chat_id = c.id AND other.user_id <> me.user_id AND (u.search_key LIKE ? "
            "ESCAPE '\\' OR u.username_key LIKE ? ESCAPE '\\'))) ");
    statement += QStringLiteral("ORDER BY c.last_activity_at DESC, c.id");
    Sql query(m_db, statement);
    query.bind(userId);
    if (!foldedQuery.isEmpty()) {
        const QString pattern = sqltext::containsPattern(foldedQuery);
        query.bind(pattern).bind(pattern).bind(pattern);
    }
    query.exec();
    return readChats(query);
}

QList<ChatRecord> ChatRepository::changedSince(const QString &userId, qint64 sinceVersion)
{
    Sql query(m_db,
        chatColumns
            + QStringLiteral("JOIN chat_members me ON me.chat_id = c.id AND me.user_id = ? "
                             "WHERE c.version > ? ORDER BY c.version"));
    query.bind(userId).bind(sinceVersion).exec();
    return readChats(query);
}

void ChatRepository::touch(const QString &id, qint64 version, qint64 nowMs)
{
    Sql(m_db, QStringLiteral("UPDATE chats SET version = ?, updated_at = ? WHERE id = ?"))
        .bind(version)
        .bind(nowMs)
        .bind(id)
        .exec();
}

void ChatRepository::setTitle(const QString &id, const QString &title)
{
    Sql(m_db, QStringLiteral("UPDATE chats SET title = ?, title_key = ? WHERE id = ?"))
        .bind(title)
        .bind(validation::foldedForSearch(title))
        .bind(id)
        .exec();
}

void ChatRepository::setAvatar(const QString &id, const QString &fileId)
{
    Sql(m_db, QStringLiteral("UPDATE chats SET avatar_file_id = ? WHERE id = ?"))
        .bindNullableText(fileId)
        .bind(id)
        .exec();
}

void ChatRepository::setLastMessage(const QString &id, qint64 messageId)
{
    Sql(m_db, QStringLiteral("UPDATE chats SET last_message_id = ? WHERE id = ?"))
        .bind(messageId)
        .bind(id)
        .exec();
}

void ChatRepository::recordMessage(const QString &id, qint64 messageId, qint64 atMs)
{
    // A message's id is its version.
    Sql(m_db,
        QStringLiteral("UPDATE chats SET last_message_id = ?, last_activity_at = ?, version = ?, "
                       "updated_at = ? WHERE id = ?"))
        .bind(messageId)
        .bind(atMs)
        .bind(messageId)
        .bind(atMs)
        .bind(id)
        .exec();
}

void ChatRepository::recordMessages(const QHash<QString, qint64> &lastMessages, qint64 atMs)
{
    if (lastMessages.size() == 1) {
        recordMessage(lastMessages.cbegin().key(), lastMessages.cbegin().value(), atMs);
        return;
    }
    if (lastMessages.isEmpty())
        return;
    if (sqltext::isPostgres(m_db)) { // the writer's batches, under the version lock
        db::PostgresArray chatIds;
        db::PostgresArray ids;
        for (auto it = lastMessages.cbegin(); it != lastMessages.cend(); ++it) {
            chatIds.append(it.key());
            ids.append(it.value());
        }
        db::libpq::rows(m_db,
            "UPDATE chats SET last_message_id = r.id, last_activity_at = $1::bigint, "
            "version = r.id, updated_at = $1::bigint FROM unnest($2::text[], $3::bigint[]) "
            "AS r (chat_id, id) WHERE chats.id = r.chat_id",
            {QByteArray::number(atMs), chatIds.literal(), ids.literal()});
        return;
    }
    static const QString statement
        = QStringLiteral("UPDATE chats SET last_message_id = r.id, last_activity_at = ?, "
                         "version = r.id, updated_at = ? FROM ")
        + sqltext::jsonRows(false, {"chat_id TEXT"_L1, "id BIGINT"_L1}, "r"_L1)
        + QStringLiteral(" WHERE chats.id = r.chat_id");
    QJsonArray rows;
    for (auto it = lastMessages.cbegin(); it != lastMessages.cend(); ++it)
        rows.append(
            QJsonObject{{QStringLiteral("chat_id"), it.key()}, {QStringLiteral("id"), it.value()}});
    Sql(m_db, statement).bind(atMs).bind(atMs).bind(sqltext::jsonParameter(rows)).exec();
}

void ChatRepository::recordActivity(const QString &id, qint64 messageId, qint64 atMs)
{
    Sql(m_db,
        QStringLiteral("UPDATE chats SET last_message_id = ?, last_activity_at = ? WHERE id = ?"))
        .bind(messageId)
        .bind(atMs)
        .bind(id)
        .exec();
}

void ChatRepository::remove(const QString &id)
{
    // Messages have no foreign key to their chat on PostgreSQL (migration 7); their
    // reactions and file links go with them.
    Sql(m_db, QStringLiteral("DELETE FROM messages WHERE chat_id = ?")).bind(id).exec();
    Sql(m_db, QStringLiteral("DELETE FROM chats WHERE id = ?")).bind(id).exec();
}

bool ChatRepository::addMember(const MemberRecord &member)
{
    Sql query(m_db,
        QStringLiteral("INSERT INTO chat_members (chat_id, user_id, role, joined_at, "
                       "joined_message_id, read_message_id, delivered_message_id) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING user_id"));
    query.bind(member.chatId)
        .bind(member.userId)
        .bind(member.role)
        .bind(member.joinedAtMs)
        .bind(member.joinedMessageId)
        .bind(member.readMessageId)
        .bind(member.deliveredMessageId)
        .exec();
    if (!query.next())
        return false;
    bumpMembersVersion(member.chatId);
    return true;
}

bool ChatRepository::removeMember(const QString &chatId, const QString &userId)
{
    Sql query(m_db,
        QStringLiteral(
            "DELETE FROM chat_members WHERE chat_id = ? AND user_id = ? RETURNING user_id"));
    query.bind(chatId).bind(userId).exec();
    if (!query.next())
        return false;
    bumpMembersVersion(chatId);
    return true;
}

void ChatRepository::bumpMembersVersion(const QString &chatId)
{
    Sql(m_db, QStringLiteral("UPDATE chats SET members_version = members_version + 1 WHERE id = ?"))
        .bind(chatId)
        .exec();
}

void ChatRepository::setRole(const QString &chatId, const QString &userId, const QString &role)
{
    Sql(m_db, QStringLiteral("UPDATE chat_members SET role = ? WHERE chat_id = ? AND user_id = ?"))
        .bind(role)
        .bind(chatId)
        .bind(userId)
        .exec();
}

std::optional<MemberRecord> ChatRepository::member(const QString &chatId, const QString &userId)
{
    Sql query(m_db, memberColumns + QStringLiteral("WHERE chat_id = ? AND user_id = ?"));
    query.bind(chatId).bind(userId).exec();
    if (!query.next())
        return std::nullopt;
    return readMember(query);
}

QList<MemberRecord> ChatRepository::members(const QString &chatId)
{
    return membersOf({chatId}).value(chatId);
}

QHash<QString, QList<MemberRecord>> ChatRepository::membersOf(const QStringList &chatIds)
{
    QHash<QString, QList<MemberRecord>> members;
    if (chatIds.isEmpty())
        return members;
    const bool postgres = sqltext::isPostgres(m_db);
    Sql query(m_db,
        memberColumns + QStringLiteral("WHERE chat_id IN (") + sqltext::jsonTexts(postgres)
            + QLatin1Char(')') + memberOrder);
    query.bind(sqltext::jsonParameter(QJsonArray::fromStringList(chatIds))).exec();
    while (query.next()) {
        MemberRecord member = readMember(query);
        members[member.chatId].append(std::move(member));
    }
    return members;
}

QHash<QString, qint64> ChatRepository::membersVersions(const QStringList &chatIds)
{
    QHash<QString, qint64> versions;
    if (chatIds.isEmpty())
        return versions;
    if (sqltext::isPostgres(m_db)) { // the writer's batches, under the version lock
        db::PostgresArray ids;
        for (const QString &id : chatIds)
            ids.append(id);
        for (const db::libpq::Row &row : db::libpq::rows(m_db,
                 "SELECT id, members_version FROM chats WHERE id = ANY($1::text[])",
                 {ids.literal()}))
            versions.insert(QString::fromUtf8(row.at(0)), row.at(1).toLongLong());
        return versions;
    }
    Sql query(m_db,
        QStringLiteral("SELECT id, members_version FROM chats WHERE id IN (")
            + sqltext::jsonTexts(false) + QLatin1Char(')'));
    query.bind(sqltext::jsonParameter(QJsonArray::fromStringList(chatIds))).exec();
    while (query.next())
        versions.insert(query.text(0), query.integer(1));
    return versions;
}

QHash<QString, QStringList> ChatRepository::memberIdsOf(const QStringList &chatIds)
{
    QHash<QString, QStringList> members;
    if (chatIds.isEmpty())
        return members;
    const bool postgres = sqltext::isPostgres(m_db);
    Sql query(m_db,
        QStringLiteral("SELECT chat_id, user_id FROM chat_members WHERE chat_id IN (")
            + sqltext::jsonTexts(postgres) + QLatin1Char(')'));
    query.bind(sqltext::jsonParameter(QJsonArray::fromStringList(chatIds))).exec();
    while (query.next())
        members[query.text(0)].append(query.text(1));
    return members;
}

QStringList ChatRepository::memberIds(const QString &chatId)
{
    Sql query(
        m_db, QStringLiteral("SELECT user_id FROM chat_members WHERE chat_id = ?") + memberOrder);
    query.bind(chatId).exec();
    QStringList ids;
    while (query.next())
        ids.append(query.text(0));
    return ids;
}

int ChatRepository::countWithRole(const QString &chatId, const QString &role)
{
    Sql query(
        m_db, QStringLiteral("SELECT COUNT(*) FROM chat_members WHERE chat_id = ? AND role = ?"));
    query.bind(chatId).bind(role).exec();
    return query.next() ? int(query.integer(0)) : 0;
}

void ChatRepository::advanceRead(const QString &chatId, const QString &userId, qint64 messageId)
{
    Sql(m_db,
        QStringLiteral(
            "UPDATE chat_members SET "
            "read_message_id = CASE WHEN read_message_id < ? THEN ? ELSE read_message_id END, "
            "delivered_message_id = CASE WHEN delivered_message_id < ? THEN ? "
            "ELSE delivered_message_id END WHERE chat_id = ? AND user_id = ?"))
        .bind(messageId)
        .bind(messageId)
        .bind(messageId)
        .bind(messageId)
        .bind(chatId)
        .bind(userId)
        .exec();
}

void ChatRepository::advanceDelivered(
    const QString &chatId, const QString &userId, qint64 messageId)
{
    Sql(m_db,
        QStringLiteral("UPDATE chat_members SET delivered_message_id = ? "
                       "WHERE chat_id = ? AND user_id = ? AND delivered_message_id < ?"))
        .bind(messageId)
        .bind(chatId)
        .bind(userId)
        .bind(messageId)
        .exec();
}

QList<ChatRepository::DeliveredMove> ChatRepository::deliveredMoves(
    const QList<DeliveredMove> &reports)
{
    if (reports.isEmpty())
        return {};
    const QString &statement = sqltext::forDriver(m_db, [](bool postgres) {
        return QStringLiteral(
                   "SELECT cm.chat_id, cm.user_id, cm.delivered_message_id, r.message_id FROM ")
            + sqltext::jsonRows(
                postgres, {"chat_id TEXT"_L1, "user_id TEXT"_L1, "message_id BIGINT"_L1}, "r"_L1)
            + QStringLiteral(" JOIN chat_members cm ON cm.chat_id = r.chat_id AND cm.user_id = "
                             "r.user_id WHERE cm.delivered_message_id < r.message_id");
    });
    Sql query(m_db, statement);
    query.bind(sqltext::jsonParameter(deliveredRows(reports))).exec();
    QList<DeliveredMove> moves;
    while (query.next())
        moves.append(
            DeliveredMove{query.text(0), query.text(1), query.integer(2), query.integer(3)});
    return moves;
}

void ChatRepository::advanceDeliveredMany(const QList<DeliveredMove> &moves)
{
    if (moves.isEmpty())
        return;
    const QString &statement = sqltext::forDriver(m_db, [](bool postgres) {
        return QStringLiteral("UPDATE chat_members SET delivered_message_id = r.message_id FROM ")
            + sqltext::jsonRows(
                postgres, {"chat_id TEXT"_L1, "user_id TEXT"_L1, "message_id BIGINT"_L1}, "r"_L1)
            + QStringLiteral(" WHERE chat_members.chat_id = r.chat_id AND chat_members.user_id = "
                             "r.user_id AND chat_members.delivered_message_id < r.message_id");
    });
    Sql(m_db, statement).bind(sqltext::jsonParameter(deliveredRows(moves))).exec();
}

void ChatRepository::touchMany(const QStringList &ids, qint64 version, qint64 nowMs)
{
    if (ids.isEmpty())
        return;
    const bool postgres = sqltext::isPostgres(m_db);
    Sql(m_db,
        QStringLiteral("UPDATE chats SET version = ?, updated_at = ? WHERE id IN (")
            + sqltext::jsonTexts(postgres) + QLatin1Char(')'))
        .bind(version)
        .bind(nowMs)
        .bind(sqltext::jsonParameter(QJsonArray::fromStringList(ids)))
        .exec();
}

void ChatRepository::recordRemoval(const QString &chatId, const QString &userId, qint64 version)
{
    Sql(m_db,
        QStringLiteral("INSERT INTO chat_removals (user_id, chat_id, version) VALUES (?, ?, ?) "
                       "ON CONFLICT (user_id, chat_id) DO UPDATE SET version = excluded.version"))
        .bind(userId)
        .bind(chatId)
        .bind(version)
        .exec();
}

void ChatRepository::clearRemoval(const QString &chatId, const QString &userId)
{
    Sql(m_db, QStringLiteral("DELETE FROM chat_removals WHERE user_id = ? AND chat_id = ?"))
        .bind(userId)
        .bind(chatId)
        .exec();
}

QList<ChatRemoval> ChatRepository::removalsSince(const QString &userId, qint64 sinceVersion)
{
    Sql query(m_db,
        QStringLiteral("SELECT chat_id, version FROM chat_removals WHERE user_id = ? AND version "
                       "> ? ORDER BY version"));
    query.bind(userId).bind(sinceVersion).exec();
    QList<ChatRemoval> removals;
    while (query.next())
        removals.append(ChatRemoval{query.text(0), query.integer(1)});
    return removals;
}

} // namespace kocmoc
