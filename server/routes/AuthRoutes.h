#pragma once

#include "ApiContext.h"
#include "http/Router.h"

namespace kocmoc {

// /api/auth/*: thin handlers that parse, rate-limit and hand over to AuthService.
class AuthRoutes
{
public:
    explicit AuthRoutes(ApiContext &api)
        : m_api(api)
    { }
    void addTo(http::Router &router);

private:
    void registerUser(const http::HttpRequest &request, const http::HttpReply &reply);
    void login(const http::HttpRequest &request, const http::HttpReply &reply);
    void sendCode(const http::HttpRequest &request, const http::HttpReply &reply);
    void verifyCode(const http::HttpRequest &request, const http::HttpReply &reply);
    void refresh(const http::HttpRequest &request, const http::HttpReply &reply);
    void logout(const http::HttpRequest &request, const http::HttpReply &reply);
    void sessions(const http::HttpRequest &request, const http::HttpReply &reply);
    void revokeSession(const http::HttpRequest &request, const http::HttpReply &reply);
    void revokeOtherSessions(const http::HttpRequest &request, const http::HttpReply &reply);
    void changePassword(const http::HttpRequest &request, const http::HttpReply &reply);

    // The sign-in routes' common start: the per-address limit, then the JSON body.
    std::optional<http::JsonBody> openBody(
        const http::HttpRequest &request, const http::HttpReply &reply);
    void respondWithGrant(
        const http::HttpReply &reply, int status, std::function<Result<AuthGrant>()> job);
    bool userRateLimited(const security::AccessClaims &claims, const http::HttpReply &reply);

    ApiContext &m_api;
};

} // namespace kocmoc
