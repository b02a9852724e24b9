#pragma once

#include "repositories/ChatRepository.h"

#include <kocmoc/ApiError.h>
#include <kocmoc/Chat.h>
#include <kocmoc/Result.h>

#include <optional>

namespace kocmoc {

// A chat and the caller's place in it: the start of every rule about chats.
struct ChatAccess
{
    ChatRecord chat;
    MemberRecord me;

    bool isGroup() const { return chat.type == chat::typeGroup; }
    bool isOwner() const { return me.role == chat::roleOwner; }
    bool moderates() const { return isOwner() || me.role == chat::roleAdmin; }

    // Nothing when the chat does not exist or the user is not in it: both are "not found".
    static std::optional<ChatAccess> of(
        ChatRepository &chats, const QString &chatId, const QString &userId);
    // The same for the group-only rules: a direct chat is "not a group".
    static Result<ChatAccess> ofGroup(
        ChatRepository &chats, const QString &chatId, const QString &userId);
    static ApiError chatNotFound();
    static ApiError messageNotFound();
    static ApiError notAGroup();
};

} // namespace kocmoc
