#include "LocalCacheWorker.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <algorithm>

namespace {
Q_LOGGING_CATEGORY(lcCache, "kocmoc.cache")
} // namespace

using namespace kocmoc;

namespace {

QByteArray jsonText(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject jsonObject(const QVariant &text)
{
    return QJsonDocument::fromJson(text.toByteArray()).object();
}

qint64 activityOf(const Chat &chat)
{
    return chat.lastMessage ? std::max(chat.lastMessage->createdAtMs, chat.createdAtMs)
                            : chat.createdAtMs;
}

} // namespace

LocalCacheWorker::LocalCacheWorker(QObject *parent)
    : QObject(parent)
    , m_connectionName(QStringLiteral("kocmoc-cache-") + QUuid::createUuid().toString())
{ }

LocalCacheWorker::~LocalCacheWorker()
{
    close();
}

bool LocalCacheWorker::open(const QString &path)
{
    close();
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(path);
    if (!m_db.open()) {
        qCWarning(lcCache) << "cannot open the cache" << path << m_db.lastError().text();
        return false;
    }
    // WAL: a crash mid-write loses at most the last write, never the file.
    exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
    return exec(QStringLiteral("CREATE TABLE IF NOT EXISTS chats (id TEXT PRIMARY KEY, "
                               "activity INTEGER NOT NULL, version INTEGER NOT NULL, "
                               "json BLOB NOT NULL)"))
        && exec(QStringLiteral("CREATE TABLE IF NOT EXISTS messages (chat_id TEXT NOT NULL, "
                               "id INTEGER NOT NULL, version INTEGER NOT NULL, json BLOB NOT "
                               "NULL, PRIMARY KEY (chat_id, id))"))
        && exec(QStringLiteral("CREATE TABLE IF NOT EXISTS outbox (client_id TEXT PRIMARY KEY, "
                               "position INTEGER NOT NULL, json BLOB NOT NULL)"))
        && exec(QStringLiteral(
            "CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value INTEGER NOT NULL)"));
}

void LocalCacheWorker::close()
{
    if (!m_db.isValid())
        return;
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool LocalCacheWorker::exec(const QString &statement, const QVariantList &values)
{
    if (!m_db.isOpen())
        return false;
    QSqlQuery query(m_db);
    query.prepare(statement);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        qCWarning(lcCache) << statement << query.lastError().text();
        return false;
    }
    return true;
}

CacheSnapshot LocalCacheWorker::snapshot(int messagesPerChat)
{
    CacheSnapshot snapshot;
    if (!m_db.isOpen())
        return snapshot;
    QSqlQuery query(m_db);
    query.exec(QStringLiteral("SELECT json FROM chats ORDER BY activity DESC"));
    while (query.next())
        snapshot.chats.append(Chat::fromJson(jsonObject(query.value(0))));

    QSqlQuery messages(m_db);
    messages.prepare(
        QStringLiteral("SELECT json FROM messages WHERE chat_id = ? ORDER BY id DESC LIMIT ?"));
    for (const Chat &chat : std::as_const(snapshot.chats)) {
        messages.addBindValue(chat.id);
        messages.addBindValue(messagesPerChat);
        messages.exec();
        QList<Message> recent;
        while (messages.next())
            recent.prepend(Message::fromJson(jsonObject(messages.value(0))));
        if (!recent.isEmpty())
            snapshot.recentMessages.insert(chat.id, recent);
    }

    query.exec(QStringLiteral("SELECT json FROM outbox ORDER BY position"));
    while (query.next())
        snapshot.outbox.append(OutboxEntry::fromJson(jsonObject(query.value(0))));

    query.exec(QStringLiteral("SELECT value FROM state WHERE key = 'syncVersion'"));
    if (query.next())
        snapshot.syncVersion = query.value(0).toLongLong();
    return snapshot;
}

void LocalCacheWorker::storeChats(const QList<Chat> &chats)
{
    m_db.transaction();
    for (const Chat &chat : chats)
        exec(QStringLiteral("INSERT INTO chats (id, activity, version, json) VALUES (?, ?, ?, ?) "
                            "ON CONFLICT (id) DO UPDATE SET activity = excluded.activity, "
                            "version = excluded.version, json = excluded.json"),
            {chat.id, activityOf(chat), chat.version, jsonText(chat.toJson())});
    m_db.commit();
}

void LocalCacheWorker::removeChats(const QStringList &chatIds)
{
    m_db.transaction();
    for (const QString &id : chatIds) {
        exec(QStringLiteral("DELETE FROM chats WHERE id = ?"), {id});
        exec(QStringLiteral("DELETE FROM messages WHERE chat_id = ?"), {id});
    }
    m_db.commit();
}

void LocalCacheWorker::storeMessages(const QList<Message> &messages, int keepPerChat)
{
    QSet<QString> touched;
    m_db.transaction();
    for (const Message &message : messages) {
        if (message.id <= 0)
            continue;
        // An older copy (versions only grow) never replaces a newer one.
        exec(QStringLiteral("INSERT INTO messages (chat_id, id, version, json) VALUES (?, ?, ?, ?) "
                            "ON CONFLICT (chat_id, id) DO UPDATE SET version = excluded.version, "
                            "json = excluded.json WHERE excluded.version >= messages.version"),
            {message.chatId, message.id, message.version, jsonText(message.toJson())});
        touched.insert(message.chatId);
    }
    // Only the newest few per chat: the cache is for the first screen, paging asks the server.
    for (const QString &chatId : std::as_const(touched))
        exec(QStringLiteral("DELETE FROM messages WHERE chat_id = ? AND id NOT IN (SELECT id FROM "
                            "messages WHERE chat_id = ? ORDER BY id DESC LIMIT ?)"),
            {chatId, chatId, keepPerChat});
    m_db.commit();
}

void LocalCacheWorker::storeSyncVersion(qint64 version)
{
    exec(QStringLiteral("INSERT INTO state (key, value) VALUES ('syncVersion', ?) "
                        "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
        {version});
}

void LocalCacheWorker::storeOutboxEntry(const OutboxEntry &entry)
{
    exec(QStringLiteral("INSERT INTO outbox (client_id, position, json) VALUES (?, "
                        "(SELECT COALESCE(MAX(position), 0) + 1 FROM outbox), ?) "
                        "ON CONFLICT (client_id) DO UPDATE SET json = excluded.json"),
        {entry.clientId, jsonText(entry.toJson())});
}

void LocalCacheWorker::removeOutboxEntry(const QString &clientId)
{
    exec(QStringLiteral("DELETE FROM outbox WHERE client_id = ?"), {clientId});
}
