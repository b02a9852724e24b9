#pragma once

#include "app/Clock.h"
#include "app/WorkerPool.h"
#include "db/Database.h"
#include "realtime/EventBus.h"
#include "realtime/LocalEventBus.h"
#include "realtime/PresenceTracker.h"
#include "routes/MaintenanceGate.h"
#include "services/AuthService.h"
#include "services/MessageService.h"
#include "services/MessageWriter.h"
#include "socketio/Namespace.h"
#include "socketio/Socket.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <deque>

namespace kocmoc::realtime {

// The app on Socket.IO (API.md, Realtime): it admits a socket on a valid access
// token, puts it in its user's room ("user:<id>") so every device of a person gets
// every event, carries events from the services to their recipients, handles what
// clients send (message:send with its ack, typing, reads), tracks presence, ends the
// sockets of revoked sessions, and disconnects sockets that flood.
class RealtimeHub : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        int eventsPerSecond = 20; // past this a socket is warned ("error" rate_limited)
        int disconnectAfterWarnings = 3; // warnings within 10 s before it is disconnected
    };

    RealtimeHub(socketio::Namespace &nsp, LocalEventBus &local, EventBus &bus, WorkerPool &workers,
        db::Database &database, AuthService &auth, MessageService &messages, const Clock &clock,
        Settings settings, QObject *parent = nullptr);
    ~RealtimeHub() override;

    const PresenceTracker &presence() const { return m_presence; }
    // While maintenance mode is on, non-admins' sockets are refused, and those connected
    // get "maintenance" {message} and are disconnected when it comes on.
    void followMaintenance(const MaintenanceGate &maintenance);

private:
    struct Identity
    {
        QString userId;
        QString sessionId;
        int accessLevel = 1;
    };
    struct Flood
    {
        qint64 windowStartMs = 0;
        int count = 0;
        int warnings = 0;
        qint64 firstWarningMs = 0;
    };

    void authorize(
        socketio::Socket *socket, const QJsonObject &auth, socketio::Namespace::Decision decide);
    void onConnected(socketio::Socket *socket);
    void onDisconnected(socketio::Socket *socket, const Identity &who);
    void onEvent(socketio::Socket *socket, const QString &name, const socketio::Payload &payload,
        const socketio::Socket::Ack &ack);
    bool flooding(socketio::Socket *socket);

    void sendMessage(
        const Identity &who, const QJsonObject &input, const socketio::Socket::Ack &ack);
    void typing(const Identity &who, const QString &name, const QJsonObject &input);
    void markRead(const Identity &who, const QJsonObject &input, const socketio::Socket::Ack &ack);

    void deliver(const RealtimeEvent &event);
    void endSessions(const RealtimeEvent &event);
    void sendAwayForMaintenance(const MaintenanceState &state);
    void announcePresence(const QString &userId, bool online);
    void queueDelivered(const RealtimeEvent &event);
    void flushDelivered();
    void emitNow(const RealtimeEvent &event);
    void emitSomeDeferred();

    static Identity identityOf(const socketio::Socket *socket);

    socketio::Namespace &m_namespace;
    LocalEventBus &m_local;
    EventBus &m_bus;
    WorkerPool &m_workers;
    db::Database &m_database;
    AuthService &m_auth;
    MessageService &m_messages;
    const Clock &m_clock;
    Settings m_settings;
    PresenceTracker m_presence;
    QPointer<const MaintenanceGate> m_maintenance;
    int m_subscription = 0;
    QHash<const socketio::Socket *, Flood> m_floods;
    // Per chat, the newest message delivered here and two people it reached: "delivered"
    // needs someone other than the sender to have it, and of two people one always is.
    struct DeliveredMark
    {
        QString readers[2];
        qint64 messageId = 0;
        qint64 dueMs = 0; // on m_sinceStart
    };
    QHash<QString, DeliveredMark> m_delivered;
    MessageWriter m_writer;
    QTimer m_deliveredTimer;
    QElapsedTimer m_sinceStart;
    // Delivery receipts of a flush (up to two per busy chat, to every member) go out a
    // slice per event-loop pass, so that their burst does not hold up new messages.
    std::deque<RealtimeEvent> m_deferred;
    QTimer m_deferredTimer;
};

} // namespace kocmoc::realtime
