#include "RealtimeHub.h"

#include "http/JsonBody.h"
#include "repositories/PresenceRepository.h"
#include "repositories/UserRepository.h"
#include "routes/MessageRoutes.h"

#include <kocmoc/JsonTime.h>
#include <kocmoc/Limits.h>

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcRealtime, "kocmoc.realtime")

namespace kocmoc::realtime {

using socketio::Payload;
using socketio::Socket;

namespace {

// A chat's deliveries are marked this long after the first of them, so a longer wait
// coalesces more reports per chat (two readers each). The marks are taken a slice at a
// time, each chat on its own phase: a short hold of the version lock several times a
// second instead of one long one that every send waiting behind it would feel.
constexpr qint64 deliveredFlushMs = 1000;
constexpr int deliveredSlicesPerFlush = 8;
constexpr qint64 warningMemoryMs = 10'000;
// Recipients of deferred events per event-loop pass: a few milliseconds of send().
constexpr qsizetype deferredSendsPerPass = 500;

QJsonArray errorAck(const ApiError &error)
{
    return QJsonArray{QJsonObject{
        {QStringLiteral("code"), error.code}, {QStringLiteral("message"), error.message}}};
}

// The first argument of a client event, which must be an object.
std::optional<QJsonObject> firstObject(const Payload &payload)
{
    if (payload.args.isEmpty() || !payload.args.first().isObject())
        return std::nullopt;
    return payload.args.first().toObject();
}

} // namespace

RealtimeHub::RealtimeHub(socketio::Namespace &nsp, LocalEventBus &local, EventBus &bus,
    WorkerPool &workers, db::Database &database, AuthService &auth, MessageService &messages,
    const Clock &clock, Settings settings, QObject *parent)
    : QObject(parent)
    , m_namespace(nsp)
    , m_local(local)
    , m_bus(bus)
    , m_workers(workers)
    , m_database(database)
    , m_auth(auth)
    , m_messages(messages)
    , m_clock(clock)
    , m_settings(settings)
    , m_writer(workers, messages)
{
    m_namespace.setAuthorizer(
        [this](Socket *socket, const QJsonObject &auth, socketio::Namespace::Decision decide) {
            authorize(socket, auth, std::move(decide));
        });
    connect(&m_namespace, &socketio::Namespace::connected, this, &RealtimeHub::onConnected);
    m_subscription = m_local.subscribe([this](const RealtimeEvent &event) { deliver(event); });
    m_deliveredTimer.setInterval(int(deliveredFlushMs / deliveredSlicesPerFlush));
    m_sinceStart.start();
    connect(&m_deliveredTimer, &QTimer::timeout, this, &RealtimeHub::flushDelivered);
    m_deferredTimer.setInterval(0);
    connect(&m_deferredTimer, &QTimer::timeout, this, &RealtimeHub::emitSomeDeferred);
}

RealtimeHub::~RealtimeHub()
{
    m_local.unsubscribe(m_subscription);
    m_namespace.setAuthorizer({});
}

RealtimeHub::Identity RealtimeHub::identityOf(const Socket *socket)
{
    const QVariantMap data = socket->data().toMap();
    return Identity{data.value(QStringLiteral("userId")).toString(),
        data.value(QStringLiteral("sessionId")).toString(),
        data.value(QStringLiteral("accessLevel"), limits::levelUser).toInt()};
}

void RealtimeHub::followMaintenance(const MaintenanceGate &maintenance)
{
    m_maintenance = &maintenance;
    connect(&maintenance, &MaintenanceGate::changed, this, &RealtimeHub::sendAwayForMaintenance);
}

void RealtimeHub::sendAwayForMaintenance(const MaintenanceState &state)
{
    if (!state.enabled)
        return;
    for (Socket *socket : m_namespace.sockets()) {
        if (identityOf(socket).accessLevel >= limits::levelAdmin)
            continue;
        socket->emitEvent(QStringLiteral("maintenance"),
            QJsonArray{QJsonObject{{QStringLiteral("message"), state.message}}});
        socket->disconnect();
    }
}

void RealtimeHub::authorize(
    Socket *socket, const QJsonObject &auth, socketio::Namespace::Decision decide)
{
    const auto claims = m_auth.verifyToken(auth.value(QStringLiteral("token")).toString());
    if (!claims) {
        decide(QStringLiteral("unauthorized"));
        return;
    }
    QPointer<Socket> guarded(socket);
    m_workers.run<AuthContext>([this, claims = claims.value()] { return m_auth.authorize(claims); },
        [this, guarded, decide](Result<AuthContext> caller) {
            if (!guarded)
                return;
            if (!caller) {
                decide(QStringLiteral("unauthorized"));
                return;
            }
            if (m_maintenance && m_maintenance->state().enabled
                && caller->accessLevel < limits::levelAdmin) {
                decide(QStringLiteral("maintenance"));
                return;
            }
            guarded->setData(QVariantMap{{QStringLiteral("userId"), caller->userId},
                {QStringLiteral("sessionId"), caller->sessionId},
                {QStringLiteral("accessLevel"), caller->accessLevel}});
            // A person's sockets share a room named by their id (the only rooms there are), so
            // an event's recipients are its room list as they come (emitNow).
            guarded->join(caller->userId);
            decide(std::nullopt);
        });
}

void RealtimeHub::onConnected(Socket *socket)
{
    const Identity who = identityOf(socket);
    connect(socket, &Socket::packetReceived, this, [this, socket] { flooding(socket); });
    connect(socket, &Socket::event, this,
        [this, socket](const QString &name, const Payload &payload, const Socket::Ack &ack) {
            onEvent(socket, name, payload, ack);
        });
    connect(
        socket, &Socket::disconnected, this, [this, socket, who] { onDisconnected(socket, who); });
    const bool wasOnline = m_presence.isOnline(who.userId);
    if (m_presence.connected(who.userId) && !wasOnline)
        announcePresence(who.userId, true);
}

void RealtimeHub::onDisconnected(Socket *socket, const Identity &who)
{
    m_floods.remove(socket);
    if (m_presence.disconnected(who.userId) && !m_presence.isOnline(who.userId))
        announcePresence(who.userId, false);
}

bool RealtimeHub::flooding(Socket *socket)
{
    const qint64 now = m_clock.nowMs();
    Flood &flood = m_floods[socket];
    if (now - flood.windowStartMs >= 1000) {
        flood.windowStartMs = now;
        flood.count = 0;
    }
    if (++flood.count <= m_settings.eventsPerSecond)
        return false;
    if (flood.count == m_settings.eventsPerSecond + 1) {
        // One warning per second over the limit; a socket that goes on is cut off.
        if (now - flood.firstWarningMs > warningMemoryMs) {
            flood.firstWarningMs = now;
            flood.warnings = 0;
        }
        if (++flood.warnings >= m_settings.disconnectAfterWarnings) {
            qCInfo(lcRealtime).noquote()
                << "disconnecting a flooding socket of user" << identityOf(socket).userId;
            socket->disconnect();
            return true;
        }
        socket->emitEvent(QStringLiteral("error"),
            QJsonArray{QJsonObject{{QStringLiteral("code"), QStringLiteral("rate_limited")},
                {QStringLiteral("message"),
                    QStringLiteral("Too many events; slow down or be disconnected.")}}});
    }
    return true;
}

void RealtimeHub::onEvent(
    Socket *socket, const QString &name, const Payload &payload, const Socket::Ack &ack)
{
    if (m_floods.value(socket).count > m_settings.eventsPerSecond)
        return; // dropped: the socket was warned
    const Identity who = identityOf(socket);
    const auto input = firstObject(payload);
    if (!input) {
        if (ack)
            ack(errorAck(ApiError::badRequest(
                QStringLiteral("invalid_payload"), QStringLiteral("Send one JSON object."))));
        return;
    }
    if (name == QLatin1String("message:send"))
        sendMessage(who, *input, ack);
    else if (name == QLatin1String("typing:start") || name == QLatin1String("typing:stop"))
        typing(who, name, *input);
    else if (name == QLatin1String("message:read"))
        markRead(who, *input, ack);
    else if (ack)
        ack(errorAck(ApiError::badRequest(
            QStringLiteral("unknown_event"), QStringLiteral("No such event: %1").arg(name))));
}

void RealtimeHub::sendMessage(
    const Identity &who, const QJsonObject &object, const Socket::Ack &ack)
{
    http::JsonBody body(object);
    SendInput input = MessageRoutes::readSendInput(body);
    input.chatId = body.requiredString(QStringLiteral("chatId"));
    if (body.error()) {
        if (ack)
            ack(errorAck(*body.error()));
        return;
    }
    m_writer.send(who.userId, input, [ack](Result<SentMessage> sent) {
        if (!ack)
            return;
        if (sent)
            ack(QJsonArray{QJsonValue::Null, sent->message.toJson()});
        else
            ack(errorAck(sent.error()));
    });
}

void RealtimeHub::typing(const Identity &who, const QString &name, const QJsonObject &input)
{
    const QString chatId = input.value(QStringLiteral("chatId")).toString();
    if (chatId.isEmpty())
        return;
    m_workers.run<Done>(
        [this, who, name, chatId]() -> Result<Done> {
            QStringList members = m_database.read(
                [&](QSqlDatabase &db) { return PresenceRepository(db).membersOf(chatId); });
            // Only members may say they type, and only the others need to hear it.
            if (!members.removeOne(who.userId))
                return Done{};
            m_bus.publish(RealtimeEvent{name,
                QJsonObject{
                    {QStringLiteral("chatId"), chatId}, {QStringLiteral("userId"), who.userId}},
                members, {}});
            return Done{};
        },
        [](Result<Done>) {});
}

void RealtimeHub::markRead(const Identity &who, const QJsonObject &input, const Socket::Ack &ack)
{
    http::JsonBody body(input);
    const QString chatId = body.requiredString(QStringLiteral("chatId"));
    const auto messageId = body.requiredInteger(QStringLiteral("messageId"));
    if (body.error()) {
        if (ack)
            ack(errorAck(*body.error()));
        return;
    }
    m_workers.run<Done>([this, userId = who.userId, chatId,
                            id = *messageId] { return m_messages.markRead(userId, chatId, id); },
        [ack](Result<Done> done) {
            if (ack)
                ack(done ? QJsonArray{QJsonValue::Null} : errorAck(done.error()));
        });
}

void RealtimeHub::deliver(const RealtimeEvent &event)
{
    if (event.name == QLatin1String("session:revoked")) {
        endSessions(event);
        return;
    }
    if (event.name == QLatin1String("presence:update") && !event.origin.isEmpty())
        m_presence.remoteChange(event.origin,
            event.payload.value(QStringLiteral("userId")).toString(),
            event.payload.value(QStringLiteral("online")).toBool());
    if (event.name == QLatin1String("message:delivered")) {
        m_deferred.push_back(event);
        if (!m_deferredTimer.isActive())
            m_deferredTimer.start();
        return;
    }
    emitNow(event);
    if (event.name == QLatin1String("message:new"))
        queueDelivered(event);
}

void RealtimeHub::emitNow(const RealtimeEvent &event)
{
    m_namespace.emitTo(event.userIds, event.name, QJsonArray{event.payload});
}

void RealtimeHub::emitSomeDeferred()
{
    qsizetype budget = deferredSendsPerPass;
    while (budget > 0 && !m_deferred.empty()) {
        budget -= m_deferred.front().userIds.size();
        emitNow(m_deferred.front());
        m_deferred.pop_front();
    }
    if (m_deferred.empty())
        m_deferredTimer.stop();
}

void RealtimeHub::endSessions(const RealtimeEvent &event)
{
    const QJsonArray ended = event.payload.value(QStringLiteral("sessionIds")).toArray();
    const QString except = event.payload.value(QStringLiteral("exceptSessionId")).toString();
    const bool all = event.payload.value(QStringLiteral("allSessions")).toBool();
    for (const QString &userId : event.userIds) {
        for (Socket *socket : m_namespace.socketsIn(userId)) {
            const QString sessionId = identityOf(socket).sessionId;
            const bool endsHere
                = all || (except.isEmpty() ? ended.contains(sessionId) : sessionId != except);
            if (!endsHere)
                continue;
            socket->emitEvent(QStringLiteral("session:revoked"), QJsonArray{QJsonObject{}});
            socket->disconnect();
        }
    }
}

void RealtimeHub::announcePresence(const QString &userId, bool online)
{
    m_workers.run<Done>(
        [this, userId, online]() -> Result<Done> {
            const qint64 now = m_clock.nowMs();
            QStringList contacts = m_database.transaction([&](QSqlDatabase &db) {
                UserRepository(db).touchLastSeen(userId, now);
                return PresenceRepository(db).contactsOf(userId);
            });
            m_bus.publish(RealtimeEvent{QStringLiteral("presence:update"),
                QJsonObject{{QStringLiteral("userId"), userId}, {QStringLiteral("online"), online},
                    {QStringLiteral("lastSeenAt"), json::isoFromMs(now)}},
                contacts << userId, {}});
            return Done{};
        },
        [](Result<Done>) {});
}

void RealtimeHub::queueDelivered(const RealtimeEvent &event)
{
    // Most messages are stored as delivered already (someone else was connected); a mark is
    // for the rest, a device that connected between the store and this fan-out.
    if (event.payload.value(QStringLiteral("status")).toString() != message::statusSent)
        return;
    const QString senderId = event.payload.value(QStringLiteral("senderId")).toString();
    const QString chatId = event.payload.value(QStringLiteral("chatId")).toString();
    const qint64 messageId = event.payload.value(QStringLiteral("id")).toInteger();
    // Two readers are enough (see DeliveredMark): no work per recipient beyond finding them.
    DeliveredMark mark;
    mark.messageId = messageId;
    int found = 0;
    for (const QString &userId : event.userIds) {
        if (userId == senderId || !m_presence.isOnlineHere(userId))
            continue;
        mark.readers[found++] = userId;
        if (found == 2)
            break;
    }
    if (found == 0)
        return;
    auto newest = m_delivered.find(chatId);
    if (newest == m_delivered.end()) {
        mark.dueMs = m_sinceStart.elapsed() + deliveredFlushMs;
        m_delivered.insert(chatId, mark);
    } else if (messageId >= newest->messageId) {
        mark.dueMs = newest->dueMs;
        *newest = mark;
    }
    if (!m_deliveredTimer.isActive())
        m_deliveredTimer.start();
}

void RealtimeHub::flushDelivered()
{
    // Batched: a busy group costs one status update per member per interval, not per message.
    const qint64 now = m_sinceStart.elapsed();
    QList<MessageService::Delivery> deliveries;
    for (auto it = m_delivered.begin(); it != m_delivered.end();) {
        if (it->dueMs > now) {
            ++it;
            continue;
        }
        for (const QString &reader : it->readers) {
            if (!reader.isEmpty())
                deliveries.append({reader, it.key(), it->messageId});
        }
        it = m_delivered.erase(it);
    }
    if (m_delivered.isEmpty())
        m_deliveredTimer.stop();
    if (deliveries.isEmpty())
        return;
    // One transaction for every chat that is due.
    m_workers.run<Done>(
        [this, deliveries = std::move(deliveries)]() -> Result<Done> {
            m_messages.markDeliveredMany(deliveries);
            return Done{};
        },
        [](Result<Done>) {});
}

} // namespace kocmoc::realtime
