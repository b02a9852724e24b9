#include "ServerStateRepository.h"

#include "db/Sql.h"

namespace kocmoc {

using db::Sql;

std::optional<QString> ServerStateRepository::value(const QString &name)
{
    Sql query(m_db, QStringLiteral("SELECT value FROM server_state WHERE name = ?"));
    query.bind(name).exec();
    if (!query.next())
        return std::nullopt;
    return query.text(0);
}

void ServerStateRepository::setValue(const QString &name, const QString &value, qint64 nowMs)
{
    Sql(m_db,
        QStringLiteral("INSERT INTO server_state (name, value, updated_at) VALUES (?, ?, ?) "
                       "ON CONFLICT (name) DO UPDATE SET value = excluded.value, "
                       "updated_at = excluded.updated_at"))
        .bind(name)
        .bind(value)
        .bind(nowMs)
        .exec();
}

void ServerStateRepository::remove(const QString &name)
{
    Sql(m_db, QStringLiteral("DELETE FROM server_state WHERE name = ?")).bind(name).exec();
}

} // namespace kocmoc
