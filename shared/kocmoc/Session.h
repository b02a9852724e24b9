#pragma once

#include <QJsonObject>
#include <QString>

namespace kocmoc {

// One signed-in device (API.md, Objects: Session).
struct Session
{
    QString id;
    QString device;
    QString ip;
    qint64 createdAtMs = 0;
    qint64 lastUsedAtMs = 0;
    bool current = false;

    QJsonObject toJson() const;
    static Session fromJson(const QJsonObject &json);

    bool operator==(const Session &) const = default;
};

} // namespace kocmoc
