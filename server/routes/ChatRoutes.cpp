#include "ChatRoutes.h"

#include "JsonAnswer.h"

namespace kocmoc {

using http::HttpReply;
using http::HttpRequest;
using http::HttpResponse;

namespace {

const auto chatJson = [](const Chat &chat) { return chat.toJson(); };

} // namespace

void ChatRoutes::addTo(http::Router &router)
{
    router.add("GET", QStringLiteral("/api/chats"), this, &ChatRoutes::list);
    router.add("POST", QStringLiteral("/api/chats"), this, &ChatRoutes::openDirect);
    router.add("POST", QStringLiteral("/api/chats/group"), this, &ChatRoutes::createGroup);
    router.add("GET", QStringLiteral("/api/chats/{id}"), this, &ChatRoutes::get);
    router.add("PATCH", QStringLiteral("/api/chats/{id}"), this, &ChatRoutes::update);
    router.add("DELETE", QStringLiteral("/api/chats/{id}"), this, &ChatRoutes::deleteGroup);
    router.add("POST", QStringLiteral("/api/chats/{id}/members"), this, &ChatRoutes::addMembers);
    router.add("DELETE", QStringLiteral("/api/chats/{id}/members/{userId}"), this,
        &ChatRoutes::removeMember);
    router.add(
        "PATCH", QStringLiteral("/api/chats/{id}/members/{userId}"), this, &ChatRoutes::setRole);
}

void ChatRoutes::list(const HttpRequest &request, const HttpReply &reply)
{
    m_api.respondAuthenticated(request, reply,
        [this, query = request.queryValue(QStringLiteral("q"))](
            const AuthContext &caller) -> Result<HttpResponse> {
            return jsonAnswer(m_chats.list(caller.userId, query), 200, &Chat::toJsonArray);
        });
}

void ChatRoutes::get(const HttpRequest &request, const HttpReply &reply)
{
    m_api.respondAuthenticated(request, reply,
        [this, chatId = request.param(QStringLiteral("id"))](
            const AuthContext &caller) -> Result<HttpResponse> {
            return jsonAnswer(m_chats.get(caller.userId, chatId), 200, chatJson);
        });
}

void ChatRoutes::openDirect(const HttpRequest &request, const HttpReply &reply)
{
    auto call = m_api.openJson(request, reply);
    if (!call)
        return;
    auto &[claims, body] = *call;
    const QString userId = body.requiredString(QStringLiteral("userId"));
    if (!ApiContext::fieldsOk(body, reply))
        return;
    m_api.respondAs(
        claims, reply, [this, userId](const AuthContext &caller) -> Result<HttpResponse> {
            const auto direct = m_chats.openDirect(caller.userId, userId);
            return jsonAnswer(direct, direct && direct->created ? 201 : 200,
                [](const DirectChat &direct) { return direct.chat.toJson(); });
        });
}

void ChatRoutes::createGroup(const HttpRequest &request, const HttpReply &reply)
{
    auto call = m_api.openJson(request, reply);
    if (!call)
        return;
    auto &[claims, body] = *call;
    const QString title = body.requiredString(QStringLiteral("title"));
    const QStringList memberIds
        = body.optionalStringList(QStringLiteral("memberIds")).value_or(QStringList());
    if (!ApiContext::fieldsOk(body, reply))
        return;
    m_api.respondAs(
        claims, reply, [this, title, memberIds](const AuthContext &caller) -> Result<HttpResponse> {
            return jsonAnswer(m_chats.createGroup(caller.userId, title, memberIds), 201, chatJson);
        });
}

void ChatRoutes::update(const HttpRequest &request, const HttpReply &reply)
{
    auto call = m_api.openJson(request, reply);
    if (!call)
        return;
    auto &[claims, body] = *call;
    const auto title = body.optionalString(QStringLiteral("title"));
    const auto avatarFileId = body.optionalString(QStringLiteral("avatarFileId"));
    if (!ApiContext::fieldsOk(body, reply))
        return;
    m_api.respondAs(claims, reply,
        [this, title, avatarFileId, chatId = request.param(QStringLiteral("id"))](
            const AuthContext &caller) -> Result<HttpResponse> {
            return jsonAnswer(title || avatarFileId
                    ? m_chats.update(caller.userId, chatId, title, avatarFileId)
                    : m_chats.get(caller.userId, chatId),
                200, chatJson);
        });
}

void ChatRoutes::deleteGroup(const HttpRequest &request, const HttpReply &reply)
{
    m_api.respondAuthenticated(request, reply,
        [this, chatId = request.param(QStringLiteral("id"))](
            const AuthContext &caller) -> Result<HttpResponse> {
            return noContentAnswer(m_chats.deleteGroup(caller.userId, chatId));
        });
}

void ChatRoutes::addMembers(const HttpRequest &request, const HttpReply &reply)
{
    auto call = m_api.openJson(request, reply);
    if (!call)
        return;
    auto &[claims, body] = *call;
    const auto userIds = body.requiredStringList(QStringLiteral("userIds"));
    if (!ApiContext::fieldsOk(body, reply))
        return;
    m_api.respondAs(claims, reply,
        [this, userIds = *userIds, chatId = request.param(QStringLiteral("id"))](
            const AuthContext &caller) -> Result<HttpResponse> {
            return jsonAnswer(m_chats.addMembers(caller.userId, chatId, userIds), 200, chatJson);
        });
}

void ChatRoutes::removeMember(const HttpRequest &request, const HttpReply &reply)
{
    m_api.respondAuthenticated(request, reply,
        [this, chatId = request.param(QStringLiteral("id")),
            userId = request.param(QStringLiteral("userId"))](
            const AuthContext &caller) -> Result<HttpResponse> {
            return noContentAnswer(m_chats.removeMember(caller.userId, chatId, userId));
        });
}

void ChatRoutes::setRole(const HttpRequest &request, const HttpReply &reply)
{
    auto call = m_api.openJson(request, reply);
    if (!call)
        return;
    auto &[claims, body] = *call;
    const QString role = body.requiredString(QStringLiteral("role"));
    if (!ApiContext::fieldsOk(body, reply))
        return;
    m_api.respondAs(claims, reply,
        [this, role, chatId = request.param(QStringLiteral("id")),
            userId = request.param(QStringLiteral("userId"))](
            const AuthContext &caller) -> Result<HttpResponse> {
            return jsonAnswer(m_chats.setRole(caller.userId, chatId, userId, role), 200, chatJson);
        });
}

} // namespace kocmoc
