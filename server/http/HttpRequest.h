#pragma once

#include "HttpResponse.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QString>
#include <QUrlQuery>

namespace kocmoc::http {

// A request copied out of QtHttpServer's parser (which reuses its object for the
// next request on the connection), so handlers can keep it past their return.
struct HttpRequest
{
    QByteArray method; // upper case: "GET", "POST" …
    QString path; // percent-decoded
    QUrlQuery query;
    HeaderList headers; // names in lower case
    QByteArray body; // implicitly shared with QtHttpServer's buffer, not a copy
    QHostAddress peer;
    QByteArray requestId;
    QHash<QString, QString> pathParams; // {name} segments of the matched route

    QByteArray header(const QByteArray &lowerCaseName) const;
    QString param(const QString &name) const { return pathParams.value(name); }
    QString queryValue(const QString &name) const;
    QString clientIp() const;
    QString userAgent() const;
};

} // namespace kocmoc::http
