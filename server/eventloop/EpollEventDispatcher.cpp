#include "EpollEventDispatcher.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QThread>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <ctime>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace kocmoc::eventloop {

namespace {

constexpr qint64 nsPerMs = 1'000'000;
constexpr qint64 nsPerSecond = 1'000'000'000;
constexpr size_t initialEvents = 256;
constexpr size_t maxEvents = 8192;

// What wakes each notifier type: as poll() in Qt's own dispatcher, hang-up and
// error wake them all, so that the owner reads the error.
constexpr quint32 wakesType[3] = {
    EPOLLIN | EPOLLHUP | EPOLLERR, // QSocketNotifier::Read
    EPOLLOUT | EPOLLHUP | EPOLLERR, // QSocketNotifier::Write
    EPOLLPRI | EPOLLHUP | EPOLLERR, // QSocketNotifier::Exception
};

const char *typeName(int type)
{
    return type == QSocketNotifier::Read ? "Read"
        : type == QSocketNotifier::Write ? "Write"
                                         : "Exception";
}

} // namespace

EpollEventDispatcher::EpollEventDispatcher(QObject *parent)
    : QAbstractEventDispatcher(parent)
    , m_events(initialEvents)
{
    m_epollFd = epoll_create1(EPOLL_CLOEXEC);
    m_wakeFd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (m_epollFd < 0 || m_wakeFd < 0)
        qFatal("EpollEventDispatcher: cannot create an epoll or event fd: %s", strerror(errno));
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.fd = m_wakeFd;
    if (epoll_ctl(m_epollFd, EPOLL_CTL_ADD, m_wakeFd, &event) != 0)
        qFatal("EpollEventDispatcher: cannot watch the event fd: %s", strerror(errno));
}

EpollEventDispatcher::~EpollEventDispatcher()
{
    ::close(m_wakeFd);
    ::close(m_epollFd);
}

qint64 EpollEventDispatcher::nowNs()
{
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return qint64(now.tv_sec) * nsPerSecond + now.tv_nsec;
}

// ---- socket notifiers ----------------------------------------------------------

quint32 EpollEventDispatcher::wantedEvents(const FdEntry &entry) const
{
    quint32 events = 0;
    if (entry.notifiers[QSocketNotifier::Read])
        events |= EPOLLIN;
    if (entry.notifiers[QSocketNotifier::Write] && !entry.writeDeferred)
        events |= EPOLLOUT;
    if (entry.notifiers[QSocketNotifier::Exception])
        events |= EPOLLPRI;
    return events;
}

void EpollEventDispatcher::updateEpoll(int fd, FdEntry &entry)
{
    if (entry.alwaysReady)
        return;
    const quint32 wanted = wantedEvents(entry);
    if (wanted == entry.watched)
        return;
    epoll_event event{};
    event.events = wanted;
    event.data.fd = fd;
    int result = 0;
    if (wanted == 0) {
        // ENOENT/EBADF: the fd was closed before its notifier went, and the kernel
        // forgot it already.
        result = epoll_ctl(m_epollFd, EPOLL_CTL_DEL, fd, &event);
        if (result != 0 && (errno == ENOENT || errno == EBADF))
            result = 0;
    } else if (entry.watched == 0) {
        result = epoll_ctl(m_epollFd, EPOLL_CTL_ADD, fd, &event);
        if (result != 0 && errno == EEXIST)
            result = epoll_ctl(m_epollFd, EPOLL_CTL_MOD, fd, &event);
    } else {
        result = epoll_ctl(m_epollFd, EPOLL_CTL_MOD, fd, &event);
        // The fd was closed and reopened under the same number while watched.
        if (result != 0 && errno == ENOENT)
            result = epoll_ctl(m_epollFd, EPOLL_CTL_ADD, fd, &event);
    }
    if (result == 0) {
        entry.watched = wanted;
    } else if (errno == EPERM) {
        // A regular file or directory, which poll() reports as always ready.
        entry.alwaysReady = true;
        entry.watched = 0;
        m_alwaysReady.push_back(fd);
    } else {
        qWarning("EpollEventDispatcher: epoll_ctl on fd %d failed: %s", fd, strerror(errno));
    }
}

