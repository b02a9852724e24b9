#include "FileService.h"

#include "files/FileInspector.h"
#include "files/FileName.h"
#include "security/Random.h"
#include "services/StickerCatalog.h"

#include <kocmoc/FileTypes.h>
#include <kocmoc/Limits.h>

#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QUrl>

namespace kocmoc {

namespace {

Q_LOGGING_CATEGORY(lcFiles, "kocmoc.files")

bool isShownInPlace(const QString &mime)
{
    return mime.startsWith(QLatin1String("image/")) || mime.startsWith(QLatin1String("video/"))
        || mime.startsWith(QLatin1String("audio/")) || mime == QLatin1String("application/pdf");
}

} // namespace

Result<UploadMetadata> UploadMetadata::parse(
    const QString &name, const QString &durationMs, const QString &waveform)
{
    UploadMetadata metadata;
    metadata.name = name;
    if (!durationMs.isEmpty()) {
        bool ok = false;
        metadata.durationMs = durationMs.toLongLong(&ok);
        if (!ok || metadata.durationMs <= 0 || metadata.durationMs > limits::mediaMaxDurationMs)
            return ApiError::invalidField(QStringLiteral("durationMs"),
                QStringLiteral("durationMs is a whole number of milliseconds from 1 to %1.")
                    .arg(limits::mediaMaxDurationMs));
    }
    if (!waveform.isEmpty()) {
        const QStringList parts = waveform.split(QLatin1Char(','));
        if (parts.size() > limits::waveformMaxValues)
            return ApiError::invalidField(QStringLiteral("waveform"),
                QStringLiteral("A waveform has at most %1 values.").arg(limits::waveformMaxValues));
        for (const QString &part : parts) {
            bool ok = false;
            const int level = part.trimmed().toInt(&ok);
            if (!ok || level < 0 || level > 255)
                return ApiError::invalidField(QStringLiteral("waveform"),
                    QStringLiteral("A waveform is comma-separated whole numbers from 0 to 255."));
            metadata.waveform.append(level);
        }
    }
    return metadata;
}

FileService::FileService(
    db::Database &database, const Clock &clock, FileStore &store, Settings settings)
    : m_database(database)
    , m_clock(clock)
    , m_store(store)
    , m_settings(settings)
{ }

ApiError FileService::fileNotFound()
{
    return ApiError::notFound(QStringLiteral("There is no such file."));
}

std::optional<ApiError> FileService::checkQuota(
    QSqlDatabase &db, const QString &ownerId, qint64 extraBytes) const
{
    const qint64 used = FileRepository(db).bytesOwnedBy(ownerId);
    if (used + extraBytes <= m_settings.quotaBytes)
        return std::nullopt;
    return ApiError{507, QStringLiteral("quota_exceeded"),
        QStringLiteral("Your storage is full (%1 MB of %2 MB used); delete some files first.")
            .arg(used / (1024 * 1024))
            .arg(m_settings.quotaBytes / (1024 * 1024)),
        {}, 0};
}

Result<File> FileService::storeBytes(
    const QString &ownerId, QByteArrayView bytes, const UploadMetadata &metadata)
{
    if (bytes.isEmpty())
        return ApiError::invalidField(QStringLiteral("file"), QStringLiteral("The file is empty."));
    const QString temporary = m_store.temporaryPath();
    QFile file(temporary);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly)
        || file.write(bytes.data(), bytes.size()) != bytes.size() || !file.flush()) {
        file.remove();
        qCWarning(lcFiles) << "cannot write an upload:" << file.errorString();
        return FileStore::writeError();
    }
    file.close();
    return storeFile(ownerId, temporary, bytes.size(), metadata);
}

Result<File> FileService::storeFile(const QString &ownerId, const QString &temporaryPath,
    qint64 size, const UploadMetadata &metadata)
{
    // Whatever happens below, the temporary file does not stay.
    struct RemoveOnExit
    {
        QString path;
        ~RemoveOnExit() { QFile::remove(path); }
    } cleanup{temporaryPath};

    if (fileTypes::hasExecutableExtension(metadata.name))
        return ApiError{415, QStringLiteral("executable_refused"),
            QStringLiteral("Programs and scripts cannot be uploaded."), QStringLiteral("file"), 0};
    if (size > m_settings.maxUploadBytes)
        return ApiError{413, QStringLiteral("payload_too_large"),
            QStringLiteral("A file is at most %1 MB.")
                .arg(m_settings.maxUploadBytes / (1024 * 1024)),
            QStringLiteral("file"), 0};
    auto facts = FileInspector::inspect(temporaryPath);
    if (!facts)
        return facts.error();
    const bool timed = facts->category == FileFacts::Category::Audio
        || facts->category == FileFacts::Category::Video;
    if (metadata.durationMs > 0 && !timed)
        return ApiError::invalidField(QStringLiteral("durationMs"),
            QStringLiteral("Only audio and video files have a duration."));
    if (!metadata.waveform.isEmpty() && facts->category != FileFacts::Category::Audio)
        return ApiError::invalidField(
            QStringLiteral("waveform"), QStringLiteral("Only audio files have a waveform."));
    if (const auto full
        = m_database.read([&](QSqlDatabase &db) { return checkQuota(db, ownerId, size); }))
        return *full;

    FileRecord record;
    record.id = security::random::uuid();
    record.ownerId = ownerId;
    record.name = fileName::sanitized(metadata.name);
    record.mime = facts->mime;
    record.size = size;
    record.storageKey = FileStore::keyFor(record.id);
    record.width = facts->width;
    record.height = facts->height;
    record.durationMs = metadata.durationMs;
    record.waveform = metadata.waveform;
    record.createdAtMs = m_clock.nowMs();

    if (facts->category == FileFacts::Category::Image) {
        const QString thumbnailBase = m_store.temporaryPath();
        const QString suffix = FileInspector::writeThumbnail(temporaryPath, thumbnailBase);
        if (!suffix.isEmpty()) {
            record.thumbnailKey = FileStore::keyFor(record.id, QStringLiteral(".thumb") + suffix);
            if (!m_store.commit(thumbnailBase + suffix, record.thumbnailKey))
                return FileStore::writeError();
        }
    }
    if (!m_store.commit(temporaryPath, record.storageKey)) {
        m_store.remove(record.thumbnailKey);
        return FileStore::writeError();
    }
    try {
        m_database.transaction([&](QSqlDatabase &db) { FileRepository(db).insert(record); });
    } catch (...) {
        m_store.remove(record.storageKey);
        m_store.remove(record.thumbnailKey);
        throw;
    }
    m_stored.fetch_add(1, std::memory_order_relaxed);
    qCInfo(lcFiles).noquote() << "stored" << record.id << record.mime << record.size << "bytes";
    return record.toFile(m_clock.nowMs());
}

