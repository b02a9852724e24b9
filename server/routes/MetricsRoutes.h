#pragma once

#include "app/Metrics.h"
#include "http/Router.h"

#include <QHostAddress>
#include <QList>
#include <QPair>

#include <optional>

namespace kocmoc {

// GET /metrics, for the addresses of the allow-list only: anyone else gets the 404 of an
// address that does not exist.
class MetricsRoutes
{
public:
    using Subnet = QPair<QHostAddress, int>;
    // "127.0.0.1", "::1", "10.0.0.0/8" …; nothing for an entry that is neither.
    static std::optional<Subnet> parseAllowed(const QString &entry);

    MetricsRoutes(const Metrics &metrics, const QStringList &allowed);
    void addTo(http::Router &router);

private:
    void metrics(const http::HttpRequest &request, const http::HttpReply &reply);
    bool isAllowed(const QHostAddress &peer) const;

    const Metrics &m_metrics;
    QList<Subnet> m_allowed;
};

} // namespace kocmoc
