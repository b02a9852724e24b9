#pragma once

#include "DatabaseError.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

#include <optional>

namespace kocmoc::db {

struct PreparedStatement;

// One parameterised statement ("?" placeholders) that throws DatabaseError when it
// fails. Values only ever travel as bound parameters, never inside the SQL text.
class Sql
{
public:
    // Prepared once per connection and kept (StatementCache).
    Sql(QSqlDatabase &db, const QString &statement);
    ~Sql();
    Sql(const Sql &) = delete;
    Sql &operator=(const Sql &) = delete;

    // For statements without parameters that PostgreSQL cannot PREPARE (BEGIN, DDL, LOCK).
    static void run(QSqlDatabase &db, const QString &statement);

    Sql &bind(const QVariant &value);
    Sql &bind(const QString &value) { return bind(QVariant(value)); }
    Sql &bind(const char *value) = delete; // say QStringLiteral: no implicit Latin-1 guesses
    Sql &bind(qint64 value) { return bind(QVariant(value)); }
    Sql &bind(int value) { return bind(QVariant(value)); }
    Sql &bind(bool value) { return bind(QVariant(value ? 1 : 0)); } // INTEGER 0/1 on both drivers
    Sql &bindNullableText(const QString &value); // empty → NULL
    Sql &exec();

    bool next() { return m_query->next(); }
    QVariant value(int column) const { return m_query->value(column); }
    QString text(int column) const { return m_query->value(column).toString(); }
    qint64 integer(int column) const { return m_query->value(column).toLongLong(); }
    bool flag(int column) const { return m_query->value(column).toLongLong() != 0; }
    int affectedRows() const { return m_query->numRowsAffected(); }

private:
    PreparedStatement *m_cached = nullptr;
    std::optional<QSqlQuery> m_own; // when the cache has none to lend
    QSqlQuery *m_query = nullptr;
    QString m_statement;
};

} // namespace kocmoc::db
