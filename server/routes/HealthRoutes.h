#pragma once

#include "ApiContext.h"
#include "MaintenanceGate.h"
#include "http/Router.h"

namespace kocmoc {

// GET /health and /api/health: status, database, uptime, version, maintenance.
class HealthRoutes
{
public:
    HealthRoutes(ApiContext &api, const MaintenanceGate &maintenance)
        : m_api(api)
        , m_maintenance(maintenance)
    { }
    void addTo(http::Router &router);

private:
    void health(const http::HttpRequest &request, const http::HttpReply &reply);

    ApiContext &m_api;
    const MaintenanceGate &m_maintenance;
};

} // namespace kocmoc
