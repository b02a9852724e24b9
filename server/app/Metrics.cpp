#include "Metrics.h"

#include <QDateTime>
#include <QFile>

#include <mutex>
#include <unistd.h>

namespace kocmoc {

namespace {

QByteArray labelValue(const QString &value)
{
    QByteArray escaped = value.toUtf8();
    escaped.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    return escaped;
}

QByteArray number(double value)
{
    return QByteArray::number(value, 'g', 12);
}

qint64 residentMemoryBytes()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields.at(1).toLongLong() * sysconf(_SC_PAGESIZE) : 0;
}

// From /proc: the boot time plus the process's start in clock ticks since boot.
double processStartTimeSeconds()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    QFile systemStat(QStringLiteral("/proc/stat"));
    if (!stat.open(QIODevice::ReadOnly) || !systemStat.open(QIODevice::ReadOnly))
        return double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
    const QByteArray line = stat.readAll();
    // Fields after the command name, which may hold spaces; starttime is field 22 of the line.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    const qint64 startTicks = fields.value(19).toLongLong();
    qint64 bootSeconds = 0;
    for (const QByteArray &entry : systemStat.readAll().split('\n')) {
        if (entry.startsWith("btime "))
            bootSeconds = entry.mid(6).trimmed().toLongLong();
    }
    return double(bootSeconds) + double(startTicks) / double(sysconf(_SC_CLK_TCK));
}

} // namespace

Metrics::Metrics()
    : m_startTimeSeconds(processStartTimeSeconds())
{ }

std::atomic<quint64> &Metrics::requestCounter(const RequestKey &key)
{
    {
        std::shared_lock lock(m_lock);
        if (const auto found = m_requests.find(key); found != m_requests.end())
            return *found->second;
    }
    std::unique_lock lock(m_lock);
    auto &slot = m_requests[key];
    if (!slot)
        slot = std::make_unique<std::atomic<quint64>>(0);
    return *slot;
}

Metrics::Durations &Metrics::durations(const QString &route)
{
    {
        std::shared_lock lock(m_lock);
        if (const auto found = m_durations.find(route); found != m_durations.end())
            return *found->second;
    }
    std::unique_lock lock(m_lock);
    auto &slot = m_durations[route];
    if (!slot)
        slot = std::make_unique<Durations>();
    return *slot;
}

void Metrics::requestAnswered(
    const QString &route, const QByteArray &method, int status, double seconds)
{
    requestCounter({route, method, status}).fetch_add(1, std::memory_order_relaxed);
    Durations &series = durations(route);
    for (size_t i = 0; i < durationBuckets.size(); ++i) {
        if (seconds <= durationBuckets[i]) {
            series.buckets[i].fetch_add(1, std::memory_order_relaxed);
            break;
        }
    }
    series.count.fetch_add(1, std::memory_order_relaxed);
    series.sumMicroseconds.fetch_add(quint64(seconds * 1e6), std::memory_order_relaxed);
}

QByteArray Metrics::render() const
{
    QByteArray out;
    const auto metric = [&](const char *name, const char *type, const char *help) {
        out += QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + ' ' + type + '\n';
    };
    const auto sample = [&](const QByteArray &series, const QByteArray &value) {
        out += series + ' ' + value + '\n';
    };
    const auto read = [](const auto &source) { return source ? source() : 0; };

    std::shared_lock lock(m_lock);
    metric("kocmoc_http_requests_total", "counter", "HTTP requests answered.");
    for (const auto &[key, count] : m_requests) {
        const auto &[route, method, status] = key;
        sample("kocmoc_http_requests_total{route=\"" + labelValue(route) + "\",method=\"" + method
                + "\",status=\"" + QByteArray::number(status) + "\"}",
            QByteArray::number(count->load(std::memory_order_relaxed)));
    }
    metric("kocmoc_http_request_duration_seconds", "histogram",
        "Time from a request's arrival to its answer.");
    for (const auto &[route, series] : m_durations) {
        const QByteArray prefix = "kocmoc_http_request_duration_seconds_bucket{route=\""
            + labelValue(route) + "\",le=\"";
        quint64 cumulative = 0;
        for (size_t i = 0; i < durationBuckets.size(); ++i) {
            cumulative += series->buckets[i].load(std::memory_order_relaxed);
            sample(prefix + number(durationBuckets[i]) + "\"}", QByteArray::number(cumulative));
        }
        const quint64 count = series->count.load(std::memory_order_relaxed);
        sample(prefix + "+Inf\"}", QByteArray::number(count));
        const QByteArray label = "{route=\"" + labelValue(route) + "\"}";
        sample("kocmoc_http_request_duration_seconds_sum" + label,
            number(double(series->sumMicroseconds.load(std::memory_order_relaxed)) / 1e6));
        sample("kocmoc_http_request_duration_seconds_count" + label, QByteArray::number(count));
    }
    lock.unlock();

    metric("kocmoc_realtime_connections", "gauge", "Connected realtime sockets.");
    sample("kocmoc_realtime_connections", QByteArray::number(read(m_sources.realtimeConnections)));
    metric("kocmoc_realtime_events_sent_total", "counter", "Realtime events sent to sockets.");
    sample("kocmoc_realtime_events_sent_total",
        QByteArray::number(read(m_sources.realtimeEventsSent)));
    metric("kocmoc_workers_busy", "gauge", "Worker threads running a job.");
    sample("kocmoc_workers_busy", QByteArray::number(read(m_sources.workersBusy)));
    metric("kocmoc_workers_queued", "gauge", "Jobs waiting for a worker thread.");
    sample("kocmoc_workers_queued", QByteArray::number(read(m_sources.workersQueued)));
    metric("kocmoc_messages_stored_total", "counter", "Messages stored by this process.");
    sample("kocmoc_messages_stored_total", QByteArray::number(read(m_sources.messagesStored)));
    metric("kocmoc_uploads_total", "counter", "Files uploaded and stored by this process.");
    sample("kocmoc_uploads_total", QByteArray::number(read(m_sources.filesStored)));
    metric("kocmoc_build_info", "gauge", "The server's version.");
    sample("kocmoc_build_info{version=\"" KOCMOC_VERSION "\"}", "1");
    metric("process_resident_memory_bytes", "gauge", "Resident memory size in bytes.");
    sample("process_resident_memory_bytes", QByteArray::number(residentMemoryBytes()));
    metric("process_start_time_seconds", "gauge", "Start time of the process since the epoch.");
    sample("process_start_time_seconds", QByteArray::number(m_startTimeSeconds, 'f', 2));
    return out;
}

} // namespace kocmoc
