#include "EngineSession.h"

#include "EngineServer.h"
#include "WebSocketLink.h"

#include <QLoggingCategory>
#include <QTimer>

Q_DECLARE_LOGGING_CATEGORY(lcEngine)

namespace kocmoc::socketio {

namespace {

// The packets the protocol itself sends, encoded once for every session.
const WirePacket &pingPacket()
{
    static const WirePacket packet = WirePacket::text(EnginePacketType::Ping);
    return packet;
}

const WirePacket &probeAnswer()
{
    static const WirePacket packet = WirePacket::text(EnginePacketType::Pong, "probe");
    return packet;
}

const WirePacket &noopPacket()
{
    static const WirePacket packet = WirePacket::text(EnginePacketType::Noop);
    return packet;
}

const WirePacket &closePacket()
{
    static const WirePacket packet = WirePacket::text(EnginePacketType::Close);
    return packet;
}

constexpr char recordSeparator = '\x1e';

http::HttpResponse pollingResponse(QByteArray payload)
{
    return http::HttpResponse{200,
        {{"Content-Type", "text/plain; charset=UTF-8"}, {"Cache-Control", "no-store"}},
        std::move(payload)};
}

} // namespace

EngineSession::EngineSession(
    EngineServer &server, QString id, quint64 serial, Handshake handshake, Transport transport)
    : QObject(&server)
    , m_server(server)
    , m_id(std::move(id))
    , m_serial(serial)
    , m_handshake(std::move(handshake))
    , m_transport(transport)
{ }

EngineSession::~EngineSession()
{
    // Only the server's destruction deletes an open session: the client learns it is over.
    if (m_pendingPoll)
        answerPoll(closePacket());
    for (WebSocketLink *link : {m_link.data(), m_upgradeCandidate.data()}) {
        if (!link)
            continue;
        QObject::disconnect(link, nullptr, this, nullptr);
        link->close(QWebSocketProtocol::CloseCodeGoingAway);
    }
}

void EngineSession::startHeartbeat()
{
    m_awaitingPong = false;
    m_pingDueAt = m_server.m_deadlines.now() + m_server.m_options.pingIntervalMs;
    m_server.m_deadlines.schedule(m_serial, m_pingDueAt);
}

void EngineSession::heartbeatDue()
{
    if (m_state == State::Closing) {
        finish(); // a graceful close gave up waiting for the client's next poll
        return;
    }
    if (m_state != State::Open)
        return;
    if (m_awaitingPong) {
        end(QStringLiteral("ping timeout"), Ending::Abort);
        return;
    }
    // The pong is due pingTimeout after the ping was due, however late the timer fired.
    m_awaitingPong = true;
    m_server.m_deadlines.schedule(m_serial, m_pingDueAt + m_server.m_options.pingTimeoutMs);
    send(pingPacket());
}

bool EngineSession::pongOverdue() const
{
    return m_awaitingPong
        && m_server.m_deadlines.now() >= m_pingDueAt + m_server.m_options.pingTimeoutMs;
}

void EngineSession::send(const WirePacket &packet)
{
    if (m_state != State::Open || m_sendBufferFull)
        return;
    const auto &options = m_server.m_options;
    if (m_transport == Transport::WebSocket) {
        // A link that is closing ends the session through its closed() signal.
        if (m_link && m_link->send(packet) && m_link->bytesToWrite() > options.maxBufferedBytes)
            sendBufferFull();
        return;
    }
    if (m_queue.size() >= options.maxQueuedPackets
        || m_queuedBytes + packet.pollingSize() + 1 > options.maxBufferedBytes) {
        sendBufferFull();
        return;
    }
    m_queue.append(packet);
    m_queuedBytes += packet.pollingSize() + 1;
    // Later in this event loop pass, so that a burst of packets leaves in one answer.
    if (m_pendingPoll && !m_flushScheduled) {
        m_flushScheduled = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_flushScheduled = false;
                flushPoll();
            },
            Qt::QueuedConnection);
    }
}

// The session ends, but not inside send(): a broadcast that is going through a room would see
// the room change under it.
void EngineSession::sendBufferFull()
{
    m_sendBufferFull = true;
    QMetaObject::invokeMethod(
        this, [this] { end(QStringLiteral("send buffer full"), Ending::Abort); },
        Qt::QueuedConnection);
}

void EngineSession::close(const QString &reason)
{
    end(reason, Ending::Graceful);
}

void EngineSession::closeGoingAway()
{
    m_goingAway = true;
    end(QStringLiteral("server shutting down"), Ending::Graceful);
}

