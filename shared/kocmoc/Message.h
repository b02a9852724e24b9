#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace kocmoc {

// What a reply shows of the message it answers (API.md, Objects: Message.replyTo).
struct MessageReply
{
    qint64 id = 0;
    QString senderId;
    QString text; // empty once that message was deleted

    bool operator==(const MessageReply &) const = default;
};

// The original of a forwarded message; a forward of a forward keeps the first author.
struct ForwardedFrom
{
    qint64 messageId = 0;
    QString chatId;
    QString senderId;
    QString senderName;

    bool operator==(const ForwardedFrom &) const = default;
};

// One emoji on a message: how many people put it there, and whether the viewer did.
struct Reaction
{
    QString emoji;
    int count = 0;
    bool mine = false;

    QJsonObject toJson() const;
    static Reaction fromJson(const QJsonObject &json);

    bool operator==(const Reaction &) const = default;
};

// A message as every client sees it (API.md, Objects: Message).
struct Message
{
    qint64 id = 0; // grows with time
    QString chatId;
    QString clientId;
    QString senderId;
    QString type; // see messageTypes()
    QString text;
    QJsonArray files; // File objects
    std::optional<MessageReply> replyTo;
    std::optional<ForwardedFrom> forwardedFrom;
    QList<Reaction> reactions; // in the order the emoji first appeared
    QString status; // "sent", "delivered" or "read"
    qint64 editedAtMs = 0; // 0: never edited
    bool deleted = false;
    qint64 createdAtMs = 0;
    qint64 version = 0;

    QJsonObject toJson() const;
    static Message fromJson(const QJsonObject &json);
    static QJsonArray toJsonArray(const QList<Message> &messages);

    bool operator==(const Message &) const = default;
};

namespace message {

inline const QString typeText = QStringLiteral("text");
inline const QString typePhoto = QStringLiteral("photo");
inline const QString typeVideo = QStringLiteral("video");
inline const QString typeDocument = QStringLiteral("document");
inline const QString typeAudio = QStringLiteral("audio");
inline const QString typeVoice = QStringLiteral("voice");
inline const QString typeSticker = QStringLiteral("sticker");
const QStringList &types(); // every type of API.md: text, photo, video, …

inline const QString statusSent = QStringLiteral("sent");
inline const QString statusDelivered = QStringLiteral("delivered");
inline const QString statusRead = QStringLiteral("read");

QJsonArray reactionsToJson(const QList<Reaction> &reactions);

} // namespace message

} // namespace kocmoc
