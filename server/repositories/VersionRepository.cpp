#include "VersionRepository.h"

#include "db/Sql.h"

#include <algorithm>

namespace kocmoc {

using db::Sql;

namespace {

// pg_advisory_xact_lock's key for "handing out versions": "KOCMOC" in ASCII.
constexpr qint64 versionLockKey = 0x4B4F434D4F43;

} // namespace

bool VersionRepository::isPostgres() const
{
    return m_db.driverName() == QLatin1String("QPSQL");
}

QList<qint64> VersionRepository::nextMany(int n)
{
    QList<qint64> versions;
    versions.reserve(n);
    if (isPostgres()) {
        lock();
        Sql sequence(m_db, QStringLiteral("SELECT nextval('versions') FROM generate_series(1, ?)"));
        sequence.bind(n).exec();
        while (sequence.next())
            versions.append(sequence.integer(0));
        std::sort(versions.begin(), versions.end());
    } else {
        Sql counter(m_db,
            QStringLiteral(
                "UPDATE version_counter SET value = value + ? WHERE id = 1 RETURNING value"));
        counter.bind(n).exec();
        if (!counter.next())
            throw db::DatabaseError("the version counter row is missing");
        for (qint64 version = counter.integer(0) - n + 1; version <= counter.integer(0); ++version)
            versions.append(version);
    }
    if (versions.size() != n)
        throw db::DatabaseError("the versions sequence handed out too few numbers");
    return versions;
}

void VersionRepository::lock()
{
    // nextval alone hands out numbers in call order but they commit in any order; the
    // transaction lock, held until COMMIT, makes commit order follow version order.
    // SQLite's write transactions already run one at a time (BEGIN IMMEDIATE).
    if (m_locked || !isPostgres())
        return;
    Sql(m_db, QStringLiteral("SELECT pg_advisory_xact_lock(?)")).bind(versionLockKey).exec();
    m_locked = true;
}

void VersionRepository::useOneSnapshot()
{
    // SQLite's read transaction is one snapshot already; PostgreSQL's READ COMMITTED takes
    // a new one per statement.
    if (isPostgres())
        Sql::run(m_db, QStringLiteral("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"));
}

} // namespace kocmoc
