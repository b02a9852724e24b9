#include "VersionRepository.h"

#include "db/Sql.h"

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

qint64 VersionRepository::next()
{
    if (isPostgres()) {
        // nextval alone hands out numbers in call order but they commit in any order; the
        // transaction lock, held until COMMIT, makes commit order follow version order.
        if (!m_locked)
            Sql(m_db, QStringLiteral("SELECT pg_advisory_xact_lock(?)"))
                .bind(versionLockKey)
                .exec();
        m_locked = true;
        Sql sequence(m_db, QStringLiteral("SELECT nextval('versions')"));
        sequence.exec();
        if (!sequence.next())
            throw db::DatabaseError("nextval('versions') returned nothing");
        return sequence.integer(0);
    }
    // SQLite's write transactions already run one at a time (BEGIN IMMEDIATE).
    Sql counter(m_db,
        QStringLiteral(
            "UPDATE version_counter SET value = value + 1 WHERE id = 1 RETURNING value"));
    counter.exec();
    if (!counter.next())
        throw db::DatabaseError("the version counter row is missing");
    return counter.integer(0);
}

void VersionRepository::useOneSnapshot()
{
    // SQLite's read transaction is one snapshot already; PostgreSQL's READ COMMITTED takes
    // a new one per statement.
    if (isPostgres())
        Sql::run(m_db, QStringLiteral("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"));
}

} // namespace kocmoc
