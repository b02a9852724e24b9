#include "EventDispatchers.h"

#ifdef Q_OS_LINUX
#include "EpollEventDispatcher.h"
#endif

#include <QtGlobal>

#include <cstdio>

namespace kocmoc::eventloop {

QString preferredEventDispatcher()
{
    const QByteArray wanted = qgetenv("KOCMOC_EVENT_DISPATCHER").trimmed().toLower();
#ifdef Q_OS_LINUX
    if (wanted.isEmpty() || wanted == "epoll")
        return QStringLiteral("epoll");
#endif
    if (!wanted.isEmpty() && wanted != "qt" && wanted != "epoll") {
        // Logging is not set up this early, and qWarning would start Qt's.
        static const bool once = [&] {
            std::fprintf(stderr,
                "KOCMOC_EVENT_DISPATCHER=%s is neither epoll nor qt; using Qt's own\n",
                wanted.constData());
            return true;
        }();
        Q_UNUSED(once);
    }
    return QStringLiteral("qt");
}

QAbstractEventDispatcher *createEventDispatcher()
{
#ifdef Q_OS_LINUX
    if (preferredEventDispatcher() == QLatin1String("epoll")) {
        auto *dispatcher = new EpollEventDispatcher;
        // Every write of a QAbstractSocket enables its write notifier: see
        // setOptimisticWrites.
        dispatcher->setOptimisticWrites(true);
        return dispatcher;
    }
#endif
    return nullptr;
}

} // namespace kocmoc::eventloop
