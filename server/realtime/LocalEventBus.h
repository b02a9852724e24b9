#pragma once

#include "EventBus.h"

#include <QObject>

#include <functional>
#include <vector>

namespace kocmoc::realtime {

// The EventBus of one server process: publish() may be called from any thread; each
// event is queued to the thread this bus lives in (the server's) and handed there to
// every listener, in the order it was published. The realtime hub listens to deliver
// events to sockets; tests listen to check them.
class LocalEventBus final : public QObject, public EventBus
{
    Q_OBJECT
public:
    using Listener = std::function<void(const RealtimeEvent &)>;

    explicit LocalEventBus(QObject *parent = nullptr);

    void publish(const RealtimeEvent &event) override; // thread-safe
    // On the bus's thread. Returns an id for unsubscribe().
    int subscribe(Listener listener);
    void unsubscribe(int id);

private:
    void deliver(const RealtimeEvent &event);

    struct Subscription
    {
        int id;
        Listener listener;
    };
    std::vector<Subscription> m_subscriptions;
    int m_nextId = 1;
};

} // namespace kocmoc::realtime
