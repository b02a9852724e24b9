#include "FileRepository.h"

#include "SqlText.h"
#include "db/Sql.h"
#include "files/FileUrls.h"

namespace kocmoc {

using db::Sql;

namespace {

const QString fileColumns = QStringLiteral(
    "SELECT f.id, f.owner_id, f.name, f.mime, f.size, f.storage_key, f.thumbnail_key, f.width, "
    "f.height, f.duration_ms, f.waveform, f.created_at FROM files f ");

QString waveformText(const QList<int> &levels)
{
    QStringList parts;
    for (const int level : levels)
        parts.append(QString::number(level));
    return parts.isEmpty() ? QStringLiteral("") : parts.join(QLatin1Char(',')); // "" is not NULL
}

QList<int> waveformFromText(const QString &text)
{
    QList<int> levels;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        levels.append(part.toInt());
    return levels;
}

FileRecord readFile(const Sql &query, int first = 0)
{
    FileRecord file;
    file.id = query.text(first);
    file.ownerId = query.text(first + 1);
    file.name = query.text(first + 2);
    file.mime = query.text(first + 3);
    file.size = query.integer(first + 4);
    file.storageKey = query.text(first + 5);
    file.thumbnailKey = query.text(first + 6);
    file.width = int(query.integer(first + 7));
    file.height = int(query.integer(first + 8));
    file.durationMs = query.integer(first + 9);
    file.waveform = waveformFromText(query.text(first + 10));
    file.createdAtMs = query.integer(first + 11);
    return file;
}

} // namespace

File FileRecord::toFile(qint64 nowMs) const
{
    File file;
    file.id = id;
    file.name = name;
    file.mime = mime;
    file.size = size;
    file.url = fileUrls::signedUrl(id, fileUrls::Variant::Original, nowMs);
    if (!thumbnailKey.isEmpty())
        file.thumbnailUrl = fileUrls::signedUrl(id, fileUrls::Variant::Thumbnail, nowMs);
    file.width = width;
    file.height = height;
    file.durationMs = durationMs;
    file.waveform = waveform;
    return file;
}

void FileRepository::insert(const FileRecord &file)
{
    Sql(m_db,
        QStringLiteral("INSERT INTO files (id, owner_id, name, mime, size, storage_key, "
                       "thumbnail_key, width, height, duration_ms, waveform, created_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))
        .bind(file.id)
        .bindNullableText(file.ownerId)
        .bind(file.name)
        .bind(file.mime)
        .bind(file.size)
        .bind(file.storageKey)
        .bindNullableText(file.thumbnailKey)
        .bind(file.width)
        .bind(file.height)
        .bind(file.durationMs)
        .bind(waveformText(file.waveform))
        .bind(file.createdAtMs)
        .exec();
}

std::optional<FileRecord> FileRepository::find(const QString &id)
{
    Sql query(m_db, fileColumns + QStringLiteral("WHERE f.id = ?"));
    query.bind(id).exec();
    if (!query.next())
        return std::nullopt;
    return readFile(query);
}

QList<FileRecord> FileRepository::byIds(const QStringList &ids)
{
    if (ids.isEmpty())
        return {};
    Sql query(m_db,
        fileColumns + QStringLiteral("WHERE f.id IN (") + sqltext::placeholders(ids.size())
            + QStringLiteral(")"));
    for (const QString &id : ids)
        query.bind(id);
    query.exec();
    QHash<QString, FileRecord> found;
    while (query.next()) {
        FileRecord file = readFile(query);
        found.insert(file.id, file);
    }
    QList<FileRecord> files;
    for (const QString &id : ids) {
        if (found.contains(id))
            files.append(found.value(id));
    }
    return files;
}

void FileRepository::remove(const QString &id)
{
    Sql(m_db, QStringLiteral("DELETE FROM files WHERE id = ?")).bind(id).exec();
}

qint64 FileRepository::bytesOwnedBy(const QString &ownerId)
{
    Sql query(m_db,
        QStringLiteral("SELECT (SELECT COALESCE(SUM(size), 0) FROM files WHERE owner_id = ?) + "
                       "(SELECT COALESCE(SUM(length), 0) FROM uploads WHERE owner_id = ? AND "
                       "file_id IS NULL)"));
    query.bind(ownerId).bind(ownerId).exec();
    return query.next() ? query.integer(0) : 0;
}

bool FileRepository::canView(const QString &fileId, const QString &userId, qint64 nowMs)
{
    Sql query(m_db,
        QStringLiteral(
            "SELECT 1 FROM files f WHERE f.id = ? AND ("
            " f.owner_id IS NULL OR f.owner_id = ?"
            " OR EXISTS (SELECT 1 FROM message_files mf JOIN messages m ON m.id = mf.message_id"
            "   JOIN chat_members cm ON cm.chat_id = m.chat_id"
            "   WHERE mf.file_id = f.id AND m.deleted = 0 AND cm.user_id = ?)"
            " OR EXISTS (SELECT 1 FROM stories s WHERE s.file_id = f.id AND s.expires_at > ? AND"
            "   (s.author_id = ? OR EXISTS (SELECT 1 FROM chat_members a JOIN chat_members b"
            "     ON a.chat_id = b.chat_id WHERE a.user_id = s.author_id AND b.user_id = ?)))"
            " OR EXISTS (SELECT 1 FROM users u WHERE u.avatar_file_id = f.id)"
            " OR EXISTS (SELECT 1 FROM chats c JOIN chat_members cm ON cm.chat_id = c.id"
            "   WHERE c.avatar_file_id = f.id AND cm.user_id = ?))"));
    query.bind(fileId)
        .bind(userId)
        .bind(userId)
        .bind(nowMs)
        .bind(userId)
        .bind(userId)
        .bind(userId)
        .exec();
    return query.next();
}

bool FileRepository::isReferenced(const QString &fileId)
{
    Sql query(m_db,
        QStringLiteral("SELECT 1 WHERE EXISTS (SELECT 1 FROM message_files WHERE file_id = ?)"
                       " OR EXISTS (SELECT 1 FROM stories WHERE file_id = ?)"
                       " OR EXISTS (SELECT 1 FROM users WHERE avatar_file_id = ?)"
                       " OR EXISTS (SELECT 1 FROM chats WHERE avatar_file_id = ?)"));
    query.bind(fileId).bind(fileId).bind(fileId).bind(fileId).exec();
    return query.next();
}

void FileRepository::attachToMessage(qint64 messageId, const QStringList &fileIds)
{
    for (int position = 0; position < fileIds.size(); ++position) {
        Sql(m_db,
            QStringLiteral(
                "INSERT INTO message_files (message_id, position, file_id) VALUES (?, ?, ?)"))
            .bind(messageId)
            .bind(position)
            .bind(fileIds.at(position))
            .exec();
    }
}

void FileRepository::copyAttachments(qint64 fromMessageId, qint64 toMessageId)
{
    Sql(m_db,
        QStringLiteral("INSERT INTO message_files (message_id, position, file_id) "
                       "SELECT ?, position, file_id FROM message_files WHERE message_id = ?"))
        .bind(toMessageId)
        .bind(fromMessageId)
        .exec();
}

void FileRepository::detachFromMessage(qint64 messageId)
{
    Sql(m_db, QStringLiteral("DELETE FROM message_files WHERE message_id = ?"))
        .bind(messageId)
        .exec();
}

QHash<qint64, QList<FileRecord>> FileRepository::ofMessages(const QList<qint64> &messageIds)
{
    QHash<qint64, QList<FileRecord>> files;
    if (messageIds.isEmpty())
        return files;
    Sql query(m_db,
        QStringLiteral("SELECT mf.message_id, f.id, f.owner_id, f.name, f.mime, f.size, "
                       "f.storage_key, f.thumbnail_key, f.width, f.height, f.duration_ms, "
                       "f.waveform, f.created_at FROM message_files mf JOIN files f ON f.id = "
                       "mf.file_id WHERE mf.message_id IN (")
            + sqltext::placeholders(messageIds.size())
            + QStringLiteral(") ORDER BY mf.message_id, mf.position"));
    for (const qint64 id : messageIds)
        query.bind(id);
    query.exec();
    while (query.next())
        files[query.integer(0)].append(readFile(query, 1));
    return files;
}

} // namespace kocmoc
