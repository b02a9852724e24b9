#pragma once

#include "http/HttpReply.h"

#include <kocmoc/Result.h>

#include <QMutex>
#include <QObject>
#include <QThread>
#include <QWaitCondition>

#include <atomic>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace kocmoc {

// Runs blocking work (SQL, password hashing) on worker threads and hands the
// result back on the server thread, so the event loop never waits. A job's
// DatabaseUnavailable becomes 503 and any other exception a logged 500.
// Its own threads rather than QThreadPool's: each runs onThreadExit (closing its
// database connection) before it is joined, so nothing outlives the pool.
class WorkerPool : public QObject
{
    Q_OBJECT
public:
    WorkerPool(int threadCount, std::function<void()> onThreadExit, QObject *parent = nullptr);
    ~WorkerPool() override; // finishes the queued jobs, then joins the threads

    // When the server thread takes `done`: in turn, after what is already queued for it, or
    // ahead of it (the message writer: its next batch should not wait for the fan-out of the
    // last one, whose events the job itself queued).
    enum class Answer { InTurn, AheadOfQueued };
    template <typename T>
    void run(std::function<Result<T>()> job, std::function<void(Result<T>)> done,
        Answer answer = Answer::InTurn);

    // The common case: the job builds the whole response; the reply is written on the server
    // thread.
    void respond(const http::HttpReply &reply, std::function<Result<http::HttpResponse>()> job);

    // Jobs queued or running, or whose result waits for the server thread: a graceful stop
    // waits for none.
    int unfinishedJobs() const { return m_unfinished.load(std::memory_order_relaxed); }
    int busyWorkers() const { return m_busy.load(std::memory_order_relaxed); }
    int queuedJobs() const;

protected:
    bool event(QEvent *event) override;

private:
    void post(std::function<void()> task);
    void answer(std::function<void()> call, Answer answer);
    void workerLoop();
    static ApiError errorFromException(std::exception_ptr exception);

    std::function<void()> m_onThreadExit;
    mutable QMutex m_mutex;
    QWaitCondition m_wake;
    std::deque<std::function<void()>> m_queue;
    bool m_stopping = false;
    std::atomic<int> m_unfinished = 0;
    std::atomic<int> m_busy = 0;
    std::vector<std::unique_ptr<QThread>> m_threads;
};

template <typename T>
void WorkerPool::run(
    std::function<Result<T>()> job, std::function<void(Result<T>)> done, Answer when)
{
    m_unfinished.fetch_add(1, std::memory_order_relaxed);
    post([this, job = std::move(job), done = std::move(done), when]() mutable {
        std::optional<Result<T>> result;
        try {
            result.emplace(job());
        } catch (...) {
            result.emplace(errorFromException(std::current_exception()));
        }
        answer(
            [this, done = std::move(done), result = std::move(*result)]() mutable {
                done(std::move(result));
                m_unfinished.fetch_sub(1, std::memory_order_relaxed);
            },
            when);
    });
}

} // namespace kocmoc
