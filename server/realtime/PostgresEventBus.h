#pragma once

#include "EventBus.h"
#include "db/Database.h"

#include <QObject>
#include <QThread>

#include <atomic>

namespace kocmoc::realtime {

class PostgresEventListener;

// Lets several server processes on one PostgreSQL deliver each other's events (the
// idea of Socket.IO's postgres adapter): an event published here is delivered to
// this process at once and sent to the others with NOTIFY; theirs arrive through
// LISTEN on a connection of its own, in a thread of its own, which reconnects and
// listens again after PostgreSQL restarts. Events lost while the database is away are
// caught up by clients through /api/sync.
class PostgresEventBus final : public QObject, public EventBus
{
    Q_OBJECT
public:
    PostgresEventBus(
        const db::DatabaseSettings &settings, EventBus &local, QObject *parent = nullptr);
    ~PostgresEventBus() override;

    void publish(const RealtimeEvent &event) override; // thread-safe
    bool isListening() const { return m_listening.load(); }

signals:
    void listeningChanged(bool listening);

private:
    EventBus &m_local;
    QThread m_thread;
    PostgresEventListener *m_listener = nullptr;
    std::atomic<bool> m_listening{false};
};

} // namespace kocmoc::realtime
