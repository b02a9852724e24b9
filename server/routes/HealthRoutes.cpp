#include "HealthRoutes.h"

namespace kocmoc {

using http::HttpReply;
using http::HttpRequest;
using http::HttpResponse;

void HealthRoutes::addTo(http::Router &router)
{
    router.add("GET", QStringLiteral("/health"), this, &HealthRoutes::health);
    router.add("GET", QStringLiteral("/api/health"), this, &HealthRoutes::health);
}

void HealthRoutes::health(const HttpRequest &, const HttpReply &reply)
{
    m_api.workers.respond(
        reply, [this, maintenance = m_maintenance.state().enabled]() -> Result<HttpResponse> {
            const bool databaseUp = m_api.database.ping();
            const QJsonObject body{
                {QStringLiteral("status"),
                    databaseUp ? QStringLiteral("ok") : QStringLiteral("unavailable")},
                {QStringLiteral("database"),
                    databaseUp ? QStringLiteral("up") : QStringLiteral("down")},
                {QStringLiteral("uptimeSeconds"), (m_api.clock.nowMs() - m_api.startedAtMs) / 1000},
                {QStringLiteral("version"), QStringLiteral(KOCMOC_VERSION)},
                {QStringLiteral("maintenance"), maintenance},
            };
            HttpResponse response
                = HttpResponse::json(databaseUp ? 200 : 503, http::compactJson(body));
            if (!databaseUp)
                response.setHeader("Retry-After", "5");
            response.setHeader("Cache-Control", "no-store");
            return response;
        });
}

} // namespace kocmoc
