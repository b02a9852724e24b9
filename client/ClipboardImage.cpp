#include "ClipboardImage.h"

#include <QClipboard>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QMimeData>
#include <QStandardPaths>
#include <QTemporaryFile>
#include <QUrl>

namespace {

const QString pastedPrefix = QStringLiteral("kocmoc-pasted-");

} // namespace

bool ClipboardImage::hasImage() const
{
    const QMimeData *data = QGuiApplication::clipboard()->mimeData();
    return data && data->hasImage();
}

QString ClipboardImage::saveToFile() const
{
    const QImage image = QGuiApplication::clipboard()->image();
    if (image.isNull())
        return {};
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::TempLocation);
    QTemporaryFile file(QDir(folder).filePath(pastedPrefix + QStringLiteral("XXXXXX.png")));
    file.setAutoRemove(false);
    if (!file.open() || !image.save(&file, "PNG")) {
        file.remove();
        return {};
    }
    return file.fileName();
}

void ClipboardImage::discard(const QString &pathOrUrl) const
{
    const QUrl url(pathOrUrl);
    const QFileInfo file(url.isLocalFile() ? url.toLocalFile() : pathOrUrl);
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::TempLocation);
    if (file.fileName().startsWith(pastedPrefix) && QDir(file.absolutePath()) == QDir(folder))
        QFile::remove(file.absoluteFilePath());
}
