#include "HttpServer.h"

#include "security/Random.h"

#include <algorithm>
#include <cctype>

#include <fcntl.h>

#include <QHttpServerRequest>
#include <QLoggingCategory>
#include <QMetaEnum>

Q_DECLARE_LOGGING_CATEGORY(lcHttp)

namespace kocmoc::http {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    const char *key = QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(int(method));
    return key ? QByteArray(key).toUpper() : QByteArrayLiteral("UNKNOWN");
}

const QByteArray corsAllowedHeaders
    = "Authorization, Content-Type, X-Request-Id, Tus-Resumable, Upload-Length, Upload-Offset, "
      "Upload-Metadata";
const QByteArray corsExposedHeaders
    = "X-Request-Id, Retry-After, Location, Tus-Resumable, Upload-Offset, Upload-Length";

// "/socket.io/" and "/socket.io" are one path, as for the Router.
QString endpointKey(const QString &path)
{
    return path.split(QLatin1Char('/'), Qt::SkipEmptyParts).join(QLatin1Char('/'));
}

} // namespace

HttpServer::HttpServer(Router &router, Options options, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_router(router)
    , m_options(std::move(options))
{ }

quint16 HttpServer::listenOn(const QHostAddress &address, quint16 port)
{
    auto *guard = new ConnectionGuard(m_options.limits, this);
    // Qt's default backlog of 50 drops connections when thousands of clients come back at
    // once (after a restart); the kernel caps it at net.core.somaxconn.
    guard->setListenBacklogSize(4096);
    if (!guard->listen(address, port)) {
        m_errorString = guard->errorString();
        delete guard;
        return 0;
    }
    bind(guard);
    m_guard = guard;
    return guard->serverPort();
}

QHostAddress HttpServer::clientAddress(
    const QHostAddress &peer, const QByteArray &forwardedFor) const
{
    if (forwardedFor.isEmpty() || !m_options.trustedProxies.contains(peer))
        return peer;
    // Each proxy appends the address it saw: the nearest untrusted one is the client.
    QHostAddress client = peer;
    const QList<QByteArray> hops = forwardedFor.split(',');
    for (auto hop = hops.crbegin(); hop != hops.crend(); ++hop) {
        const QHostAddress address(QString::fromLatin1(hop->trimmed()));
        if (address.isNull())
            break;
        client = address;
        if (!m_options.trustedProxies.contains(address))
            break;
    }
    return client;
}

HttpRequest HttpServer::copyRequest(const QHttpServerRequest &request) const
{
    HttpRequest copy;
    copy.method = methodName(request.method());
    copy.path = request.url().path(QUrl::FullyDecoded);
    copy.query = request.query();
    const auto headers = request.headers();
    copy.headers.reserve(headers.size());
    for (const auto &[name, value] : headers)
        copy.headers.append({name.toLower(), value});
    copy.body = request.body();
    copy.peer = clientAddress(request.remoteAddress(), copy.header("x-forwarded-for"));
    // A client's own id is kept when it is short and printable, so logs can follow a request across
    // hops.
    const QByteArray given = copy.header("x-request-id");
    const bool usable = !given.isEmpty() && given.size() <= 64
        && std::all_of(given.begin(), given.end(),
            [](char c) { return std::isalnum(uchar(c)) || c == '-' || c == '_'; });
    copy.requestId = usable ? given : security::random::token(12).toLatin1();
    return copy;
}

HeaderList HttpServer::corsHeaders(const QByteArray &origin) const
{
    if (origin.isEmpty() || !m_options.corsOrigins.contains(QString::fromUtf8(origin)))
        return {};
    return {{"Access-Control-Allow-Origin", origin},
        {"Access-Control-Expose-Headers", corsExposedHeaders}, {"Vary", "Origin"}};
}

void HttpServer::answerPreflight(const HttpRequest &request, const HttpReply &reply) const
{
    const QByteArray origin = request.header("origin");
    if (corsHeaders(origin).isEmpty()) {
        reply.error(ApiError::forbidden(QStringLiteral("This origin may not call the API.")));
        return;
    }
    HttpResponse response = HttpResponse::empty(204);
    response.setHeader(
        "Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS");
    response.setHeader("Access-Control-Allow-Headers", corsAllowedHeaders);
    response.setHeader("Access-Control-Max-Age", "600");
    reply.send(response);
}

HttpReply HttpServer::makeReply(const HttpRequest &request, QTcpSocket *socket, bool close) const
{
    if (m_guard)
        m_guard->requestStarted(socket);
    HttpReply::Context context;
    context.socket = socket;
    context.guard = m_guard;
    context.method = request.method;
    context.path = request.path;
    context.requestId = request.requestId;
    context.headers = corsHeaders(request.header("origin"));
    context.headers.prepend({"X-Request-Id", request.requestId});
    context.headOnly = request.method == "HEAD";
    context.observer = m_options.observer;
    context.closeAfter
        = close || request.header("connection").compare("close", Qt::CaseInsensitive) == 0;
    return HttpReply(std::move(context));
}

void HttpServer::addWebSocketEndpoint(
    const QString &path, WebSocketAcceptor accept, WebSocketReceiver receive)
{
    m_webSocketEndpoints.insert(
        endpointKey(path), WebSocketEndpoint{std::move(accept), std::move(receive)});
}

// The upgrade is answered here and the connection taken from QtHttpServer: its descriptor is
// duplicated and the QTcpSocket closed, which leaves the connection open on the duplicate.
// Returning false makes QtHttpServer call missingHandler(), which leaves a closed socket alone,
// and warn (qt.httpserver, silenced in Logging.cpp) that no QWebSocketServer took it.
bool HttpServer::handleUpgrade(const QHttpServerRequest &request, QTcpSocket *socket)
{
    HttpRequest copy = copyRequest(request);
    const auto endpoint = m_webSocketEndpoints.constFind(endpointKey(copy.path));
    if (endpoint == m_webSocketEndpoints.constEnd() || copy.method != "GET")
        return false;
    std::optional<HttpResponse> refusal;
    const QByteArray key = copy.header("sec-websocket-key");
    if (copy.header("sec-websocket-version") != "13") {
        refusal = HttpResponse::error(ApiError{426, QStringLiteral("websocket_version"),
            QStringLiteral("This server speaks WebSocket version 13."), {}, 0});
        refusal->setHeader("Sec-WebSocket-Version", "13");
    } else if (QByteArray::fromBase64(key).size() != 16
        || !copy.header("connection").toLower().contains("upgrade")) {
        refusal = HttpResponse::error(ApiError::badRequest(QStringLiteral("bad_handshake"),
            QStringLiteral("A WebSocket handshake needs Connection: Upgrade and a "
                           "Sec-WebSocket-Key of 16 bytes in base64.")));
    } else {
        try {
            refusal = endpoint->accept(copy);
        } catch (const std::exception &e) {
            qCCritical(lcHttp).noquote()
                << "rid=" + copy.requestId << "upgrade check failed:" << e.what();
            refusal = HttpResponse::error(ApiError::internal());
        }
    }
    if (refusal) {
        makeReply(copy, socket, true).send(std::move(*refusal));
        return false;
    }
    const int descriptor = ::fcntl(int(socket->socketDescriptor()), F_DUPFD_CLOEXEC, 0);
    if (descriptor < 0) {
        qCWarning(lcHttp).noquote()
            << "rid=" + copy.requestId << "cannot take the WebSocket:" << qt_error_string(errno);
        socket->abort();
        return false;
    }
    qCInfo(lcHttp).noquote() << "rid=" + copy.requestId << "GET" << copy.path << 101;
    if (m_guard)
        m_guard->release(socket);
    socket->abort();
    const QByteArray answer = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                              "Connection: Upgrade\r\nSec-WebSocket-Accept: "
        + WebSocketConnection::acceptKey(key) + "\r\n\r\n";
    endpoint->receive(WebSocketConnection(descriptor, std::move(copy), answer));
    return false;
}

bool HttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    if (request.value("upgrade").compare("websocket", Qt::CaseInsensitive) == 0)
        return handleUpgrade(request, socket);

    HttpRequest copy = copyRequest(request);
    HttpReply reply = makeReply(copy, socket);

    // A browser's CORS preflight; any other OPTIONS (tus discovery) goes to the routes.
    if (copy.method == "OPTIONS"
        && (!copy.header("access-control-request-method").isEmpty()
            || !m_router.match(copy.method, copy.path).handler)) {
        answerPreflight(copy, reply);
        return true;
    }
    Router::Match match = m_router.match(copy.method, copy.path);
    if (!match.handler) {
        if (match.allowedMethods.isEmpty()) {
            reply.error(ApiError::notFound(QStringLiteral("There is nothing at this address.")));
            return true;
        }
        HttpResponse response = HttpResponse::error(ApiError{405,
            QStringLiteral("method_not_allowed"),
            QStringLiteral("This address does not take %1.").arg(QString::fromLatin1(copy.method)),
            {}, 0});
        response.setHeader("Allow", match.allowedMethods.join(", "));
        reply.send(response);
        return true;
    }
    copy.pathParams = std::move(match.params);
    reply.setRoute(match.pattern);
    try {
        if (m_router.gate() && m_router.gate()(copy, reply))
            return true;
        (*match.handler)(copy, reply);
    } catch (const std::exception &e) {
        qCCritical(lcHttp).noquote() << "rid=" + copy.requestId << "handler failed:" << e.what();
        reply.error(ApiError::internal());
    }
    return true;
}

void HttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    if (socket->state() != QAbstractSocket::ConnectedState)
        return; // answered already: a refused WebSocket upgrade
    const QByteArray requestId = security::random::token(12).toLatin1();
    HttpResponse response = HttpResponse::error(
        ApiError::notFound(QStringLiteral("There is nothing at this address.")));
    response.setHeader("X-Request-Id", requestId);
    qCInfo(lcHttp).noquote() << "rid=" + requestId << methodName(request.method())
                             << request.url().path() << 404;
    socket->write(response.serialize(false, true));
}

} // namespace kocmoc::http
