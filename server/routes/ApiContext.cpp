#include "ApiContext.h"

#include <kocmoc/Limits.h>

namespace kocmoc {

std::optional<security::AccessClaims> ApiContext::requireToken(
    const http::HttpRequest &request, const http::HttpReply &reply)
{
    const auto claims
        = auth.verifyAccessToken(QString::fromLatin1(request.header("authorization")));
    if (!claims) {
        reply.error(claims.error());
        return std::nullopt;
    }
    reply.setUserId(claims->userId);
    return claims.value();
}

void ApiContext::respondAuthenticated(
    const http::HttpRequest &request, const http::HttpReply &reply, AuthenticatedJob job)
{
    if (const auto claims = requireToken(request, reply))
        respondAs(*claims, reply, std::move(job));
}

void ApiContext::respondAs(
    const security::AccessClaims &claims, const http::HttpReply &reply, AuthenticatedJob job)
{
    const MaintenanceState now = maintenance ? *maintenance : MaintenanceState{};
    workers.respond(
        reply, [this, claims, now, job = std::move(job)]() -> Result<http::HttpResponse> {
            const auto caller = auth.authorize(claims);
            if (!caller)
                return caller.error();
            if (now.enabled && caller->accessLevel < limits::levelAdmin)
                return now.refusal();
            return job(caller.value());
        });
}

bool ApiContext::rateLimited(
    const http::HttpReply &reply, const QString &key, int limit, qint64 windowMs)
{
    const int retryAfter = rateLimiter.hit(key, {limit, windowMs}, clock.nowMs());
    if (retryAfter == 0)
        return false;
    reply.error(ApiError::tooManyRequests(QStringLiteral("rate_limited"),
        QStringLiteral("Too many requests; wait a little and try again."), retryAfter));
    return true;
}

std::optional<std::pair<security::AccessClaims, http::JsonBody>> ApiContext::openJson(
    const http::HttpRequest &request, const http::HttpReply &reply)
{
    auto claims = requireToken(request, reply);
    if (!claims)
        return std::nullopt;
    auto body = readJson(request, reply);
    if (!body)
        return std::nullopt;
    return std::pair{std::move(*claims), std::move(*body)};
}

std::optional<http::JsonBody> ApiContext::readJson(
    const http::HttpRequest &request, const http::HttpReply &reply)
{
    auto body = http::JsonBody::parse(request);
    if (!body) {
        reply.error(body.error());
        return std::nullopt;
    }
    return std::move(body.value());
}

bool ApiContext::fieldsOk(const http::JsonBody &body, const http::HttpReply &reply)
{
    if (!body.error())
        return true;
    reply.error(*body.error());
    return false;
}

ClientInfo ApiContext::clientInfo(const http::HttpRequest &request)
{
    return ClientInfo{request.clientIp(), request.userAgent()};
}

} // namespace kocmoc
