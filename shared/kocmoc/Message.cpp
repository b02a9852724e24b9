#include "Message.h"

#include "JsonTime.h"

namespace kocmoc {

namespace {

QJsonValue replyToJson(const std::optional<MessageReply> &reply)
{
    if (!reply)
        return QJsonValue::Null;
    return QJsonObject{{QStringLiteral("id"), reply->id},
        {QStringLiteral("senderId"), reply->senderId}, {QStringLiteral("text"), reply->text}};
}

std::optional<MessageReply> replyFromJson(const QJsonValue &value)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject json = value.toObject();
    return MessageReply{json.value(QStringLiteral("id")).toInteger(),
        json.value(QStringLiteral("senderId")).toString(),
        json.value(QStringLiteral("text")).toString()};
}

QJsonValue forwardedToJson(const std::optional<ForwardedFrom> &forwarded)
{
    if (!forwarded)
        return QJsonValue::Null;
    return QJsonObject{{QStringLiteral("messageId"), forwarded->messageId},
        {QStringLiteral("chatId"), forwarded->chatId},
        {QStringLiteral("senderId"), forwarded->senderId},
        {QStringLiteral("senderName"), forwarded->senderName}};
}

std::optional<ForwardedFrom> forwardedFromJson(const QJsonValue &value)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject json = value.toObject();
    return ForwardedFrom{json.value(QStringLiteral("messageId")).toInteger(),
        json.value(QStringLiteral("chatId")).toString(),
        json.value(QStringLiteral("senderId")).toString(),
        json.value(QStringLiteral("senderName")).toString()};
}

} // namespace

QJsonObject Reaction::toJson() const
{
    return QJsonObject{{QStringLiteral("emoji"), emoji}, {QStringLiteral("count"), count},
        {QStringLiteral("mine"), mine}};
}

Reaction Reaction::fromJson(const QJsonObject &json)
{
    return Reaction{json.value(QStringLiteral("emoji")).toString(),
        json.value(QStringLiteral("count")).toInt(), json.value(QStringLiteral("mine")).toBool()};
}

QJsonObject Message::toJson() const
{
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("chatId"), chatId},
        {QStringLiteral("clientId"), clientId},
        {QStringLiteral("senderId"), senderId},
        {QStringLiteral("type"), type},
        {QStringLiteral("text"), text},
        {QStringLiteral("files"), files},
        {QStringLiteral("replyTo"), replyToJson(replyTo)},
        {QStringLiteral("forwardedFrom"), forwardedToJson(forwardedFrom)},
        {QStringLiteral("reactions"), message::reactionsToJson(reactions)},
        {QStringLiteral("status"), status},
        {QStringLiteral("editedAt"), json::isoOrNull(editedAtMs)},
        {QStringLiteral("deleted"), deleted},
        {QStringLiteral("createdAt"), json::isoFromMs(createdAtMs)},
        {QStringLiteral("version"), version},
    };
}

Message Message::fromJson(const QJsonObject &json)
{
    Message message;
    message.id = json.value(QStringLiteral("id")).toInteger();
    message.chatId = json.value(QStringLiteral("chatId")).toString();
    message.clientId = json.value(QStringLiteral("clientId")).toString();
    message.senderId = json.value(QStringLiteral("senderId")).toString();
    message.type = json.value(QStringLiteral("type")).toString();
    message.text = json.value(QStringLiteral("text")).toString();
    message.files = json.value(QStringLiteral("files")).toArray();
    message.replyTo = replyFromJson(json.value(QStringLiteral("replyTo")));
    message.forwardedFrom = forwardedFromJson(json.value(QStringLiteral("forwardedFrom")));
    for (const QJsonValue reaction : json.value(QStringLiteral("reactions")).toArray())
        message.reactions.append(Reaction::fromJson(reaction.toObject()));
    message.status = json.value(QStringLiteral("status")).toString();
    message.editedAtMs = json::msFromIso(json.value(QStringLiteral("editedAt")).toString());
    message.deleted = json.value(QStringLiteral("deleted")).toBool();
    message.createdAtMs = json::msFromIso(json.value(QStringLiteral("createdAt")).toString());
    message.version = json.value(QStringLiteral("version")).toInteger();
    return message;
}

QJsonArray Message::toJsonArray(const QList<Message> &messages)
{
    QJsonArray array;
    for (const Message &message : messages)
        array.append(message.toJson());
    return array;
}

namespace message {

const QStringList &types()
{
    static const QStringList list{
        typeText, typePhoto, typeVideo, typeDocument, typeAudio, typeVoice, typeSticker};
    return list;
}

QJsonArray reactionsToJson(const QList<Reaction> &reactions)
{
    QJsonArray array;
    for (const Reaction &reaction : reactions)
        array.append(reaction.toJson());
    return array;
}

} // namespace message

} // namespace kocmoc
