#include "FileChecks.h"

#include <kocmoc/Limits.h>

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLocale>
#include <QMimeDatabase>
#include <QSet>

#include <cstring>
#include <optional>

namespace {

using Kind = FileChecks::Kind;

// The types the server accepts (docs/api.md, Files), by shared-mime-info's names;
// aliases are looked up too.
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

// Names that run when opened, whatever their content (the server refuses them too).
bool hasProgramExtension(const QString &name)
{
    static const QSet<QString> extensions{QStringLiteral("exe"), QStringLiteral("bat"),
        QStringLiteral("cmd"), QStringLiteral("com"), QStringLiteral("dll"), QStringLiteral("scr"),
        QStringLiteral("msi"), QStringLiteral("msp"), QStringLiteral("pif"), QStringLiteral("cpl"),
        QStringLiteral("vbs"), QStringLiteral("vbe"), QStringLiteral("js"), QStringLiteral("jse"),
        QStringLiteral("wsf"), QStringLiteral("hta"), QStringLiteral("ps1"), QStringLiteral("reg"),
        QStringLiteral("lnk"), QStringLiteral("jar"), QStringLiteral("apk"), QStringLiteral("sh"),
        QStringLiteral("run"), QStringLiteral("bin"), QStringLiteral("so"), QStringLiteral("dmg"),
        QStringLiteral("deb"), QStringLiteral("rpm"), QStringLiteral("appimage"),
        QStringLiteral("desktop")};
    QString trimmed = name;
    while (trimmed.endsWith(QLatin1Char('.')) || trimmed.endsWith(QLatin1Char(' ')))
        trimmed.chop(1); // Windows runs "setup.exe. " too
    const qsizetype dot = trimmed.lastIndexOf(QLatin1Char('.'));
    return dot >= 0 && extensions.contains(trimmed.mid(dot + 1).toLower());
}

// A program by its first bytes: Windows (MZ), ELF, Mach-O, or a #! script.
bool startsAsProgram(const QByteArray &head)
{
    static const QByteArray magics[] = {QByteArrayLiteral("MZ"), QByteArrayLiteral("#!"),
        QByteArrayLiteral("\x7f"
                          "ELF"),
        QByteArrayLiteral("\xfe\xed\xfa\xce"), QByteArrayLiteral("\xfe\xed\xfa\xcf"),
        QByteArrayLiteral("\xce\xfa\xed\xfe"), QByteArrayLiteral("\xcf\xfa\xed\xfe"),
        QByteArrayLiteral("\xca\xfe\xba\xbe")};
    for (const QByteArray &magic : magics) {
        if (head.startsWith(magic))
            return true;
    }
    return false;
}

bool isProgramType(const QMimeType &type)
{
    for (const char *name : {"application/x-executable", "application/x-sharedlib",
             "application/x-shellscript", "application/x-ms-dos-executable",
             "application/vnd.android.package-archive", "application/x-java-archive"}) {
        if (type.inherits(QLatin1String(name)))
            return true;
    }
    return false;
}

bool isMarkup(const QMimeType &type)
{
    for (const char *name : {"text/html", "image/svg+xml", "application/xhtml+xml", "text/xml",
             "application/xml", "application/javascript"}) {
        if (type.inherits(QLatin1String(name)))
            return true;
    }
    return false;
}

} // namespace

FileChecks::Verdict FileChecks::check(const QString &path, qint64 maxBytes)
{
    Verdict verdict;
    const QFileInfo info(path);
    QFile file(path);
    if (!info.isFile() || !file.open(QIODevice::ReadOnly)) {
        verdict.message = unreadable(path);
        return verdict;
    }
    verdict.size = file.size();
    if (verdict.size == 0) {
        verdict.message = tr("The file “%1” is empty.").arg(info.fileName());
        return verdict;
    }
    if (verdict.size > maxBytes) {
        verdict.message = tooLarge(maxBytes);
        return verdict;
    }
    if (hasProgramExtension(info.fileName()) || startsAsProgram(file.peek(4))) {
        verdict.message = programsRefused();
        return verdict;
    }
    // The bytes decide, never the name (a renamed program is still a program).
    static const QMimeDatabase mimeDatabase;
    const QMimeType type = mimeDatabase.mimeTypeForData(&file);
    verdict.mimeType = type.name();
    if (isProgramType(type)) {
        verdict.message = programsRefused();
        return verdict;
    }
    if (isMarkup(type)) {
        verdict.message = tr("Web pages, SVG and XML files cannot be sent.");
        return verdict;
    }
    const auto kind = allowedKind(type);
    if (!kind) {
        verdict.message = tr("Files of this type (%1) cannot be sent. Photos, videos, audio and "
                             "common documents can.")
                              .arg(type.comment().isEmpty() ? type.name() : type.comment());
        return verdict;
    }
    verdict.kind = *kind;
    verdict.ok = true;
    return verdict;
}

QString FileChecks::megabytes(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString FileChecks::tooLarge(qint64 maxBytes)
{
    return tr("The file is too large: files up to %1 can be sent.").arg(megabytes(maxBytes));
}

QString FileChecks::unreadable(const QString &path)
{
    return tr("The file “%1” cannot be read.").arg(QFileInfo(path).fileName());
}

QString FileChecks::programsRefused()
{
    return tr("Programs and scripts cannot be sent.");
}

QString FileChecks::forUploadError(const kocmoc::ApiError &error, qint64 maxBytes)
{
    const QString &code = error.code;
    if (code == QLatin1String("payload_too_large"))
        return tooLarge(maxBytes);
    if (code == QLatin1String("executable_refused"))
        return programsRefused();
    if (code == QLatin1String("markup_refused"))
        return tr("Web pages, SVG and XML files cannot be sent.");
    if (code == QLatin1String("unsupported_file_type"))
        return tr("Files of this type cannot be sent. Photos, videos, audio and common documents "
                  "can.");
    if (code == QLatin1String("image_too_large"))
        return tr("The image is too large: at most %n megapixel(s) can be sent.", nullptr,
            int(kocmoc::limits::maxImagePixels / 1'000'000));
    if (code == QLatin1String("invalid_image"))
        return tr("The image cannot be read. It may be damaged.");
    if (code == QLatin1String("quota_exceeded"))
        return tr("Your storage on the server is full. Delete some files and try again.");
    if (code == QLatin1String("too_many_uploads"))
        return tr("Too many uploads are unfinished. Wait for them or cancel some.");
    return {};
}
