#pragma once

#include <kocmoc/ApiError.h>

#include <QByteArray>
#include <QList>
#include <QPair>

namespace kocmoc::http {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// A complete HTTP/1.1 response. Everything the server writes goes through
// serialize(), so the security headers are on every reply, 404s and the
// connection guard's 413s included.
struct HttpResponse
{
    int status = 200;
    HeaderList headers;
    QByteArray body;

    void setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(const QByteArray &name) const;

    // headOnly: the reply to a HEAD request keeps Content-Length but drops the body.
    QByteArray serialize(bool headOnly = false, bool closeConnection = false) const;

    static HttpResponse json(int status, const QByteArray &compactJson);
    static HttpResponse error(const ApiError &error);
    static HttpResponse empty(int status);
};

QByteArray reasonPhrase(int status);

} // namespace kocmoc::http
