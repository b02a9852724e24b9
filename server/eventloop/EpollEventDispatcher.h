#pragma once

#include <QAbstractEventDispatcher>
#include <QHash>

#include <atomic>
#include <set>
#include <tuple>
#include <vector>

struct epoll_event;

namespace kocmoc::eventloop {

// An event dispatcher for Linux on epoll. Qt's own UNIX dispatchers (GLib's and
// QEventDispatcherUNIX) hand every open socket to poll() on every wake-up, so a
// server with 10k connections spends its time building and scanning pollfd
// arrays (DESIGN.md, "Many connections"). Here the kernel keeps the interest
// list: a wake-up costs in proportion to the sockets that are ready.
//
// It keeps the semantics of QEventDispatcherUNIX, with public API only:
// level-triggered socket notifiers (Read, Write, Exception; one of each per
// fd), timers of the three types in a deadline-ordered set whose earliest entry
// is epoll_wait's timeout, posted events at the start of each pass, an eventfd
// for wakeUp() and interrupt() from any thread, the awake() and aboutToBlock()
// signals, and the ExcludeSocketNotifiers / X11ExcludeTimers / WaitForMoreEvents
// flags (there is no user input to exclude in a server).
//
// Everything but wakeUp() and interrupt() runs on the dispatcher's thread.
class EpollEventDispatcher : public QAbstractEventDispatcher
{
    Q_OBJECT
public:
    explicit EpollEventDispatcher(QObject *parent = nullptr);
    ~EpollEventDispatcher() override;

    // Optimistic writes: a Write notifier that is enabled is activated on the next
    // pass as if its socket were writable, and watched by epoll only if it is still
    // enabled after that. A QAbstractSocket enables its write notifier on every
    // write() and disables it once the buffer is flushed, which otherwise costs two
    // epoll_ctl calls per message sent on a socket that is nearly always writable.
    // Off by default: a plain QSocketNotifier may then see one activation while its
    // fd is not writable (QAbstractSocket just writes nothing and waits).
    void setOptimisticWrites(bool on) { m_optimisticWrites = on; }
    bool optimisticWrites() const { return m_optimisticWrites; }

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;

    void registerSocketNotifier(QSocketNotifier *notifier) override;
    void unregisterSocketNotifier(QSocketNotifier *notifier) override;

    void registerTimer(
        int timerId, qint64 interval, Qt::TimerType timerType, QObject *object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject *object) override;
    QList<TimerInfo> registeredTimers(QObject *object) const override;
    int remainingTime(int timerId) override;

    void wakeUp() override;
    void interrupt() override;

private:
    // The notifiers of one fd, indexed by QSocketNotifier::Type. Each registration
    // gets a new serial, so that an activation queued for a notifier that was
    // disabled (and perhaps another one registered on the reused fd) is dropped.
    struct FdEntry
    {
        QSocketNotifier *notifiers[3] = {nullptr, nullptr, nullptr};
        quint64 serials[3] = {0, 0, 0};
        quint32 watched = 0; // the epoll events the kernel has for this fd
        bool writeDeferred = false; // an optimistic Write notifier not yet given to epoll
        bool alwaysReady = false; // a regular file: epoll refuses it, poll() says ready
        bool empty() const { return !notifiers[0] && !notifiers[1] && !notifiers[2]; }
    };
    struct PendingNotifier
    {
        int fd;
        int type;
        quint64 serial;
    };
    struct Timer
    {
        qint64 intervalMs = 0; // as registered, for registeredTimers()
        Qt::TimerType type = Qt::CoarseTimer;
        QObject *object = nullptr;
        qint64 deadlineNs = 0;
        quint64 sequence = 0; // in m_timerOrder's key: equal deadlines fire in order
        quint64 serial = 0; // this registration, which outlives reschedules
        bool firing = false; // its timerEvent() is running: never deliver it recursively
    };
    using TimerKey = std::tuple<qint64, quint64, int>; // (deadline, sequence, id)
    struct DueTimer
    {
        int id;
        quint64 sequence;
    };

    static qint64 nowNs();
    quint32 wantedEvents(const FdEntry &entry) const;
    void updateEpoll(int fd, FdEntry &entry);
    int waitTimeoutMs(bool includeTimers) const;
    int activateTimers();
    void queueReady(int fd, quint32 events, std::vector<PendingNotifier> &batch) const;
    static qint64 coarseDeadline(qint64 exactNs, qint64 intervalMs, qint64 now);
    static qint64 veryCoarseDeadline(qint64 intervalMs, qint64 now);
    void schedule(Timer &timer, qint64 now, bool first);
    void insertTimer(int id, Timer &timer);
    int consumeWakeUp();

    int m_epollFd = -1;
    int m_wakeFd = -1;
    std::atomic<int> m_wakeUps = 0; // 1 while a write to m_wakeFd is unread
    std::atomic<bool> m_interrupt = false;
    bool m_optimisticWrites = false;

    std::vector<FdEntry> m_fds; // indexed by fd: fds are small and dense
    quint64 m_nextSerial = 1;
    std::vector<PendingNotifier> m_freshWrites; // optimistic writes for the next pass
    std::vector<int> m_alwaysReady;
    // Reused between passes; a nested pass (an event loop run from a slot) takes
    // empty ones, so the outer pass's lists stay intact.
    std::vector<PendingNotifier> m_spareBatch;
    std::vector<DueTimer> m_spareDue;
    std::vector<epoll_event> m_events;

    QHash<int, Timer> m_timers;
    std::set<TimerKey> m_timerOrder; // earliest deadline first
    quint64 m_nextSequence = 0;
    quint64 m_nextTimerSerial = 0;
};

} // namespace kocmoc::eventloop
