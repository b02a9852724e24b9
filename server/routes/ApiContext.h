#pragma once

#include "app/Clock.h"
#include "app/ServerConfig.h"
#include "app/WorkerPool.h"
#include "db/Database.h"
#include "http/JsonBody.h"
#include "mail/Mailer.h"
#include "security/RateLimiter.h"
#include "services/AdminService.h"
#include "services/AuthService.h"
#include "services/UserService.h"

#include <functional>
#include <optional>

namespace kocmoc {

// What route handlers share, and the steps every handler repeats: read the JSON
// body, check a rate limit, authenticate, and answer from a worker thread.
struct ApiContext
{
    const ServerConfig &config;
    const Clock &clock;
    db::Database &database;
    WorkerPool &workers;
    security::RateLimiter &rateLimiter;
    mail::Mailer &mailer;
    AuthService &auth;
    UserService &users;
    qint64 startedAtMs = 0;
    // Maintenance mode as the server thread knows it; set once the gate exists.
    const MaintenanceState *maintenance = nullptr;

    using AuthenticatedJob = std::function<Result<http::HttpResponse>(const AuthContext &)>;

    // The access token's claims, checked here without SQL; or nothing after answering 401.
    std::optional<security::AccessClaims> requireToken(
        const http::HttpRequest &request, const http::HttpReply &reply);
    // On a worker: checks the session still stands (revoked, banned) and runs the job. In
    // maintenance mode, a caller whose level in the database is below admin gets 503 (their
    // token may still carry an admin level from before a change).
    void respondAs(
        const security::AccessClaims &claims, const http::HttpReply &reply, AuthenticatedJob job);
    void respondAuthenticated(
        const http::HttpRequest &request, const http::HttpReply &reply, AuthenticatedJob job);
    // Answers 429 with Retry-After and returns true when the key is over its limit.
    bool rateLimited(const http::HttpReply &reply, const QString &key, int limit, qint64 windowMs);
    // The token's claims, then the parsed body; or nothing after answering 401, 415 or 400.
    std::optional<std::pair<security::AccessClaims, http::JsonBody>> openJson(
        const http::HttpRequest &request, const http::HttpReply &reply);
    // The parsed body, or nothing after answering 415/400.
    static std::optional<http::JsonBody> readJson(
        const http::HttpRequest &request, const http::HttpReply &reply);
    // After the fields were read: answers the first field problem and returns false.
    static bool fieldsOk(const http::JsonBody &body, const http::HttpReply &reply);
    static ClientInfo clientInfo(const http::HttpRequest &request);
};

} // namespace kocmoc
