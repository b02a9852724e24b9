#pragma once

#include <QDateTime>

#include <atomic>

namespace kocmoc {

// The server's time. Every rule that depends on time (token expiry, code
// lifetime, lockout) asks this clock, so tests move it forward instead of sleeping.
class Clock
{
public:
    qint64 nowMs() const { return QDateTime::currentMSecsSinceEpoch() + m_offsetMs.load(); }
    void advance(qint64 ms) { m_offsetMs += ms; }

private:
    std::atomic<qint64> m_offsetMs{0};
};

} // namespace kocmoc
