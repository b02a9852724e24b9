#include "Libpq.h"

#include "DatabaseError.h"

#include <QSqlDriver>
#include <QString>
#include <QVariant>

#include <libpq-fe.h>

#include <memory>

namespace kocmoc::db::libpq {

namespace {

PGconn *connectionOf(QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    // Qt 6 names the type by its struct ("pg_conn*"), Qt 5 by the typedef.
    const char *type = handle.isValid() ? handle.typeName() : "";
    if (qstrcmp(type, "pg_conn*") != 0 && qstrcmp(type, "PGconn*") != 0)
        throw DatabaseError("not a PostgreSQL connection");
    PGconn *connection = *static_cast<PGconn *const *>(handle.data());
    if (!connection)
        throw DatabaseError("the PostgreSQL connection is closed");
    return connection;
}

} // namespace

QList<QByteArray> firstColumn(
    QSqlDatabase &db, const char *statement, const std::vector<QByteArray> &parameters)
{
    PGconn *connection = connectionOf(db);
    // QPSQL reads forward-only results row by row; what a query left unread is discarded
    // first, as QPSQL itself does before its next statement.
    while (PGresult *unread = PQgetResult(connection))
        PQclear(unread);
    std::vector<const char *> values;
    values.reserve(parameters.size());
    for (const QByteArray &parameter : parameters)
        values.push_back(parameter.isNull() ? nullptr : parameter.constData());
    const std::unique_ptr<PGresult, decltype(&PQclear)> result(
        PQexecParams(
            connection, statement, int(values.size()), nullptr, values.data(), nullptr, nullptr, 0),
        &PQclear);
    const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
        // The primary message only: the detail can quote the values.
        const char *primary
            = result ? PQresultErrorField(result.get(), PG_DIAG_MESSAGE_PRIMARY) : nullptr;
        throw DatabaseError(
            QStringLiteral("%1 in: %2")
                .arg(QString::fromUtf8(primary ? primary : PQerrorMessage(connection)).trimmed(),
                    QString::fromUtf8(statement).simplified())
                .toStdString());
    }
    QList<QByteArray> column;
    const int rows = PQntuples(result.get());
    column.reserve(rows);
    for (int row = 0; row < rows; ++row)
        column.append(
            QByteArray(PQgetvalue(result.get(), row, 0), PQgetlength(result.get(), row, 0)));
    return column;
}

} // namespace kocmoc::db::libpq
