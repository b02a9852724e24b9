#pragma once

#include <kocmoc/File.h>

#include <QHash>
#include <QList>
#include <QSqlDatabase>

#include <optional>

namespace kocmoc {

// A row of `files`: what the server knows of a stored file.
struct FileRecord
{
    QString id;
    QString ownerId; // empty for the built-in stickers
    QString name;
    QString mime;
    qint64 size = 0;
    QString storageKey; // see FileStore
    QString thumbnailKey; // empty: no thumbnail
    int width = 0;
    int height = 0;
    qint64 durationMs = 0;
    QList<int> waveform;
    qint64 createdAtMs = 0;

    // The File object with freshly signed URLs.
    File toFile(qint64 nowMs) const;
};

// SQL for files and the files of messages; used inside a Database transaction on a
// worker thread.
class FileRepository
{
public:
    explicit FileRepository(QSqlDatabase &db)
        : m_db(db)
    { }

    void insert(const FileRecord &file);
    std::optional<FileRecord> find(const QString &id);
    QList<FileRecord> byIds(const QStringList &ids); // in the order of ids, unknown ids left out
    void remove(const QString &id);
    qint64 bytesOwnedBy(const QString &ownerId); // counts unfinished uploads too

    // May `userId` download the file? The uploader; members of a chat where a message
    // shows it; anyone who can see a live story that holds it; anyone signed in for
    // stickers and avatars (they show next to names).
    bool canView(const QString &fileId, const QString &userId, qint64 nowMs);
    // Still shown anywhere (a message, a story, an avatar)? Otherwise it may go.
    bool isReferenced(const QString &fileId);

    void attachToMessage(qint64 messageId, const QStringList &fileIds);
    void copyAttachments(qint64 fromMessageId, qint64 toMessageId);
    void detachFromMessage(qint64 messageId);
    // The files of each message, in order.
    QHash<qint64, QList<FileRecord>> ofMessages(const QList<qint64> &messageIds);

private:
    QSqlDatabase &m_db;
};

} // namespace kocmoc
