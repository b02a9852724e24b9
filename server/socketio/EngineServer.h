#pragma once

#include "DeadlineQueue.h"
#include "Handshake.h"

#include "http/HttpServer.h"
#include "http/Router.h"

#include <QHash>
#include <QObject>

#include <optional>

namespace kocmoc::socketio {

class EngineSession;
class WebSocketLink;

// The Engine.IO v4 server (https://socket.io/docs/v4/engine-io-protocol/):
// sessions over HTTP long-polling and WebSocket, the upgrade from one to the
// other, and the heartbeat. It carries opaque messages; Socket.IO runs on top
// (socketio::Server), and the official engine.io-protocol suite talks to it
// directly.
class EngineServer : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString path = QStringLiteral("/engine.io/");
        int pingIntervalMs = 25'000;
        int pingTimeoutMs = 20'000;
        // Announced in the handshake: the largest polling payload a client may POST. Larger ones
        // get 413 and end the session. Polling answers are cut to it too.
        qint64 maxPayloadBytes = 1'000'000;
        // Larger WebSocket frames or messages close the connection with 1009.
        qint64 maxWebSocketMessageBytes = 64 * 1024;
        // A client that leaves more than this unread (queued for polling, or in the WebSocket's
        // send buffer) loses its session: memory per session stays bounded.
        qint64 maxBufferedBytes = 4 * 1024 * 1024;
        int maxQueuedPackets = 1000; // per polling session
        int maxSessions = 100'000; // more handshakes get 503
        // A WebSocket that connected to upgrade a polling session must finish within this time.
        int upgradeTimeoutMs = 10'000;
    };

    explicit EngineServer(Options options, QObject *parent = nullptr);
    ~EngineServer() override;

    // Takes GET/POST (and answers other methods with 400) on the path, and WebSocket upgrades of
    // it. The router and the HTTP server may outlive this object.
    void attach(http::Router &router, http::HttpServer &httpServer);

    const Options &options() const { return m_options; }
    int sessionCount() const { return int(m_sessions.size()); }
    // Ends every session because the server stops (WebSockets: 1001 "going away").
    void closeAllGoingAway();
    EngineSession *session(const QString &id) const { return m_sessions.value(id); }

signals:
    // A session opened: the open packet is on its way and nothing else has been sent.
    void sessionOpened(EngineSession *session);

private:
    friend class EngineSession;

    // The error answers of the reference server, so that clients see what they expect.
    enum class EngineError {
        UnknownTransport = 0,
        UnknownSid = 1,
        BadHandshakeMethod = 2,
        BadRequest = 3,
        UnsupportedProtocolVersion = 5,
    };
    static http::HttpResponse errorResponse(EngineError error);
    static std::optional<http::HttpResponse> checkQuery(const QUrlQuery &query);

    void handleHttp(const http::HttpRequest &request, const http::HttpReply &reply);
    std::optional<http::HttpResponse> checkUpgrade(const http::HttpRequest &request) const;
    void takeWebSocket(http::WebSocketConnection connection);
    // Over the link's WebSocket, or over polling when there is none.
    EngineSession *openSession(Handshake handshake, WebSocketLink *link);
    void heartbeatDue(quint64 serial);
    void forget(EngineSession *session);

    Options m_options;
    QHash<QString, EngineSession *> m_sessions; // by sid, until a session has fully ended
    QHash<quint64, EngineSession *> m_sessionsBySerial; // the deadline queue's keys
    quint64 m_nextSerial = 1;
    DeadlineQueue m_deadlines;
};

} // namespace kocmoc::socketio
