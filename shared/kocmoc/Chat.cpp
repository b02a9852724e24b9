#include "Chat.h"

#include "JsonTime.h"

#include <QJsonArray>

namespace kocmoc {

QJsonObject ChatMember::toJson() const
{
    return QJsonObject{{QStringLiteral("user"), user.toJson()}, {QStringLiteral("role"), role}};
}

ChatMember ChatMember::fromJson(const QJsonObject &json)
{
    return ChatMember{User::fromJson(json.value(QStringLiteral("user")).toObject()),
        json.value(QStringLiteral("role")).toString()};
}

QJsonObject Chat::toJson() const
{
    QJsonArray memberList;
    for (const ChatMember &member : members)
        memberList.append(member.toJson());
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("type"), type},
        {QStringLiteral("title"), title},
        {QStringLiteral("avatarUrl"), avatarUrl.isEmpty() ? QJsonValue() : QJsonValue(avatarUrl)},
        {QStringLiteral("members"), memberList},
        {QStringLiteral("myRole"), myRole},
        {QStringLiteral("lastMessage"),
            lastMessage ? QJsonValue(lastMessage->toJson()) : QJsonValue()},
        {QStringLiteral("unreadCount"), unreadCount},
        {QStringLiteral("readMessageId"), readMessageId},
        {QStringLiteral("createdAt"), json::isoFromMs(createdAtMs)},
        {QStringLiteral("updatedAt"), json::isoFromMs(updatedAtMs)},
        {QStringLiteral("version"), version},
    };
}

Chat Chat::fromJson(const QJsonObject &json)
{
    Chat chat;
    chat.id = json.value(QStringLiteral("id")).toString();
    chat.type = json.value(QStringLiteral("type")).toString();
    chat.title = json.value(QStringLiteral("title")).toString();
    chat.avatarUrl = json.value(QStringLiteral("avatarUrl")).toString();
    for (const QJsonValue member : json.value(QStringLiteral("members")).toArray())
        chat.members.append(ChatMember::fromJson(member.toObject()));
    chat.myRole = json.value(QStringLiteral("myRole")).toString();
    const QJsonValue last = json.value(QStringLiteral("lastMessage"));
    if (last.isObject())
        chat.lastMessage = Message::fromJson(last.toObject());
    chat.unreadCount = json.value(QStringLiteral("unreadCount")).toInt();
    chat.readMessageId = json.value(QStringLiteral("readMessageId")).toInteger();
    chat.createdAtMs = json::msFromIso(json.value(QStringLiteral("createdAt")).toString());
    chat.updatedAtMs = json::msFromIso(json.value(QStringLiteral("updatedAt")).toString());
    chat.version = json.value(QStringLiteral("version")).toInteger();
    return chat;
}

QJsonArray Chat::toJsonArray(const QList<Chat> &chats)
{
    QJsonArray array;
    for (const Chat &chat : chats)
        array.append(chat.toJson());
    return array;
}

} // namespace kocmoc
