#include "OutboxEntry.h"

#include <QUuid>

QJsonObject OutboxEntry::toJson() const
{
    return {{QStringLiteral("clientId"), clientId}, {QStringLiteral("chatId"), chatId},
        {QStringLiteral("text"), text}, {QStringLiteral("replyToId"), replyToId},
        {QStringLiteral("createdAtMs"), createdAtMs}, {QStringLiteral("failed"), failed},
        {QStringLiteral("failure"), failure}};
}

OutboxEntry OutboxEntry::fromJson(const QJsonObject &json)
{
    OutboxEntry entry;
    entry.clientId = json.value(QStringLiteral("clientId")).toString();
    entry.chatId = json.value(QStringLiteral("chatId")).toString();
    entry.text = json.value(QStringLiteral("text")).toString();
    entry.replyToId = json.value(QStringLiteral("replyToId")).toInteger();
    entry.createdAtMs = json.value(QStringLiteral("createdAtMs")).toInteger();
    entry.failed = json.value(QStringLiteral("failed")).toBool();
    entry.failure = json.value(QStringLiteral("failure")).toString();
    return entry;
}

QJsonObject OutboxEntry::sendPayload() const
{
    QJsonObject payload{{QStringLiteral("chatId"), chatId}, {QStringLiteral("clientId"), clientId},
        {QStringLiteral("type"), kocmoc::message::typeText}, {QStringLiteral("text"), text}};
    if (replyToId > 0)
        payload.insert(QStringLiteral("replyToId"), replyToId);
    return payload;
}

kocmoc::Message OutboxEntry::toMessage(const QString &senderId) const
{
    kocmoc::Message message;
    message.chatId = chatId;
    message.clientId = clientId;
    message.senderId = senderId;
    message.type = kocmoc::message::typeText;
    message.text = text;
    message.createdAtMs = createdAtMs;
    if (replyToId > 0)
        message.replyTo = kocmoc::MessageReply{replyToId, {}, {}};
    return message;
}

QString OutboxEntry::newClientId()
{
    // 32 hex digits: within the server's 1–64 of [A-Za-z0-9_-], and never repeats.
    return QUuid::createUuid().toString(QUuid::Id128);
}
