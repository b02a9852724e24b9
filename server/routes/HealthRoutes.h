#pragma once

#include "ApiContext.h"
#include "http/Router.h"

namespace kocmoc {

// GET /health and /api/health: status, database, uptime, version, maintenance.
class HealthRoutes
{
public:
    explicit HealthRoutes(ApiContext &api)
        : m_api(api)
    { }
    void addTo(http::Router &router);

private:
    void health(const http::HttpRequest &request, const http::HttpReply &reply);

    ApiContext &m_api;
};

} // namespace kocmoc
