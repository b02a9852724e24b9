#pragma once

#include <QByteArray>
#include <QList>
#include <QSqlDatabase>

#include <vector>

namespace kocmoc::db::libpq {

using Row = QList<QByteArray>;

// Runs a statement with $1… placeholders on the libpq connection under a QPSQL
// QSqlDatabase, inside its transaction, and returns its rows as text. For the writer's
// batches: QPSQL writes bound values into an EXECUTE's text, escaping them, and
// PostgreSQL's parser lexes them again; libpq sends them beside the statement, which is
// prepared once per connection. Parameters are text (a null QByteArray is NULL). Throws
// DatabaseError, which names the statement, never the values.
QList<Row> rows(QSqlDatabase &db, const char *statement, const std::vector<QByteArray> &parameters);

} // namespace kocmoc::db::libpq
