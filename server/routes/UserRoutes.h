#pragma once

#include "ApiContext.h"
#include "http/Router.h"

namespace kocmoc {

// /api/users: profiles and search.
class UserRoutes
{
public:
    explicit UserRoutes(ApiContext &api)
        : m_api(api)
    { }
    void addTo(http::Router &router);

private:
    void me(const http::HttpRequest &request, const http::HttpReply &reply);
    void updateMe(const http::HttpRequest &request, const http::HttpReply &reply);
    void search(const http::HttpRequest &request, const http::HttpReply &reply);
    void user(const http::HttpRequest &request, const http::HttpReply &reply);

    ApiContext &m_api;
};

} // namespace kocmoc
