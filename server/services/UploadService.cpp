#include "UploadService.h"

#include "security/Random.h"

#include <kocmoc/Limits.h>

#include <QFile>
#include <QLoggingCategory>
#include <QSet>

namespace kocmoc {

namespace {

Q_LOGGING_CATEGORY(lcUploads, "kocmoc.uploads")

} // namespace

UploadService::UploadService(db::Database &database, const Clock &clock, FileService &files)
    : m_database(database)
    , m_clock(clock)
    , m_files(files)
{ }

ApiError UploadService::uploadNotFound()
{
    return ApiError::notFound(QStringLiteral("There is no such upload."));
}

Result<UploadRecord> UploadService::owned(const QString &ownerId, const QString &uploadId)
{
    auto upload
        = m_database.read([&](QSqlDatabase &db) { return UploadRepository(db).find(uploadId); });
    if (!upload || upload->ownerId != ownerId || upload->expiresAtMs <= m_clock.nowMs())
        return uploadNotFound();
    return std::move(*upload);
}

Result<UploadState> UploadService::create(
    const QString &ownerId, qint64 length, const UploadMetadata &metadata)
{
    const qint64 maxBytes = m_files.settings().maxUploadBytes;
    if (length > maxBytes)
        return ApiError{413, QStringLiteral("payload_too_large"),
            QStringLiteral("A file is at most %1 MB.").arg(maxBytes / (1024 * 1024)),
            QStringLiteral("Upload-Length"), 0};
    if (length <= 0)
        return ApiError::invalidField(
            QStringLiteral("Upload-Length"), QStringLiteral("The file is empty."));
    UploadRecord upload;
    upload.id = security::random::uuid();
    upload.ownerId = ownerId;
    upload.length = length;
    upload.name = metadata.name;
    upload.durationMs = metadata.durationMs;
    upload.waveform = metadata.waveform;
    upload.createdAtMs = m_clock.nowMs();
    upload.expiresAtMs = upload.createdAtMs + limits::uploadLifetimeMs;

    QFile partial(m_files.store().uploadPath(upload.id));
    if (!partial.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return FileStore::writeError();
    partial.close();
    const auto refused = m_database.transaction([&](QSqlDatabase &db) -> std::optional<ApiError> {
        UploadRepository uploads(db);
        if (uploads.unfinishedCount(ownerId, upload.createdAtMs) >= limits::unfinishedUploadsMax)
            return ApiError::tooManyRequests(QStringLiteral("too_many_uploads"),
                QStringLiteral("Finish or cancel some of your %1 unfinished uploads first.")
                    .arg(limits::unfinishedUploadsMax),
                60);
        // The whole length counts against the quota from the start, so parallel uploads
        // cannot overrun it.
        if (auto full = m_files.checkQuota(db, ownerId, length))
            return full;
        uploads.insert(upload);
        return std::nullopt;
    });
    if (refused) {
        partial.remove();
        return *refused;
    }
    return UploadState{upload.id, 0, length, std::nullopt};
}

Result<UploadState> UploadService::status(const QString &ownerId, const QString &uploadId)
{
    const auto upload = owned(ownerId, uploadId);
    if (!upload)
        return upload.error();
    std::optional<File> file;
    if (!upload->fileId.isEmpty()) {
        auto described = m_files.describe(upload->fileId, ownerId);
        if (described)
            file = described.value();
    }
    return UploadState{upload->id, upload->received, upload->length, file};
}

Result<UploadState> UploadService::append(
    const QString &ownerId, const QString &uploadId, qint64 offset, QByteArrayView bytes)
{
    const auto upload = owned(ownerId, uploadId);
    if (!upload)
        return upload.error();
    if (!upload->fileId.isEmpty() || offset != upload->received)
        return ApiError{409, QStringLiteral("offset_mismatch"),
            QStringLiteral("The upload stands at byte %1; continue from there.")
                .arg(upload->received),
            QStringLiteral("Upload-Offset"), 0};
    if (offset + bytes.size() > upload->length)
        return ApiError{413, QStringLiteral("payload_too_large"),
            QStringLiteral("The upload is %1 bytes long; this would go past its end.")
                .arg(upload->length),
            {}, 0};

    const QString path = m_files.store().uploadPath(uploadId);
    QFile partial(path);
    // Bytes written past `received` by a request that died before recording them go.
    if (!partial.open(QIODevice::ReadWrite) || !partial.resize(offset) || !partial.seek(offset)
        || partial.write(bytes.data(), bytes.size()) != bytes.size() || !partial.flush())
        return FileStore::writeError();
    partial.close();
    const qint64 received = offset + bytes.size();
    m_database.transaction(
        [&](QSqlDatabase &db) { UploadRepository(db).setReceived(uploadId, received); });
    if (received < upload->length)
        return UploadState{uploadId, received, upload->length, std::nullopt};

    // Complete: checked and stored like any upload, or gone.
    const QString temporary = m_files.store().temporaryPath();
    if (!QFile::rename(path, temporary)) {
        discard(uploadId);
        return FileStore::writeError();
    }
    auto stored = m_files.storeFile(ownerId, temporary, upload->length,
        UploadMetadata{upload->name, upload->durationMs, upload->waveform});
    if (!stored) {
        discard(uploadId);
        return stored.error();
    }
    m_database.transaction(
        [&](QSqlDatabase &db) { UploadRepository(db).setFile(uploadId, stored->id); });
    return UploadState{uploadId, received, upload->length, stored.value()};
}

Result<Done> UploadService::terminate(const QString &ownerId, const QString &uploadId)
{
    const auto upload = owned(ownerId, uploadId);
    if (!upload)
        return upload.error();
    discard(uploadId);
    return Done{};
}

Result<File> UploadService::file(const QString &ownerId, const QString &uploadId)
{
    const auto state = status(ownerId, uploadId);
    if (!state)
        return state.error();
    if (!state->file)
        return ApiError::conflict(QStringLiteral("upload_incomplete"),
            QStringLiteral("The upload has %1 of %2 bytes.").arg(state->offset).arg(state->length));
    return *state->file;
}

void UploadService::discard(const QString &uploadId)
{
    m_database.transaction([&](QSqlDatabase &db) { UploadRepository(db).remove(uploadId); });
    QFile::remove(m_files.store().uploadPath(uploadId));
}

void UploadService::removeExpired()
{
    const QStringList expired = m_database.read(
        [&](QSqlDatabase &db) { return UploadRepository(db).expiredIds(m_clock.nowMs()); });
    for (const QString &id : expired)
        discard(id);
    if (!expired.isEmpty())
        qCInfo(lcUploads) << "removed" << expired.size() << "expired uploads";
}

void UploadService::removeOrphans()
{
    const QStringList live
        = m_database.read([&](QSqlDatabase &db) { return UploadRepository(db).unfinishedIds(); });
    const int removed
        = m_files.store().removeUploadsExcept(QSet<QString>(live.begin(), live.end()));
    if (removed > 0)
        qCInfo(lcUploads) << "removed" << removed << "partial uploads without a record";
}

} // namespace kocmoc
