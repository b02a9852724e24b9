#pragma once

#include "File.h"
#include "User.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace kocmoc {

// A story as one viewer sees it (API.md, Objects: Story).
struct Story
{
    QString id;
    QString authorId;
    QString type; // "photo", "video" or "text"
    std::optional<File> file; // photo and video
    QString text; // the text of a text story, or a caption
    QString background; // text stories: "#RRGGBB" or a named gradient (story::backgrounds())
    qint64 createdAtMs = 0;
    qint64 expiresAtMs = 0;
    bool viewed = false; // by the viewer
    std::optional<int> viewCount; // only in the author's own view

    QJsonObject toJson() const;
    static Story fromJson(const QJsonObject &json);
};

// One author's active stories in GET /api/stories.
struct StoryGroup
{
    User author;
    QList<Story> stories; // oldest first
    bool hasUnseen = false;

    QJsonObject toJson() const;
};

namespace story {

inline const QString typePhoto = QStringLiteral("photo");
inline const QString typeVideo = QStringLiteral("video");
inline const QString typeText = QStringLiteral("text");
const QStringList &types();
const QStringList &backgrounds(); // the named gradients a text story may use

} // namespace story

} // namespace kocmoc
