#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace kocmoc {

// A resumable (tus) upload: its bytes so far are in FileStore::uploadPath(id).
struct UploadRecord
{
    QString id;
    QString ownerId;
    qint64 length = 0; // Upload-Length
    qint64 received = 0; // Upload-Offset
    QString name;
    qint64 durationMs = 0;
    QList<int> waveform;
    QString fileId; // once complete and stored
    qint64 createdAtMs = 0;
    qint64 expiresAtMs = 0;
};

// SQL for `uploads`; used inside a Database transaction on a worker thread.
class UploadRepository
{
public:
    explicit UploadRepository(QSqlDatabase &db)
        : m_db(db)
    { }

    void insert(const UploadRecord &upload);
    std::optional<UploadRecord> find(const QString &id);
    void setReceived(const QString &id, qint64 received);
    void setFile(const QString &id, const QString &fileId);
    void remove(const QString &id);
    int unfinishedCount(const QString &ownerId, qint64 nowMs);
    QStringList expiredIds(qint64 nowMs); // unfinished and past their time
    QStringList unfinishedIds();

private:
    QSqlDatabase &m_db;
};

} // namespace kocmoc
