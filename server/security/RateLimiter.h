#pragma once

#include <QHash>
#include <QString>

namespace kocmoc::security {

// Counts hits per key in a sliding window; used on the server thread only.
class RateLimiter
{
public:
    struct Rule
    {
        int limit = 0; // hits allowed per window; 0 switches the rule off
        qint64 windowMs = 60'000;
    };

    // Records one hit. Returns 0 when it is allowed, otherwise the seconds to wait (Retry-After).
    int hit(const QString &key, const Rule &rule, qint64 nowMs);
    void prune(qint64 nowMs); // forgets windows that have passed
    qsizetype size() const { return m_windows.size(); }

private:
    struct Window
    {
        qint64 startMs = 0;
        qint64 lengthMs = 0;
        int current = 0;
        int previous = 0;
    };
    static bool admits(const Window &window, int limit, qint64 nowMs);
    static qint64 firstAdmittedMs(const Window &window, int limit); // assuming no further hits
    QHash<QString, Window> m_windows;
};

} // namespace kocmoc::security
