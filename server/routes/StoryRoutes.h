#pragma once

#include "ApiContext.h"
#include "http/Router.h"
#include "services/StoryService.h"

namespace kocmoc {

// /api/stories: the stories row, creating, viewing and deleting stories.
class StoryRoutes
{
public:
    StoryRoutes(ApiContext &api, StoryService &stories)
        : m_api(api)
        , m_stories(stories)
    { }
    void addTo(http::Router &router);

private:
    void list(const http::HttpRequest &request, const http::HttpReply &reply);
    void create(const http::HttpRequest &request, const http::HttpReply &reply);
    void view(const http::HttpRequest &request, const http::HttpReply &reply);
    void viewers(const http::HttpRequest &request, const http::HttpReply &reply);
    void remove(const http::HttpRequest &request, const http::HttpReply &reply);

    ApiContext &m_api;
    StoryService &m_stories;
};

} // namespace kocmoc
