#include "StoryService.h"

#include "repositories/FileRepository.h"
#include "repositories/StoryRepository.h"
#include "security/Random.h"
#include "services/ChatViews.h"
#include "services/WriteAndPublish.h"

#include <kocmoc/JsonTime.h>
#include <kocmoc/Limits.h>
#include <kocmoc/Validation.h>

#include <QHash>
#include <QLoggingCategory>
#include <QRegularExpression>

#include <algorithm>

namespace kocmoc {

namespace {

Q_LOGGING_CATEGORY(lcStories, "kocmoc.stories")

const QString storyNewEvent = QStringLiteral("story:new");
const QString storyDeleteEvent = QStringLiteral("story:delete");

// Expired stories are deleted in batches, so one cleanup never holds a long transaction.
constexpr int expiryBatch = 200;

ApiError missing(const QString &field, const QString &message)
{
    return ApiError::badRequest(QStringLiteral("missing_field"), message, field);
}

// The text of a text story, or a caption: CR LF becomes LF and surrounding whitespace
// goes. Empty is the caller's to refuse.
QString normalizedStoryText(const QString &text)
{
    QString normalized = text;
    normalized.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    normalized.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    return normalized.trimmed();
}

std::optional<ApiError> checkStoryText(const QString &text)
{
    const QString field = QStringLiteral("text");
    if (validation::codePointCount(text) > limits::storyTextMaxChars)
        return ApiError::badRequest(QStringLiteral("text_too_long"),
            QStringLiteral("A story's text has at most %1 characters.")
                .arg(limits::storyTextMaxChars),
            field);
    // The message rule for the characters themselves (new lines and tabs are fine).
    if (!text.isEmpty())
        return validation::checkMessageText(text);
    return std::nullopt;
}

bool isBackground(const QString &background)
{
    static const QRegularExpression colour(QStringLiteral("^#[0-9A-Fa-f]{6}$"));
    return background.size() <= limits::storyBackgroundMaxChars
        && (colour.match(background).hasMatch() || story::backgrounds().contains(background));
}

// The draft checked without the database, normalised into the record it becomes.
Result<StoryRecord> recordFromDraft(const StoryDraft &draft)
{
    if (!story::types().contains(draft.type))
        return ApiError::invalidField(QStringLiteral("type"),
            QStringLiteral("A story's type is \"photo\", \"video\" or \"text\"."));
    StoryRecord record;
    record.type = draft.type;
    record.text = normalizedStoryText(draft.text.value_or(QString()));
    if (draft.type == story::typeText) {
        if (draft.fileId)
            return ApiError::invalidField(
                QStringLiteral("fileId"), QStringLiteral("A text story has no file."));
        if (!draft.text)
            return missing(QStringLiteral("text"), QStringLiteral("A text story needs its text."));
        if (record.text.isEmpty())
            return ApiError::invalidField(
                QStringLiteral("text"), QStringLiteral("A text story needs some text."));
        if (!draft.background)
            return missing(
                QStringLiteral("background"), QStringLiteral("A text story needs a background."));
        if (!isBackground(*draft.background))
            return ApiError::invalidField(QStringLiteral("background"),
                QStringLiteral("A background is a colour \"#RRGGBB\" or one of: %1.")
                    .arg(story::backgrounds().join(QStringLiteral(", "))));
        record.background = *draft.background;
    } else {
        if (!draft.fileId || draft.fileId->isEmpty())
            return missing(QStringLiteral("fileId"),
                QStringLiteral("A %1 story needs an uploaded file.").arg(draft.type));
        if (draft.background && !draft.background->isEmpty())
            return ApiError::invalidField(QStringLiteral("background"),
                QStringLiteral("Only text stories have a background."));
        record.fileId = *draft.fileId;
    }
    if (const auto problem = checkStoryText(record.text))
        return *problem;
    return record;
}

// A photo story shows an image, a video story a video, and only the uploader's own.
std::optional<ApiError> checkFile(
    const std::optional<FileRecord> &file, const QString &callerId, const QString &type)
{
    const QString field = QStringLiteral("fileId");
    if (!file || file->ownerId != callerId)
        return ApiError::badRequest(QStringLiteral("unknown_file"),
            QStringLiteral("There is no such file among your uploads."), field);
    const QString prefix
        = type == story::typePhoto ? QStringLiteral("image/") : QStringLiteral("video/");
    if (!file->mime.startsWith(prefix))
        return ApiError::invalidField(field,
            type == story::typePhoto ? QStringLiteral("A photo story needs an image file.")
                                     : QStringLiteral("A video story needs a video file."));
    return std::nullopt;
}

// The story as `viewerId` sees it. The author has seen their own stories, and only
// they get the view count.
Story storyFor(const StoryRecord &record, const std::optional<File> &file, const QString &viewerId,
    bool viewed, int viewCount)
{
    Story story;
    story.id = record.id;
    story.authorId = record.authorId;
    story.type = record.type;
    story.file = file;
    story.text = record.text;
    story.background = record.background;
    story.createdAtMs = record.createdAtMs;
    story.expiresAtMs = record.expiresAtMs;
    const bool own = record.authorId == viewerId;
    story.viewed = own || viewed;
    if (own)
        story.viewCount = viewCount;
    return story;
}

QJsonObject deletePayload(const QString &storyId)
{
    return QJsonObject{{QStringLiteral("id"), storyId}};
}

// story:delete for each story, to its author's audience (one query per author).
void addDeleteEvents(
    RealtimeEvents &events, StoryRepository &stories, const QList<StoryRecord> &removed)
{
    QHash<QString, QStringList> audiences;
    for (const StoryRecord &story : removed) {
        auto audience = audiences.find(story.authorId);
        if (audience == audiences.end())
            audience = audiences.insert(story.authorId, stories.audienceOf(story.authorId));
        events.append(eventFor(storyDeleteEvent, deletePayload(story.id), *audience));
    }
}

} // namespace

QJsonObject StoryViewer::toJson() const
{
    return QJsonObject{{QStringLiteral("user"), user.toJson()},
        {QStringLiteral("viewedAt"), json::isoFromMs(viewedAtMs)}};
}

StoryService::StoryService(db::Database &database, const Clock &clock, realtime::EventBus &events,
    const PresenceSource &presence, FileService &files)
    : m_database(database)
    , m_clock(clock)
    , m_events(events)
    , m_presence(presence)
    , m_files(files)
{ }

ApiError StoryService::storyNotFound()
{
    return ApiError::notFound(QStringLiteral("There is no such story."));
}

Result<QList<StoryGroup>> StoryService::list(const QString &callerId)
{
    return m_database.read([&](QSqlDatabase &db) -> Result<QList<StoryGroup>> {
        const qint64 now = m_clock.nowMs();
        const QList<VisibleStory> visible = StoryRepository(db).visibleTo(callerId, now);
        QStringList fileIds;
        for (const VisibleStory &entry : visible) {
            if (!entry.story.fileId.isEmpty())
                fileIds.append(entry.story.fileId);
        }
        QHash<QString, File> files;
        for (const FileRecord &file : FileRepository(db).byIds(fileIds))
            files.insert(file.id, file.toFile(now));

        // Rows come by author, oldest first: one group per run of an author's rows.
        struct Entry
        {
            StoryGroup group;
            qint64 newestAtMs = 0;
        };
        QList<Entry> entries;
        ChatViews views(db, m_presence);
        for (const VisibleStory &entry : visible) {
            const StoryRecord &record = entry.story;
            if (entries.isEmpty() || entries.constLast().group.author.id != record.authorId)
                entries.append(Entry{StoryGroup{views.user(record.authorId), {}, false}, 0});
            Entry &current = entries.last();
            const auto file = files.constFind(record.fileId);
            const Story story
                = storyFor(record, file == files.cend() ? std::nullopt : std::optional<File>(*file),
                    callerId, entry.viewed, entry.viewCount);
            current.group.hasUnseen = current.group.hasUnseen || !story.viewed;
            current.newestAtMs = qMax(current.newestAtMs, record.createdAtMs);
            current.group.stories.append(story);
        }
        std::sort(entries.begin(), entries.end(), [&](const Entry &a, const Entry &b) {
            const bool aOwn = a.group.author.id == callerId;
            const bool bOwn = b.group.author.id == callerId;
            if (aOwn != bOwn)
                return aOwn;
            if (a.group.hasUnseen != b.group.hasUnseen)
                return a.group.hasUnseen;
            if (a.newestAtMs != b.newestAtMs)
                return a.newestAtMs > b.newestAtMs;
            return a.group.author.id < b.group.author.id;
        });
        QList<StoryGroup> groups;
        groups.reserve(entries.size());
        for (Entry &entry : entries)
            groups.append(std::move(entry.group));
        return groups;
    });
}

Result<Story> StoryService::create(const QString &callerId, const StoryDraft &draft)
{
    auto checked = recordFromDraft(draft);
    if (!checked)
        return checked.error();
    StoryRecord record = checked.value();
    return writeAndPublish<Story>(
        m_database, m_events, [&](QSqlDatabase &db, RealtimeEvents &events) -> Result<Story> {
            const qint64 now = m_clock.nowMs();
            std::optional<File> file;
            if (!record.fileId.isEmpty()) {
                const auto stored = FileRepository(db).find(record.fileId);
                if (const auto problem = checkFile(stored, callerId, record.type))
                    return *problem;
                file = stored->toFile(now);
            }
            StoryRepository stories(db);
            record.id = security::random::uuid();
            record.authorId = callerId;
            // Stories are shown in the order of their creation times: two posted within one
            // millisecond keep the order they were posted in.
            record.createdAtMs = qMax(now, stories.newestCreatedAt(callerId) + 1);
            record.expiresAtMs = record.createdAtMs + limits::storyLifetimeMs;
            stories.insert(record);

            // The author's devices get it as seen; everyone else as new. Neither carries the
            // view count: the event is no place for the author's private numbers.
            QStringList others = stories.audienceOf(callerId);
            others.removeAll(callerId);
            Story announced = storyFor(record, file, callerId, true, 0);
            announced.viewCount.reset();
            events.append(eventFor(storyNewEvent, announced.toJson(), {callerId}));
            if (!others.isEmpty()) {
                announced.viewed = false;
                events.append(eventFor(storyNewEvent, announced.toJson(), others));
            }
            return storyFor(record, file, callerId, true, 0);
        });
}

Result<Done> StoryService::view(const QString &callerId, const QString &storyId)
{
    return m_database.transaction([&](QSqlDatabase &db) -> Result<Done> {
        StoryRepository stories(db);
        const qint64 now = m_clock.nowMs();
        const auto story = stories.findVisible(storyId, callerId, now);
        if (!story)
            return storyNotFound();
        if (story->authorId != callerId)
            stories.recordView(storyId, callerId, now);
        return Done{};
    });
}

Result<QList<StoryViewer>> StoryService::viewers(const QString &callerId, const QString &storyId)
{
    return m_database.read([&](QSqlDatabase &db) -> Result<QList<StoryViewer>> {
        StoryRepository stories(db);
        const auto story = stories.findVisible(storyId, callerId, m_clock.nowMs());
        if (!story)
            return storyNotFound();
        if (story->authorId != callerId)
            return ApiError::forbidden(
                QStringLiteral("Only the story's author sees who viewed it."));
        ChatViews views(db, m_presence);
        QList<StoryViewer> viewers;
        for (const StoryViewRecord &view : stories.views(storyId))
            viewers.append(StoryViewer{views.user(view.viewerId), view.viewedAtMs});
        return viewers;
    });
}

Result<Done> StoryService::remove(const QString &callerId, const QString &storyId)
{
    const auto removed = writeAndPublish<StoryRecord>(
        m_database, m_events, [&](QSqlDatabase &db, RealtimeEvents &events) -> Result<StoryRecord> {
            StoryRepository stories(db);
            const auto story = stories.findVisible(storyId, callerId, m_clock.nowMs());
            if (!story)
                return storyNotFound();
            if (story->authorId != callerId)
                return ApiError::forbidden(
                    QStringLiteral("Only the story's author can delete it."));
            stories.remove(storyId); // its views go with it
            addDeleteEvents(events, stories, {*story});
            return *story;
        });
    if (!removed)
        return removed.error();
    // After the commit: the file's row and bytes go unless something else still shows it.
    if (!removed->fileId.isEmpty())
        m_files.removeUnused({removed->fileId});
    return Done{};
}

int StoryService::removeExpired()
{
    int total = 0;
    for (;;) {
        const auto removed = writeAndPublish<QList<StoryRecord>>(m_database, m_events,
            [&](QSqlDatabase &db, RealtimeEvents &events) -> Result<QList<StoryRecord>> {
                StoryRepository stories(db);
                const QList<StoryRecord> expired
                    = stories.removeExpired(m_clock.nowMs(), expiryBatch);
                addDeleteEvents(events, stories, expired);
                return expired;
            });
        QStringList fileIds;
        for (const StoryRecord &story : removed.value()) {
            if (!story.fileId.isEmpty() && !fileIds.contains(story.fileId))
                fileIds.append(story.fileId);
        }
        if (!fileIds.isEmpty())
            m_files.removeUnused(fileIds);
        total += int(removed->size());
        if (removed->size() < expiryBatch)
            break;
    }
    if (total > 0)
        qCInfo(lcStories) << "removed" << total << "expired stories";
    return total;
}

} // namespace kocmoc
