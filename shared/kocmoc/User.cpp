#include "User.h"

#include "JsonTime.h"

namespace kocmoc {

QJsonObject User::toJson() const
{
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("username"), username},
        {QStringLiteral("displayName"), displayName},
        {QStringLiteral("avatarUrl"), avatarUrl.isEmpty() ? QJsonValue() : QJsonValue(avatarUrl)},
        {QStringLiteral("bio"), bio},
        {QStringLiteral("emojiStatus"), emojiStatus},
        {QStringLiteral("verified"), verified},
        {QStringLiteral("accessLevel"), accessLevel},
        {QStringLiteral("online"), online},
        {QStringLiteral("lastSeenAt"), json::isoOrNull(lastSeenAtMs)},
    };
}

User User::fromJson(const QJsonObject &json)
{
    User user;
    user.id = json.value(QStringLiteral("id")).toString();
    user.username = json.value(QStringLiteral("username")).toString();
    user.displayName = json.value(QStringLiteral("displayName")).toString();
    user.avatarUrl = json.value(QStringLiteral("avatarUrl")).toString();
    user.bio = json.value(QStringLiteral("bio")).toString();
    user.emojiStatus = json.value(QStringLiteral("emojiStatus")).toString();
    user.verified = json.value(QStringLiteral("verified")).toBool();
    user.accessLevel = json.value(QStringLiteral("accessLevel")).toInt(1);
    user.online = json.value(QStringLiteral("online")).toBool();
    user.lastSeenAtMs = json::msFromIso(json.value(QStringLiteral("lastSeenAt")).toString());
    return user;
}

} // namespace kocmoc
