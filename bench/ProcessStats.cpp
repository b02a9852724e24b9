#include "ProcessStats.h"

#include <QDir>
#include <QFile>

#include <sys/resource.h>
#include <unistd.h>

namespace kocmoc::bench {

namespace {

// Fields of /proc/<pid>/stat after the command name, which may hold spaces.
QList<QByteArray> statFields(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray text = file.readAll();
    const qsizetype close = text.lastIndexOf(')');
    return close < 0 ? QList<QByteArray>() : text.mid(close + 2).split(' ');
}

double ticksToSeconds(qint64 ticks)
{
    static const long perSecond = sysconf(_SC_CLK_TCK);
    return double(ticks) / double(perSecond);
}

} // namespace

double ProcessStats::cpuSeconds(qint64 pid, bool withChildren)
{
    // After the name: state(0) ppid(1) … utime(11) stime(12).
    const QList<QByteArray> own = statFields(pid);
    if (own.size() < 13)
        return 0;
    qint64 ticks = own[11].toLongLong() + own[12].toLongLong();
    if (withChildren) {
        const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
        for (const QString &entry : entries) {
            bool numeric = false;
            const qint64 child = entry.toLongLong(&numeric);
            if (!numeric || child == pid)
                continue;
            const QList<QByteArray> fields = statFields(child);
            if (fields.size() >= 13 && fields[1].toLongLong() == pid)
                ticks += fields[11].toLongLong() + fields[12].toLongLong();
        }
    }
    return ticksToSeconds(ticks);
}

qint64 ProcessStats::rssKb(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/status").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

double ProcessStats::ownCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

} // namespace kocmoc::bench
