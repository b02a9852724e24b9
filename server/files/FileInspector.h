#pragma once

#include <kocmoc/FileTypes.h>
#include <kocmoc/Result.h>

#include <QString>

namespace kocmoc {

// What a file is, decided from its bytes alone (never its name or declared type).
struct FileFacts
{
    using Category = fileTypes::Kind;

    QString mime;
    Category category = Category::Document;
    int width = 0; // images whose header Qt reads; 0 otherwise
    int height = 0;
};

// Checks a complete file on disk against the product's rules: an allowed type by
// content (QMimeDatabase with shared-mime-info), no executable or script anywhere in
// it (PE, ELF, Mach-O, "#!"), no markup a browser would run (HTML, SVG), and images
// no larger than limits::maxImagePixels, read from the header before any decoding.
// Refusals are 415 with a code naming the reason. Runs on worker threads.
class FileInspector
{
public:
    static Result<FileFacts> inspect(const QString &path);

    // A JPEG or PNG thumbnail no larger than limits::thumbnailMaxSide, written to
    // `targetPath` + ".jpg" or ".png"; the suffix used, or empty when Qt cannot decode
    // the image (HEIC) or it is broken.
    static QString writeThumbnail(const QString &imagePath, const QString &targetPath);

    // The MIME type of a thumbnail written by writeThumbnail, from its suffix.
    static QString thumbnailMime(const QString &key);
};

} // namespace kocmoc
