#pragma once

#include "app/WorkerPool.h"
#include "services/MessageService.h"

#include <functional>
#include <vector>

namespace kocmoc {

// Stores realtime sends in batches: while batches are being written, new sends queue
// up, and the next worker job stores all of them in one transaction
// (MessageService::sendMany). Alone, a send is written at once; under load, one commit
// carries many, so the rate is bounded by rows per transaction rather than
// transactions per second. When sends pile up, two batches are in flight, so that one
// is checked and encoded while the other holds the version lock. Each caller's callback gets
// its own outcome after the commit, on the server thread. Lives on the server thread.
class MessageWriter
{
public:
    using Done = std::function<void(Result<SentMessage>)>;

    static constexpr int maxBatch = 1024;
    static constexpr int maxInFlight = 2;
    static constexpr int secondBatchFrom = maxBatch / 4; // sends waiting

    MessageWriter(WorkerPool &workers, MessageService &messages)
        : m_workers(workers)
        , m_messages(messages)
    { }

    void send(const QString &callerId, const SendInput &input, Done done);

private:
    void writeWhatIsDue();
    void writeNextBatch();

    WorkerPool &m_workers;
    MessageService &m_messages;
    QList<SendRequest> m_queued;
    std::vector<Done> m_callbacks;
    int m_inFlight = 0;
};

} // namespace kocmoc
