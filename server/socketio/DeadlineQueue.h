#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>
#include <set>
#include <utility>

namespace kocmoc::socketio {

// Many one-shot deadlines on one precise timer: a heartbeat for every session
// without a QTimer each (each one costs a timer registration per restart in
// the event dispatcher). At most one deadline per key.
class DeadlineQueue : public QObject
{
    Q_OBJECT
public:
    using Expired = std::function<void(quint64 key)>;

    explicit DeadlineQueue(Expired expired, QObject *parent = nullptr);

    // Milliseconds on the queue's monotonic clock.
    qint64 now() const { return m_clock.elapsed(); }
    // Replaces the key's deadline, if any.
    void schedule(quint64 key, qint64 deadlineMs);
    void cancel(quint64 key);
    bool contains(quint64 key) const { return m_deadlines.contains(key); }
    qsizetype size() const { return m_deadlines.size(); }

private:
    void arm();
    void expire();

    Expired m_expired;
    QElapsedTimer m_clock;
    QTimer m_timer;
    std::set<std::pair<qint64, quint64>> m_order; // (deadline, key), earliest first
    QHash<quint64, qint64> m_deadlines;
};

} // namespace kocmoc::socketio
