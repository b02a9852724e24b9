#pragma once

#include "ApiContext.h"
#include "http/Router.h"
#include "services/ChatService.h"

namespace kocmoc {

// /api/chats: the chat list, direct chats, groups, members and roles.
class ChatRoutes
{
public:
    ChatRoutes(ApiContext &api, ChatService &chats)
        : m_api(api)
        , m_chats(chats)
    { }
    void addTo(http::Router &router);

private:
    void list(const http::HttpRequest &request, const http::HttpReply &reply);
    void get(const http::HttpRequest &request, const http::HttpReply &reply);
    void openDirect(const http::HttpRequest &request, const http::HttpReply &reply);
    void createGroup(const http::HttpRequest &request, const http::HttpReply &reply);
    void update(const http::HttpRequest &request, const http::HttpReply &reply);
    void deleteGroup(const http::HttpRequest &request, const http::HttpReply &reply);
    void addMembers(const http::HttpRequest &request, const http::HttpReply &reply);
    void removeMember(const http::HttpRequest &request, const http::HttpReply &reply);
    void setRole(const http::HttpRequest &request, const http::HttpReply &reply);

    ApiContext &m_api;
    ChatService &m_chats;
};

} // namespace kocmoc
