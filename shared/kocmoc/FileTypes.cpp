#include "FileTypes.h"

#include <QHash>
#include <QSet>

namespace kocmoc::fileTypes {

namespace {

const QHash<QString, Kind> &allowedTypes()
{
    static const QHash<QString, Kind> types{
        {QStringLiteral("image/jpeg"), Kind::Image},
        {QStringLiteral("image/png"), Kind::Image},
        {QStringLiteral("image/webp"), Kind::Image},
        {QStringLiteral("image/gif"), Kind::Image},
        {QStringLiteral("image/heif"), Kind::Image},
        {QStringLiteral("image/heic"), Kind::Image},
        {QStringLiteral("video/mp4"), Kind::Video},
        {QStringLiteral("video/webm"), Kind::Video},
        {QStringLiteral("video/quicktime"), Kind::Video},
        {QStringLiteral("audio/ogg"), Kind::Audio},
        {QStringLiteral("audio/x-opus+ogg"), Kind::Audio},
        {QStringLiteral("audio/x-vorbis+ogg"), Kind::Audio},
        {QStringLiteral("audio/mpeg"), Kind::Audio},
        {QStringLiteral("audio/mp4"), Kind::Audio},
        {QStringLiteral("audio/x-m4a"), Kind::Audio},
        {QStringLiteral("audio/x-wav"), Kind::Audio},
        {QStringLiteral("audio/vnd.wave"), Kind::Audio},
        {QStringLiteral("audio/wav"), Kind::Audio},
        {QStringLiteral("audio/webm"), Kind::Audio},
        {QStringLiteral("application/pdf"), Kind::Document},
        {QStringLiteral("text/plain"), Kind::Document},
        {QStringLiteral("text/csv"), Kind::Document},
        {QStringLiteral("application/rtf"), Kind::Document},
        {QStringLiteral("application/zip"), Kind::Document},
        {QStringLiteral("application/x-ole-storage"), Kind::Document}, // .doc, .xls, .ppt
        {QStringLiteral("application/msword"), Kind::Document},
        {QStringLiteral("application/vnd.ms-excel"), Kind::Document},
        {QStringLiteral("application/vnd.ms-powerpoint"), Kind::Document},
        {QStringLiteral("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Kind::Document},
        {QStringLiteral("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Kind::Document},
        {QStringLiteral(
             "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            Kind::Document},
        {QStringLiteral("application/vnd.oasis.opendocument.text"), Kind::Document},
        {QStringLiteral("application/vnd.oasis.opendocument.spreadsheet"), Kind::Document},
        {QStringLiteral("application/vnd.oasis.opendocument.presentation"), Kind::Document},
    };
    return types;
}

bool inheritsAny(const QMimeType &type, std::initializer_list<const char *> names)
{
    for (const char *name : names) {
        if (type.inherits(QLatin1String(name)))
            return true;
    }
    return false;
}

QString withoutTrailingDotsAndSpaces(QString name)
{
    while (name.endsWith(QLatin1Char('.')) || name.endsWith(QLatin1Char(' ')))
        name.chop(1); // Windows runs "setup.exe. " too
    return name;
}

} // namespace

std::optional<Kind> allowedKind(const QMimeType &type)
{
    const auto &types = allowedTypes();
    if (const auto it = types.constFind(type.name()); it != types.constEnd())
        return *it;
    for (const QString &alias : type.aliases()) {
        if (const auto it = types.constFind(alias); it != types.constEnd())
            return *it;
    }
    return std::nullopt;
}

bool isProgramType(const QMimeType &type)
{
    return inheritsAny(type,
        {"application/x-executable", "application/x-sharedlib", "application/x-shellscript",
            "application/x-ms-dos-executable", "application/vnd.android.package-archive",
            "application/x-java-archive"});
}

bool isMarkup(const QMimeType &type)
{
    return inheritsAny(type,
        {"text/html", "image/svg+xml", "application/xhtml+xml", "text/xml", "application/xml",
            "application/javascript"});
}

bool startsAsProgram(QByteArrayView head)
{
    static const QByteArrayView magics[] = {"MZ", "#!",
        "\x7f"
        "ELF",
        "\xfe\xed\xfa\xce", "\xfe\xed\xfa\xcf", "\xce\xfa\xed\xfe", "\xcf\xfa\xed\xfe",
        "\xca\xfe\xba\xbe"};
    for (const QByteArrayView magic : magics) {
        if (head.startsWith(magic))
            return true;
    }
    return false;
}

bool hasExecutableExtension(const QString &name)
{
    static const QSet<QString> extensions{QStringLiteral("exe"), QStringLiteral("bat"),
        QStringLiteral("cmd"), QStringLiteral("com"), QStringLiteral("dll"), QStringLiteral("scr"),
        QStringLiteral("msi"), QStringLiteral("msp"), QStringLiteral("pif"), QStringLiteral("cpl"),
        QStringLiteral("sys"), QStringLiteral("vbs"), QStringLiteral("vbe"), QStringLiteral("js"),
        QStringLiteral("jse"), QStringLiteral("wsf"), QStringLiteral("wsh"), QStringLiteral("hta"),
        QStringLiteral("ps1"), QStringLiteral("psm1"), QStringLiteral("reg"), QStringLiteral("lnk"),
        QStringLiteral("jar"), QStringLiteral("apk"), QStringLiteral("xapk"), QStringLiteral("sh"),
        QStringLiteral("bash"), QStringLiteral("zsh"), QStringLiteral("csh"), QStringLiteral("ksh"),
        QStringLiteral("run"), QStringLiteral("bin"), QStringLiteral("elf"), QStringLiteral("so"),
        QStringLiteral("dylib"), QStringLiteral("app"), QStringLiteral("pkg"),
        QStringLiteral("dmg"), QStringLiteral("deb"), QStringLiteral("rpm"),
        QStringLiteral("appimage"), QStringLiteral("command"), QStringLiteral("py"),
        QStringLiteral("pl"), QStringLiteral("rb"), QStringLiteral("php"),
        QStringLiteral("desktop")};
    const auto executable = [](const QString &candidate) {
        const QString trimmed = withoutTrailingDotsAndSpaces(candidate.trimmed());
        const qsizetype dot = trimmed.lastIndexOf(QLatin1Char('.'));
        return dot >= 0 && extensions.contains(trimmed.mid(dot + 1).trimmed().toLower());
    };
    // "a.png\0.exe" is "a.png" to C and "a.png.exe" to whatever drops the NUL.
    return executable(name.left(name.indexOf(QChar(0))))
        || executable(QString(name).remove(QChar(0)));
}

} // namespace kocmoc::fileTypes
