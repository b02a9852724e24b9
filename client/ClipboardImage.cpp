#include "ClipboardImage.h"

#include <QClipboard>
#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QMimeData>
#include <QStandardPaths>
#include <QTemporaryFile>

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
    QTemporaryFile file(QDir(folder).filePath(QStringLiteral("kocmoc-pasted-XXXXXX.png")));
    file.setAutoRemove(false);
    if (!file.open() || !image.save(&file, "PNG")) {
        file.remove();
        return {};
    }
    return file.fileName();
}
