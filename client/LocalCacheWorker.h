#pragma once

#include "CacheSnapshot.h"

#include <QObject>
#include <QSqlDatabase>
#include <QString>

// The SQLite side of LocalCache; lives in the cache's worker thread, and every
// method runs there. Chats and messages are kept as the server's JSON, keyed
// for the lookups the client makes, so a new field needs no migration.
class LocalCacheWorker : public QObject
{
    Q_OBJECT

public:
    explicit LocalCacheWorker(QObject *parent = nullptr);
    ~LocalCacheWorker() override;

    bool open(const QString &path);
    void close();

    CacheSnapshot snapshot(int messagesPerChat);
    void storeChats(const QList<kocmoc::Chat> &chats);
    void removeChats(const QStringList &chatIds);
    void storeMessages(const QList<kocmoc::Message> &messages, int keepPerChat);
    void storeSyncVersion(qint64 version);
    void storeOutboxEntry(const OutboxEntry &entry);
    void removeOutboxEntry(const QString &clientId);

private:
    bool exec(const QString &statement, const QVariantList &values = {});

    QString m_connectionName;
    QSqlDatabase m_db;
};
