#include "Story.h"

#include "JsonTime.h"

namespace kocmoc {

QJsonObject Story::toJson() const
{
    QJsonObject json{{QStringLiteral("id"), id}, {QStringLiteral("authorId"), authorId},
        {QStringLiteral("type"), type},
        {QStringLiteral("file"), file ? QJsonValue(file->toJson()) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("text"), text}, {QStringLiteral("background"), background},
        {QStringLiteral("createdAt"), json::isoFromMs(createdAtMs)},
        {QStringLiteral("expiresAt"), json::isoFromMs(expiresAtMs)},
        {QStringLiteral("viewed"), viewed}};
    if (viewCount)
        json.insert(QStringLiteral("viewCount"), *viewCount);
    return json;
}

Story Story::fromJson(const QJsonObject &json)
{
    Story story;
    story.id = json.value(QStringLiteral("id")).toString();
    story.authorId = json.value(QStringLiteral("authorId")).toString();
    story.type = json.value(QStringLiteral("type")).toString();
    if (json.value(QStringLiteral("file")).isObject())
        story.file = File::fromJson(json.value(QStringLiteral("file")).toObject());
    story.text = json.value(QStringLiteral("text")).toString();
    story.background = json.value(QStringLiteral("background")).toString();
    story.createdAtMs = json::msFromIso(json.value(QStringLiteral("createdAt")).toString());
    story.expiresAtMs = json::msFromIso(json.value(QStringLiteral("expiresAt")).toString());
    story.viewed = json.value(QStringLiteral("viewed")).toBool();
    if (json.contains(QStringLiteral("viewCount")))
        story.viewCount = json.value(QStringLiteral("viewCount")).toInt();
    return story;
}

QJsonObject StoryGroup::toJson() const
{
    QJsonArray list;
    for (const Story &story : stories)
        list.append(story.toJson());
    return QJsonObject{{QStringLiteral("author"), author.toJson()},
        {QStringLiteral("stories"), list}, {QStringLiteral("hasUnseen"), hasUnseen}};
}

namespace story {

const QStringList &types()
{
    static const QStringList list{typePhoto, typeVideo, typeText};
    return list;
}

const QStringList &backgrounds()
{
    static const QStringList list{QStringLiteral("violet"), QStringLiteral("sunset"),
        QStringLiteral("ocean"), QStringLiteral("forest"), QStringLiteral("night")};
    return list;
}

} // namespace story

} // namespace kocmoc
