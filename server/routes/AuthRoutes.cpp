#include "AuthRoutes.h"

#include <QJsonArray>

namespace kocmoc {

using http::HttpReply;
using http::HttpRequest;
using http::HttpResponse;

namespace {

constexpr qint64 minuteMs = 60'000;
constexpr qint64 hourMs = 3'600'000;

HttpResponse grantResponse(int status, const AuthGrant &grant)
{
    return HttpResponse::json(status, http::compactJson(grant.toJson()));
}

} // namespace

void AuthRoutes::addTo(http::Router &router)
{
    const auto bind = [this](void (AuthRoutes::*method)(const HttpRequest &, const HttpReply &)) {
        return [this, method](const HttpRequest &request, HttpReply reply) { (this->*method)(request, reply); };
    };
    router.add("POST", QStringLiteral("/api/auth/register"), bind(&AuthRoutes::registerUser));
    router.add("POST", QStringLiteral("/api/auth/register/email"), bind(&AuthRoutes::registerUser));
    router.add("POST", QStringLiteral("/api/auth/login"), bind(&AuthRoutes::login));
    router.add("POST", QStringLiteral("/api/auth/login/email"), bind(&AuthRoutes::login));
    router.add("POST", QStringLiteral("/api/auth/send-code"), bind(&AuthRoutes::sendCode));
    router.add("POST", QStringLiteral("/api/auth/verify-code"), bind(&AuthRoutes::verifyCode));
    router.add("POST", QStringLiteral("/api/auth/refresh"), bind(&AuthRoutes::refresh));
    router.add("POST", QStringLiteral("/api/auth/logout"), bind(&AuthRoutes::logout));
    router.add("GET", QStringLiteral("/api/auth/sessions"), bind(&AuthRoutes::sessions));
    router.add("DELETE", QStringLiteral("/api/auth/sessions"), bind(&AuthRoutes::revokeOtherSessions));
    router.add("DELETE", QStringLiteral("/api/auth/sessions/{id}"), bind(&AuthRoutes::revokeSession));
    router.add("POST", QStringLiteral("/api/auth/password"), bind(&AuthRoutes::changePassword));
}

bool AuthRoutes::authRateLimited(const HttpRequest &request, const HttpReply &reply)
{
    return m_api.rateLimited(reply, QStringLiteral("auth:") + request.clientIp(), m_api.config.authRatePerMinute,
                             minuteMs);
}

bool AuthRoutes::userRateLimited(const security::AccessClaims &claims, const HttpReply &reply)
{
    // Checked before the job is queued, so a flood costs no SQL.
    return m_api.rateLimited(reply, QStringLiteral("user:") + claims.userId, m_api.config.userRatePerMinute, minuteMs);
}

void AuthRoutes::registerUser(const HttpRequest &request, const HttpReply &reply)
{
    if (authRateLimited(request, reply))
        return;
    auto body = ApiContext::readJson(request, reply);
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
    m_api.workers.respond(reply, [this, input, client = ApiContext::clientInfo(request)]() -> Result<HttpResponse> {
        const auto grant = m_api.auth.registerUser(input, client);
        if (!grant)
            return grant.error();
        return grantResponse(201, grant.value());
    });
}

void AuthRoutes::login(const HttpRequest &request, const HttpReply &reply)
{
    if (authRateLimited(request, reply))
        return;
    auto body = ApiContext::readJson(request, reply);
    if (!body)
        return;
    const QString email = body->optionalString(QStringLiteral("email")).value_or(QString());
    const QString username = body->optionalString(QStringLiteral("username")).value_or(QString());
    if (email.trimmed().isEmpty() && username.trimmed().isEmpty() && !body->error())
        body->requiredString(QStringLiteral("email")); // names the missing field: email or username
    const QString password = body->requiredString(QStringLiteral("password"));
    if (!ApiContext::fieldsOk(*body, reply))
        return;
    m_api.workers.respond(reply, [this, email, username, password,
                                  client = ApiContext::clientInfo(request)]() -> Result<HttpResponse> {
        const auto grant = m_api.auth.login(email, username, password, client);
        if (!grant)
            return grant.error();
        return grantResponse(200, grant.value());
    });
}

void AuthRoutes::sendCode(const HttpRequest &request, const HttpReply &reply)
{
    if (authRateLimited(request, reply))
        return;
    auto body = ApiContext::readJson(request, reply);
    if (!body)
        return;
    const QString email = body->requiredString(QStringLiteral("email"));
    const QString purpose = body->requiredString(QStringLiteral("purpose"));
    if (!ApiContext::fieldsOk(*body, reply))
        return;
    // Limited per address whether or not it has an account, so the limit reveals nothing.
    if (m_api.rateLimited(reply, QStringLiteral("code:") + UserRepository::emailKey(email), m_api.config.codeRatePerHour,
                          hourMs))
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
                reply.json(202, QJsonObject{{QStringLiteral("message"),
                                             QStringLiteral("If an account uses this email, a code is on its way.")}});
            });
}

