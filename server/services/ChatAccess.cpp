#include "ChatAccess.h"

namespace kocmoc {

std::optional<ChatAccess> ChatAccess::of(
    ChatRepository &chats, const QString &chatId, const QString &userId)
{
    auto member = chats.member(chatId, userId);
    if (!member)
        return std::nullopt;
    auto chat = chats.find(chatId);
    if (!chat)
        return std::nullopt;
    return ChatAccess{std::move(*chat), std::move(*member)};
}

Result<ChatAccess> ChatAccess::ofGroup(
    ChatRepository &chats, const QString &chatId, const QString &userId)
{
    auto access = of(chats, chatId, userId);
    if (!access)
        return chatNotFound();
    if (!access->isGroup())
        return notAGroup();
    return std::move(*access);
}

ApiError ChatAccess::chatNotFound()
{
    return ApiError::notFound(QStringLiteral("There is no such chat."));
}

ApiError ChatAccess::messageNotFound()
{
    return ApiError::notFound(QStringLiteral("There is no such message."));
}

ApiError ChatAccess::notAGroup()
{
    return ApiError::badRequest(QStringLiteral("not_a_group"),
        QStringLiteral("A direct chat has exactly two people and no title or roles; create a "
                       "group for that."));
}

} // namespace kocmoc
