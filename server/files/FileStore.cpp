#include "FileStore.h"

#include "security/Random.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QSet>

namespace kocmoc {

namespace {

Q_LOGGING_CATEGORY(lcFiles, "kocmoc.files")

ApiError storageError(const QString &message)
{
    qCWarning(lcFiles).noquote() << message;
    return FileStore::writeError();
}

} // namespace

ApiError FileStore::writeError()
{
    return ApiError{500, QStringLiteral("storage_error"),
        QStringLiteral("The file could not be stored; try again."), {}, 0};
}

FileStore::FileStore(const QString &dataDir)
    : m_root(QDir(dataDir).filePath(QStringLiteral("files")))
{ }

Result<Done> FileStore::open()
{
    for (const QString &folder : {QStringLiteral("tmp"), QStringLiteral("uploads")}) {
        if (!QDir().mkpath(QDir(m_root).filePath(folder)))
            return storageError(
                QStringLiteral("cannot create %1").arg(QDir(m_root).filePath(folder)));
    }
    QDir temporary(QDir(m_root).filePath(QStringLiteral("tmp")));
    int removed = 0;
    for (const QString &name : temporary.entryList(QDir::Files | QDir::Hidden))
        removed += temporary.remove(name) ? 1 : 0;
    if (removed > 0)
        qCInfo(lcFiles) << "removed" << removed << "temporary files an earlier run left";
    return Done{};
}

QString FileStore::temporaryPath() const
{
    return QDir(m_root).filePath(
        QStringLiteral("tmp/") + security::random::token(12) + QStringLiteral(".part"));
}

QString FileStore::uploadPath(const QString &uploadId) const
{
    return QDir(m_root).filePath(QStringLiteral("uploads/") + uploadId);
}

QString FileStore::pathOf(const QString &key) const
{
    return QDir(m_root).filePath(key);
}

QString FileStore::keyFor(const QString &fileId, const QString &suffix)
{
    return fileId.left(2) + QLatin1Char('/') + fileId.mid(2, 2) + QLatin1Char('/') + fileId
        + suffix;
}

Result<Done> FileStore::commit(const QString &temporaryPath, const QString &key)
{
    const QString target = pathOf(key);
    if (!QDir().mkpath(QFileInfo(target).absolutePath()))
        return storageError(QStringLiteral("cannot create the folder for a file"));
    QFile::remove(target);
    if (!QFile::rename(temporaryPath, target)) {
        QFile::remove(temporaryPath);
        return storageError(QStringLiteral("cannot move a file into place"));
    }
    return Done{};
}

void FileStore::remove(const QString &key) const
{
    if (!key.isEmpty())
        QFile::remove(pathOf(key));
}

int FileStore::removeUploadsExcept(const QSet<QString> &live) const
{
    QDir uploads(QDir(m_root).filePath(QStringLiteral("uploads")));
    int removed = 0;
    for (const QString &name : uploads.entryList(QDir::Files | QDir::Hidden)) {
        if (!live.contains(name) && uploads.remove(name))
            ++removed;
    }
    return removed;
}

} // namespace kocmoc
