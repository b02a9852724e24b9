#pragma once

#include "app/Metrics.h"
#include "http/AddressList.h"
#include "http/Router.h"

namespace kocmoc {

// GET /metrics, for the addresses of the allow-list only: anyone else gets the 404 of an
// address that does not exist.
class MetricsRoutes
{
public:
    MetricsRoutes(const Metrics &metrics, const QStringList &allowed);
    void addTo(http::Router &router);

private:
    void metrics(const http::HttpRequest &request, const http::HttpReply &reply);

    const Metrics &m_metrics;
    http::AddressList m_allowed;
};

} // namespace kocmoc
