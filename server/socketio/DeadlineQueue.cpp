#include "DeadlineQueue.h"

#include <algorithm>

namespace kocmoc::socketio {

DeadlineQueue::DeadlineQueue(Expired expired, QObject *parent)
    : QObject(parent)
    , m_expired(std::move(expired))
{
    m_clock.start();
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &DeadlineQueue::expire);
}

void DeadlineQueue::schedule(quint64 key, qint64 deadlineMs)
{
    const auto existing = m_deadlines.constFind(key);
    if (existing != m_deadlines.constEnd())
        m_order.erase({*existing, key});
    m_deadlines.insert(key, deadlineMs);
    const auto inserted = m_order.emplace(deadlineMs, key).first;
    if (inserted == m_order.begin())
        arm();
}

void DeadlineQueue::cancel(quint64 key)
{
    const auto existing = m_deadlines.constFind(key);
    if (existing == m_deadlines.constEnd())
        return;
    m_order.erase({*existing, key});
    m_deadlines.erase(existing);
    // A timer left armed for a cancelled deadline fires once for nothing; cheaper than re-arming.
    if (m_order.empty())
        m_timer.stop();
}

void DeadlineQueue::arm()
{
    if (m_order.empty()) {
        m_timer.stop();
        return;
    }
    const qint64 wait = std::max<qint64>(0, m_order.begin()->first - now());
    m_timer.start(int(std::min<qint64>(wait, 24LL * 60 * 60 * 1000)));
}

void DeadlineQueue::expire()
{
    // One at a time: a callback may schedule or cancel any key.
    while (!m_order.empty() && m_order.begin()->first <= now()) {
        const quint64 key = m_order.begin()->second;
        m_order.erase(m_order.begin());
        m_deadlines.remove(key);
        m_expired(key);
    }
    arm();
}

} // namespace kocmoc::socketio
