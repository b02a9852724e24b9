#include "AdminRoutes.h"

#include "JsonAnswer.h"

#include <kocmoc/JsonTime.h>

namespace kocmoc {

using http::HttpReply;
using http::HttpRequest;
using http::HttpResponse;

namespace {

constexpr int maxInviteUses = 10'000;
constexpr qint64 defaultInviteLifetimeMs = 7LL * 24 * 60 * 60 * 1000;
constexpr int maxMaintenanceMessageChars = 500;

QJsonObject same(const QJsonObject &object)
{
    return object;
}

} // namespace

void AdminRoutes::addTo(http::Router &router)
{
    router.add("POST", QStringLiteral("/api/admin/users/{id}/ban"), this, &AdminRoutes::ban);
    router.add("POST", QStringLiteral("/api/admin/users/{id}/unban"), this, &AdminRoutes::unban);
    router.add("POST", QStringLiteral("/api/admin/users/{id}/verify"), this, &AdminRoutes::verify);
    router.add(
        "DELETE", QStringLiteral("/api/admin/users/{id}/verify"), this, &AdminRoutes::unverify);
    router.add("PUT", QStringLiteral("/api/admin/users/{id}/level"), this, &AdminRoutes::setLevel);
    router.add(
        "POST", QStringLiteral("/api/admin/invite-keys"), this, &AdminRoutes::createInviteKey);
    router.add("PUT", QStringLiteral("/api/admin/maintenance"), this, &AdminRoutes::setMaintenance);
}

void AdminRoutes::ban(const HttpRequest &request, const HttpReply &reply)
{
    m_api.respondAuthenticated(request, reply,
        [this, userId = request.param(QStringLiteral("id"))](const AuthContext &caller)
            -> Result<HttpResponse> { return jsonAnswer(m_admin.ban(caller, userId), 200, same); });
}

void AdminRoutes::unban(const HttpRequest &request, const HttpReply &reply)
{
    m_api.respondAuthenticated(request, reply,
        [this, userId = request.param(QStringLiteral("id"))](
            const AuthContext &caller) -> Result<HttpResponse> {
            return jsonAnswer(m_admin.unban(caller, userId), 200, same);
        });
}

void AdminRoutes::verify(const HttpRequest &request, const HttpReply &reply)
{
    // The token before the body: nobody unauthenticated gets a body parsed.
    const auto claims = m_api.requireToken(request, reply);
    if (!claims)
        return;
    // The body is optional: none grants the badge, {"verified": false} takes it back.
    bool verified = true;
    if (!request.body.trimmed().isEmpty()) {
        auto body = ApiContext::readJson(request, reply);
        if (!body)
            return;
        verified = body->optionalBool(QStringLiteral("verified")).value_or(true);
        if (!ApiContext::fieldsOk(*body, reply))
            return;
    }
    answerVerified(*claims, request, reply, verified);
}

void AdminRoutes::unverify(const HttpRequest &request, const HttpReply &reply)
{
    const auto claims = m_api.requireToken(request, reply);
    if (claims)
        answerVerified(*claims, request, reply, false);
}

void AdminRoutes::answerVerified(const security::AccessClaims &claims, const HttpRequest &request,
    const HttpReply &reply, bool verified)
{
    m_api.respondAs(claims, reply,
        [this, userId = request.param(QStringLiteral("id")), verified](
            const AuthContext &caller) -> Result<HttpResponse> {
            return jsonAnswer(m_admin.setVerified(caller, userId, verified), 200, same);
        });
}

void AdminRoutes::setLevel(const HttpRequest &request, const HttpReply &reply)
{
    auto call = m_api.openJson(request, reply);
    if (!call)
        return;
    auto &[claims, body] = *call;
    const auto level = body.requiredInteger(QStringLiteral("accessLevel"));
    if (!ApiContext::fieldsOk(body, reply))
        return;
    m_api.respondAs(claims, reply,
        [this, userId = request.param(QStringLiteral("id")), level = int(*level)](
            const AuthContext &caller) -> Result<HttpResponse> {
            return jsonAnswer(m_admin.setAccessLevel(caller, userId, level), 200, same);
        });
}

void AdminRoutes::createInviteKey(const HttpRequest &request, const HttpReply &reply)
{
    auto call = m_api.openJson(request, reply);
    if (!call)
        return;
    auto &[claims, body] = *call;
    const qint64 uses = body.optionalInteger(QStringLiteral("uses")).value_or(1);
    const auto expiresAt = body.optionalString(QStringLiteral("expiresAt"));
    if (!ApiContext::fieldsOk(body, reply))
        return;
    if (uses < 1 || uses > maxInviteUses) {
        reply.error(ApiError::invalidField(QStringLiteral("uses"),
            QStringLiteral("uses is a number from 1 to %1.").arg(maxInviteUses)));
        return;
    }
    const qint64 now = m_api.clock.nowMs();
    const qint64 expiresAtMs
        = expiresAt ? json::msFromIso(*expiresAt) : now + defaultInviteLifetimeMs;
    if (expiresAtMs <= now) {
        reply.error(ApiError::invalidField(QStringLiteral("expiresAt"),
            QStringLiteral("expiresAt is an ISO 8601 time in the future.")));
        return;
    }
    m_api.respondAs(claims, reply,
        [this, uses = int(uses), expiresAtMs](const AuthContext &caller) -> Result<HttpResponse> {
            return jsonAnswer(
                m_admin.createInviteKey(caller, uses, expiresAtMs), 201, [&](const QString &key) {
                    return QJsonObject{{QStringLiteral("key"), key}, {QStringLiteral("uses"), uses},
                        {QStringLiteral("expiresAt"), json::isoFromMs(expiresAtMs)}};
                });
        });
}

void AdminRoutes::setMaintenance(const HttpRequest &request, const HttpReply &reply)
{
    auto call = m_api.openJson(request, reply);
    if (!call)
        return;
    auto &[claims, body] = *call;
    const auto enabled = body.optionalBool(QStringLiteral("enabled"));
    const QString message = body.optionalString(QStringLiteral("message")).value_or(QString());
    if (!ApiContext::fieldsOk(body, reply))
        return;
    if (!enabled) {
        reply.error(ApiError::invalidField(
            QStringLiteral("enabled"), QStringLiteral("enabled is true or false.")));
        return;
    }
    if (message.size() > maxMaintenanceMessageChars) {
        reply.error(ApiError::invalidField(QStringLiteral("message"),
            QStringLiteral("message has at most %1 characters.").arg(maxMaintenanceMessageChars)));
        return;
    }
    const MaintenanceState wanted{*enabled, *enabled ? message.trimmed() : QString()};
    // Applied here as soon as it is stored, so this process's next request already sees it.
    m_api.workers.run<MaintenanceState>(
        [this, claims = claims, wanted]() -> Result<MaintenanceState> {
            const auto caller = m_api.auth.authorize(claims);
            if (!caller)
                return caller.error();
            return m_admin.setMaintenance(caller.value(), wanted);
        },
        [this, reply](Result<MaintenanceState> state) {
            if (!state) {
                reply.error(state.error());
                return;
            }
            m_maintenance.apply(state.value());
            reply.json(200, state->toJson());
        });
}

} // namespace kocmoc
