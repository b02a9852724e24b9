#pragma once

#include <QString>

namespace kocmoc {

// One line per message on stderr (journald adds its own time when it captures it):
// "2026-11-22T01:52:56.123Z info kocmoc.http: rid=… GET /api/health 200 0.4ms".
void installLogging(const QString &level);

} // namespace kocmoc
