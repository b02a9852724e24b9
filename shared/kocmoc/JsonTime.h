#pragma once

#include <QJsonValue>
#include <QString>

namespace kocmoc::json {

// Times travel as ISO 8601 UTC with milliseconds ("2026-11-21T12:34:56.789Z")
// and are kept as milliseconds since the epoch everywhere else.
QString isoFromMs(qint64 msSinceEpoch);
QJsonValue isoOrNull(qint64 msSinceEpoch); // 0 means "never" and becomes null
qint64 msFromIso(const QString &iso); // 0 when the text is not a valid time

} // namespace kocmoc::json
