#include "Session.h"

#include "JsonTime.h"

namespace kocmoc {

QJsonObject Session::toJson() const
{
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("device"), device},
        {QStringLiteral("ip"), ip},
        {QStringLiteral("createdAt"), json::isoOrNull(createdAtMs)},
        {QStringLiteral("lastUsedAt"), json::isoOrNull(lastUsedAtMs)},
        {QStringLiteral("current"), current},
    };
}

Session Session::fromJson(const QJsonObject &json)
{
    Session session;
    session.id = json.value(QStringLiteral("id")).toString();
    session.device = json.value(QStringLiteral("device")).toString();
    session.ip = json.value(QStringLiteral("ip")).toString();
    session.createdAtMs = json::msFromIso(json.value(QStringLiteral("createdAt")).toString());
    session.lastUsedAtMs = json::msFromIso(json.value(QStringLiteral("lastUsedAt")).toString());
    session.current = json.value(QStringLiteral("current")).toBool();
    return session;
}

} // namespace kocmoc
