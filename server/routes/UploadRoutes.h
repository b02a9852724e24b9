#pragma once

#include "ApiContext.h"
#include "http/Router.h"
#include "services/UploadService.h"

#include <QSet>

namespace kocmoc {

// Resumable uploads over tus 1.0 (core, creation, termination) at /api/uploads/.
class UploadRoutes
{
public:
    UploadRoutes(ApiContext &api, UploadService &uploads)
        : m_api(api)
        , m_uploads(uploads)
    { }
    void addTo(http::Router &router);

private:
    void options(const http::HttpRequest &request, const http::HttpReply &reply);
    void create(const http::HttpRequest &request, const http::HttpReply &reply);
    void head(const http::HttpRequest &request, const http::HttpReply &reply);
    void patch(const http::HttpRequest &request, const http::HttpReply &reply);
    void terminate(const http::HttpRequest &request, const http::HttpReply &reply);
    void file(const http::HttpRequest &request, const http::HttpReply &reply);

    // Every tus request but OPTIONS names the protocol version: 412 otherwise.
    bool versionOk(const http::HttpRequest &request, const http::HttpReply &reply) const;
    http::HttpResponse tusResponse(int status) const;

    ApiContext &m_api;
    UploadService &m_uploads;
    QSet<QString> m_busy; // uploads with a PATCH in flight: one at a time each
};

} // namespace kocmoc
