#include "FileChecks.h"

#include <kocmoc/FileTypes.h>
#include <kocmoc/Limits.h>

#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QMimeDatabase>

#include <optional>

using namespace kocmoc::fileTypes;

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
    if (hasExecutableExtension(info.fileName()) || startsAsProgram(file.peek(4))) {
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
