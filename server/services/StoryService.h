#pragma once

#include "app/Clock.h"
#include "db/Database.h"
#include "realtime/EventBus.h"
#include "services/FileService.h"
#include "services/PresenceSource.h"

#include <kocmoc/Result.h>
#include <kocmoc/Story.h>

#include <optional>

namespace kocmoc {

// What POST /api/stories asked for, as read from the body.
struct StoryDraft
{
    QString type;
    std::optional<QString> fileId;
    std::optional<QString> text;
    std::optional<QString> background;
};

// One person who viewed a story, for its author.
struct StoryViewer
{
    User user;
    qint64 viewedAtMs = 0;

    QJsonObject toJson() const;
};

// Stories (API.md, Stories; SPEC 1.7): photo, video and text stories that live
// limits::storyLifetimeMs. A story is seen by its author and by everyone who shares a
// chat with the author; to anyone else it does not exist (404). Runs on worker threads;
// events go out after the change has committed, files are removed after that.
class StoryService
{
public:
    StoryService(db::Database &database, const Clock &clock, realtime::EventBus &events,
        const PresenceSource &presence, FileService &files);

    // The live stories the caller may see, grouped by author: the caller's own group
    // first, then authors with stories the caller has not viewed, then the rest; within
    // those, the author of the newest story first. Each group oldest story first.
    Result<QList<StoryGroup>> list(const QString &callerId);
    Result<Story> create(const QString &callerId, const StoryDraft &draft);
    // Counted once per viewer; the author's own views are not counted.
    Result<Done> view(const QString &callerId, const QString &storyId);
    Result<QList<StoryViewer>> viewers(const QString &callerId, const QString &storyId);
    Result<Done> remove(const QString &callerId, const QString &storyId);
    // Deletes the stories that have expired, tells their audiences and removes their
    // files. Returns how many went. For the periodic cleanup; throws on database errors.
    int removeExpired();

    static ApiError storyNotFound();

private:
    db::Database &m_database;
    const Clock &m_clock;
    realtime::EventBus &m_events;
    const PresenceSource &m_presence;
    FileService &m_files;
};

} // namespace kocmoc
