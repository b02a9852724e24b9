#include "Sql.h"

#include "StatementCache.h"

#include <QSqlError>

namespace kocmoc::db {

Sql::Sql(QSqlDatabase &db, const QString &statement)
    : m_cached(statementCache::acquire(db, statement))
    , m_statement(statement)
{
    if (m_cached) {
        m_query = &m_cached->query;
        return;
    }
    m_query = &m_own.emplace(db);
    m_query->setForwardOnly(true);
    if (!m_query->prepare(statement))
        throw DatabaseError(QStringLiteral("prepare failed: %1 in: %2")
                                .arg(m_query->lastError().text(), statement.simplified())
                                .toStdString());
}

Sql::~Sql()
{
    if (m_cached)
        statementCache::release(m_cached);
}

void Sql::run(QSqlDatabase &db, const QString &statement)
{
    QSqlQuery query(db);
    if (!query.exec(statement))
        throw DatabaseError(QStringLiteral("%1 in: %2")
                                .arg(query.lastError().text(), statement.simplified())
                                .toStdString());
}

Sql &Sql::bind(const QVariant &value)
{
    m_query->addBindValue(value);
    return *this;
}

Sql &Sql::bindNullableText(const QString &value)
{
    return bind(value.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(value));
}

Sql &Sql::exec()
{
    // The error names the statement, never the bound values: they may be secrets.
    if (!m_query->exec())
        throw DatabaseError(QStringLiteral("%1 in: %2")
                                .arg(m_query->lastError().text(), m_statement.simplified())
                                .toStdString());
    return *this;
}

} // namespace kocmoc::db
