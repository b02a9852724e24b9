#pragma once

#include "app/Clock.h"
#include "db/Database.h"
#include "files/FileStore.h"
#include "repositories/FileRepository.h"

#include <kocmoc/File.h>
#include <kocmoc/Result.h>

#include <QByteArrayView>

#include <atomic>

namespace kocmoc {

// What the uploader tells about a file besides its bytes; only the name is kept as
// text, and only sanitised.
struct UploadMetadata
{
    QString name;
    qint64 durationMs = 0; // audio and video
    QList<int> waveform; // audio

    // From the form fields, query items or tus metadata as text: 400 naming the field.
    static Result<UploadMetadata> parse(
        const QString &name, const QString &durationMs, const QString &waveform);
};

// A file ready to be sent: where it is and how to name it.
struct Download
{
    QString path;
    QString mime;
    QString name;
    qint64 size = 0;
    QByteArray etag;
    bool inline_ = true; // shown in place (media) rather than saved (documents)
};

// Stores, checks and serves files (API.md, Files). Every upload, single or
// resumable, goes through storeFile(): checked by content (FileInspector), thumbnailed,
// moved into place, then recorded; nothing is left on disk when any step fails. Runs
// on worker threads.
class FileService
{
public:
    struct Settings
    {
        qint64 maxUploadBytes = 0;
        qint64 quotaBytes = 0; // per user, uploads in progress included
    };

    FileService(db::Database &database, const Clock &clock, FileStore &store, Settings settings);

    const Settings &settings() const { return m_settings; }
    FileStore &store() { return m_store; }

    // Writes the bytes of a single upload to a temporary file, then storeFile().
    Result<File> storeBytes(
        const QString &ownerId, QByteArrayView bytes, const UploadMetadata &metadata);
    // Takes over a complete temporary file: stored under a new id, or removed.
    Result<File> storeFile(const QString &ownerId, const QString &temporaryPath, qint64 size,
        const UploadMetadata &metadata);
    // 507 when `extraBytes` more would take the owner past the quota.
    std::optional<ApiError> checkQuota(
        QSqlDatabase &db, const QString &ownerId, qint64 extraBytes) const;

    // The file for a viewer (empty viewerId: a checked signed URL); 404 for anyone not
    // allowed to see it, and when a thumbnail is asked of a file without one.
    Result<Download> download(const QString &fileId, const QString &viewerId, bool thumbnail);
    // The File object, for someone allowed to see it.
    Result<File> describe(const QString &fileId, const QString &viewerId);

    // Removes files no message, story or avatar shows any more, rows and bytes.
    void removeUnused(const QStringList &fileIds);
    // Stores the built-in sticker files shipped in resources (once; they keep fixed ids).
    void installStickers();

    static ApiError fileNotFound();
    // Uploads this process stored, single and resumable (metrics).
    quint64 storedCount() const { return m_stored.load(std::memory_order_relaxed); }

private:
    db::Database &m_database;
    const Clock &m_clock;
    FileStore &m_store;
    Settings m_settings;
    std::atomic<quint64> m_stored = 0;
};

} // namespace kocmoc
