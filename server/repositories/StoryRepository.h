#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace kocmoc {

// A row of `stories`.
struct StoryRecord
{
    QString id;
    QString authorId;
    QString type; // story::typePhoto, typeVideo or typeText
    QString fileId; // photo and video; empty for text stories
    QString text; // the text of a text story, or a caption
    QString background; // text stories only
    qint64 createdAtMs = 0;
    qint64 expiresAtMs = 0;
};

// A live story with what one viewer needs to know of it.
struct VisibleStory
{
    StoryRecord story;
    bool viewed = false; // by the viewer
    int viewCount = 0; // filled in for the viewer's own stories only
};

// One row of a story's viewer list.
struct StoryViewRecord
{
    QString viewerId;
    qint64 viewedAtMs = 0;
};

// SQL for stories and their views; used inside a Database transaction on a worker
// thread. Who may see a story is decided here, in SQL, so that every route and the
// file downloads (FileRepository::canView) agree: its author, and everyone who shares
// a chat with the author, while it has not expired.
class StoryRepository
{
public:
    explicit StoryRepository(QSqlDatabase &db)
        : m_db(db)
    { }

    void insert(const StoryRecord &story);
    // The creation time of the author's newest story; 0 when there is none.
    qint64 newestCreatedAt(const QString &authorId);
    // The story when it is live and viewerId may see it; nothing otherwise.
    std::optional<StoryRecord> findVisible(
        const QString &id, const QString &viewerId, qint64 nowMs);
    // Every live story viewerId may see, by author, each author's oldest first.
    QList<VisibleStory> visibleTo(const QString &viewerId, qint64 nowMs);
    // False when this viewer had viewed it already.
    bool recordView(const QString &storyId, const QString &viewerId, qint64 nowMs);
    QList<StoryViewRecord> views(const QString &storyId); // newest first
    void remove(const QString &id);
    // Deletes up to `limit` stories that expired by nowMs (their views go with them) and
    // returns them.
    QList<StoryRecord> removeExpired(qint64 nowMs, int limit);
    // Who hears of authorId's stories: the author and everyone who shares a chat with them.
    QStringList audienceOf(const QString &authorId);

private:
    QSqlDatabase &m_db;
};

} // namespace kocmoc
