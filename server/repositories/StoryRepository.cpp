#include "StoryRepository.h"

#include "db/Sql.h"

namespace kocmoc {

using db::Sql;

namespace {

const QString storyColumns
    = QStringLiteral("s.id, s.author_id, s.type, s.file_id, s.text, s.background, s.created_at, "
                     "s.expires_at");

// The viewer (bound twice) is the author or shares a chat with the author.
const QString visibleToViewer = QStringLiteral(
    "(s.author_id = ? OR s.author_id IN (SELECT other.user_id FROM chat_members mine "
    "JOIN chat_members other ON other.chat_id = mine.chat_id WHERE mine.user_id = ?))");

StoryRecord readStory(const Sql &row)
{
    StoryRecord story;
    story.id = row.text(0);
    story.authorId = row.text(1);
    story.type = row.text(2);
    story.fileId = row.text(3);
    story.text = row.text(4);
    story.background = row.text(5);
    story.createdAtMs = row.integer(6);
    story.expiresAtMs = row.integer(7);
    return story;
}

} // namespace

qint64 StoryRepository::newestCreatedAt(const QString &authorId)
{
    Sql query(m_db,
        QStringLiteral("SELECT COALESCE(MAX(created_at), 0) FROM stories WHERE author_id = ?"));
    query.bind(authorId).exec();
    return query.next() ? query.integer(0) : 0;
}

void StoryRepository::insert(const StoryRecord &story)
{
    Sql(m_db,
        QStringLiteral("INSERT INTO stories (id, author_id, type, file_id, text, background, "
                       "created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"))
        .bind(story.id)
        .bind(story.authorId)
        .bind(story.type)
        .bindNullableText(story.fileId)
        .bind(story.text.isNull() ? QStringLiteral("") : story.text) // "" is not NULL
        .bind(story.background.isNull() ? QStringLiteral("") : story.background)
        .bind(story.createdAtMs)
        .bind(story.expiresAtMs)
        .exec();
}

std::optional<StoryRecord> StoryRepository::findVisible(
    const QString &id, const QString &viewerId, qint64 nowMs)
{
    Sql query(m_db,
        QStringLiteral("SELECT ") + storyColumns
            + QStringLiteral(" FROM stories s WHERE s.id = ? AND s.expires_at > ? AND ")
            + visibleToViewer);
    query.bind(id).bind(nowMs).bind(viewerId).bind(viewerId).exec();
    if (!query.next())
        return std::nullopt;
    return readStory(query);
}

QList<VisibleStory> StoryRepository::visibleTo(const QString &viewerId, qint64 nowMs)
{
    Sql query(m_db,
        QStringLiteral("SELECT ") + storyColumns
            + QStringLiteral(
                ", CASE WHEN EXISTS (SELECT 1 FROM story_views v WHERE v.story_id = s.id AND "
                "v.viewer_id = ?) THEN 1 ELSE 0 END, CASE WHEN s.author_id = ? THEN (SELECT "
                "COUNT(*) FROM story_views v WHERE v.story_id = s.id) ELSE 0 END "
                "FROM stories s WHERE s.expires_at > ? AND ")
            + visibleToViewer + QStringLiteral(" ORDER BY s.author_id, s.created_at, s.id"));
    query.bind(viewerId).bind(viewerId).bind(nowMs).bind(viewerId).bind(viewerId).exec();
    QList<VisibleStory> stories;
    while (query.next())
        stories.append(VisibleStory{readStory(query), query.flag(8), int(query.integer(9))});
    return stories;
}

bool StoryRepository::recordView(const QString &storyId, const QString &viewerId, qint64 nowMs)
{
    Sql query(m_db,
        QStringLiteral("INSERT INTO story_views (story_id, viewer_id, viewed_at) VALUES (?, ?, ?) "
                       "ON CONFLICT DO NOTHING RETURNING viewer_id"));
    query.bind(storyId).bind(viewerId).bind(nowMs).exec();
    return query.next();
}

QList<StoryViewRecord> StoryRepository::views(const QString &storyId)
{
    Sql query(m_db,
        QStringLiteral("SELECT viewer_id, viewed_at FROM story_views WHERE story_id = ? "
                       "ORDER BY viewed_at DESC, viewer_id"));
    query.bind(storyId).exec();
    QList<StoryViewRecord> views;
    while (query.next())
        views.append(StoryViewRecord{query.text(0), query.integer(1)});
    return views;
}

void StoryRepository::remove(const QString &id)
{
    Sql(m_db, QStringLiteral("DELETE FROM stories WHERE id = ?")).bind(id).exec();
}

QList<StoryRecord> StoryRepository::removeExpired(qint64 nowMs, int limit)
{
    Sql query(m_db,
        QStringLiteral("DELETE FROM stories WHERE id IN (SELECT id FROM stories WHERE expires_at "
                       "<= ? ORDER BY expires_at LIMIT ?) RETURNING id, author_id, type, file_id, "
                       "text, background, created_at, expires_at"));
    query.bind(nowMs).bind(limit).exec();
    QList<StoryRecord> removed;
    while (query.next())
        removed.append(readStory(query));
    return removed;
}

QStringList StoryRepository::audienceOf(const QString &authorId)
{
    Sql query(m_db,
        QStringLiteral("SELECT DISTINCT other.user_id FROM chat_members mine "
                       "JOIN chat_members other ON other.chat_id = mine.chat_id "
                       "WHERE mine.user_id = ? AND other.user_id <> ? ORDER BY other.user_id"));
    query.bind(authorId).bind(authorId).exec();
    QStringList audience{authorId};
    while (query.next())
        audience.append(query.text(0));
    return audience;
}

} // namespace kocmoc
