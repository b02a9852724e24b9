#pragma once

#include "ApiContext.h"
#include "http/Router.h"
#include "services/SyncService.h"

namespace kocmoc {

// GET /api/sync?since=: catch-up after a client was away.
class SyncRoutes
{
public:
    SyncRoutes(ApiContext &api, SyncService &sync)
        : m_api(api)
        , m_sync(sync)
    { }
    void addTo(http::Router &router);

private:
    void sync(const http::HttpRequest &request, const http::HttpReply &reply);

    ApiContext &m_api;
    SyncService &m_sync;
};

} // namespace kocmoc
