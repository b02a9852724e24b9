#include "VersionRepository.h"

#include "SqlText.h"
#include "db/Sql.h"

namespace kocmoc {

using db::Sql;

namespace {

// pg_advisory_xact_lock's key for "handing out versions": "KOCMOC" in ASCII.
constexpr qint64 versionLockKey = 0x4B4F434D4F43;

} // namespace

bool VersionRepository::isPostgres() const
{
    return sqltext::isPostgres(m_db);
}

QList<qint64> VersionRepository::nextMany(int n)
{
    // A run of n: PostgreSQL's sequence under the lock, which every taker of versions holds
    // first, so that one call reserves the whole run; SQLite's counter row. Both answer the
    // run's last.
    if (n <= 0)
        return {};
    lock();
    Sql run(m_db,
        isPostgres()
            ? QStringLiteral("SELECT setval('versions', nextval('versions') + ? - 1)")
            : QStringLiteral(
                "UPDATE version_counter SET value = value + ? WHERE id = 1 RETURNING value"));
    run.bind(n).exec();
    if (!run.next())
        throw db::DatabaseError("no versions were handed out");
    QList<qint64> versions;
    versions.reserve(n);
    for (qint64 version = run.integer(0) - n + 1; version <= run.integer(0); ++version)
        versions.append(version);
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