void EpollEventDispatcher::registerSocketNotifier(QSocketNotifier *notifier)
{
    Q_ASSERT(notifier);
    const int fd = int(notifier->socket());
    const int type = int(notifier->type());
#ifndef QT_NO_DEBUG
    if (notifier->thread() != thread() || thread() != QThread::currentThread()) {
        qWarning("QSocketNotifier: socket notifiers cannot be enabled from another thread");
        return;
    }
#endif
    if (fd < 0)
        return;
    if (size_t(fd) >= m_fds.size())
        m_fds.resize(qMax(size_t(fd) + 1, m_fds.size() * 2));
    FdEntry &entry = m_fds[fd];
    if (entry.notifiers[type] && entry.notifiers[type] != notifier)
        qWarning("EpollEventDispatcher: several socket notifiers for socket %d and type %s", fd,
            typeName(type));
    entry.notifiers[type] = notifier;
    entry.serials[type] = m_nextSerial++;
    if (type == QSocketNotifier::Write && m_optimisticWrites && !entry.alwaysReady
        && !(entry.watched & EPOLLOUT)) {
        entry.writeDeferred = true;
        m_freshWrites.push_back({fd, type, entry.serials[type]});
        return;
    }
    updateEpoll(fd, entry);
}

void EpollEventDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier)
{
    Q_ASSERT(notifier);
    const int fd = int(notifier->socket());
    const int type = int(notifier->type());
#ifndef QT_NO_DEBUG
    if (notifier->thread() != thread() || thread() != QThread::currentThread()) {
        qWarning(
            "QSocketNotifier: socket notifier (fd %d) cannot be disabled from another thread", fd);
        return;
    }
#endif
    if (fd < 0 || size_t(fd) >= m_fds.size())
        return;
    FdEntry &entry = m_fds[fd];
    if (entry.notifiers[type] != notifier) {
        if (entry.notifiers[type])
            qWarning("EpollEventDispatcher: several socket notifiers for socket %d and type %s", fd,
                typeName(type));
        return;
    }
    // The serial goes too, so an activation queued for this notifier is dropped.
    entry.notifiers[type] = nullptr;
    entry.serials[type] = 0;
    if (type == QSocketNotifier::Write)
        entry.writeDeferred = false;
    if (entry.alwaysReady && entry.empty()) {
        entry.alwaysReady = false;
        m_alwaysReady.erase(std::find(m_alwaysReady.begin(), m_alwaysReady.end(), fd));
        return;
    }
    updateEpoll(fd, entry);
}

void EpollEventDispatcher::queueReady(
    int fd, quint32 events, std::vector<PendingNotifier> &batch) const
{
    if (fd < 0 || size_t(fd) >= m_fds.size())
        return;
    const FdEntry &entry = m_fds[fd];
    for (int type = 0; type < 3; ++type) {
        if (!entry.notifiers[type] || !(events & wakesType[type]))
            continue;
        // An optimistic write notifier is already queued from m_freshWrites.
        if (type == QSocketNotifier::Write && entry.writeDeferred)
            continue;
        batch.push_back({fd, type, entry.serials[type]});
    }
}

// ---- timers --------------------------------------------------------------------

// Coarse timers may be up to 5% late or early, so that timers that need not be
// precise wake the thread together: the deadline moves to the roundest boundary
// (a whole second, half, quarter, … millisecond) within that margin.
qint64 EpollEventDispatcher::coarseDeadline(qint64 exactNs, qint64 intervalMs, qint64 now)
{
    const qint64 slackNs = intervalMs * nsPerMs / 20;
    static constexpr qint64 boundariesMs[] = {1000, 500, 250, 200, 100, 50, 25, 10, 5, 2};
    for (const qint64 boundaryMs : boundariesMs) {
        const qint64 boundary = boundaryMs * nsPerMs;
        const qint64 rounded = (exactNs + boundary / 2) / boundary * boundary;
        if (qAbs(rounded - exactNs) <= slackNs && rounded >= now)
            return rounded;
    }
    return exactNs;
}

// Very coarse timers fire on whole seconds, their interval rounded to seconds.
qint64 EpollEventDispatcher::veryCoarseDeadline(qint64 intervalMs, qint64 now)
{
    const qint64 seconds = (intervalMs + 500) / 1000;
    const qint64 deadline = (now / nsPerSecond + seconds) * nsPerSecond;
    return deadline > now || seconds == 0 ? deadline : deadline + nsPerSecond;
}

void EpollEventDispatcher::schedule(Timer &timer, qint64 now, bool first)
{
    const qint64 interval = timer.intervalMs * nsPerMs;
    switch (timer.type) {
    case Qt::VeryCoarseTimer:
        timer.deadlineNs = veryCoarseDeadline(timer.intervalMs, now);
        return;
    case Qt::CoarseTimer:
    case Qt::PreciseTimer: {
        // Repeating timers keep their phase unless they fell behind.
        qint64 exact = first ? now + interval : timer.deadlineNs + interval;
        if (exact < now)
            exact = now + interval;
        timer.deadlineNs
            = timer.type == Qt::CoarseTimer ? coarseDeadline(exact, timer.intervalMs, now) : exact;
        return;
    }
    }
}

