#include "UserRoutes.h"

#include <kocmoc/Limits.h>

#include <QJsonArray>

namespace kocmoc {

using http::HttpReply;
using http::HttpRequest;
using http::HttpResponse;

namespace {

HttpResponse recordResponse(const Result<UserRecord> &record)
{
    if (!record)
        return HttpResponse::error(record.error());
    return HttpResponse::json(200, http::compactJson(record->ownProfileJson()));
}

} // namespace

void UserRoutes::addTo(http::Router &router)
{
    router.add("GET", QStringLiteral("/api/users/me"), this, &UserRoutes::me);
    router.add("PATCH", QStringLiteral("/api/users/me"), this, &UserRoutes::updateMe);
    router.add("GET", QStringLiteral("/api/users"), this, &UserRoutes::search);
    router.add("GET", QStringLiteral("/api/users/{id}"), this, &UserRoutes::user);
}

void UserRoutes::me(const HttpRequest &request, const HttpReply &reply)
{
    m_api.respondAuthenticated(
        request, reply, [this](const AuthContext &caller) -> Result<HttpResponse> {
            return recordResponse(m_api.users.me(caller.userId));
        });
}

void UserRoutes::updateMe(const HttpRequest &request, const HttpReply &reply)
{
    auto call = m_api.openJson(request, reply);
    if (!call)
        return;
    auto &[claims, body] = *call;
    ProfileChange change;
    change.displayName = body.optionalString(QStringLiteral("displayName"));
    change.bio = body.optionalString(QStringLiteral("bio"));
    change.emojiStatus = body.optionalString(QStringLiteral("emojiStatus"));
    change.avatarFileId = body.optionalString(QStringLiteral("avatarFileId"));
    if (!ApiContext::fieldsOk(body, reply))
        return;
    m_api.respondAs(
        claims, reply, [this, change](const AuthContext &caller) -> Result<HttpResponse> {
            return recordResponse(m_api.users.updateMe(caller.userId, change));
        });
}

void UserRoutes::search(const HttpRequest &request, const HttpReply &reply)
{
    const auto claims = m_api.requireToken(request, reply);
    if (!claims)
        return;
    int limit = limits::userSearchDefaultLimit;
    if (request.query.hasQueryItem(QStringLiteral("limit"))) {
        bool ok = false;
        limit = request.queryValue(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1 || limit > limits::userSearchMaxLimit) {
            reply.error(ApiError::invalidField(QStringLiteral("limit"),
                QStringLiteral("limit is a number from 1 to %1.").arg(limits::userSearchMaxLimit)));
            return;
        }
    }
    m_api.respondAs(*claims, reply,
        [this, limit, query = request.queryValue(QStringLiteral("q"))](
            const AuthContext &) -> Result<HttpResponse> {
            const auto users = m_api.users.search(query, limit);
            if (!users)
                return users.error();
            QJsonArray list;
            for (const User &user : users.value())
                list.append(user.toJson());
            return HttpResponse::json(200, http::compactJson(list));
        });
}

void UserRoutes::user(const HttpRequest &request, const HttpReply &reply)
{
    m_api.respondAuthenticated(request, reply,
        [this, id = request.param(QStringLiteral("id"))](
            const AuthContext &) -> Result<HttpResponse> {
            const auto user = m_api.users.find(id);
            if (!user)
                return user.error();
            return HttpResponse::json(200, http::compactJson(user->toJson()));
        });
}

} // namespace kocmoc
