#include "MessageWriter.h"

namespace kocmoc {

void MessageWriter::send(const QString &callerId, const SendInput &input, Done done)
{
    m_queued.append(SendRequest{callerId, input});
    m_callbacks.push_back(std::move(done));
    writeWhatIsDue();
}

void MessageWriter::writeWhatIsDue()
{
    // A second batch only when a good part of one is waiting: under light load one
    // batch at a time makes fewer and fuller transactions, and lower latency.
    while (!m_queued.isEmpty()
        && (m_inFlight == 0 || (m_inFlight < maxInFlight && m_queued.size() >= secondBatchFrom)))
        writeNextBatch();
}

void MessageWriter::writeNextBatch()
{
    ++m_inFlight;
    const qsizetype count = qMin<qsizetype>(m_queued.size(), maxBatch);
    QList<SendRequest> batch = m_queued.first(count);
    m_queued.remove(0, count);
    auto callbacks
        = std::make_shared<std::vector<Done>>(std::make_move_iterator(m_callbacks.begin()),
            std::make_move_iterator(m_callbacks.begin() + count));
    m_callbacks.erase(m_callbacks.begin(), m_callbacks.begin() + count);
    m_workers.run<QList<Result<SentMessage>>>(
        [this, batch = std::move(batch)]() -> Result<QList<Result<SentMessage>>> {
            return m_messages.sendMany(batch);
        },
        [this, callbacks](Result<QList<Result<SentMessage>>> outcomes) {
            --m_inFlight;
            for (size_t i = 0; i < callbacks->size(); ++i) {
                Done &done = (*callbacks)[i];
                if (!done)
                    continue;
                if (outcomes)
                    done(outcomes->at(qsizetype(i)));
                else
                    done(outcomes.error()); // the database was lost: every send of the batch
            }
            writeWhatIsDue();
        },
        WorkerPool::Answer::AheadOfQueued);
}

} // namespace kocmoc
