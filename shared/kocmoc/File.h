#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace kocmoc {

// A stored file as clients see it (API.md, Objects: File). `url` and
// `thumbnailUrl` are signed and expire (a few hours); fetch the object again for
// fresh ones. thumbnailUrl is empty for files without a thumbnail.
struct File
{
    QString id;
    QString name; // sanitised; never a path
    QString mime; // decided from the content
    qint64 size = 0;
    QString url;
    QString thumbnailUrl;
    int width = 0; // images
    int height = 0;
    qint64 durationMs = 0; // voice and audio, when the uploader gave it
    QList<int> waveform; // voice: up to limits::waveformMaxValues values, 0–255

    QJsonObject toJson() const;
    static File fromJson(const QJsonObject &json);

    bool operator==(const File &) const = default;
};

} // namespace kocmoc
