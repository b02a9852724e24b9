#include "WorkerPool.h"

#include "db/DatabaseError.h"
#include "eventloop/EventDispatchers.h"

#include <QAbstractEventDispatcher>
#include <QCoreApplication>
#include <QEvent>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcWorkers, "kocmoc.workers")

namespace kocmoc {

namespace {

// A job's answer, posted to the server thread.
class AnswerEvent final : public QEvent
{
public:
    static QEvent::Type type()
    {
        static const auto registered = QEvent::Type(QEvent::registerEventType());
        return registered;
    }
    explicit AnswerEvent(std::function<void()> call)
        : QEvent(type())
        , m_call(std::move(call))
    { }
    void run() { m_call(); }

private:
    std::function<void()> m_call;
};

} // namespace

WorkerPool::WorkerPool(int threadCount, std::function<void()> onThreadExit, QObject *parent)
    : QObject(parent)
    , m_onThreadExit(std::move(onThreadExit))
{
    for (int i = 0; i < qMax(1, threadCount); ++i) {
        m_threads.emplace_back(QThread::create([this] { workerLoop(); }));
        m_threads.back()->setObjectName(QStringLiteral("kocmoc-worker-%1").arg(i));
        // The same dispatcher as the server thread: a worker's database connection
        // (its socket notifier, QPSQL's notifications) and queued calls run on it.
        if (QAbstractEventDispatcher *dispatcher = eventloop::createEventDispatcher())
            m_threads.back()->setEventDispatcher(dispatcher);
        m_threads.back()->start();
    }
}

WorkerPool::~WorkerPool()
{
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
    }
    m_wake.wakeAll();
    for (const auto &thread : m_threads)
        thread->wait();
}

void WorkerPool::post(std::function<void()> task)
{
    {
        QMutexLocker lock(&m_mutex);
        m_queue.push_back(std::move(task));
    }
    m_wake.wakeOne();
}

void WorkerPool::answer(std::function<void()> call, Answer when)
{
    QCoreApplication::postEvent(this, new AnswerEvent(std::move(call)),
        when == Answer::AheadOfQueued ? Qt::HighEventPriority : Qt::NormalEventPriority);
}

bool WorkerPool::event(QEvent *event)
{
    if (event->type() != AnswerEvent::type())
        return QObject::event(event);
    static_cast<AnswerEvent *>(event)->run();
    return true;
}

int WorkerPool::queuedJobs() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_queue.size());
}

void WorkerPool::workerLoop()
{
    for (;;) {
        std::function<void()> task;
        {
            QMutexLocker lock(&m_mutex);
            while (m_queue.empty() && !m_stopping)
                m_wake.wait(&m_mutex);
            if (m_queue.empty())
                break; // stopping, and every queued job is done
            task = std::move(m_queue.front());
            m_queue.pop_front();
        }
        m_busy.fetch_add(1, std::memory_order_relaxed);
        task();
        m_busy.fetch_sub(1, std::memory_order_relaxed);
    }
    if (m_onThreadExit)
        m_onThreadExit();
}

void WorkerPool::respond(
    const http::HttpReply &reply, std::function<Result<http::HttpResponse>()> job)
{
    run<http::HttpResponse>(std::move(job), [reply](Result<http::HttpResponse> result) {
        if (result.ok())
            reply.send(std::move(result.value()));
        else
            reply.error(result.error());
    });
}

ApiError WorkerPool::errorFromException(std::exception_ptr exception)
{
    try {
        std::rethrow_exception(exception);
    } catch (const db::DatabaseUnavailable &e) {
        qCWarning(lcWorkers).noquote() << "database unavailable:" << e.what();
        return ApiError::unavailable(QStringLiteral("database_unavailable"),
            QStringLiteral("The database cannot be reached right now; try again shortly."), 5);
    } catch (const std::exception &e) {
        qCCritical(lcWorkers).noquote() << "job failed:" << e.what();
    } catch (...) {
        qCCritical(lcWorkers).noquote() << "job failed with an unknown exception";
    }
    return ApiError::internal();
}

} // namespace kocmoc
