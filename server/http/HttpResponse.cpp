#include "HttpResponse.h"

#include <QJsonDocument>

namespace kocmoc::http {

namespace {

// The Helmet defaults that make sense for a JSON API.
const HeaderList &securityHeaders()
{
    static const HeaderList headers{
        {"X-Content-Type-Options", "nosniff"},
        {"X-Frame-Options", "DENY"},
        {"Referrer-Policy", "no-referrer"},
        {"Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"},
        {"Cross-Origin-Opener-Policy", "same-origin"},
        {"Cross-Origin-Resource-Policy", "same-site"},
        {"Strict-Transport-Security", "max-age=15552000; includeSubDomains"},
        {"X-DNS-Prefetch-Control", "off"},
        {"X-Download-Options", "noopen"},
        {"X-Permitted-Cross-Domain-Policies", "none"},
        {"Origin-Agent-Cluster", "?1"},
        {"X-XSS-Protection", "0"},
    };
    return headers;
}

} // namespace

void HttpResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0) {
            header.second = value;
            return;
        }
    }
    headers.append({name, value});
}

QByteArray HttpResponse::header(const QByteArray &name) const
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

QByteArray HttpResponse::serialize(bool headOnly, bool closeConnection) const
{
    QByteArray out;
    out.reserve(512 + (headOnly ? 0 : body.size()));
    out += "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    for (const auto &[name, value] : headers)
        out += name + ": " + value + "\r\n";
    for (const auto &[name, value] : securityHeaders()) {
        if (header(name).isNull())
            out += name + ": " + value + "\r\n";
    }
    // 1xx, 204 and 304 carry no body and no length.
    if (status >= 200 && status != 204 && status != 304 && header("Content-Length").isNull())
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    if (closeConnection)
        out += "Connection: close\r\n";
    out += "\r\n";
    if (!headOnly)
        out += body;
    return out;
}

HttpResponse HttpResponse::json(int status, const QByteArray &compactJson)
{
    return HttpResponse{status, {{"Content-Type", "application/json; charset=utf-8"}}, compactJson};
}

HttpResponse HttpResponse::error(const ApiError &error)
{
    HttpResponse response
        = json(error.status, QJsonDocument(error.toJson()).toJson(QJsonDocument::Compact));
    if (error.retryAfterSeconds > 0)
        response.setHeader("Retry-After", QByteArray::number(error.retryAfterSeconds));
    return response;
}

HttpResponse HttpResponse::empty(int status)
{
    return HttpResponse{status, {}, {}};
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 101:
        return "Switching Protocols";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 206:
        return "Partial Content";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 410:
        return "Gone";
    case 411:
        return "Length Required";
    case 412:
        return "Precondition Failed";
    case 413:
        return "Content Too Large";
    case 415:
        return "Unsupported Media Type";
    case 416:
        return "Range Not Satisfiable";
    case 422:
        return "Unprocessable Content";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    case 507:
        return "Insufficient Storage";
    default:
        return "Unknown";
    }
}

} // namespace kocmoc::http
