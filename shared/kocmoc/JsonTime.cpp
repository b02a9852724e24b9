#include "JsonTime.h"

#include <QDateTime>

namespace kocmoc::json {

QString isoFromMs(qint64 msSinceEpoch)
{
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch, Qt::UTC)
        .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

QJsonValue isoOrNull(qint64 msSinceEpoch)
{
    return msSinceEpoch > 0 ? QJsonValue(isoFromMs(msSinceEpoch)) : QJsonValue(QJsonValue::Null);
}

qint64 msFromIso(const QString &iso)
{
    const QDateTime time = QDateTime::fromString(iso, Qt::ISODateWithMs);
    return time.isValid() ? time.toMSecsSinceEpoch() : 0;
}

} // namespace kocmoc::json
