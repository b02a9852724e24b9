#include "StoryRoutes.h"

#include "JsonAnswer.h"

namespace kocmoc {

using http::HttpReply;
using http::HttpRequest;
using http::HttpResponse;

namespace {

// Stories are posted by hand; a client posting more than this is looping.
constexpr int storiesPerHour = 30;
constexpr qint64 hourMs = 60LL * 60 * 1000;

template <typename T> QJsonArray jsonArray(const QList<T> &items)
{
    QJsonArray array;
    for (const T &item : items)
        array.append(item.toJson());
    return array;
}

} // namespace

void StoryRoutes::addTo(http::Router &router)
{
    router.add("GET", QStringLiteral("/api/stories"), this, &StoryRoutes::list);
    router.add("POST", QStringLiteral("/api/stories"), this, &StoryRoutes::create);
    router.add("POST", QStringLiteral("/api/stories/{id}/view"), this, &StoryRoutes::view);
    router.add("GET", QStringLiteral("/api/stories/{id}/views"), this, &StoryRoutes::viewers);
    router.add("DELETE", QStringLiteral("/api/stories/{id}"), this, &StoryRoutes::remove);
}

void StoryRoutes::list(const HttpRequest &request, const HttpReply &reply)
{
    m_api.respondAuthenticated(
        request, reply, [this](const AuthContext &caller) -> Result<HttpResponse> {
            return jsonAnswer(m_stories.list(caller.userId), 200, &jsonArray<StoryGroup>);
        });
}

void StoryRoutes::create(const HttpRequest &request, const HttpReply &reply)
{
    auto call = m_api.openJson(request, reply);
    if (!call)
        return;
    auto &[claims, body] = *call;
    StoryDraft draft;
    draft.type = body.requiredString(QStringLiteral("type"));
    draft.fileId = body.optionalString(QStringLiteral("fileId"));
    draft.text = body.optionalString(QStringLiteral("text"));
    draft.background = body.optionalString(QStringLiteral("background"));
    if (!ApiContext::fieldsOk(body, reply))
        return;
    if (m_api.rateLimited(reply, QStringLiteral("story:") + claims.userId, storiesPerHour, hourMs))
        return;
    m_api.respondAs(
        claims, reply, [this, draft](const AuthContext &caller) -> Result<HttpResponse> {
            return jsonAnswer(m_stories.create(caller.userId, draft), 201,
                [](const Story &story) { return story.toJson(); });
        });
}

void StoryRoutes::view(const HttpRequest &request, const HttpReply &reply)
{
    m_api.respondAuthenticated(request, reply,
        [this, storyId = request.param(QStringLiteral("id"))](
            const AuthContext &caller) -> Result<HttpResponse> {
            return noContentAnswer(m_stories.view(caller.userId, storyId));
        });
}

void StoryRoutes::viewers(const HttpRequest &request, const HttpReply &reply)
{
    m_api.respondAuthenticated(request, reply,
        [this, storyId = request.param(QStringLiteral("id"))](
            const AuthContext &caller) -> Result<HttpResponse> {
            return jsonAnswer(
                m_stories.viewers(caller.userId, storyId), 200, &jsonArray<StoryViewer>);
        });
}

void StoryRoutes::remove(const HttpRequest &request, const HttpReply &reply)
{
    m_api.respondAuthenticated(request, reply,
        [this, storyId = request.param(QStringLiteral("id"))](
            const AuthContext &caller) -> Result<HttpResponse> {
            return noContentAnswer(m_stories.remove(caller.userId, storyId));
        });
}

} // namespace kocmoc
