#pragma once

#include "http/HttpResponse.h"

#include <QHostAddress>
#include <QString>
#include <QUrlQuery>

namespace kocmoc::socketio {

// The request that opened an Engine.IO session (the first polling GET or the
// WebSocket upgrade), kept for the app's logs and checks.
struct Handshake
{
    QHostAddress address; // the TCP peer; behind nginx, see the X-Forwarded-For header
    http::HeaderList headers; // names in lower case
    QUrlQuery query;
    qint64 issuedAtMs = 0; // QDateTime::currentMSecsSinceEpoch() at the handshake

    QByteArray header(const QByteArray &lowerCaseName) const;
    QString queryValue(const QString &name) const;
    QString clientIp() const; // an IPv4-mapped address as plain IPv4
};

} // namespace kocmoc::socketio
