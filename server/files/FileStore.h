#pragma once

#include <kocmoc/Result.h>

#include <QSet>
#include <QString>

namespace kocmoc {

// The files on disk, under <data-dir>/files: every stored file under a generated
// key ("ab/cd/<uuid>", sharded so no folder grows huge), never under a client's
// name. Content is written to a temporary file in tmp/ and renamed into place only
// once it is complete and checked, so a crash leaves no half file where a stored
// one is expected. Unfinished resumable uploads live in uploads/<id>.
// Thread-safe: it keeps no state but its root.
class FileStore
{
public:
    explicit FileStore(const QString &dataDir);

    // Creates the folders and removes what an earlier run left in tmp/.
    Result<Done> open();

    QString root() const { return m_root; }
    QString temporaryPath() const; // a fresh path in tmp/
    QString uploadPath(const QString &uploadId) const;
    QString pathOf(const QString &key) const;
    static QString keyFor(const QString &fileId, const QString &suffix = QString());

    // 500 storage_error: the disk refused (full, permissions); details go to the log.
    static ApiError writeError();

    // Moves a complete temporary file to its key's place.
    Result<Done> commit(const QString &temporaryPath, const QString &key);
    void remove(const QString &key) const; // a missing file is not an error
    // Partial uploads whose id is not in `live` (their record is gone or expired).
    int removeUploadsExcept(const QSet<QString> &live) const;

private:
    QString m_root;
};

} // namespace kocmoc
