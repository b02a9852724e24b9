#pragma once

#include <QList>
#include <QSqlDatabase>

namespace kocmoc {

// The one increasing sequence that numbers every change of chats and messages
// (API.md: "every state change gets a version"). The only SQL that differs between
// the drivers lives here.
class VersionRepository
{
public:
    explicit VersionRepository(QSqlDatabase &db)
        : m_db(db)
    { }

    // A new version for a change made in this write transaction. Versions become
    // visible in the order they are handed out: a client that catches up from the
    // highest version it saw can never skip a change committed after it looked. So
    // call it first in the transaction, before reading what the change depends on.
    qint64 next() { return nextMany(1).constFirst(); }
    // n new versions at once, increasing (a batch of sends).
    QList<qint64> nextMany(int n);
    // Takes the version lock now (next() does when it has not yet), for a transaction that
    // reads before it knows how many versions it needs.
    void lock();
    // Makes the rest of this read transaction see one snapshot, so that the parts of a
    // catch-up answer agree with each other. Call it first, before any query.
    void useOneSnapshot();

private:
    bool isPostgres() const;

    QSqlDatabase &m_db;
    bool m_locked = false; // this transaction holds the version lock already
};

} // namespace kocmoc
