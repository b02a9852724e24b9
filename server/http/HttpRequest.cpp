#include "HttpRequest.h"

namespace kocmoc::http {

QByteArray HttpRequest::header(const QByteArray &lowerCaseName) const
{
    for (const auto &[name, value] : headers) {
        if (name == lowerCaseName)
            return value;
    }
    return {};
}

QString HttpRequest::queryValue(const QString &name) const
{
    return query.queryItemValue(name, QUrl::FullyDecoded);
}

QString HttpRequest::clientIp() const
{
    // IPv4 peers arrive as IPv4-mapped IPv6 on a dual-stack socket.
    bool isV4 = false;
    const quint32 v4 = peer.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4).toString() : peer.toString();
}

QString HttpRequest::userAgent() const
{
    return QString::fromUtf8(header("user-agent"));
}

} // namespace kocmoc::http
