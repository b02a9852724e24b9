#include "SyncRoutes.h"

#include "JsonAnswer.h"

namespace kocmoc {

using http::HttpReply;
using http::HttpRequest;
using http::HttpResponse;

void SyncRoutes::addTo(http::Router &router)
{
    router.add("GET", QStringLiteral("/api/sync"), this, &SyncRoutes::sync);
}

void SyncRoutes::sync(const HttpRequest &request, const HttpReply &reply)
{
    const auto claims = m_api.requireToken(request, reply);
    if (!claims)
        return;
    qint64 since = 0;
    if (request.query.hasQueryItem(QStringLiteral("since"))) {
        bool ok = false;
        since = request.queryValue(QStringLiteral("since")).toLongLong(&ok);
        if (!ok || since < 0) {
            reply.error(ApiError::invalidField(QStringLiteral("since"),
                QStringLiteral("since is the version of an earlier answer, 0 or more.")));
            return;
        }
    }
    m_api.respondAs(
        *claims, reply, [this, since](const AuthContext &caller) -> Result<HttpResponse> {
            return jsonAnswer(m_sync.since(caller.userId, since), 200,
                [](const SyncResult &result) { return result.toJson(); });
        });
}

} // namespace kocmoc
