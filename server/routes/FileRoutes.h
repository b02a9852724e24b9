#pragma once

#include "ApiContext.h"
#include "http/Router.h"
#include "services/FileService.h"

namespace kocmoc {

// Files: single uploads, downloads (signed URL or token; Range, ETag) and stickers.
// Resumable uploads are UploadRoutes.
class FileRoutes
{
public:
    FileRoutes(ApiContext &api, FileService &files)
        : m_api(api)
        , m_files(files)
    { }
    void addTo(http::Router &router);

    // Answers a GET or HEAD of a stored file: 304, 206 or 416 for conditional and Range
    // requests, streamed with back-pressure. For UploadRoutes too.
    static void sendDownload(
        const http::HttpRequest &request, const http::HttpReply &reply, const Download &download);

private:
    void upload(const http::HttpRequest &request, const http::HttpReply &reply);
    void download(const http::HttpRequest &request, const http::HttpReply &reply);
    void thumbnail(const http::HttpRequest &request, const http::HttpReply &reply);
    void stickers(const http::HttpRequest &request, const http::HttpReply &reply);
    void serve(const http::HttpRequest &request, const http::HttpReply &reply, bool thumbnail);

    ApiContext &m_api;
    FileService &m_files;
};

} // namespace kocmoc
