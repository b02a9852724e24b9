#pragma once

#include "repositories/UploadRepository.h"
#include "services/FileService.h"

#include <kocmoc/File.h>
#include <kocmoc/Result.h>

#include <QByteArrayView>

namespace kocmoc {

// Where a resumable upload stands after a request: Upload-Offset and Upload-Length,
// and the stored file once the last byte came.
struct UploadState
{
    QString id;
    qint64 offset = 0;
    qint64 length = 0;
    std::optional<File> file;
};

// Resumable uploads (tus 1.0: core, creation, termination). The bytes go to
// FileStore::uploadPath(id), one PATCH at a time; the last one hands the whole file
// to FileService::storeFile, checked exactly like a single upload. Someone else's
// upload is "not found". Runs on worker threads.
class UploadService
{
public:
    UploadService(db::Database &database, const Clock &clock, FileService &files);

    Result<UploadState> create(
        const QString &ownerId, qint64 length, const UploadMetadata &metadata);
    Result<UploadState> status(const QString &ownerId, const QString &uploadId);
    // Appends at `offset`, which must be where the upload stands (409 otherwise).
    Result<UploadState> append(
        const QString &ownerId, const QString &uploadId, qint64 offset, QByteArrayView bytes);
    Result<Done> terminate(const QString &ownerId, const QString &uploadId);
    Result<File> file(const QString &ownerId, const QString &uploadId);

    // Drops expired uploads, and at start partial files without a live record.
    void removeExpired();
    void removeOrphans();

    static ApiError uploadNotFound();

private:
    Result<UploadRecord> owned(const QString &ownerId, const QString &uploadId);
    void discard(const QString &uploadId);

    db::Database &m_database;
    const Clock &m_clock;
    FileService &m_files;
};

} // namespace kocmoc
