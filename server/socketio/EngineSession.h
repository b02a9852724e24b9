#pragma once

#include "EnginePacket.h"
#include "Handshake.h"
#include "WirePacket.h"

#include "http/HttpReply.h"
#include "http/HttpRequest.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <optional>

namespace kocmoc::socketio {

class EngineServer;
class WebSocketLink;

// One Engine.IO client: its transport (HTTP long-polling, or a WebSocket,
// possibly reached by an upgrade), its queue of packets for polling, and its
// heartbeat. Created and deleted by EngineServer.
class EngineSession : public QObject
{
    Q_OBJECT
public:
    enum class Transport { Polling, WebSocket };

    ~EngineSession() override;

    QString id() const { return m_id; }
    Transport transport() const { return m_transport; }
    const Handshake &handshake() const { return m_handshake; }
    bool isOpen() const { return m_state == State::Open; }

    // Writes the packet to the WebSocket, or queues it for the next poll. Emits no signal: a
    // client that falls behind by more than the server's limits is disconnected ("send buffer
    // full") once control is back in the event loop.
    void send(const WirePacket &packet);
    void sendMessage(QByteArrayView utf8)
    {
        send(WirePacket::text(EnginePacketType::Message, utf8));
    }
    void sendBinary(QByteArrayView data) { send(WirePacket::binary(data)); }
    // Ends the session once what was sent before has reached the client.
    void close(const QString &reason = QStringLiteral("forced close"));
    // The server is stopping: a WebSocket gets close code 1001 "going away".
    void closeGoingAway();

signals:
    // A message packet: UTF-8 text, or binary data.
    void messageReceived(const QByteArray &data, bool binary);
    // Emitted once, when the session stops being open. Reasons: "transport close" (the client
    // closed), "ping timeout", "parse error", "transport error", "send buffer full",
    // "forced close" (close() without a reason), or close()'s reason.
    void closed(const QString &reason);

private:
    friend class EngineServer;

    enum class State { Open, Closing, Closed };
    // How the transport learns about the end: after the queue, at once, or (the client asked)
    // with only a noop for a waiting poll.
    enum class Ending { Graceful, Abort, ClientClosed };

    EngineSession(
        EngineServer &server, QString id, quint64 serial, Handshake handshake, Transport transport);

    void startHeartbeat();
    void heartbeatDue();
    bool pongOverdue() const;

    void poll(const http::HttpReply &reply);
    void post(const http::HttpRequest &request, const http::HttpReply &reply);
    void flushPoll();
    void answerPoll(const WirePacket &only);

    void useWebSocket(WebSocketLink *link);
    void offerUpgrade(WebSocketLink *link);
    void upgradeCandidateText(const QByteArray &utf8);
    void dropUpgradeCandidate();

    void sendBufferFull();
    bool receive(const EnginePacket &packet); // false: a protocol violation closed the session
    void end(const QString &reason, Ending ending);
    void finish();

    EngineServer &m_server;
    const QString m_id;
    const quint64 m_serial;
    const Handshake m_handshake;
    Transport m_transport;
    State m_state = State::Open;

    // Heartbeat: the time the last ping was due, and whether its pong is awaited.
    qint64 m_pingDueAt = 0;
    bool m_awaitingPong = false;

    // Polling.
    QList<WirePacket> m_queue;
    qint64 m_queuedBytes = 0;
    std::optional<http::HttpReply> m_pendingPoll;
    bool m_closePacketOwed = false; // a graceful close waits for the next poll
    bool m_goingAway = false; // closed because the server stops
    bool m_flushScheduled = false;
    bool m_sendBufferFull = false; // the session is about to end: nothing more is sent

    QPointer<WebSocketLink> m_link; // the WebSocket transport
    QPointer<WebSocketLink> m_upgradeCandidate; // a WebSocket upgrading a polling session
    bool m_probed = false; // the candidate answered "2probe"
};

} // namespace kocmoc::socketio
