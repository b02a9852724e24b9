#include "LocalCache.h"

#include "LocalCacheWorker.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPointer>

using namespace kocmoc;

LocalCache::LocalCache(QObject *parent)
    : QObject(parent)
    , m_worker(new LocalCacheWorker)
{
    m_thread.setObjectName(QStringLiteral("kocmoc-cache"));
    m_worker->moveToThread(&m_thread);
    m_thread.start();
}

LocalCache::~LocalCache()
{
    // Queued behind every write asked for, so none is lost.
    LocalCacheWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker] {
        worker->close();
        QThread::currentThread()->quit();
    });
    m_thread.wait();
    delete m_worker; // its thread has ended: nothing else can touch it now
}

template <typename Work> void LocalCache::post(Work work)
{
    LocalCacheWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker, work = std::move(work)] { work(*worker); });
}

void LocalCache::open(const QString &path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    ++m_generation;
    m_open = true;
    m_path = path;
    post([path](LocalCacheWorker &worker) { worker.open(path); });
}

void LocalCache::close()
{
    if (!m_open)
        return;
    ++m_generation;
    m_open = false;
    post([](LocalCacheWorker &worker) { worker.close(); });
}

void LocalCache::closeAndDelete()
{
    if (!m_open)
        return;
    ++m_generation;
    m_open = false;
    // Queued behind the writes asked for, so none of them creates the file again.
    post([path = m_path](LocalCacheWorker &worker) {
        worker.close();
        for (const QString &suffix :
            {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")})
            QFile::remove(path + suffix);
    });
}

void LocalCache::loadSnapshot()
{
    QPointer<LocalCache> self(this);
    const quint64 generation = m_generation;
    post([self, generation](LocalCacheWorker &worker) {
        const CacheSnapshot snapshot = worker.snapshot(messagesPerChat);
        QMetaObject::invokeMethod(self.data(), [self, generation, snapshot] {
            if (self && self->m_generation == generation)
                emit self->snapshotLoaded(snapshot);
        });
    });
}

void LocalCache::storeChats(const QList<Chat> &chats)
{
    if (m_open && !chats.isEmpty())
        post([chats](LocalCacheWorker &worker) { worker.storeChats(chats); });
}

void LocalCache::removeChats(const QStringList &chatIds)
{
    if (m_open && !chatIds.isEmpty())
        post([chatIds](LocalCacheWorker &worker) { worker.removeChats(chatIds); });
}

void LocalCache::storeMessages(const QList<Message> &messages)
{
    if (m_open && !messages.isEmpty())
        post([messages](
                 LocalCacheWorker &worker) { worker.storeMessages(messages, messagesPerChat); });
}

void LocalCache::storeSyncVersion(qint64 version)
{
    if (m_open)
        post([version](LocalCacheWorker &worker) { worker.storeSyncVersion(version); });
}

void LocalCache::storeOutboxEntry(const OutboxEntry &entry)
{
    if (m_open)
        post([entry](LocalCacheWorker &worker) { worker.storeOutboxEntry(entry); });
}

void LocalCache::removeOutboxEntry(const QString &clientId)
{
    if (m_open)
        post([clientId](LocalCacheWorker &worker) { worker.removeOutboxEntry(clientId); });
}
