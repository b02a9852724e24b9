#pragma once

#include "ApiContext.h"
#include "http/Router.h"
#include "services/MessageService.h"

namespace kocmoc {

// Messages: history, sending, edits, deletes, forwards, reactions, search, read positions.
class MessageRoutes
{
public:
    MessageRoutes(ApiContext &api, MessageService &messages)
        : m_api(api)
        , m_messages(messages)
    { }
    void addTo(http::Router &router);

    // The fields of a send (all but chatId) as REST and the realtime hub's message:send
    // take them; a field of the wrong type is left in body.error().
    static SendInput readSendInput(http::JsonBody &body);

private:
    void history(const http::HttpRequest &request, const http::HttpReply &reply);
    void send(const http::HttpRequest &request, const http::HttpReply &reply);
    void searchChat(const http::HttpRequest &request, const http::HttpReply &reply);
    void searchAll(const http::HttpRequest &request, const http::HttpReply &reply);
    void markRead(const http::HttpRequest &request, const http::HttpReply &reply);
    void edit(const http::HttpRequest &request, const http::HttpReply &reply);
    void remove(const http::HttpRequest &request, const http::HttpReply &reply);
    void forward(const http::HttpRequest &request, const http::HttpReply &reply);
    void addReaction(const http::HttpRequest &request, const http::HttpReply &reply);
    void removeReaction(const http::HttpRequest &request, const http::HttpReply &reply);

    void react(const http::HttpRequest &request, const http::HttpReply &reply, bool add);
    void search(
        const http::HttpRequest &request, const http::HttpReply &reply, const QString &chatId);

    ApiContext &m_api;
    MessageService &m_messages;
};

} // namespace kocmoc
