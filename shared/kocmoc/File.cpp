#include "File.h"

#include <QJsonArray>

namespace kocmoc {

namespace {

QJsonValue positiveOrNull(qint64 value)
{
    return value > 0 ? QJsonValue(value) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject File::toJson() const
{
    QJsonArray levels;
    for (const int level : waveform)
        levels.append(level);
    return QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("name"), name},
        {QStringLiteral("mime"), mime}, {QStringLiteral("size"), size},
        {QStringLiteral("url"), url},
        {QStringLiteral("thumbnailUrl"),
            thumbnailUrl.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(thumbnailUrl)},
        {QStringLiteral("width"), positiveOrNull(width)},
        {QStringLiteral("height"), positiveOrNull(height)},
        {QStringLiteral("durationMs"), positiveOrNull(durationMs)},
        {QStringLiteral("waveform"),
            waveform.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(levels)}};
}

File File::fromJson(const QJsonObject &json)
{
    File file;
    file.id = json.value(QStringLiteral("id")).toString();
    file.name = json.value(QStringLiteral("name")).toString();
    file.mime = json.value(QStringLiteral("mime")).toString();
    file.size = json.value(QStringLiteral("size")).toInteger();
    file.url = json.value(QStringLiteral("url")).toString();
    file.thumbnailUrl = json.value(QStringLiteral("thumbnailUrl")).toString();
    file.width = json.value(QStringLiteral("width")).toInt();
    file.height = json.value(QStringLiteral("height")).toInt();
    file.durationMs = json.value(QStringLiteral("durationMs")).toInteger();
    for (const QJsonValue &level : json.value(QStringLiteral("waveform")).toArray())
        file.waveform.append(level.toInt());
    return file;
}

} // namespace kocmoc
