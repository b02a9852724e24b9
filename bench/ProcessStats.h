#pragma once

#include <QtGlobal>

namespace kocmoc::bench {

// CPU time and resident memory of other processes, from /proc (Linux): the
// server's, and PostgreSQL's (the postmaster and every backend it forked).
struct ProcessStats
{
    // User + system CPU time in seconds of `pid`, and of its children when asked.
    static double cpuSeconds(qint64 pid, bool withChildren = false);
    // Resident set size in KiB (VmRSS), or -1.
    static qint64 rssKb(qint64 pid);
    // This process's own CPU time in seconds.
    static double ownCpuSeconds();
};

} // namespace kocmoc::bench
