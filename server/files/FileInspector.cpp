#include "FileInspector.h"

#include <kocmoc/FileTypes.h>
#include <kocmoc/Limits.h>

#include <QFile>
#include <QHash>
#include <QImage>
#include <QImageReader>
#include <QMimeDatabase>

#include <cstring>

namespace kocmoc {

namespace {

ApiError refused(const QString &code, const QString &message)
{
    return ApiError{415, code, message, QStringLiteral("file"), 0};
}

ApiError executableRefused()
{
    return refused(QStringLiteral("executable_refused"),
        QStringLiteral("Programs and scripts cannot be uploaded."));
}

quint32 littleEndian32(const uchar *at)
{
    return quint32(at[0]) | quint32(at[1]) << 8 | quint32(at[2]) << 16 | quint32(at[3]) << 24;
}

// A Windows program anywhere in the bytes: "MZ" whose header points at "PE\0\0".
// (An image with a program appended still runs as one once renamed.)
bool containsPortableExecutable(const uchar *data, qint64 size)
{
    for (qint64 at = 0; at + 0x40 <= size;) {
        const void *found = std::memchr(data + at, 'M', size_t(size - at - 0x3f));
        if (!found)
            return false;
        const qint64 offset = static_cast<const uchar *>(found) - data;
        if (data[offset + 1] == 'Z') {
            const quint32 header = littleEndian32(data + offset + 0x3c);
            if (header >= 0x40 && header < 0x10000000 && offset + qint64(header) + 4 <= size
                && std::memcmp(data + offset + header, "PE\0\0", 4) == 0)
                return true;
        }
        at = offset + 1;
    }
    return false;
}

// An ELF header anywhere: magic, a valid class, byte order and version, and the type
// of a program or shared library.
bool containsElf(const uchar *data, qint64 size)
{
    for (qint64 at = 0; at + 18 <= size;) {
        const void *found = std::memchr(data + at, 0x7f, size_t(size - at - 17));
        if (!found)
            return false;
        const qint64 offset = static_cast<const uchar *>(found) - data;
        const uchar *h = data + offset;
        if (h[1] == 'E' && h[2] == 'L' && h[3] == 'F' && (h[4] == 1 || h[4] == 2)
            && (h[5] == 1 || h[5] == 2) && h[6] == 1) {
            const int type = h[5] == 1 ? h[16] | h[17] << 8 : h[16] << 8 | h[17];
            if (type == 2 || type == 3)
                return true;
        }
        at = offset + 1;
    }
    return false;
}

} // namespace

Result<FileFacts> FileInspector::inspect(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return ApiError{
            500, QStringLiteral("storage_error"), QStringLiteral("cannot read the upload"), {}, 0};
    const qint64 size = file.size();
    if (size == 0)
        return ApiError::invalidField(QStringLiteral("file"), QStringLiteral("The file is empty."));
    const uchar *data = file.map(0, size);
    if (!data)
        return ApiError{
            500, QStringLiteral("storage_error"), QStringLiteral("cannot read the upload"), {}, 0};
    if (fileTypes::startsAsProgram(QByteArrayView(data, qMin<qint64>(size, 4)))
        || containsPortableExecutable(data, size) || containsElf(data, size))
        return executableRefused();
    file.unmap(const_cast<uchar *>(data));

    static const QMimeDatabase mimeDatabase;
    const QMimeType type = mimeDatabase.mimeTypeForFile(path, QMimeDatabase::MatchContent);
    if (fileTypes::isProgramType(type))
        return executableRefused();
    if (fileTypes::isMarkup(type))
        return refused(QStringLiteral("markup_refused"),
            QStringLiteral("HTML, SVG and XML files cannot be uploaded."));
    const auto category = fileTypes::allowedKind(type);
    if (!category)
        return refused(QStringLiteral("unsupported_file_type"),
            QStringLiteral("Files of this type (%1) cannot be uploaded; photos, videos, audio and "
                           "common documents can.")
                .arg(type.name()));

    FileFacts facts{type.name(), *category, 0, 0};
    if (facts.category == fileTypes::Kind::Image) {
        QImageReader reader(path);
        reader.setDecideFormatFromContent(true);
        const QSize dimensions = reader.canRead() ? reader.size() : QSize();
        if (dimensions.isValid()) {
            if (qint64(dimensions.width()) * dimensions.height() > limits::maxImagePixels)
                return refused(QStringLiteral("image_too_large"),
                    QStringLiteral(
                        "The image is %1 × %2 pixels; at most %3 megapixels are allowed.")
                        .arg(dimensions.width())
                        .arg(dimensions.height())
                        .arg(limits::maxImagePixels / 1'000'000));
            facts.width = dimensions.width();
            facts.height = dimensions.height();
        } else if (!type.inherits(QStringLiteral("image/heif"))) {
            // Qt reads every allowed image format but HEIC: no header is no image.
            return refused(
                QStringLiteral("invalid_image"), QStringLiteral("The image cannot be read."));
        }
    }
    return facts;
}

QString FileInspector::writeThumbnail(const QString &imagePath, const QString &targetPath)
{
    QImageReader reader(imagePath);
    reader.setDecideFormatFromContent(true);
    reader.setAutoTransform(true);
    const QSize size = reader.size();
    if (!size.isValid())
        return {};
    if (size.width() > limits::thumbnailMaxSide || size.height() > limits::thumbnailMaxSide)
        reader.setScaledSize(
            size.scaled(limits::thumbnailMaxSide, limits::thumbnailMaxSide, Qt::KeepAspectRatio));
    QImage image = reader.read();
    if (image.isNull())
        return {};
    if (image.width() > limits::thumbnailMaxSide || image.height() > limits::thumbnailMaxSide)
        image = image.scaled(limits::thumbnailMaxSide, limits::thumbnailMaxSide,
            Qt::KeepAspectRatio, Qt::SmoothTransformation);
    const bool alpha = image.hasAlphaChannel();
    const QString suffix = alpha ? QStringLiteral(".png") : QStringLiteral(".jpg");
    if (!image.save(targetPath + suffix, alpha ? "PNG" : "JPEG", alpha ? -1 : 80))
        return {};
    return suffix;
}

QString FileInspector::thumbnailMime(const QString &key)
{
    return key.endsWith(QLatin1String(".png")) ? QStringLiteral("image/png")
                                               : QStringLiteral("image/jpeg");
}

} // namespace kocmoc
