#pragma once

#include "ApiContext.h"
#include "MaintenanceGate.h"
#include "http/Router.h"
#include "services/AdminService.h"

namespace kocmoc {

// /api/admin: bans, the verified badge, access levels, invite keys and maintenance mode.
class AdminRoutes
{
public:
    AdminRoutes(ApiContext &api, AdminService &admin, MaintenanceGate &maintenance)
        : m_api(api)
        , m_admin(admin)
        , m_maintenance(maintenance)
    { }
    void addTo(http::Router &router);

private:
    void ban(const http::HttpRequest &request, const http::HttpReply &reply);
    void unban(const http::HttpRequest &request, const http::HttpReply &reply);
    void verify(const http::HttpRequest &request, const http::HttpReply &reply);
    void unverify(const http::HttpRequest &request, const http::HttpReply &reply);
    void setLevel(const http::HttpRequest &request, const http::HttpReply &reply);
    void createInviteKey(const http::HttpRequest &request, const http::HttpReply &reply);
    void setMaintenance(const http::HttpRequest &request, const http::HttpReply &reply);

    void answerVerified(const security::AccessClaims &claims, const http::HttpRequest &request,
        const http::HttpReply &reply, bool verified);

    ApiContext &m_api;
    AdminService &m_admin;
    MaintenanceGate &m_maintenance;
};

} // namespace kocmoc
