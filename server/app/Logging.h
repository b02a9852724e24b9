#pragma once

#include <QString>

namespace kocmoc {

// One line per message on stderr (journald adds its own time when it captures it):
// "2026-11-22T01:52:56.123Z info kocmoc.http: rid=… GET /api/health 200 0.4ms".
void installLogging(const QString &level);

// The same lines into a file with size-based rotation (see RotatingLogFile); an error text
// when the file cannot be opened (then the log stays on stderr).
QString installFileLogging(const QString &level, const QString &path, qint64 maxBytes, int keep);

} // namespace kocmoc
