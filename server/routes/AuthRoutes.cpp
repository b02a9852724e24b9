#include "AuthRoutes.h"

#include <QJsonArray>

namespace kocmoc {

using http::HttpReply;
using http::HttpRequest;
using http::HttpResponse;

namespace {

constexpr qint64 minuteMs = 60'000;
constexpr qint64 hourMs = 3'600'000;

} // namespace

void AuthRoutes::addTo(http::Router &router)
{
    router.add("POST", QStringLiteral("/api/auth/register"), this, &AuthRoutes::registerUser);
    router.add("POST", QStringLiteral("/api/auth/register/email"), this, &AuthRoutes::registerUser);
    router.add("POST", QStringLiteral("/api/auth/login"), this, &AuthRoutes::login);
    router.add("POST", QStringLiteral("/api/auth/login/email"), this, &AuthRoutes::login);
    router.add("POST", QStringLiteral("/api/auth/send-code"), this, &AuthRoutes::sendCode);
    router.add("POST", QStringLiteral("/api/auth/verify-code"), this, &AuthRoutes::verifyCode);
    router.add("POST", QStringLiteral("/api/auth/refresh"), this, &AuthRoutes::refresh);
    router.add("POST", QStringLiteral("/api/auth/logout"), this, &AuthRoutes::logout);
    router.add("GET", QStringLiteral("/api/auth/sessions"), this, &AuthRoutes::sessions);
    router.add(
        "DELETE", QStringLiteral("/api/auth/sessions"), this, &AuthRoutes::revokeOtherSessions);
    router.add(
        "DELETE", QStringLiteral("/api/auth/sessions/{id}"), this, &AuthRoutes::revokeSession);
    router.add("POST", QStringLiteral("/api/auth/password"), this, &AuthRoutes::changePassword);
}

std::optional<http::JsonBody> AuthRoutes::openBody(
    const HttpRequest &request, const HttpReply &reply)
{
    if (m_api.rateLimited(reply, QStringLiteral("auth:") + request.clientIp(),
            m_api.config.authRatePerMinute, minuteMs))
        return std::nullopt;
    return ApiContext::readJson(request, reply);
}

void AuthRoutes::respondWithGrant(
    const HttpReply &reply, int status, std::function<Result<AuthGrant>()> job)
{
    m_api.workers.respond(reply, [status, job = std::move(job)]() -> Result<HttpResponse> {
        const auto grant = job();
        if (!grant)
            return grant.error();
        return HttpResponse::json(status, http::compactJson(grant->toJson()));
    });
}

bool AuthRoutes::userRateLimited(const security::AccessClaims &claims, const HttpReply &reply)
{
    // Checked before the job is queued, so a flood costs no SQL.
    return m_api.rateLimited(
        reply, QStringLiteral("user:") + claims.userId, m_api.config.userRatePerMinute, minuteMs);
}

void AuthRoutes::registerUser(const HttpRequest &request, const HttpReply &reply)
{
    auto body = openBody(request, reply);
    if (!body)
        return;
    RegisterInput input;
    input.email = body->requiredString(QStringLiteral("email"));
    input.password = body->requiredString(QStringLiteral("password"));
    input.username = body->requiredString(QStringLiteral("username"));
    input.displayName = body->requiredString(QStringLiteral("displayName"));
    input.inviteKey = body->optionalString(QStringLiteral("inviteKey")).value_or(QString());
    if (!ApiContext::fieldsOk(*body, reply))
        return;
    respondWithGrant(reply, 201, [this, input, client = ApiContext::clientInfo(request)] {
        return m_api.auth.registerUser(input, client);
    });
}

void AuthRoutes::login(const HttpRequest &request, const HttpReply &reply)
{
    auto body = openBody(request, reply);
    if (!body)
        return;
    const QString email = body->optionalString(QStringLiteral("email")).value_or(QString());
    const QString username = body->optionalString(QStringLiteral("username")).value_or(QString());
    if (email.trimmed().isEmpty() && username.trimmed().isEmpty() && !body->error())
        body->requiredString(QStringLiteral("email")); // names the missing field: email or username
    const QString password = body->requiredString(QStringLiteral("password"));
    if (!ApiContext::fieldsOk(*body, reply))
        return;
    respondWithGrant(
        reply, 200, [this, email, username, password, client = ApiContext::clientInfo(request)] {
            return m_api.auth.login(email, username, password, client);
        });
}

void AuthRoutes::sendCode(const HttpRequest &request, const HttpReply &reply)
{
    auto body = openBody(request, reply);
    if (!body)
        return;
    const QString email = body->requiredString(QStringLiteral("email"));
    const QString purpose = body->requiredString(QStringLiteral("purpose"));
    if (!ApiContext::fieldsOk(*body, reply))
        return;
    // Limited per address whether or not it has an account, so the limit reveals nothing.
    if (m_api.rateLimited(reply, QStringLiteral("code:") + UserRepository::emailKey(email),
            m_api.config.codeRatePerHour, hourMs))
        return;
    mail::Mailer *mailer = &m_api.mailer;
    m_api.workers.run<std::optional<mail::MailMessage>>(
        [this, email, purpose] { return m_api.auth.issueCode(email, purpose); },
        [reply, mailer](Result<std::optional<mail::MailMessage>> result) {
            if (!result) {
                reply.error(result.error());
                return;
            }
            if (result.value())
                mailer->send(*result.value());
            reply.json(202,
                QJsonObject{{QStringLiteral("message"),
                    QStringLiteral("If an account uses this email, a code is on its way.")}});
        });
}

void AuthRoutes::verifyCode(const HttpRequest &request, const HttpReply &reply)
{
    auto body = openBody(request, reply);
    if (!body)
        return;
    const QString email = body->requiredString(QStringLiteral("email"));
    const QString code = body->requiredString(QStringLiteral("code"));
    if (!ApiContext::fieldsOk(*body, reply))
        return;
    m_api.workers.respond(reply,
        [this, email, code, client = ApiContext::clientInfo(request)]() -> Result<HttpResponse> {
            const auto outcome = m_api.auth.verifyCode(email, code, client);
            if (!outcome)
                return outcome.error();
            if (!outcome.value())
                return HttpResponse::json(
                    200, http::compactJson(QJsonObject{{QStringLiteral("verified"), true}}));
            return HttpResponse::json(200, http::compactJson(outcome.value()->toJson()));
        });
}

void AuthRoutes::refresh(const HttpRequest &request, const HttpReply &reply)
{
    auto body = openBody(request, reply);
    if (!body)
        return;
    const QString refreshToken = body->requiredString(QStringLiteral("refreshToken"));
    if (!ApiContext::fieldsOk(*body, reply))
        return;
    respondWithGrant(reply, 200, [this, refreshToken, client = ApiContext::clientInfo(request)] {
        return m_api.auth.refresh(refreshToken, client);
    });
}

void AuthRoutes::logout(const HttpRequest &request, const HttpReply &reply)
{
    m_api.respondAuthenticated(
        request, reply, [this](const AuthContext &caller) -> Result<HttpResponse> {
            const auto done = m_api.auth.logout(caller);
            if (!done)
                return done.error();
            return HttpResponse::empty(204);
        });
}

void AuthRoutes::sessions(const HttpRequest &request, const HttpReply &reply)
{
    m_api.respondAuthenticated(
        request, reply, [this](const AuthContext &caller) -> Result<HttpResponse> {
            const auto sessions = m_api.auth.sessions(caller);
            if (!sessions)
                return sessions.error();
            QJsonArray list;
            for (const Session &session : sessions.value())
                list.append(session.toJson());
            return HttpResponse::json(200, http::compactJson(list));
        });
}

void AuthRoutes::revokeSession(const HttpRequest &request, const HttpReply &reply)
{
    const auto claims = m_api.requireToken(request, reply);
    if (!claims || userRateLimited(*claims, reply))
        return;
    m_api.respondAs(*claims, reply,
        [this, id = request.param(QStringLiteral("id"))](
            const AuthContext &caller) -> Result<HttpResponse> {
            const auto done = m_api.auth.revokeSession(caller, id);
            if (!done)
                return done.error();
            return HttpResponse::empty(204);
        });
}

void AuthRoutes::revokeOtherSessions(const HttpRequest &request, const HttpReply &reply)
{
    const auto claims = m_api.requireToken(request, reply);
    if (!claims || userRateLimited(*claims, reply))
        return;
    m_api.respondAs(*claims, reply, [this](const AuthContext &caller) -> Result<HttpResponse> {
        const auto revoked = m_api.auth.revokeOtherSessions(caller);
        if (!revoked)
            return revoked.error();
        return HttpResponse::json(
            200, http::compactJson(QJsonObject{{QStringLiteral("revoked"), revoked.value()}}));
    });
}

void AuthRoutes::changePassword(const HttpRequest &request, const HttpReply &reply)
{
    const auto claims = m_api.requireToken(request, reply);
    if (!claims || userRateLimited(*claims, reply))
        return;
    auto body = ApiContext::readJson(request, reply);
    if (!body)
        return;
    const QString currentPassword = body->requiredString(QStringLiteral("currentPassword"));
    const QString newPassword = body->requiredString(QStringLiteral("newPassword"));
    if (!ApiContext::fieldsOk(*body, reply))
        return;
    m_api.respondAs(*claims, reply,
        [this, currentPassword, newPassword](const AuthContext &caller) -> Result<HttpResponse> {
            const auto done = m_api.auth.changePassword(caller, currentPassword, newPassword);
            if (!done)
                return done.error();
            return HttpResponse::empty(204);
        });
}

} // namespace kocmoc
