#pragma once

#include <QString>

class QAbstractEventDispatcher;

namespace kocmoc::eventloop {

// Which event dispatcher the server's threads run on. The environment variable
// KOCMOC_EVENT_DISPATCHER chooses: "epoll" (the default on Linux) or "qt" (Qt's
// own, the only one elsewhere), so that a problem can be told apart from the
// dispatcher in production without a rebuild. It is read before the
// application object exists, which is why it is not a server setting.
QString preferredEventDispatcher();

// A new dispatcher of that kind for QCoreApplication::setEventDispatcher or
// QThread::setEventDispatcher, or nullptr for Qt's default.
QAbstractEventDispatcher *createEventDispatcher();

} // namespace kocmoc::eventloop