void EngineSession::poll(const http::HttpReply &reply)
{
    if (m_transport != Transport::Polling) {
        reply.send(EngineServer::errorResponse(EngineServer::EngineError::BadRequest));
        return;
    }
    if (m_state == State::Open && pongOverdue())
        end(QStringLiteral("ping timeout"), Ending::Abort);
    if (m_state == State::Closed || (m_state == State::Closing && !m_closePacketOwed)) {
        reply.send(EngineServer::errorResponse(EngineServer::EngineError::UnknownSid));
        return;
    }
    if (m_pendingPoll) {
        // Two polls at once could deliver packets out of order.
        reply.send(EngineServer::errorResponse(EngineServer::EngineError::BadRequest));
        end(QStringLiteral("transport error"), Ending::Abort);
        return;
    }
    m_pendingPoll = reply;
    if (m_probed) {
        answerPoll(noopPacket()); // the client is moving to the WebSocket
    } else if (m_state == State::Closing) {
        flushPoll();
        if (!m_closePacketOwed)
            finish();
    } else if (!m_queue.isEmpty()) {
        flushPoll();
    }
}

void EngineSession::post(const http::HttpRequest &request, const http::HttpReply &reply)
{
    if (m_transport != Transport::Polling) {
        reply.send(EngineServer::errorResponse(EngineServer::EngineError::BadRequest));
        return;
    }
    if (m_state == State::Open && pongOverdue())
        end(QStringLiteral("ping timeout"), Ending::Abort);
    if (m_state != State::Open) {
        reply.send(EngineServer::errorResponse(EngineServer::EngineError::UnknownSid));
        return;
    }
    if (request.body.size() > m_server.m_options.maxPayloadBytes) {
        reply.error(ApiError{413, QStringLiteral("payload_too_large"),
            QStringLiteral("A polling payload may hold at most %1 bytes.")
                .arg(m_server.m_options.maxPayloadBytes),
            {}, 0});
        end(QStringLiteral("transport error"), Ending::Abort);
        return;
    }
    const auto packets = EnginePacket::decodePayload(request.body);
    if (!packets) {
        reply.send(EngineServer::errorResponse(EngineServer::EngineError::BadRequest));
        end(QStringLiteral("parse error"), Ending::Abort);
        return;
    }
    for (const EnginePacket &packet : *packets) {
        if (m_state != State::Open)
            break; // the client closed, or a handler closed the session
        if (!receive(packet)) {
            reply.send(EngineServer::errorResponse(EngineServer::EngineError::BadRequest));
            return;
        }
    }
    reply.send(http::HttpResponse{200, {{"Content-Type", "text/plain; charset=UTF-8"}}, "ok"});
}

// Answers the waiting poll with as many queued packets as maxPayload allows (at least one),
// and the close packet a graceful close owes once the queue is empty.
void EngineSession::flushPoll()
{
    if (!m_pendingPoll || m_probed || (m_queue.isEmpty() && !m_closePacketOwed))
        return;
    const qint64 limit = m_server.m_options.maxPayloadBytes;
    QByteArray payload;
    qsizetype taken = 0;
    qint64 size = 0;
    while (taken < m_queue.size()) {
        const qint64 next = m_queue.at(taken).pollingSize() + (taken > 0 ? 1 : 0);
        if (taken > 0 && size + next > limit)
            break;
        size += next;
        ++taken;
    }
    const bool closing = m_closePacketOwed && taken == m_queue.size();
    payload.reserve(size + (closing ? 2 : 0));
    for (qsizetype i = 0; i < taken; ++i) {
        if (i > 0)
            payload.append(recordSeparator);
        m_queue.at(i).appendToPolling(payload);
    }
    m_queue.remove(0, taken);
    m_queuedBytes = m_queue.isEmpty() ? 0 : m_queuedBytes - size - 1;
    if (closing) {
        if (!payload.isEmpty())
            payload.append(recordSeparator);
        closePacket().appendToPolling(payload);
        m_closePacketOwed = false;
    }
    http::HttpReply reply = std::move(*m_pendingPoll);
    m_pendingPoll.reset();
    reply.send(pollingResponse(std::move(payload)));
}

void EngineSession::answerPoll(const WirePacket &only)
{
    QByteArray payload;
    only.appendToPolling(payload);
    http::HttpReply reply = std::move(*m_pendingPoll);
    m_pendingPoll.reset();
    reply.send(pollingResponse(std::move(payload)));
}

void EngineSession::useWebSocket(WebSocketLink *link)
{
    m_link = link;
    m_transport = Transport::WebSocket;
    connect(link, &WebSocketLink::textReceived, this, [this](const QByteArray &utf8) {
        if (const auto packet = EnginePacket::decodeText(utf8))
            receive(*packet);
        else
            end(QStringLiteral("parse error"), Ending::Abort);
    });
    connect(link, &WebSocketLink::binaryReceived, this,
        [this](const QByteArray &data) { receive(EnginePacket::fromBinary(data)); });
    connect(link, &WebSocketLink::closed, this,
        [this] { end(QStringLiteral("transport close"), Ending::Abort); });
}

