#pragma once

#include "db/Database.h"
#include "realtime/EventBus.h"

#include <kocmoc/Result.h>

#include <QList>

namespace kocmoc {

using RealtimeEvents = QList<realtime::RealtimeEvent>;

// An event of this process for these people.
inline realtime::RealtimeEvent eventFor(
    const QString &name, const QJsonObject &payload, const QStringList &userIds)
{
    realtime::RealtimeEvent event;
    event.name = name;
    event.payload = payload;
    event.userIds = userIds;
    return event;
}

// Runs fn(db, events) in one write transaction and publishes the events it gathered
// once the transaction has committed, so nobody hears of a change that did not happen.
template <typename T, typename Fn>
Result<T> writeAndPublish(db::Database &database, realtime::EventBus &bus, Fn &&fn)
{
    RealtimeEvents events;
    Result<T> result = database.transaction([&](QSqlDatabase &db) -> Result<T> {
        events.clear(); // a transaction retried after a lost connection starts over
        return fn(db, events);
    });
    for (const realtime::RealtimeEvent &event : std::as_const(events))
        bus.publish(event);
    return result;
}

} // namespace kocmoc
