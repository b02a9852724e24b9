#include "eventloop/EpollEventDispatcher.h"
#include "eventloop/EventDispatchers.h"

#include <QAbstractEventDispatcher>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QPointer>
#include <QSignalSpy>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>
#include <QtTest>

#include <atomic>
#include <memory>
#include <vector>

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

using kocmoc::eventloop::EpollEventDispatcher;

namespace {

// Both ends of a connected stream socket pair, closed at the end.
struct SocketPair
{
    int fds[2] = {-1, -1};
    SocketPair() { ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, fds); }
    ~SocketPair()
    {
        for (int fd : fds) {
            if (fd >= 0)
                ::close(fd);
        }
    }
};

// A loopback TCP connection from plain sockets: urgent (out-of-band) data needs TCP.
struct TcpPair
{
    int client = -1;
    int server = -1;
    TcpPair()
    {
        const int listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        ::bind(listener, reinterpret_cast<sockaddr *>(&address), sizeof address);
        ::listen(listener, 1);
        ::getsockname(listener, reinterpret_cast<sockaddr *>(&address), &length);
        client = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        ::connect(client, reinterpret_cast<sockaddr *>(&address), sizeof address);
        server = ::accept4(listener, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
        ::close(listener);
    }
    ~TcpPair()
    {
        ::close(client);
        ::close(server);
    }
};

// Counts its timer events and runs a hook in each.
class TimerTarget : public QObject
{
public:
    QHash<int, int> fired;
    std::function<void(int)> onTimer;

protected:
    void timerEvent(QTimerEvent *event) override
    {
        ++fired[event->timerId()];
        if (onTimer)
            onTimer(event->timerId());
    }
};

bool optimisticWrites()
{
    return qEnvironmentVariableIntValue("KOCMOC_TEST_OPTIMISTIC_WRITES") == 1;
}

EpollEventDispatcher *newDispatcher()
{
    auto *dispatcher = new EpollEventDispatcher;
    dispatcher->setOptimisticWrites(optimisticWrites());
    return dispatcher;
}

} // namespace

class TestEpollDispatcher : public QObject
{
    Q_OBJECT

private slots:
    void installedOnTheMainThread()
    {
        auto *dispatcher
            = qobject_cast<EpollEventDispatcher *>(QAbstractEventDispatcher::instance());
        QVERIFY(dispatcher);
        QCOMPARE(dispatcher->optimisticWrites(), optimisticWrites());
    }

    void choiceFollowsTheEnvironment()
    {
        const QByteArray saved = qgetenv("KOCMOC_EVENT_DISPATCHER");
        qputenv("KOCMOC_EVENT_DISPATCHER", "qt");
        QCOMPARE(kocmoc::eventloop::preferredEventDispatcher(), QStringLiteral("qt"));
        QCOMPARE(kocmoc::eventloop::createEventDispatcher(), nullptr);
        qputenv("KOCMOC_EVENT_DISPATCHER", "epoll");
        std::unique_ptr<QAbstractEventDispatcher> made(kocmoc::eventloop::createEventDispatcher());
        QVERIFY(qobject_cast<EpollEventDispatcher *>(made.get()));
        qunsetenv("KOCMOC_EVENT_DISPATCHER");
        QCOMPARE(kocmoc::eventloop::preferredEventDispatcher(), QStringLiteral("epoll"));
        if (!saved.isNull())
            qputenv("KOCMOC_EVENT_DISPATCHER", saved);
    }

    void singleShotTimerFiresOnceAndNotEarly()
    {
        for (const Qt::TimerType type : {Qt::PreciseTimer, Qt::CoarseTimer}) {
            int fired = 0;
            QElapsedTimer clock;
            clock.start();
            qint64 firedAfter = -1;
            QTimer::singleShot(60, type, this, [&] {
                ++fired;
                firedAfter = clock.elapsed();
            });
            QTRY_COMPARE(fired, 1);
            // A coarse timer may be 5% early; a precise one never.
            QVERIFY2(firedAfter >= (type == Qt::PreciseTimer ? 60 : 57),
                qPrintable(QString::number(firedAfter)));
            QTest::qWait(100);
            QCOMPARE(fired, 1);
        }
    }

