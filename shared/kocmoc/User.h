#pragma once

#include <QJsonObject>
#include <QString>

namespace kocmoc {

// A person as every client sees them (API.md, Objects: User).
struct User
{
    QString id;
    QString username;
    QString displayName;
    QString avatarUrl;
    QString bio;
    QString emojiStatus;
    bool verified = false;
    int accessLevel = 1;
    bool online = false;
    qint64 lastSeenAtMs = 0; // 0: never seen

    QJsonObject toJson() const;
    static User fromJson(const QJsonObject &json);

    bool operator==(const User &) const = default;
};

} // namespace kocmoc