Result<Download> FileService::download(
    const QString &fileId, const QString &viewerId, bool thumbnail)
{
    const auto record = m_database.read([&](QSqlDatabase &db) -> std::optional<FileRecord> {
        FileRepository files(db);
        if (!viewerId.isEmpty() && !files.canView(fileId, viewerId, m_clock.nowMs()))
            return std::nullopt;
        return files.find(fileId);
    });
    if (!record || (thumbnail && record->thumbnailKey.isEmpty()))
        return fileNotFound();
    Download download;
    download.path = m_store.pathOf(thumbnail ? record->thumbnailKey : record->storageKey);
    download.mime = thumbnail ? FileInspector::thumbnailMime(record->thumbnailKey) : record->mime;
    download.name = record->name;
    download.size = thumbnail ? QFileInfo(download.path).size() : record->size;
    // Stored files never change: the id (and variant) is a strong validator.
    download.etag = '"' + record->id.toLatin1() + (thumbnail ? "-t" : "") + '"';
    download.inline_ = isShownInPlace(download.mime);
    if (!QFileInfo::exists(download.path)) {
        qCWarning(lcFiles) << "file" << fileId << "is recorded but missing on disk";
        return fileNotFound();
    }
    return download;
}

Result<File> FileService::describe(const QString &fileId, const QString &viewerId)
{
    const auto record = m_database.read([&](QSqlDatabase &db) -> std::optional<FileRecord> {
        FileRepository files(db);
        if (!files.canView(fileId, viewerId, m_clock.nowMs()))
            return std::nullopt;
        return files.find(fileId);
    });
    if (!record)
        return fileNotFound();
    return record->toFile(m_clock.nowMs());
}

void FileService::removeUnused(const QStringList &fileIds)
{
    QList<FileRecord> removed;
    m_database.transaction([&](QSqlDatabase &db) {
        removed.clear();
        FileRepository files(db);
        for (const FileRecord &file : files.byIds(fileIds)) {
            if (file.ownerId.isEmpty() || files.isReferenced(file.id))
                continue; // a sticker, or still shown somewhere
            files.remove(file.id);
            removed.append(file);
        }
    });
    // After the commit: a file whose row is still there must keep its bytes.
    for (const FileRecord &file : std::as_const(removed)) {
        m_store.remove(file.storageKey);
        m_store.remove(file.thumbnailKey);
    }
}

void FileService::installStickers()
{
    const StickerCatalog &catalog = StickerCatalog::builtIn();
    const qint64 now = m_clock.nowMs();
    for (const StickerCatalog::Sticker &sticker : catalog.stickers()) {
        const bool present = m_database.read(
            [&](QSqlDatabase &db) { return FileRepository(db).find(sticker.fileId).has_value(); });
        if (present && QFileInfo::exists(m_store.pathOf(FileStore::keyFor(sticker.fileId))))
            continue;
        QFile resource(sticker.resourcePath);
        if (!resource.open(QIODevice::ReadOnly)) {
            qCWarning(lcFiles) << "missing sticker resource" << sticker.resourcePath;
            continue;
        }
        const QByteArray bytes = resource.readAll();
        const QString temporary = m_store.temporaryPath();
        QFile out(temporary);
        if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size()) {
            QFile::remove(temporary);
            continue;
        }
        out.close();
        const auto facts = FileInspector::inspect(temporary);
        if (!facts || !m_store.commit(temporary, FileStore::keyFor(sticker.fileId))) {
            QFile::remove(temporary);
            qCWarning(lcFiles) << "sticker" << sticker.id << "is not a usable image";
            continue;
        }
        if (present)
            continue;
        FileRecord record;
        record.id = sticker.fileId;
        record.name = sticker.id.section(QLatin1Char('/'), -1) + QStringLiteral(".")
            + QFileInfo(sticker.resourcePath).suffix();
        record.mime = facts->mime;
        record.size = bytes.size();
        record.storageKey = FileStore::keyFor(sticker.fileId);
        record.width = facts->width;
        record.height = facts->height;
        record.createdAtMs = now;
        m_database.transaction([&](QSqlDatabase &db) { FileRepository(db).insert(record); });
    }
}

} // namespace kocmoc