    void veryCoarseTimerFiresOnAWholeSecond()
    {
        int fired = 0;
        QTimer::singleShot(1000, Qt::VeryCoarseTimer, this, [&] { ++fired; });
        QTRY_COMPARE_WITH_TIMEOUT(fired, 1, 5000);
    }

    void repeatingTimer()
    {
        QTimer timer;
        timer.setInterval(10);
        int fired = 0;
        connect(&timer, &QTimer::timeout, this, [&] {
            if (++fired == 5)
                timer.stop();
        });
        timer.start();
        QTRY_COMPARE(fired, 5);
        QTest::qWait(60);
        QCOMPARE(fired, 5);
    }

    void zeroTimersRunInOrder()
    {
        QStringList order;
        for (const char *name : {"a", "b", "c"})
            QTimer::singleShot(0, this, [&order, name] { order << QLatin1String(name); });
        QTRY_COMPARE(order, QStringList({"a", "b", "c"}));
    }

    void killTimerInsideItsCallback()
    {
        TimerTarget target;
        int self = 0;
        int other = 0;
        target.onTimer = [&](int id) {
            // The first one to fire kills itself and the other, due in the same pass.
            target.killTimer(self);
            target.killTimer(other);
            Q_UNUSED(id);
        };
        self = target.startTimer(5, Qt::PreciseTimer);
        other = target.startTimer(5, Qt::PreciseTimer);
        QTRY_VERIFY(!target.fired.isEmpty());
        QTest::qWait(50);
        QCOMPARE(target.fired.size(), 1);
        QCOMPARE(target.fired.begin().value(), 1);
        QVERIFY(QAbstractEventDispatcher::instance()->registeredTimers(&target).isEmpty());
    }

    void timerRestartedInsideItsCallback()
    {
        // Killing the firing timer and starting another (which may well get the same
        // id) from its own timerEvent().
        TimerTarget target;
        int total = 0;
        target.onTimer = [&](int firedId) {
            ++total;
            target.killTimer(firedId);
            if (total < 3)
                target.startTimer(5);
        };
        target.startTimer(5);
        QTRY_COMPARE(total, 3);
        QTest::qWait(30);
        QCOMPARE(total, 3);
        QVERIFY(QAbstractEventDispatcher::instance()->registeredTimers(&target).isEmpty());
    }