void EpollEventDispatcher::insertTimer(int id, Timer &timer)
{
    timer.sequence = m_nextSequence++;
    m_timerOrder.emplace(timer.deadlineNs, timer.sequence, id);
}

void EpollEventDispatcher::registerTimer(
    int timerId, qint64 interval, Qt::TimerType timerType, QObject *object)
{
    if (timerId < 1 || interval < 0 || !object) {
        qWarning("EpollEventDispatcher::registerTimer: invalid arguments");
        return;
    }
    if (object->thread() != thread() || thread() != QThread::currentThread()) {
        qWarning("EpollEventDispatcher::registerTimer: timers cannot be started from another "
                 "thread");
        return;
    }
    unregisterTimer(timerId); // never two entries for one id
    Timer timer;
    timer.intervalMs = interval;
    // As Qt's dispatcher: 5% of under 20 ms is under a millisecond, and of 20 s and
    // more is a second or more.
    timer.type = timerType;
    if (timerType == Qt::CoarseTimer && interval <= 20)
        timer.type = Qt::PreciseTimer;
    else if (timerType == Qt::CoarseTimer && interval >= 20'000)
        timer.type = Qt::VeryCoarseTimer;
    timer.object = object;
    timer.serial = ++m_nextTimerSerial;
    schedule(timer, nowNs(), true);
    Timer &stored = m_timers.insert(timerId, timer).value();
    insertTimer(timerId, stored);
}

bool EpollEventDispatcher::unregisterTimer(int timerId)
{
    const auto it = m_timers.find(timerId);
    if (it == m_timers.end())
        return false;
    m_timerOrder.erase(TimerKey{it->deadlineNs, it->sequence, timerId});
    m_timers.erase(it);
    return true;
}

bool EpollEventDispatcher::unregisterTimers(QObject *object)
{
    bool any = false;
    for (auto it = m_timers.begin(); it != m_timers.end();) {
        if (it->object != object) {
            ++it;
            continue;
        }
        m_timerOrder.erase(TimerKey{it->deadlineNs, it->sequence, it.key()});
        it = m_timers.erase(it);
        any = true;
    }
    return any;
}

QList<QAbstractEventDispatcher::TimerInfo> EpollEventDispatcher::registeredTimers(
    QObject *object) const
{
    QList<TimerInfo> list;
    for (auto it = m_timers.cbegin(); it != m_timers.cend(); ++it) {
        if (it->object == object)
            list.append(TimerInfo(it.key(), int(it->intervalMs), it->type));
    }
    return list;
}

int EpollEventDispatcher::remainingTime(int timerId)
{
    const auto it = m_timers.constFind(timerId);
    if (it == m_timers.cend())
        return -1;
    const qint64 left = it->deadlineNs - nowNs();
    return left <= 0 ? 0 : int((left + nsPerMs - 1) / nsPerMs);
}

int EpollEventDispatcher::waitTimeoutMs(bool includeTimers) const
{
    if (!includeTimers)
        return -1;
    const qint64 now = nowNs();
    for (const auto &[deadline, sequence, id] : m_timerOrder) {
        // A timer whose timerEvent() runs a nested loop is not due again meanwhile.
        if (m_timers.value(id).firing)
            continue;
        if (deadline <= now)
            return 0;
        // Rounded up: never wake before the deadline only to sleep again.
        return int(qMin<qint64>((deadline - now + nsPerMs - 1) / nsPerMs, INT_MAX));
    }
    return -1;
}

int EpollEventDispatcher::activateTimers()
{
    if (m_timerOrder.empty())
        return 0;
    const qint64 now = nowNs();
    std::vector<DueTimer> due = std::move(m_spareDue);
    due.clear();
    for (const auto &[deadline, sequence, id] : m_timerOrder) {
        if (deadline > now)
            break;
        due.push_back({id, sequence});
    }
    int activated = 0;
    for (const DueTimer &candidate : due) {
        auto it = m_timers.find(candidate.id);
        // Killed, or already handled by a nested pass, since the list was made.
        if (it == m_timers.end() || it->sequence != candidate.sequence)
            continue;
        m_timerOrder.erase(TimerKey{it->deadlineNs, it->sequence, candidate.id});
        schedule(*it, now, false);
        insertTimer(candidate.id, *it);
        if (it->intervalMs > 0)
            ++activated;
        if (it->firing)
            continue;
        it->firing = true;
        const quint64 serial = it->serial;
        QTimerEvent event(candidate.id);
        QCoreApplication::sendEvent(it->object, &event);
        // The timer may be gone, or its id reused, and m_timers rehashed.
        it = m_timers.find(candidate.id);
        if (it != m_timers.end() && it->serial == serial)
            it->firing = false;
    }
    due.clear();
    m_spareDue = std::move(due);
    return activated;
}

// ---- the loop ------------------------------------------------------------------

void EpollEventDispatcher::wakeUp()
{
    // One write until the loop reads it: a burst of posted events costs one syscall.
    int expected = 0;
    if (m_wakeUps.compare_exchange_strong(expected, 1, std::memory_order_acq_rel)) {
        int result;
        do {
            result = eventfd_write(m_wakeFd, 1);
        } while (result != 0 && errno == EINTR);
    }
}

void EpollEventDispatcher::interrupt()
{
    m_interrupt.store(true, std::memory_order_release);
    wakeUp();
}

int EpollEventDispatcher::consumeWakeUp()
{
    eventfd_t value = 0;
    eventfd_read(m_wakeFd, &value);
    // After the read: a wakeUp() between the two finds the flag still set and
    // writes nothing, but its event was posted before, so the next pass sends it.
    m_wakeUps.store(0, std::memory_order_release);
    return 1;
}

bool EpollEventDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    m_interrupt.store(false, std::memory_order_relaxed);
    emit awake();
    QCoreApplication::sendPostedEvents();

    const bool includeTimers = !(flags & QEventLoop::X11ExcludeTimers);
    const bool includeNotifiers = !(flags & QEventLoop::ExcludeSocketNotifiers);
    // An unread wake-up means events were posted meanwhile (a posted event always
    // wakes its thread), so the loop must come round again without sleeping.
    const bool canWait = (flags & QEventLoop::WaitForMoreEvents)
        && !m_interrupt.load(std::memory_order_acquire)
        && m_wakeUps.load(std::memory_order_acquire) == 0
        && !(includeNotifiers && (!m_freshWrites.empty() || !m_alwaysReady.empty()));
    if (canWait)
        emit aboutToBlock();
    if (m_interrupt.load(std::memory_order_acquire))
        return false;
    const int timeout = canWait ? waitTimeoutMs(includeTimers) : 0;

    int handled = 0;
    if (includeNotifiers) {
        int count = epoll_wait(m_epollFd, m_events.data(), int(m_events.size()), timeout);
        if (count < 0) {
            if (errno != EINTR)
                qWarning("EpollEventDispatcher: epoll_wait failed: %s", strerror(errno));
            count = 0;
        }
        // Collected first and sent after: a slot may register, unregister or delete
        // any notifier, or run a nested event loop that waits on m_events again.
        std::vector<PendingNotifier> batch = std::move(m_spareBatch);
        batch.clear();
        for (int i = 0; i < count; ++i) {
            const int fd = m_events[size_t(i)].data.fd;
            if (fd == m_wakeFd)
                handled += consumeWakeUp();
            else
                queueReady(fd, m_events[size_t(i)].events, batch);
        }
        if (size_t(count) == m_events.size() && m_events.size() < maxEvents)
            m_events.resize(m_events.size() * 2);
        for (const int fd : m_alwaysReady)
            queueReady(fd, EPOLLIN | EPOLLOUT, batch);
        const size_t firstFresh = batch.size();
        batch.insert(batch.end(), m_freshWrites.begin(), m_freshWrites.end());
        m_freshWrites.clear();

        QEvent activation(QEvent::SockAct);
        for (size_t i = 0; i < batch.size(); ++i) {
            const PendingNotifier pending = batch[i];
            // m_fds may grow during a slot: index it afresh every time.
            if (size_t(pending.fd) >= m_fds.size()
                || m_fds[size_t(pending.fd)].serials[pending.type] != pending.serial)
                continue; // disabled or deleted since it became ready
            QCoreApplication::sendEvent(
                m_fds[size_t(pending.fd)].notifiers[pending.type], &activation);
            ++handled;
            if (i < firstFresh)
                continue;
            // Still enabled after writing: its socket is full, so now epoll watches it.
            FdEntry &entry = m_fds[size_t(pending.fd)];
            if (entry.serials[pending.type] == pending.serial && entry.writeDeferred) {
                entry.writeDeferred = false;
                updateEpoll(pending.fd, entry);
            }
        }
        batch.clear();
        m_spareBatch = std::move(batch);
    } else {
        // Sockets stay ready while excluded (epoll is level-triggered): watch only
        // the wake-up fd, or the loop would spin.
        pollfd wake{m_wakeFd, POLLIN, 0};
        if (::poll(&wake, 1, timeout) > 0 && (wake.revents & POLLIN))
            handled += consumeWakeUp();
    }
    if (includeTimers)
        handled += activateTimers();
    return handled > 0;
}

} // namespace kocmoc::eventloop
