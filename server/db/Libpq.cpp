#include "Libpq.h"

#include "DatabaseError.h"

#include <QHash>
#include <QSqlDriver>
#include <QString>
#include <QVariant>

#include <libpq-fe.h>

#include <memory>

namespace kocmoc::db::libpq {

namespace {

using Result = std::unique_ptr<PGresult, decltype(&PQclear)>;

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

void check(PGconn *connection, const Result &result, const char *statement)
{
    const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK)
        return;
    // The primary message only: the detail can quote the values.
    const char *primary
        = result ? PQresultErrorField(result.get(), PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    throw DatabaseError(
        QStringLiteral("%1 in: %2")
            .arg(QString::fromUtf8(primary ? primary : PQerrorMessage(connection)).trimmed(),
                QString::fromUtf8(statement).simplified())
            .toStdString());
}

// The statements prepared on this thread's connections, by connection and the server
// process behind it (a reopened connection has a new one, without them). Forgotten all at once past
// a bound; new names then, since a live connection may still hold the old ones.
struct Prepared
{
    using Backend = QPair<const PGconn *, int>; // the connection, its server process id
    QHash<Backend, QHash<QByteArray, QByteArray>> byBackend; // → statement → name
    int generation = 0;
};
thread_local Prepared t_prepared;

QByteArray preparedName(PGconn *connection, const char *statement, int parameterCount)
{
    const Prepared::Backend backend{connection, PQbackendPID(connection)};
    if (!t_prepared.byBackend.contains(backend) && t_prepared.byBackend.size() >= 16) {
        t_prepared.byBackend.clear();
        ++t_prepared.generation;
    }
    QHash<QByteArray, QByteArray> &names = t_prepared.byBackend[backend];
    const QByteArray text = QByteArray::fromRawData(statement, qstrlen(statement));
    const auto known = names.constFind(text);
    if (known != names.cend())
        return *known;
    const QByteArray name = "kocmoc_libpq_" + QByteArray::number(t_prepared.generation) + '_'
        + QByteArray::number(names.size());
    const Result prepared(
        PQprepare(connection, name.constData(), statement, parameterCount, nullptr), &PQclear);
    check(connection, prepared, statement);
    names.insert(QByteArray(statement), name);
    return name;
}

} // namespace

QList<Row> rows(QSqlDatabase &db, const char *statement, const std::vector<QByteArray> &parameters)
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
    const QByteArray name = preparedName(connection, statement, int(values.size()));
    const Result result(PQexecPrepared(connection, name.constData(), int(values.size()),
                            values.data(), nullptr, nullptr, 0),
        &PQclear);
    check(connection, result, statement);
    QList<Row> answer;
    const int count = PQntuples(result.get());
    const int columns = PQnfields(result.get());
    answer.reserve(count);
    for (int row = 0; row < count; ++row) {
        Row values;
        values.reserve(columns);
        for (int column = 0; column < columns; ++column)
            values.append(QByteArray(
                PQgetvalue(result.get(), row, column), PQgetlength(result.get(), row, column)));
        answer.append(values);
    }
    return answer;
}

} // namespace kocmoc::db::libpq
