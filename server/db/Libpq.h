#pragma once

#include <QByteArray>
#include <QList>
#include <QSqlDatabase>

#include <vector>

namespace kocmoc::db::libpq {

// Runs a statement with $1… placeholders on the libpq connection under a QPSQL
// QSqlDatabase, inside its transaction, and returns the first column of each row. For
// large parameters: QPSQL writes bound values into an EXECUTE's text, escaping them,
// and PostgreSQL's parser lexes them again; libpq sends them beside the statement.
// Parameters are text (a null QByteArray is NULL). Throws DatabaseError, which names
// the statement, never the values.
QList<QByteArray> firstColumn(
    QSqlDatabase &db, const char *statement, const std::vector<QByteArray> &parameters);

} // namespace kocmoc::db::libpq
