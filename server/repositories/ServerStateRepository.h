#pragma once

#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace kocmoc {

// Named settings an admin changes while the server runs (server_state), shared by every
// server process on the database.
class ServerStateRepository
{
public:
    explicit ServerStateRepository(QSqlDatabase &db)
        : m_db(db)
    { }

    std::optional<QString> value(const QString &name);
    void setValue(const QString &name, const QString &value, qint64 nowMs);
    void remove(const QString &name);

private:
    QSqlDatabase &m_db;
};

} // namespace kocmoc
