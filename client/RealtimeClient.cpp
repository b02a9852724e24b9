#include "RealtimeClient.h"

#include "SocketIoPacket.h"

#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QWebSocket>

#include <algorithm>
#include <utility>

namespace {
Q_LOGGING_CATEGORY(lcRealtime, "kocmoc.realtime")
} // namespace

namespace {

// A handshake that has not finished in this time will not: try again.
constexpr int handshakeTimeoutMs = 15'000;
// Until the server's handshake says otherwise: Engine.IO's defaults, 25 s + 20 s.
constexpr int defaultHeartbeatMs = 45'000;

void deleteSocketLater(QWebSocket *socket)
{
    if (socket)
        socket->deleteLater(); // it may be the sender of the signal being handled
}

} // namespace

RealtimeClient::RealtimeClient(QObject *parent)
    : QObject(parent)
    , m_socket(nullptr, deleteSocketLater)
{
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &RealtimeClient::attempt);
    m_heartbeatTimer.setSingleShot(true);
    connect(&m_heartbeatTimer, &QTimer::timeout, this, [this] {
        qCInfo(lcRealtime) << "the server has gone silent; reconnecting";
        dropConnection();
    });
    m_handshakeTimer.setSingleShot(true);
    m_handshakeTimer.setInterval(handshakeTimeoutMs);
    connect(&m_handshakeTimer, &QTimer::timeout, this, [this] {
        qCInfo(lcRealtime) << "no answer to the handshake; reconnecting";
        dropConnection();
    });
}

