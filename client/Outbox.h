#pragma once

#include "OutboxEntry.h"

#include <QList>
#include <QObject>
#include <QTimer>

class LocalCache;
class RealtimeClient;

// Messages written here on their way to the server. Each is kept in the local
// cache until the server confirms it, and sent over the realtime connection
// one at a time, in the order written, whenever that connection is up: a
// dropped connection, a restart, a server that is down for a day only delay
// it, without limit. The same clientId on every attempt makes the server store
// it exactly once. Only a refusal (the chat is gone, the text is not allowed)
// stops the retries; the entry then stays as failed for the user to decide.
class Outbox : public QObject
{
    Q_OBJECT

public:
    Outbox(RealtimeClient &realtime, LocalCache &cache, QObject *parent = nullptr);

    void restore(const QList<OutboxEntry> &entries);
    void clear(); // signed out: forget, without touching the cache
    OutboxEntry add(const QString &chatId, const QString &text, qint64 replyToId);
    void retry(const QString &clientId);
    void discard(const QString &clientId);
    // The server's copy arrived (message:new of our own send): done, whatever the ack says.
    void confirm(const kocmoc::Message &message);

    QList<OutboxEntry> entries() const { return m_entries; }
    QList<OutboxEntry> entriesFor(const QString &chatId) const;
    int count() const { return int(m_entries.size()); }

    // Sends the next entry when the connection is up and nothing is in flight.
    void flush();

signals:
    void added(const OutboxEntry &entry);
    void sent(const kocmoc::Message &message);
    void failed(const OutboxEntry &entry);
    void countChanged();

private:
    qsizetype indexOf(const QString &clientId) const;
    void sendNext();
    void finishInFlight();

    RealtimeClient &m_realtime;
    LocalCache &m_cache;
    QList<OutboxEntry> m_entries;
    QString m_inFlight; // clientId of the send awaiting its acknowledgement
    quint64 m_attempt = 0; // tells a late acknowledgement from the current one
    QTimer m_ackTimeout; // a send left unanswered on a live connection goes again
    QTimer m_retryLater; // after rate_limited
};