void EngineSession::offerUpgrade(WebSocketLink *link)
{
    m_upgradeCandidate = link;
    m_probed = false;
    connect(link, &WebSocketLink::textReceived, this, &EngineSession::upgradeCandidateText);
    connect(link, &WebSocketLink::binaryReceived, this, &EngineSession::dropUpgradeCandidate);
    connect(link, &WebSocketLink::closed, this, [this] {
        m_upgradeCandidate = nullptr;
        m_probed = false;
    });
    QTimer::singleShot(
        m_server.m_options.upgradeTimeoutMs, link, [self = QPointer<EngineSession>(this), link] {
            if (self && self->m_upgradeCandidate == link)
                self->dropUpgradeCandidate();
        });
}

// The upgrade: the client sends "2probe" and gets "3probe" (the waiting poll gets a noop so
// that polling pauses), then "5" makes the WebSocket the transport. Anything else drops the
// candidate and the session goes on polling.
void EngineSession::upgradeCandidateText(const QByteArray &utf8)
{
    const auto packet = EnginePacket::decodeText(utf8);
    if (packet && packet->type == EnginePacketType::Ping && packet->data == "probe" && !m_probed) {
        m_probed = true;
        m_upgradeCandidate->send(probeAnswer());
        if (m_pendingPoll)
            answerPoll(noopPacket());
        return;
    }
    if (!packet || packet->type != EnginePacketType::Upgrade || !m_probed) {
        dropUpgradeCandidate();
        return;
    }
    WebSocketLink *link = m_upgradeCandidate;
    QObject::disconnect(link, nullptr, this, nullptr);
    m_upgradeCandidate = nullptr;
    m_probed = false;
    if (m_pendingPoll)
        answerPoll(noopPacket());
    useWebSocket(link);
    qCDebug(lcEngine).noquote() << "session" << m_id << "upgraded to websocket";
    const QList<WirePacket> queued = std::exchange(m_queue, {});
    m_queuedBytes = 0;
    if (m_state == State::Open) {
        for (const WirePacket &packet : queued)
            send(packet);
        return;
    }
    // A graceful close waited for the upgrade: the rest goes over the WebSocket, then it closes.
    for (const WirePacket &packet : queued)
        link->send(packet);
    QObject::disconnect(link, nullptr, this, nullptr);
    link->close();
    finish();
}

void EngineSession::dropUpgradeCandidate()
{
    WebSocketLink *link = m_upgradeCandidate;
    if (!link)
        return;
    QObject::disconnect(link, nullptr, this, nullptr);
    m_upgradeCandidate = nullptr;
    m_probed = false;
    link->close(QWebSocketProtocol::CloseCodePolicyViolated);
}

bool EngineSession::receive(const EnginePacket &packet)
{
    switch (packet.type) {
    case EnginePacketType::Ping:
        send(WirePacket::text(EnginePacketType::Pong, packet.data));
        return true;
    case EnginePacketType::Pong:
        if (m_awaitingPong)
            startHeartbeat();
        return true;
    case EnginePacketType::Message:
        emit messageReceived(packet.data, packet.binary);
        return true;
    case EnginePacketType::Close:
        end(QStringLiteral("transport close"), Ending::ClientClosed);
        return true;
    case EnginePacketType::Noop:
        return true;
    case EnginePacketType::Open:
    case EnginePacketType::Upgrade:
        break;
    }
    end(QStringLiteral("parse error"), Ending::Abort);
    return false;
}

void EngineSession::end(const QString &reason, Ending ending)
{
    if (m_state != State::Open)
        return;
    m_state = State::Closing;
    // A graceful close lets an upgrade finish: a client that got "3probe" has stopped polling
    // and takes the rest over the WebSocket.
    if (ending != Ending::Graceful || m_transport == Transport::WebSocket)
        dropUpgradeCandidate();
    if (m_transport == Transport::WebSocket) {
        // What was sent is in the TCP socket's buffer ahead of the close frame.
        if (m_link) {
            QObject::disconnect(m_link, nullptr, this, nullptr);
            if (m_goingAway)
                m_link->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("going away"));
            else
                m_link->close();
        }
    } else if (ending == Ending::Graceful) {
        m_closePacketOwed = true;
        flushPoll();
    } else if (m_pendingPoll) {
        // The reference server answers a poll with a noop when the client closed, with a close
        // packet otherwise.
        answerPoll(ending == Ending::ClientClosed ? noopPacket() : closePacket());
    }
    if (!m_closePacketOwed) {
        m_queue.clear();
        m_queuedBytes = 0;
    }
    qCDebug(lcEngine).noquote() << "session" << m_id << "closed:" << reason;
    emit closed(reason);
    if (m_closePacketOwed) {
        // The close packet waits for the client's next poll, not for ever.
        m_server.m_deadlines.schedule(
            m_serial, m_server.m_deadlines.now() + m_server.m_options.pingTimeoutMs);
    } else {
        finish();
    }
}

void EngineSession::finish()
{
    if (m_state == State::Closed)
        return;
    m_state = State::Closed;
    dropUpgradeCandidate();
    m_closePacketOwed = false;
    m_queue.clear();
    m_queuedBytes = 0;
    if (m_pendingPoll)
        answerPoll(closePacket());
    m_server.forget(this);
    deleteLater();
}

} // namespace kocmoc::socketio
