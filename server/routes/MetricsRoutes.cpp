#include "MetricsRoutes.h"

namespace kocmoc {

using http::HttpReply;
using http::HttpRequest;
using http::HttpResponse;

std::optional<MetricsRoutes::Subnet> MetricsRoutes::parseAllowed(const QString &entry)
{
    const QString text = entry.trimmed();
    if (text.contains(QLatin1Char('/'))) {
        const Subnet subnet = QHostAddress::parseSubnet(text);
        if (subnet.first.isNull())
            return std::nullopt;
        return subnet;
    }
    const QHostAddress address(text);
    if (address.isNull())
        return std::nullopt;
    return Subnet{address, address.protocol() == QAbstractSocket::IPv4Protocol ? 32 : 128};
}

MetricsRoutes::MetricsRoutes(const Metrics &metrics, const QStringList &allowed)
    : m_metrics(metrics)
{
    for (const QString &entry : allowed) {
        if (const auto subnet = parseAllowed(entry))
            m_allowed.append(*subnet);
    }
}

void MetricsRoutes::addTo(http::Router &router)
{
    router.add("GET", QStringLiteral("/metrics"), this, &MetricsRoutes::metrics);
}

bool MetricsRoutes::isAllowed(const QHostAddress &peer) const
{
    // A dual-stack socket shows IPv4 clients as ::ffff:a.b.c.d.
    bool isMappedIpv4 = false;
    const quint32 ipv4 = peer.toIPv4Address(&isMappedIpv4);
    const QHostAddress address = isMappedIpv4 ? QHostAddress(ipv4) : peer;
    for (const Subnet &subnet : m_allowed) {
        if (address.isInSubnet(subnet))
            return true;
    }
    return false;
}

void MetricsRoutes::metrics(const HttpRequest &request, const HttpReply &reply)
{
    if (!isAllowed(request.peer)) {
        reply.error(ApiError::notFound(QStringLiteral("There is nothing at this address.")));
        return;
    }
    HttpResponse response;
    response.status = 200;
    response.body = m_metrics.render();
    response.setHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
    response.setHeader("Cache-Control", "no-store");
    reply.send(std::move(response));
}

} // namespace kocmoc
