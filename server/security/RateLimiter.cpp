#include "RateLimiter.h"

namespace kocmoc::security {

namespace {

// Windows are aligned to multiples of their length since the epoch, so every key agrees on them.
qint64 windowStart(qint64 nowMs, qint64 lengthMs)
{
    const qint64 offset = ((nowMs % lengthMs) + lengthMs) % lengthMs;
    return nowMs - offset;
}

} // namespace

bool RateLimiter::admits(const Window &window, int limit, qint64 nowMs)
{
    // previous * (length - elapsed) / length + current + 1 <= limit, kept in integers.
    const qint64 elapsed = nowMs - window.startMs;
    return qint64(window.previous) * (window.lengthMs - elapsed)
        + (qint64(window.current) + 1) * window.lengthMs
        <= qint64(limit) * window.lengthMs;
}

qint64 RateLimiter::firstAdmittedMs(const Window &window, int limit)
{
    const qint64 length = window.lengthMs;
    // Later in the current window, if the previous window's share can fade enough.
    const qint64 spare = qint64(limit - window.current - 1) * length;
    if (spare >= 0 && window.previous > 0) {
        const qint64 elapsed = length - spare / window.previous;
        if (elapsed < length)
            return window.startMs + qMax<qint64>(elapsed, 0);
    }
    // In the next window this one's hits become the fading "previous" share.
    const qint64 nextElapsed
        = window.current > 0 ? length - (qint64(limit - 1) * length) / window.current : 0;
    return window.startMs + length + qMax<qint64>(nextElapsed, 0);
}

int RateLimiter::hit(const QString &key, const Rule &rule, qint64 nowMs)
{
    if (rule.limit <= 0 || rule.windowMs <= 0)
        return 0;

    const qint64 start = windowStart(nowMs, rule.windowMs);
    auto it = m_windows.find(key);
    // A key whose rule changed length starts afresh rather than mixing two window sizes.
    if (it == m_windows.end() || it->lengthMs != rule.windowMs) {
        it = m_windows.insert(key, Window{start, rule.windowMs, 0, 0});
    } else if (start == it->startMs + it->lengthMs) {
        it->previous = it->current;
        it->current = 0;
        it->startMs = start;
    } else if (start > it->startMs) {
        it->previous = 0;
        it->current = 0;
        it->startMs = start;
    }
    // A clock that stepped back is treated as still being at the start of the stored window.
    const qint64 now = qMax(nowMs, it->startMs);

    if (admits(*it, rule.limit, now)) {
        ++it->current;
        return 0;
    }
    // Refused hits are not counted, so Retry-After stays true for a client that keeps trying.
    const qint64 waitMs = firstAdmittedMs(*it, rule.limit) - now;
    return int(qMax<qint64>(1, (waitMs + 999) / 1000));
}

void RateLimiter::prune(qint64 nowMs)
{
    // A window stops mattering once it can no longer be the weighted "previous" one.
    m_windows.removeIf([nowMs](const QHash<QString, Window>::iterator it) {
        return it->startMs + 2 * it->lengthMs <= nowMs;
    });
}

} // namespace kocmoc::security
