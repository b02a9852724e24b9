#include "UploadRepository.h"

#include "db/Sql.h"

namespace kocmoc {

using db::Sql;

void UploadRepository::insert(const UploadRecord &upload)
{
    QStringList levels;
    for (const int level : upload.waveform)
        levels.append(QString::number(level));
    Sql(m_db,
        QStringLiteral("INSERT INTO uploads (id, owner_id, length, received, name, duration_ms, "
                       "waveform, created_at, expires_at) VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?)"))
        .bind(upload.id)
        .bind(upload.ownerId)
        .bind(upload.length)
        .bind(upload.name.isNull() ? QStringLiteral("") : upload.name)
        .bind(upload.durationMs)
        .bind(levels.isEmpty() ? QStringLiteral("") : levels.join(QLatin1Char(',')))
        .bind(upload.createdAtMs)
        .bind(upload.expiresAtMs)
        .exec();
}

std::optional<UploadRecord> UploadRepository::find(const QString &id)
{
    Sql query(m_db,
        QStringLiteral("SELECT id, owner_id, length, received, name, duration_ms, waveform, "
                       "file_id, created_at, expires_at FROM uploads WHERE id = ?"));
    query.bind(id).exec();
    if (!query.next())
        return std::nullopt;
    UploadRecord upload;
    upload.id = query.text(0);
    upload.ownerId = query.text(1);
    upload.length = query.integer(2);
    upload.received = query.integer(3);
    upload.name = query.text(4);
    upload.durationMs = query.integer(5);
    for (const QString &level : query.text(6).split(QLatin1Char(','), Qt::SkipEmptyParts))
        upload.waveform.append(level.toInt());
    upload.fileId = query.text(7);
    upload.createdAtMs = query.integer(8);
    upload.expiresAtMs = query.integer(9);
    return upload;
}

void UploadRepository::setReceived(const QString &id, qint64 received)
{
    Sql(m_db, QStringLiteral("UPDATE uploads SET received = ? WHERE id = ?"))
        .bind(received)
        .bind(id)
        .exec();
}

void UploadRepository::setFile(const QString &id, const QString &fileId)
{
    Sql(m_db, QStringLiteral("UPDATE uploads SET file_id = ? WHERE id = ?"))
        .bind(fileId)
        .bind(id)
        .exec();
}

void UploadRepository::remove(const QString &id)
{
    Sql(m_db, QStringLiteral("DELETE FROM uploads WHERE id = ?")).bind(id).exec();
}

int UploadRepository::unfinishedCount(const QString &ownerId, qint64 nowMs)
{
    Sql query(m_db,
        QStringLiteral("SELECT COUNT(*) FROM uploads WHERE owner_id = ? AND file_id IS NULL AND "
                       "expires_at > ?"));
    query.bind(ownerId).bind(nowMs).exec();
    return query.next() ? int(query.integer(0)) : 0;
}

QStringList UploadRepository::expiredIds(qint64 nowMs)
{
    Sql query(m_db, QStringLiteral("SELECT id FROM uploads WHERE expires_at <= ?"));
    query.bind(nowMs).exec();
    QStringList ids;
    while (query.next())
        ids.append(query.text(0));
    return ids;
}

QStringList UploadRepository::unfinishedIds()
{
    Sql query(m_db, QStringLiteral("SELECT id FROM uploads WHERE file_id IS NULL"));
    query.exec();
    QStringList ids;
    while (query.next())
        ids.append(query.text(0));
    return ids;
}

} // namespace kocmoc
