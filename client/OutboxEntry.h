#pragma once

#include <kocmoc/Message.h>

#include <QJsonObject>
#include <QString>

// A message written here that the server has not confirmed yet. clientId is
// its identity on the wire: every retry carries the same one, so the server
// stores it once however often it is sent (docs/api.md, POST messages).
struct OutboxEntry
{
    QString clientId;
    QString chatId;
    QString text;
    qint64 replyToId = 0;
    qint64 createdAtMs = 0;
    // The server refused it for good (e.g. the chat is gone); it waits for the
    // user to retry or discard it. Network failures never set this.
    bool failed = false;
    QString failure;

    QJsonObject toJson() const;
    static OutboxEntry fromJson(const QJsonObject &json);
    // What the server is sent (message:send).
    QJsonObject sendPayload() const;
    // How it shows in the chat until the server's copy replaces it.
    kocmoc::Message toMessage(const QString &senderId) const;

    static QString newClientId();
};
