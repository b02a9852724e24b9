#pragma once

#include "Message.h"
#include "User.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace kocmoc {

struct ChatMember
{
    User user;
    QString role; // "owner", "admin" or "member"

    QJsonObject toJson() const;
    static ChatMember fromJson(const QJsonObject &json);

    bool operator==(const ChatMember &) const = default;
};

// A chat as one member sees it (API.md, Objects: Chat): myRole, lastMessage and
// unreadCount are that member's own.
struct Chat
{
    QString id;
    QString type; // "direct" or "group"
    QString title; // empty for direct chats: clients show the other member's name
    QString avatarUrl;
    QList<ChatMember> members;
    QString myRole;
    std::optional<Message> lastMessage;
    int unreadCount = 0;
    qint64 readMessageId = 0; // the viewer's read position: later messages from others are unread
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
    qint64 version = 0;

    QJsonObject toJson() const;
    static Chat fromJson(const QJsonObject &json);
    static QJsonArray toJsonArray(const QList<Chat> &chats);

    bool operator==(const Chat &) const = default;
};

namespace chat {

inline const QString typeDirect = QStringLiteral("direct");
inline const QString typeGroup = QStringLiteral("group");

inline const QString roleOwner = QStringLiteral("owner");
inline const QString roleAdmin = QStringLiteral("admin");
inline const QString roleMember = QStringLiteral("member");

} // namespace chat

} // namespace kocmoc