void AuthRoutes::verifyCode(const HttpRequest &request, const HttpReply &reply)
{
    if (authRateLimited(request, reply))
        return;
    auto body = ApiContext::readJson(request, reply);
    if (!body)
        return;
    const QString email = body->requiredString(QStringLiteral("email"));
    const QString code = body->requiredString(QStringLiteral("code"));
    if (!ApiContext::fieldsOk(*body, reply))
        return;
    m_api.workers.respond(reply, [this, email, code, client = ApiContext::clientInfo(request)]() -> Result<HttpResponse> {
        const auto outcome = m_api.auth.verifyCode(email, code, client);
        if (!outcome)
            return outcome.error();
        if (!outcome.value())
            return HttpResponse::json(200, http::compactJson(QJsonObject{{QStringLiteral("verified"), true}}));
        return grantResponse(200, *outcome.value());
    });
}

void AuthRoutes::refresh(const HttpRequest &request, const HttpReply &reply)
{
    if (authRateLimited(request, reply))
        return;
    auto body = ApiContext::readJson(request, reply);
    if (!body)
        return;
    const QString refreshToken = body->requiredString(QStringLiteral("refreshToken"));
    if (!ApiContext::fieldsOk(*body, reply))
        return;
    m_api.workers.respond(reply, [this, refreshToken, client = ApiContext::clientInfo(request)]() -> Result<HttpResponse> {
        const auto grant = m_api.auth.refresh(refreshToken, client);
        if (!grant)
            return grant.error();
        return grantResponse(200, grant.value());
    });
}

void AuthRoutes::logout(const HttpRequest &request, const HttpReply &reply)
{
    m_api.respondAuthenticated(request, reply, [this](const AuthContext &caller) -> Result<HttpResponse> {
        const auto done = m_api.auth.logout(caller);
        if (!done)
            return done.error();
        return HttpResponse::empty(204);
    });
}

void AuthRoutes::sessions(const HttpRequest &request, const HttpReply &reply)
{
    m_api.respondAuthenticated(request, reply, [this](const AuthContext &caller) -> Result<HttpResponse> {
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
    m_api.respondAs(*claims, reply, [this, id = request.param(QStringLiteral("id"))](const AuthContext &caller) -> Result<HttpResponse> {
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
        return HttpResponse::json(200, http::compactJson(QJsonObject{{QStringLiteral("revoked"), revoked.value()}}));
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
    m_api.respondAs(*claims, reply, [this, currentPassword, newPassword](const AuthContext &caller) -> Result<HttpResponse> {
        const auto done = m_api.auth.changePassword(caller, currentPassword, newPassword);
        if (!done)
            return done.error();
        return HttpResponse::empty(204);
    });
}

} // namespace kocmoc
