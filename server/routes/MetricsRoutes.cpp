#include "MetricsRoutes.h"

namespace kocmoc {

using http::HttpReply;
using http::HttpRequest;
using http::HttpResponse;

MetricsRoutes::MetricsRoutes(const Metrics &metrics, const QStringList &allowed)
    : m_metrics(metrics)
    , m_allowed(http::AddressList::parse(allowed).value_or(http::AddressList()))
{ }

void MetricsRoutes::addTo(http::Router &router)
{
    router.add("GET", QStringLiteral("/metrics"), this, &MetricsRoutes::metrics);
}

void MetricsRoutes::metrics(const HttpRequest &request, const HttpReply &reply)
{
    if (!m_allowed.contains(request.peer)) {
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