RealtimeClient::~RealtimeClient()
{
    m_wanted = false;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void RealtimeClient::setToken(const QString &token)
{
    if (token == m_token)
        return;
    m_token = token;
    if (m_state == State::WaitingToReconnect && !token.isEmpty())
        reconnectNow();
}

void RealtimeClient::setBackoff(int initialMs, int maxMs)
{
    m_initialBackoffMs = std::max(1, initialMs);
    m_maxBackoffMs = std::max(m_initialBackoffMs, maxMs);
}

void RealtimeClient::open()
{
    if (m_wanted)
        return;
    m_wanted = true;
    m_failedAttempts = 0;
    attempt();
}

void RealtimeClient::close()
{
    m_wanted = false;
    m_reconnectTimer.stop();
    m_heartbeatTimer.stop();
    m_handshakeTimer.stop();
    const bool wasConnected = m_state == State::Connected;
    if (m_socket) {
        m_socket->disconnect(this);
        if (wasConnected)
            m_socket->sendTextMessage(QStringLiteral("41")); // a polite goodbye to the namespace
        m_socket->close();
        m_socket.reset();
    }
    m_engineOpen = false;
    failPendingAcks();
    setState(State::Disconnected);
    if (wasConnected)
        emit disconnected();
}

void RealtimeClient::reconnectNow()
{
    if (!m_wanted || m_state != State::WaitingToReconnect)
        return;
    m_reconnectTimer.stop();
    attempt();
}

bool RealtimeClient::emitEvent(const QString &name, const QJsonValue &payload)
{
    if (m_state != State::Connected)
        return false;
    send(SocketIoPacket::event(name, payload));
    return true;
}

bool RealtimeClient::emitWithAck(
    const QString &name, const QJsonValue &payload, QObject *context, AckHandler handler)
{
    if (m_state != State::Connected)
        return false;
    const qint64 id = m_nextAckId++;
    m_pendingAcks.insert(id, PendingAck{context, std::move(handler)});
    send(SocketIoPacket::event(name, payload, id));
    return true;
}

int RealtimeClient::backoffDelayMs(int attempt) const
{
    const int doublings = std::clamp(attempt - 1, 0, 20);
    const qint64 ceiling
        = std::min<qint64>(qint64(m_initialBackoffMs) << doublings, m_maxBackoffMs);
    // "Equal jitter": half the delay is fixed, the other half random.
    const qint64 half = ceiling / 2;
    return int(half + QRandomGenerator::global()->bounded(half + 1));
}

void RealtimeClient::attempt()
{
    if (!m_wanted)
        return;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
    m_socket.reset(new QWebSocket(QString(), QWebSocketProtocol::VersionLatest));
    m_engineOpen = false;
    QWebSocket *socket = m_socket.get();
    connect(socket, &QWebSocket::textMessageReceived, this, &RealtimeClient::onText);
    connect(socket, &QWebSocket::stateChanged, this, [this](QAbstractSocket::SocketState state) {
        if (state == QAbstractSocket::UnconnectedState)
            onSocketClosed();
    });
    setState(State::Connecting);
    m_handshakeTimer.start();
    socket->open(socketUrl());
}

QUrl RealtimeClient::socketUrl() const
{
    QUrl url = m_serverUrl;
    url.setScheme(
        url.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QStringLiteral("/socket.io/"));
    url.setQuery(QStringLiteral("EIO=4&transport=websocket"));
    return url;
}

void RealtimeClient::onText(const QString &text)
{
    const SocketIoPacket packet = SocketIoPacket::decode(text);
    switch (packet.kind) {
    case SocketIoPacket::Kind::EngineOpen: {
        m_engineOpen = true;
        const int interval = packet.object.value(QStringLiteral("pingInterval")).toInt();
        const int timeout = packet.object.value(QStringLiteral("pingTimeout")).toInt();
        m_heartbeatTimer.setInterval(
            interval > 0 && timeout > 0 ? interval + timeout : defaultHeartbeatMs);
        m_heartbeatTimer.start();
        send(SocketIoPacket::connect(QJsonObject{{QStringLiteral("token"), m_token}}));
        break;
    }
    case SocketIoPacket::Kind::EnginePing:
        m_heartbeatTimer.start();
        send(SocketIoPacket::pong());
        break;
    case SocketIoPacket::Kind::EngineClose:
        dropConnection();
        break;
    case SocketIoPacket::Kind::Connect:
        m_handshakeTimer.stop();
        m_failedAttempts = 0;
        setState(State::Connected);
        emit connected();
        break;
    case SocketIoPacket::Kind::ConnectError: {
        const QString message = packet.object.value(QStringLiteral("message")).toString();
        qCInfo(lcRealtime) << "connection refused:" << message;
        if (message == QLatin1String("unauthorized"))
            emit unauthorized();
        else
            emit connectRefused(message);
        dropConnection();
        break;
    }
    case SocketIoPacket::Kind::Disconnect:
        dropConnection();
        break;
    case SocketIoPacket::Kind::Event:
        if (packet.ackId) // nothing the server sends asks for an answer; be polite all the same
            send(SocketIoPacket::ack(*packet.ackId, {}));
        emit eventReceived(
            packet.eventName, packet.arguments.isEmpty() ? QJsonValue() : packet.arguments.first());
        break;
    case SocketIoPacket::Kind::Ack: {
        const PendingAck pending = m_pendingAcks.take(*packet.ackId);
        if (pending.context && pending.handler)
            pending.handler(true, packet.arguments);
        break;
    }
    case SocketIoPacket::Kind::EngineNoop:
        break;
    case SocketIoPacket::Kind::Invalid:
        qCWarning(lcRealtime) << "unreadable packet:" << text.left(80);
        break;
    }
}

void RealtimeClient::onSocketClosed()
{
    if (m_socket)
        qCInfo(lcRealtime) << "connection closed:" << m_socket->errorString();
    dropConnection();
}

void RealtimeClient::dropConnection()
{
    if (!m_socket)
        return;
    m_socket->disconnect(this);
    m_socket->abort();
    m_socket.reset();
    m_engineOpen = false;
    m_heartbeatTimer.stop();
    m_handshakeTimer.stop();
    const bool wasConnected = m_state == State::Connected;
    failPendingAcks();
    if (m_wanted)
        scheduleReconnect();
    else
        setState(State::Disconnected);
    if (wasConnected)
        emit disconnected();
}

void RealtimeClient::scheduleReconnect()
{
    ++m_failedAttempts;
    const int delay = backoffDelayMs(m_failedAttempts);
    qCInfo(lcRealtime) << "next attempt in" << delay << "ms";
    m_reconnectTimer.start(delay);
    setState(State::WaitingToReconnect);
}

void RealtimeClient::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged();
}

void RealtimeClient::failPendingAcks()
{
    const auto pending = std::exchange(m_pendingAcks, {});
    for (const PendingAck &ack : pending) {
        if (ack.context && ack.handler)
            ack.handler(false, {});
    }
}

void RealtimeClient::send(const QString &text)
{
    if (m_socket)
        m_socket->sendTextMessage(text);
}
