#pragma once

#include <QString>

namespace kocmoc::fileName {

// A client's file name made harmless to show and to offer as a download name: the
// last path component only, no control or invisible formatting characters (a NUL
// ends the name, as it would for C), no characters Windows forbids, no leading dots,
// no Windows device names, at most limits::fileNameMaxChars characters with the
// extension kept. Never used as a path: files are stored under generated names.
QString sanitized(const QString &name);

} // namespace kocmoc::fileName