    void registeredTimersAndRemainingTime()
    {
        TimerTarget target;
        auto *dispatcher = QAbstractEventDispatcher::instance();
        const int precise = target.startTimer(500, Qt::PreciseTimer);
        const int coarse = target.startTimer(2000, Qt::CoarseTimer);
        const int veryCoarse = target.startTimer(30'000, Qt::VeryCoarseTimer);
        const auto timers = dispatcher->registeredTimers(&target);
        QCOMPARE(timers.size(), 3);
        for (const auto &info : timers) {
            if (info.timerId == precise) {
                QCOMPARE(info.interval, 500);
                QCOMPARE(info.timerType, Qt::PreciseTimer);
            } else if (info.timerId == coarse) {
                QCOMPARE(info.interval, 2000);
                QCOMPARE(info.timerType, Qt::CoarseTimer);
            } else {
                QCOMPARE(info.timerId, veryCoarse);
                QCOMPARE(info.interval, 30'000);
                QCOMPARE(info.timerType, Qt::VeryCoarseTimer);
            }
        }
        const int left = dispatcher->remainingTime(precise);
        QVERIFY2(left > 0 && left <= 500, qPrintable(QString::number(left)));
        const int coarseLeft = dispatcher->remainingTime(coarse);
        QVERIFY2(coarseLeft > 0 && coarseLeft <= 2100, qPrintable(QString::number(coarseLeft)));
        const int veryCoarseLeft = dispatcher->remainingTime(veryCoarse);
        QVERIFY2(veryCoarseLeft > 28'000 && veryCoarseLeft <= 31'000,
            qPrintable(QString::number(veryCoarseLeft)));
        target.killTimer(precise);
        QCOMPARE(dispatcher->remainingTime(precise), -1);
        QCOMPARE(dispatcher->registeredTimers(&target).size(), 2);
        QVERIFY(dispatcher->unregisterTimers(&target));
        QVERIFY(dispatcher->registeredTimers(&target).isEmpty());

        QTimer timer;
        timer.start(300);
        // A coarse timer: up to 5% either side.
        QVERIFY2(timer.remainingTime() > 0 && timer.remainingTime() <= 316,
            qPrintable(QString::number(timer.remainingTime())));
    }

    void timersMoveWithTheirObjectToAnotherThread()
    {
        QThread thread;
        thread.setEventDispatcher(newDispatcher());
        thread.start();
        auto *timer = new QTimer;
        std::atomic<int> fired = 0;
        connect(
            timer, &QTimer::timeout, timer, [&] { ++fired; }, Qt::DirectConnection);
        timer->start(10);
        timer->moveToThread(&thread);
        QTRY_VERIFY(fired.load() >= 3);
        QMetaObject::invokeMethod(
            timer, [timer] { delete timer; }, Qt::BlockingQueuedConnection);
        thread.quit();
        QVERIFY(thread.wait(5000));
    }

    void readNotifier()
    {
        SocketPair pair;
        QSocketNotifier notifier(pair.fds[0], QSocketNotifier::Read);
        int activations = 0;
        connect(&notifier, &QSocketNotifier::activated, this, [&] {
            ++activations;
            char buffer[64];
            while (::read(pair.fds[0], buffer, sizeof buffer) > 0) { }
        });
        QTest::qWait(30);
        QCOMPARE(activations, 0);
        QCOMPARE(::write(pair.fds[1], "hello", 5), 5);
        QTRY_COMPARE(activations, 1);
        QTest::qWait(30);
        QCOMPARE(activations, 1); // drained: level-triggered, so no more
        notifier.setEnabled(false);
        QCOMPARE(::write(pair.fds[1], "again", 5), 5);
        QTest::qWait(30);
        QCOMPARE(activations, 1);
        notifier.setEnabled(true);
        QTRY_COMPARE(activations, 2);
    }

    void writeNotifierWaitsForRoom()
    {
        SocketPair pair;
        QSocketNotifier notifier(pair.fds[0], QSocketNotifier::Write);
        int activations = 0;
        int withoutRoom = 0;
        // As QAbstractSocket does: write, and stay enabled while there is more to write.
        connect(&notifier, &QSocketNotifier::activated, this, [&] {
            pollfd room{pair.fds[0], POLLOUT, 0};
            if (::poll(&room, 1, 0) == 1 && (room.revents & POLLOUT)) {
                ++activations;
                notifier.setEnabled(false);
            } else {
                ++withoutRoom;
            }
        });
        QTRY_COMPARE(activations, 1); // a new socket has room

        // Fill the socket until the kernel takes nothing more.
        const QByteArray chunk(4096, 'x');
        qint64 written = 0;
        for (;;) {
            const ssize_t n = ::write(pair.fds[0], chunk.constData(), size_t(chunk.size()));
            if (n <= 0)
                break;
            written += n;
        }
        QVERIFY(written > 0);
        notifier.setEnabled(true);
        QTest::qWait(50);
        QCOMPARE(activations, 1);
        // Optimistic writes allow one activation to find out that there is no room.
        QVERIFY2(
            withoutRoom <= (optimisticWrites() ? 1 : 0), qPrintable(QString::number(withoutRoom)));
        const int spurious = withoutRoom;

        // Drain the other end: now there is room.
        QByteArray buffer(65536, Qt::Uninitialized);
        qint64 drained = 0;
        while (drained < written) {
            const ssize_t n = ::read(pair.fds[1], buffer.data(), size_t(buffer.size()));
            if (n <= 0)
                break;
            drained += n;
        }
        QCOMPARE(drained, written);
        QTRY_COMPARE(activations, 2);
        QCOMPARE(withoutRoom, spurious);
    }

    void threeNotifiersOnOneSocket()
    {
        TcpPair pair;
        QVERIFY(pair.client >= 0 && pair.server >= 0);
        QSocketNotifier read(pair.server, QSocketNotifier::Read);
        QSocketNotifier write(pair.server, QSocketNotifier::Write);
        QSocketNotifier exception(pair.server, QSocketNotifier::Exception);
        int reads = 0;
        int writes = 0;
        int exceptions = 0;
        connect(&write, &QSocketNotifier::activated, this, [&] {
            ++writes;
            write.setEnabled(false);
        });
        connect(&exception, &QSocketNotifier::activated, this, [&] {
            ++exceptions;
            exception.setEnabled(false);
        });
        connect(&read, &QSocketNotifier::activated, this, [&] {
            ++reads;
            char buffer[64];
            while (::recv(pair.server, buffer, sizeof buffer, 0) > 0) { }
        });
        QTRY_COMPARE(writes, 1);
        QCOMPARE(reads, 0);
        QCOMPARE(exceptions, 0);
        // Urgent data is what POLLPRI/EPOLLPRI reports.
        QCOMPARE(::send(pair.client, "!", 1, MSG_OOB), 1);
        QTRY_COMPARE(exceptions, 1);
        QCOMPARE(::send(pair.client, "data", 4, 0), 4);
        QTRY_VERIFY(reads >= 1);
        QCOMPARE(writes, 1);
        // Turning one off leaves the others watched.
        read.setEnabled(false);
        write.setEnabled(true);
        QTRY_COMPARE(writes, 2);
    }

    void notifierDeletedByAnotherOnesSlot()
    {
        // Both sockets ready in one pass; the first slot to run deletes the other's
        // notifier, which must then not be activated.
        SocketPair first;
        SocketPair second;
        auto *a = new QSocketNotifier(first.fds[0], QSocketNotifier::Read);
        auto *b = new QSocketNotifier(second.fds[0], QSocketNotifier::Read);
        QPointer<QSocketNotifier> guardA(a);
        QPointer<QSocketNotifier> guardB(b);
        int activations = 0;
        const auto deleteOther = [&](QSocketNotifier *self) {
            ++activations;
            QSocketNotifier *other = self == a ? b : a;
            delete other;
            self->setEnabled(false);
        };
        connect(a, &QSocketNotifier::activated, this, [&, a] { deleteOther(a); });
        connect(b, &QSocketNotifier::activated, this, [&, b] { deleteOther(b); });
        QCOMPARE(::write(first.fds[1], "x", 1), 1);
        QCOMPARE(::write(second.fds[1], "x", 1), 1);
        QTRY_COMPARE(activations, 1);
        QTest::qWait(30);
        QCOMPARE(activations, 1);
        QCOMPARE(int(guardA.isNull()) + int(guardB.isNull()), 1);
        delete guardA.data();
        delete guardB.data();
    }

    void excludeSocketNotifiers()
    {
        SocketPair pair;
        QSocketNotifier notifier(pair.fds[0], QSocketNotifier::Read);
        int activations = 0;
        connect(&notifier, &QSocketNotifier::activated, this, [&] {
            ++activations;
            char buffer[16];
            while (::read(pair.fds[0], buffer, sizeof buffer) > 0) { }
        });
        QCOMPARE(::write(pair.fds[1], "x", 1), 1);
        QEventLoop loop;
        for (int i = 0; i < 5; ++i)
            loop.processEvents(QEventLoop::ExcludeSocketNotifiers);
        QCOMPARE(activations, 0);
        // Nor may it sleep past a timer or a wake-up while the socket stays ready.
        int fired = 0;
        QTimer::singleShot(20, this, [&] { ++fired; });
        QElapsedTimer clock;
        clock.start();
        while (fired == 0 && clock.elapsed() < 5000)
            loop.processEvents(QEventLoop::ExcludeSocketNotifiers | QEventLoop::WaitForMoreEvents);
        QCOMPARE(fired, 1);
        QCOMPARE(activations, 0);
        QTRY_COMPARE(activations, 1);
    }

    void tcpExchange()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        connect(&server, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *peer = server.nextPendingConnection()) {
                connect(
                    peer, &QTcpSocket::readyRead, peer, [peer] { peer->write(peer->readAll()); });
                connect(peer, &QTcpSocket::disconnected, peer, &QObject::deleteLater);
            }
        });
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, server.serverPort());
        QTRY_COMPARE(client.state(), QAbstractSocket::ConnectedState);
        // Larger than the socket buffers, so that writes wait for room on both sides.
        QByteArray sent(4 * 1024 * 1024, Qt::Uninitialized);
        for (qsizetype i = 0; i < sent.size(); ++i)
            sent[i] = char(i * 7 + i / 4096);
        QByteArray received;
        connect(&client, &QTcpSocket::readyRead, this, [&] { received += client.readAll(); });
        client.write(sent);
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), sent.size(), 20'000);
        QVERIFY(received == sent);
        client.disconnectFromHost();
        QTRY_COMPARE(client.state(), QAbstractSocket::UnconnectedState);
    }

    void webSocketExchange()
    {
        QWebSocketServer server(QStringLiteral("test"), QWebSocketServer::NonSecureMode);
        QVERIFY(server.listen(QHostAddress::LocalHost));
        connect(&server, &QWebSocketServer::newConnection, this, [&] {
            while (QWebSocket *peer = server.nextPendingConnection()) {
                connect(peer, &QWebSocket::textMessageReceived, peer,
                    [peer](const QString &text) { peer->sendTextMessage(text.toUpper()); });
                connect(peer, &QWebSocket::disconnected, peer, &QObject::deleteLater);
            }
        });
        QWebSocket client;
        QStringList received;
        connect(&client, &QWebSocket::textMessageReceived, this,
            [&](const QString &text) { received << text; });
        client.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(server.serverPort())));
        QTRY_COMPARE(client.state(), QAbstractSocket::ConnectedState);
        QStringList expected;
        for (int i = 0; i < 200; ++i) {
            client.sendTextMessage(QStringLiteral("message %1").arg(i));
            expected << QStringLiteral("MESSAGE %1").arg(i);
        }
        const QString big(200'000, QLatin1Char('b'));
        client.sendTextMessage(big);
        expected << big.toUpper();
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), expected.size(), 20'000);
        QCOMPARE(received, expected);
        client.close();
        QTRY_COMPARE(client.state(), QAbstractSocket::UnconnectedState);
    }

    void postedEventsAndCrossThreadWakeUp()
    {
        // The main loop sleeps in epoll_wait; a queued signal from another thread
        // must wake it, and a queued call into that thread must wake the other loop.
        QThread thread;
        thread.setEventDispatcher(newDispatcher());
        thread.start();
        QObject worker;
        worker.moveToThread(&thread);
        QEventLoop loop;
        QThread *answeredOn = nullptr;
        int answers = 0;
        QTimer::singleShot(0, &worker, [&] {
            // On the worker thread: answer into the main thread after a while, so
            // that the main loop is asleep by then.
            QThread::msleep(50);
            QMetaObject::invokeMethod(
                &loop,
                [&] {
                    answeredOn = QThread::currentThread();
                    ++answers;
                    loop.quit();
                },
                Qt::QueuedConnection);
        });
        QTimer guard;
        guard.setSingleShot(true);
        connect(&guard, &QTimer::timeout, &loop, [&] { loop.exit(1); });
        guard.start(10'000);
        QCOMPARE(loop.exec(), 0);
        QCOMPARE(answers, 1);
        QCOMPARE(answeredOn, QThread::currentThread());

        // Many events from many threads at once: every one arrives, in order per sender.
        constexpr int senders = 4;
        constexpr int perSender = 5000;
        std::vector<std::vector<int>> seen(senders);
        std::vector<std::unique_ptr<QThread>> threads;
        for (int s = 0; s < senders; ++s) {
            threads.emplace_back(QThread::create([&, s] {
                for (int i = 0; i < perSender; ++i)
                    QMetaObject::invokeMethod(
                        this, [&, s, i] { seen[size_t(s)].push_back(i); }, Qt::QueuedConnection);
            }));
            threads.back()->start();
        }
        for (auto &sender : threads)
            QVERIFY(sender->wait(10'000));
        const auto all = [&] {
            for (const auto &list : seen) {
                if (list.size() != perSender)
                    return false;
            }
            return true;
        };
        QTRY_VERIFY(all());
        for (const auto &list : seen) {
            for (int i = 0; i < perSender; ++i)
                QCOMPARE(list[size_t(i)], i);
        }
        QMetaObject::invokeMethod(
            &worker, [&] { worker.moveToThread(QCoreApplication::instance()->thread()); },
            Qt::BlockingQueuedConnection);
        thread.quit();
        QVERIFY(thread.wait(5000));
    }

    void interruptWakesAWaitingProcessEvents()
    {
        auto *dispatcher = QAbstractEventDispatcher::instance();
        std::atomic<bool> interrupted = false;
        std::unique_ptr<QThread> other(QThread::create([dispatcher, &interrupted] {
            QThread::msleep(50);
            // Set before interrupting: once a wait ends, the loop below must not wait again
            // (the thread may not count as finished yet).
            interrupted = true;
            dispatcher->interrupt();
        }));
        other->start();
        QElapsedTimer clock;
        clock.start();
        // Nothing else to do: only interrupt() can end this wait.
        while (!interrupted && clock.elapsed() < 10'000)
            dispatcher->processEvents(QEventLoop::WaitForMoreEvents);
        QVERIFY(other->wait(10'000));
        QVERIFY(clock.elapsed() < 10'000);
    }

    void awakeAndAboutToBlockSignals()
    {
        auto *dispatcher = QAbstractEventDispatcher::instance();
        QSignalSpy awake(dispatcher, &QAbstractEventDispatcher::awake);
        QSignalSpy aboutToBlock(dispatcher, &QAbstractEventDispatcher::aboutToBlock);
        QEventLoop loop;
        QTimer::singleShot(30, &loop, &QEventLoop::quit);
        loop.exec(); // sleeps until the timer
        QVERIFY(awake.count() >= 1);
        QVERIFY(aboutToBlock.count() >= 1);
        // Asked not to wait, it never announces blocking.
        aboutToBlock.clear();
        dispatcher->processEvents(QEventLoop::AllEvents);
        QCOMPARE(aboutToBlock.count(), 0);
    }

    void deleteLater()
    {
        QPointer<QObject> object(new QObject);
        object->deleteLater();
        QVERIFY(!object.isNull());
        QTRY_VERIFY(object.isNull());

        // Inside a nested loop the object lives until control is back where
        // deleteLater() was called.
        QPointer<QObject> nested(new QObject);
        bool aliveInNestedLoop = false;
        QTimer::singleShot(0, this, [&] {
            nested->deleteLater();
            QEventLoop inner;
            QTimer::singleShot(30, &inner, &QEventLoop::quit);
            inner.exec();
            aliveInNestedLoop = !nested.isNull();
        });
        QTRY_VERIFY(nested.isNull());
        QVERIFY(aliveInNestedLoop);
    }

    void manySockets()
    {
        constexpr int count = 2000;
        QTcpServer server;
        server.setMaxPendingConnections(count);
        // All of them at once: a short accept queue would drop handshakes for the
        // kernel to retry seconds later.
        server.setListenBacklogSize(count);
        QVERIFY(server.listen(QHostAddress::LocalHost));
        int echoed = 0;
        connect(&server, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *peer = server.nextPendingConnection()) {
                peer->setParent(&server);
                connect(peer, &QTcpSocket::readyRead, peer, [peer, &echoed] {
                    peer->write(peer->readAll());
                    ++echoed;
                });
            }
        });
        std::vector<std::unique_ptr<QTcpSocket>> clients;
        int answered = 0;
        int connected = 0;
        for (int i = 0; i < count; ++i) {
            clients.push_back(std::make_unique<QTcpSocket>());
            QTcpSocket *client = clients.back().get();
            const QByteArray text = QByteArray::number(i) + '\n';
            connect(client, &QTcpSocket::connected, this, [client, text, &connected] {
                ++connected;
                client->write(text);
            });
            connect(client, &QTcpSocket::readyRead, this, [client, text, &answered] {
                if (client->canReadLine() && client->readLine() == text)
                    ++answered;
            });
            client->connectToHost(QHostAddress::LocalHost, server.serverPort());
        }
        QTRY_COMPARE_WITH_TIMEOUT(connected, count, 60'000);
        QTRY_COMPARE_WITH_TIMEOUT(answered, count, 60'000);
        QCOMPARE(echoed, count);
        clients.clear();
        QTRY_COMPARE(server.findChildren<QTcpSocket *>().size(), count); // still there
        qDeleteAll(server.findChildren<QTcpSocket *>());
    }
};

int main(int argc, char *argv[])
{
    // manySockets needs some 4000 descriptors.
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit);
    }
    if (!qEnvironmentVariableIsSet("KOCMOC_TEST_QT_DISPATCHER"))
        QCoreApplication::setEventDispatcher(newDispatcher());
    QCoreApplication app(argc, argv);
    TestEpollDispatcher test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_epolldispatcher.moc"
