#include "HttpServer.h"

#include "security/Random.h"

#include <algorithm>
#include <cctype>

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

} // namespace

HttpServer::HttpServer(Router &router, Options options, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_router(router)
    , m_options(std::move(options))
{ }

quint16 HttpServer::listenOn(const QHostAddress &address, quint16 port)
{
    auto *guard = new ConnectionGuard(m_options.limits, this);
    if (!guard->listen(address, port)) {
        m_errorString = guard->errorString();
        delete guard;
        return 0;
    }
    bind(guard);
    m_guard = guard;
    return guard->serverPort();
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
    copy.peer = request.remoteAddress();
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

bool HttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // WebSocket upgrades are left to QtHttpServer's missing-handler path until realtime claims
    // them.
    if (request.value("upgrade").compare("websocket", Qt::CaseInsensitive) == 0)
        return false;

    HttpRequest copy = copyRequest(request);
    if (m_guard)
        m_guard->requestStarted(socket);

    HttpReply::Context context;
    context.socket = socket;
    context.guard = m_guard;
    context.method = copy.method;
    context.path = copy.path;
    context.requestId = copy.requestId;
    context.headers = corsHeaders(copy.header("origin"));
    context.headers.prepend({"X-Request-Id", copy.requestId});
    context.headOnly = copy.method == "HEAD";
    context.closeAfter = copy.header("connection").compare("close", Qt::CaseInsensitive) == 0;
    HttpReply reply(std::move(context));

    if (copy.method == "OPTIONS") {
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
    try {
        (*match.handler)(copy, reply);
    } catch (const std::exception &e) {
        qCCritical(lcHttp).noquote() << "rid=" + copy.requestId << "handler failed:" << e.what();
        reply.error(ApiError::internal());
    }
    return true;
}

void HttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const QByteArray requestId = security::random::token(12).toLatin1();
    HttpResponse response = HttpResponse::error(
        ApiError::notFound(QStringLiteral("There is nothing at this address.")));
    response.setHeader("X-Request-Id", requestId);
    qCInfo(lcHttp).noquote() << "rid=" + requestId << methodName(request.method())
                             << request.url().path() << 404;
    if (socket->state() == QAbstractSocket::ConnectedState)
        socket->write(response.serialize(false, true));
}

} // namespace kocmoc::http
