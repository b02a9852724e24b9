#include "EngineServer.h"

#include "EngineSession.h"
#include "WebSocketLink.h"

#include "security/Random.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcEngine, "kocmoc.socketio.engine")

namespace kocmoc::socketio {

namespace {

http::HttpResponse serverFull()
{
    return http::HttpResponse::error(ApiError::unavailable(QStringLiteral("too_many_sessions"),
        QStringLiteral("The realtime server has no room for another client."), 5));
}

Handshake handshakeOf(const http::HttpRequest &request)
{
    return Handshake{
        request.peer, request.headers, request.query, QDateTime::currentMSecsSinceEpoch()};
}

} // namespace

http::HttpResponse EngineServer::errorResponse(EngineError error)
{
    static const char *const messages[] = {"Transport unknown", "Session ID unknown",
        "Bad handshake method", "Bad request", "Forbidden", "Unsupported protocol version"};
    const QJsonObject body{
        {QStringLiteral("code"), int(error)},
        {QStringLiteral("message"), QString::fromLatin1(messages[int(error)])},
    };
    return http::HttpResponse::json(400, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

// The checks that every request and upgrade share: the protocol version and a known transport.
std::optional<http::HttpResponse> EngineServer::checkQuery(const QUrlQuery &query)
{
    if (query.queryItemValue(QStringLiteral("EIO")) != QLatin1String("4"))
        return errorResponse(EngineError::UnsupportedProtocolVersion);
    const QString transport = query.queryItemValue(QStringLiteral("transport"));
    if (transport != QLatin1String("polling") && transport != QLatin1String("websocket"))
        return errorResponse(EngineError::UnknownTransport);
    return std::nullopt;
}

EngineServer::EngineServer(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_deadlines([this](quint64 serial) { heartbeatDue(serial); })
{ }

EngineServer::~EngineServer()
{
    // Sessions answer their waiting polls as they go; the links, also children, abort.
    const auto sessions = m_sessions;
    m_sessions.clear();
    m_sessionsBySerial.clear();
    qDeleteAll(sessions);
}

void EngineServer::closeAllGoingAway()
{
    const auto sessions = m_sessions; // closing may forget sessions
    for (EngineSession *session : sessions)
        session->closeGoingAway();
}

void EngineServer::attach(http::Router &router, http::HttpServer &httpServer)
{
    const QPointer<EngineServer> self(this);
    const auto handler = [self](const http::HttpRequest &request, const http::HttpReply &reply) {
        if (self)
            self->handleHttp(request, reply);
        else
            reply.send(errorResponse(EngineError::UnknownSid));
    };
    // Every method, so that a wrong one gets Engine.IO's 400 rather than the Router's 405.
    for (const char *method : {"GET", "POST", "PUT", "PATCH", "DELETE"})
        router.add(method, m_options.path, handler);
    httpServer.addWebSocketEndpoint(
        m_options.path,
        [self](const http::HttpRequest &request) -> std::optional<http::HttpResponse> {
            if (!self)
                return errorResponse(EngineError::UnknownSid);
            return self->checkUpgrade(request);
        },
        [self](http::WebSocketConnection connection) {
            if (self) // else the connection closes with its descriptor
                self->takeWebSocket(std::move(connection));
        });
}

void EngineServer::handleHttp(const http::HttpRequest &request, const http::HttpReply &reply)
{
    if (auto refusal = checkQuery(request.query)) {
        reply.send(std::move(*refusal));
        return;
    }
    const bool polling = request.queryValue(QStringLiteral("transport")) == u"polling";
    const QString sid = request.queryValue(QStringLiteral("sid"));
    if (sid.isEmpty()) {
        if (request.method != "GET")
            reply.send(errorResponse(EngineError::BadHandshakeMethod));
        else if (!polling) // a WebSocket handshake without its Upgrade header
            reply.send(errorResponse(EngineError::BadRequest));
        else if (m_sessions.size() >= m_options.maxSessions)
            reply.send(serverFull());
        else
            openSession(handshakeOf(request), nullptr)->poll(reply);
        return;
    }
    EngineSession *session = m_sessions.value(sid);
    if (!session) {
        reply.send(errorResponse(EngineError::UnknownSid));
        return;
    }
    if (!polling)
        reply.send(errorResponse(EngineError::BadRequest));
    else if (request.method == "GET")
        session->poll(reply);
    else if (request.method == "POST")
        session->post(request, reply);
    else
        reply.send(errorResponse(EngineError::BadRequest));
}

std::optional<http::HttpResponse> EngineServer::checkUpgrade(const http::HttpRequest &request) const
{
    if (auto refusal = checkQuery(request.query))
        return refusal;
    if (request.queryValue(QStringLiteral("transport")) != u"websocket")
        return errorResponse(EngineError::BadRequest);
    const QString sid = request.queryValue(QStringLiteral("sid"));
    if (sid.isEmpty()) {
        if (m_sessions.size() >= m_options.maxSessions)
            return serverFull();
        return std::nullopt;
    }
    const EngineSession *session = m_sessions.value(sid);
    if (!session || !session->isOpen())
        return errorResponse(EngineError::UnknownSid);
    // A second WebSocket for a session is accepted and then closed, as the protocol says.
    return std::nullopt;
}

void EngineServer::takeWebSocket(http::WebSocketConnection connection)
{
    Handshake handshake = handshakeOf(connection.request());
    auto *link = new WebSocketLink(std::move(connection), m_options.maxWebSocketMessageBytes, this);
    const QString sid = handshake.query.queryItemValue(QStringLiteral("sid"));
    if (sid.isEmpty()) {
        openSession(std::move(handshake), link);
        return;
    }
    // One WebSocket per session: an upgraded session, or one already trying, takes no other.
    EngineSession *session = m_sessions.value(sid);
    if (!session || !session->isOpen() || session->m_transport != EngineSession::Transport::Polling
        || session->m_upgradeCandidate) {
        link->close(QWebSocketProtocol::CloseCodePolicyViolated);
        return;
    }
    session->offerUpgrade(link);
}

EngineSession *EngineServer::openSession(Handshake handshake, WebSocketLink *link)
{
    QString id;
    do {
        id = security::random::token(15);
    } while (m_sessions.contains(id));
    const quint64 serial = m_nextSerial++;
    auto *session = new EngineSession(*this, id, serial, std::move(handshake),
        link ? EngineSession::Transport::WebSocket : EngineSession::Transport::Polling);
    m_sessions.insert(id, session);
    m_sessionsBySerial.insert(serial, session);
    if (link)
        session->useWebSocket(link);

    const QJsonObject open{
        {QStringLiteral("sid"), id},
        {QStringLiteral("upgrades"), link ? QJsonArray() : QJsonArray{QStringLiteral("websocket")}},
        {QStringLiteral("pingInterval"), m_options.pingIntervalMs},
        {QStringLiteral("pingTimeout"), m_options.pingTimeoutMs},
        {QStringLiteral("maxPayload"), m_options.maxPayloadBytes},
    };
    // Over polling it waits in the queue for the handshake's own GET.
    session->send(WirePacket::text(
        EnginePacketType::Open, QJsonDocument(open).toJson(QJsonDocument::Compact)));
    session->startHeartbeat();
    qCDebug(lcEngine).noquote() << "session" << id << "opened over"
                                << (link ? "websocket" : "polling");
    emit sessionOpened(session);
    return session;
}

void EngineServer::heartbeatDue(quint64 serial)
{
    if (EngineSession *session = m_sessionsBySerial.value(serial))
        session->heartbeatDue();
}

void EngineServer::forget(EngineSession *session)
{
    m_deadlines.cancel(session->m_serial);
    m_sessionsBySerial.remove(session->m_serial);
    const auto it = m_sessions.constFind(session->m_id);
    if (it != m_sessions.constEnd() && *it == session)
        m_sessions.erase(it);
}

} // namespace kocmoc::socketio
