#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace kocmoc::realtime {

// One realtime event of API.md ("message:new", "chat:update", …) and who gets it:
// every connected device of every user listed.
struct RealtimeEvent
{
    QString name;
    QJsonObject payload;
    QStringList userIds;
    // Empty for events of this process; for another server process's events, an id of
    // that process (presence is tracked per process).
    QString origin;
};

// Where services put events once their transaction has committed. Thread-safe:
// services call it from worker threads; delivery happens on the server thread
// (and, with PostgreSQL, in every server process sharing the database).
class EventBus
{
public:
    virtual ~EventBus() = default;
    virtual void publish(const RealtimeEvent &event) = 0;
};

} // namespace kocmoc::realtime
