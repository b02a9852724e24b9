#pragma once

#include "CacheSnapshot.h"

#include <QObject>
#include <QThread>

class LocalCacheWorker;

// The client's SQLite cache of one account: the chat list, the newest messages
// of each chat, the outbox and the sync position. All disk work runs on a
// worker thread, in the order it was asked for; callers never wait. The
// snapshot read at start comes back through snapshotLoaded().
class LocalCache : public QObject
{
    Q_OBJECT

public:
    // How many messages per chat are kept: enough for the first screen of any chat.
    static constexpr int messagesPerChat = 50;

    explicit LocalCache(QObject *parent = nullptr);
    // Finishes every write asked for, then closes the file.
    ~LocalCache() override;

    void open(const QString &path);
    void close();
    // Closes the file after the writes asked for and deletes it: the account signed
    // out, and what it read stays on no disk.
    void closeAndDelete();
    bool isOpen() const { return m_open; }

    void loadSnapshot();
    void storeChats(const QList<kocmoc::Chat> &chats);
    void removeChats(const QStringList &chatIds);
    void storeMessages(const QList<kocmoc::Message> &messages);
    void storeSyncVersion(qint64 version);
    void storeOutboxEntry(const OutboxEntry &entry);
    void removeOutboxEntry(const QString &clientId);

signals:
    void snapshotLoaded(const CacheSnapshot &snapshot);

private:
    template <typename Work> void post(Work work);

    QThread m_thread;
    LocalCacheWorker *m_worker = nullptr; // lives in m_thread, deleted once it has ended
    bool m_open = false;
    QString m_path;
    quint64 m_generation = 0; // a snapshot of a file closed meanwhile is dropped
};
