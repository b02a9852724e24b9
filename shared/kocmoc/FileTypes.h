#pragma once

#include <QByteArrayView>
#include <QMimeType>
#include <QString>

#include <optional>

// Which files KOCMOC accepts, decided from their content (docs/api.md, Files): the one
// list the server enforces and the client checks before uploading.
namespace kocmoc::fileTypes {

enum class Kind { Image, Video, Audio, Document };

// The kind of an allowed type (shared-mime-info names, aliases too), or nothing.
std::optional<Kind> allowedKind(const QMimeType &type);
// Programs and scripts by their type, and markup a browser would run.
bool isProgramType(const QMimeType &type);
bool isMarkup(const QMimeType &type);
// A program by its first bytes: Windows (MZ), ELF, Mach-O, or a #! script.
bool startsAsProgram(QByteArrayView head);
// A name that runs or installs code on some system (.exe, .bat, .sh, .apk …), in any
// letter case, also after a NUL ("a.png\0.exe") and with trailing dots and spaces.
bool hasExecutableExtension(const QString &name);

} // namespace kocmoc::fileTypes
