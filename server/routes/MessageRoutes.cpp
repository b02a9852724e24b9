#include "MessageRoutes.h"

#include "JsonAnswer.h"
#include "services/ChatAccess.h"

#include <kocmoc/Limits.h>

namespace kocmoc {

using http::HttpReply;
using http::HttpRequest;
using http::HttpResponse;

namespace {

const auto messageJson = [](const Message &message) { return message.toJson(); };

// The {id} of /api/messages/{id}/…: a positive integer, or no message at all.
std::optional<qint64> messageIdParam(const HttpRequest &request, const HttpReply &reply)
{
    bool ok = false;
    const qint64 id = request.param(QStringLiteral("id")).toLongLong(&ok);
    if (ok && id > 0)
        return id;
    reply.error(ChatAccess::messageNotFound());
    return std::nullopt;
}

// An optional query parameter that must be an integer in [min, max]: nothing after a 400.
std::optional<qint64> integerQuery(const HttpRequest &request, const HttpReply &reply,
    const QString &name, qint64 fallback, qint64 min, qint64 max)
{
    if (!request.query.hasQueryItem(name))
        return fallback;
    bool ok = false;
    const qint64 value = request.queryValue(name).toLongLong(&ok);
    if (ok && value >= min && value <= max)
        return value;
    reply.error(ApiError::invalidField(
        name, QStringLiteral("%1 is a whole number from %2 to %3.").arg(name).arg(min).arg(max)));
    return std::nullopt;
}

} // namespace

void MessageRoutes::addTo(http::Router &router)
{
    router.add("GET", QStringLiteral("/api/chats/{id}/messages"), this, &MessageRoutes::history);
    router.add("POST", QStringLiteral("/api/chats/{id}/messages"), this, &MessageRoutes::send);
    router.add(
        "GET", QStringLiteral("/api/chats/{id}/messages/search"), this, &MessageRoutes::searchChat);
    router.add("POST", QStringLiteral("/api/chats/{id}/read"), this, &MessageRoutes::markRead);
    router.add("GET", QStringLiteral("/api/messages/search"), this, &MessageRoutes::searchAll);
    router.add("PATCH", QStringLiteral("/api/messages/{id}/edit"), this, &MessageRoutes::edit);
    router.add("DELETE", QStringLiteral("/api/messages/{id}/delete"), this, &MessageRoutes::remove);
    router.add("POST", QStringLiteral("/api/messages/{id}/forward"), this, &MessageRoutes::forward);
    router.add("PUT", QStringLiteral("/api/messages/{id}/reactions/{emoji}"), this,
        &MessageRoutes::addReaction);
    router.add("DELETE", QStringLiteral("/api/messages/{id}/reactions/{emoji}"), this,
        &MessageRoutes::removeReaction);
}

SendInput MessageRoutes::readSendInput(http::JsonBody &body)
{
    SendInput input;
    input.clientId = body.requiredString(QStringLiteral("clientId"));
    input.type = body.optionalString(QStringLiteral("type")).value_or(message::typeText);
    input.text = body.optionalString(QStringLiteral("text"));
    input.fileIds = body.optionalStringList(QStringLiteral("fileIds")).value_or(QStringList());
    input.replyToId = body.optionalInteger(QStringLiteral("replyToId")).value_or(0);
    input.stickerId = body.optionalString(QStringLiteral("stickerId")).value_or(QString());
    return input;
}

void MessageRoutes::history(const HttpRequest &request, const HttpReply &reply)
{
    const auto claims = m_api.requireToken(request, reply);
    if (!claims)
        return;
    constexpr qint64 maxId = 9007199254740991; // what a JSON number holds exactly
    const auto before = integerQuery(request, reply, QStringLiteral("before"), 0, 1, maxId);
    if (!before)
        return;
    const auto after = integerQuery(request, reply, QStringLiteral("after"), 0, 1, maxId);
    if (!after)
        return;
    const auto limit = integerQuery(request, reply, QStringLiteral("limit"),
        limits::messagePageDefaultLimit, 1, limits::messagePageMaxLimit);
    if (!limit)
        return;
    if (*before > 0 && *after > 0) {
        reply.error(ApiError::invalidField(QStringLiteral("after"),
            QStringLiteral("Page before a message or after one, not both.")));
        return;
    }
    m_api.respondAs(*claims, reply,
        [this, before = *before, after = *after, limit = int(*limit),
            chatId = request.param(QStringLiteral("id"))](
            const AuthContext &caller) -> Result<HttpResponse> {
            return jsonAnswer(m_messages.history(caller.userId, chatId, before, after, limit), 200,
                [](const MessagePage &page) {
                    return QJsonObject{
                        {QStringLiteral("messages"), Message::toJsonArray(page.messages)},
                        {QStringLiteral("hasMore"), page.hasMore}};
                });
        });
}

void MessageRoutes::send(const HttpRequest &request, const HttpReply &reply)
{
    auto call = m_api.openJson(request, reply);
    if (!call)
        return;
    auto &[claims, body] = *call;
    SendInput input = readSendInput(body);
    if (!ApiContext::fieldsOk(body, reply))
        return;
    input.chatId = request.param(QStringLiteral("id"));
    m_api.respondAs(
        claims, reply, [this, input](const AuthContext &caller) -> Result<HttpResponse> {
            const auto sent = m_messages.send(caller.userId, input);
            return jsonAnswer(sent, sent && sent->created ? 201 : 200,
                [](const SentMessage &sent) { return sent.message.toJson(); });
        });
}

void MessageRoutes::search(
    const HttpRequest &request, const HttpReply &reply, const QString &chatId)
{
    m_api.respondAuthenticated(request, reply,
        [this, chatId, query = request.queryValue(QStringLiteral("q"))](
            const AuthContext &caller) -> Result<HttpResponse> {
            return jsonAnswer(
                m_messages.search(caller.userId, chatId, query), 200, &Message::toJsonArray);
        });
}

void MessageRoutes::searchChat(const HttpRequest &request, const HttpReply &reply)
{
    search(request, reply, request.param(QStringLiteral("id")));
}

void MessageRoutes::searchAll(const HttpRequest &request, const HttpReply &reply)
{
    search(request, reply, QString());
}

void MessageRoutes::markRead(const HttpRequest &request, const HttpReply &reply)
{
    auto call = m_api.openJson(request, reply);
    if (!call)
        return;
    auto &[claims, body] = *call;
    const auto messageId = body.requiredInteger(QStringLiteral("messageId"));
    if (!ApiContext::fieldsOk(body, reply))
        return;
    m_api.respondAs(claims, reply,
        [this, messageId = *messageId, chatId = request.param(QStringLiteral("id"))](
            const AuthContext &caller) -> Result<HttpResponse> {
            return noContentAnswer(m_messages.markRead(caller.userId, chatId, messageId));
        });
}

void MessageRoutes::edit(const HttpRequest &request, const HttpReply &reply)
{
    const auto claims = m_api.requireToken(request, reply);
    if (!claims)
        return;
    const auto messageId = messageIdParam(request, reply);
    if (!messageId)
        return;
    auto body = ApiContext::readJson(request, reply);
    if (!body)
        return;
    const QString text = body->requiredString(QStringLiteral("text"));
    if (!ApiContext::fieldsOk(*body, reply))
        return;
    m_api.respondAs(*claims, reply,
        [this, messageId = *messageId, text](const AuthContext &caller) -> Result<HttpResponse> {
            return jsonAnswer(m_messages.edit(caller.userId, messageId, text), 200, messageJson);
        });
}

void MessageRoutes::remove(const HttpRequest &request, const HttpReply &reply)
{
    const auto claims = m_api.requireToken(request, reply);
    if (!claims)
        return;
    const auto messageId = messageIdParam(request, reply);
    if (!messageId)
        return;
    m_api.respondAs(*claims, reply,
        [this, messageId = *messageId](const AuthContext &caller) -> Result<HttpResponse> {
            return jsonAnswer(m_messages.remove(caller.userId, messageId), 200,
                [](const DeletedMessage &deleted) { return deleted.toJson(); });
        });
}

void MessageRoutes::forward(const HttpRequest &request, const HttpReply &reply)
{
    const auto claims = m_api.requireToken(request, reply);
    if (!claims)
        return;
    const auto messageId = messageIdParam(request, reply);
    if (!messageId)
        return;
    auto body = ApiContext::readJson(request, reply);
    if (!body)
        return;
    const auto chatIds = body->requiredStringList(QStringLiteral("chatIds"));
    if (!ApiContext::fieldsOk(*body, reply))
        return;
    m_api.respondAs(*claims, reply,
        [this, messageId = *messageId, chatIds = *chatIds](
            const AuthContext &caller) -> Result<HttpResponse> {
            return jsonAnswer(
                m_messages.forward(caller.userId, messageId, chatIds), 201, &Message::toJsonArray);
        });
}

void MessageRoutes::react(const HttpRequest &request, const HttpReply &reply, bool add)
{
    const auto claims = m_api.requireToken(request, reply);
    if (!claims)
        return;
    const auto messageId = messageIdParam(request, reply);
    if (!messageId)
        return;
    m_api.respondAs(*claims, reply,
        [this, add, messageId = *messageId, emoji = request.param(QStringLiteral("emoji"))](
            const AuthContext &caller) -> Result<HttpResponse> {
            return jsonAnswer(m_messages.react(caller.userId, messageId, emoji, add), 200,
                [](const ReactionUpdate &update) { return update.toJson(); });
        });
}

void MessageRoutes::addReaction(const HttpRequest &request, const HttpReply &reply)
{
    react(request, reply, true);
}

void MessageRoutes::removeReaction(const HttpRequest &request, const HttpReply &reply)
{
    react(request, reply, false);
}

} // namespace kocmoc
