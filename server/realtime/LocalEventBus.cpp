#include "LocalEventBus.h"

#include <algorithm>

namespace kocmoc::realtime {

LocalEventBus::LocalEventBus(QObject *parent)
    : QObject(parent)
{ }

void LocalEventBus::publish(const RealtimeEvent &event)
{
    // Queued even on the bus's own thread, so a listener never runs inside the publisher.
    QMetaObject::invokeMethod(
        this, [this, event] { deliver(event); }, Qt::QueuedConnection);
}

int LocalEventBus::subscribe(Listener listener)
{
    const int id = m_nextId++;
    m_subscriptions.push_back(Subscription{id, std::move(listener)});
    return id;
}

void LocalEventBus::unsubscribe(int id)
{
    std::erase_if(m_subscriptions, [id](const Subscription &s) { return s.id == id; });
}

void LocalEventBus::deliver(const RealtimeEvent &event)
{
    // Listeners may subscribe or unsubscribe while they run: each one still subscribed when
    // its turn comes is called, from a copy (the list may grow meanwhile).
    std::vector<int> ids;
    ids.reserve(m_subscriptions.size());
    for (const Subscription &subscription : m_subscriptions)
        ids.push_back(subscription.id);
    for (const int id : ids) {
        const auto found = std::find_if(m_subscriptions.begin(), m_subscriptions.end(),
            [id](const Subscription &s) { return s.id == id; });
        if (found == m_subscriptions.end())
            continue;
        const Listener listener = found->listener;
        listener(event);
    }
}

} // namespace kocmoc::realtime
