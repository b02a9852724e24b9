#pragma once

#include "http/RequestObserver.h"

#include <QByteArray>
#include <QString>

#include <array>
#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <shared_mutex>
#include <tuple>

namespace kocmoc {

// The server's metrics in the Prometheus text format (GET /metrics). Requests are
// counted as they are answered with atomics (a lock is taken only the first time a
// series appears); the gauges are read from their sources when scraped.
class Metrics final : public http::RequestObserver
{
public:
    static constexpr std::array<double, 10> durationBuckets{
        0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};

    // Read when scraped, on the server thread.
    struct Sources
    {
        std::function<qint64()> realtimeConnections;
        std::function<quint64()> realtimeEventsSent;
        std::function<qint64()> workersBusy;
        std::function<qint64()> workersQueued;
        std::function<quint64()> messagesStored;
        std::function<quint64()> filesStored;
    };

    Metrics();
    void setSources(Sources sources) { m_sources = std::move(sources); }

    void requestAnswered(
        const QString &route, const QByteArray &method, int status, double seconds) override;
    QByteArray render() const;

private:
    struct Durations
    {
        std::array<std::atomic<quint64>, durationBuckets.size()> buckets{}; // not cumulative
        std::atomic<quint64> count = 0;
        std::atomic<quint64> sumMicroseconds = 0;
    };
    using RequestKey = std::tuple<QString, QByteArray, int>; // route, method, status

    std::atomic<quint64> &requestCounter(const RequestKey &key);
    Durations &durations(const QString &route);

    Sources m_sources;
    double m_startTimeSeconds = 0;
    mutable std::shared_mutex m_lock; // guards the maps' shape, not the counts
    std::map<RequestKey, std::unique_ptr<std::atomic<quint64>>> m_requests;
    std::map<QString, std::unique_ptr<Durations>> m_durations;
};

} // namespace kocmoc
