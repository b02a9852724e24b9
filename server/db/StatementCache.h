#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

namespace kocmoc::db {

// The prepared statements of this thread's connections, kept between uses: Qt's
// PostgreSQL driver costs a PREPARE and a DEALLOCATE round trip for every
// QSqlQuery it prepares, so a statement that runs again only runs (EXECUTE).
// A statement already in use (the same text twice at once) gets a query of its own.
struct PreparedStatement
{
    QSqlQuery query;
    bool inUse = false;
};

namespace statementCache {

// The prepared query for `statement` on `db`, or nullptr if it is in use or the cache
// is full (the caller prepares its own). Give it back with release().
PreparedStatement *acquire(QSqlDatabase &db, const QString &statement);
void release(PreparedStatement *statement);
// Before the connection closes or reopens: its statements go with it.
void forget(const QString &connectionName);

} // namespace statementCache
} // namespace kocmoc::db
