#pragma once

#include "DatabaseError.h"

#include <kocmoc/Result.h>

#include <QSqlDatabase>
#include <QString>

#include <atomic>

namespace kocmoc::db {

struct DatabaseSettings
{
    enum class Driver { Sqlite, Postgres };
    Driver driver = Driver::Sqlite;
    QString sqlitePath;
    QString host;
    int port = 5432;
    QString name;
    QString user;
    QString password;
    QString options; // libpq connect options, e.g. "sslmode=require"

    // "sqlite:/var/lib/kocmoc/kocmoc.db" or
    // "postgres://user:password@host:5432/kocmoc?sslmode=require"
    static Result<DatabaseSettings> fromUrl(const QString &url);
    QString describe() const; // for logs: no password
    // Registers a Qt SQL connection with these settings under `name`, not yet opened.
    QSqlDatabase addConnection(const QString &name, const QString &applicationName) const;
};

// Owns the connections: each thread gets its own (a Qt SQL connection belongs to
// the thread that opened it), opened on first use and closed when the thread ends.
// SQL runs on worker threads only, never on the server's event loop.
class Database
{
    enum class Mode { Read, Write };

public:
    explicit Database(DatabaseSettings settings);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    const DatabaseSettings &settings() const { return m_settings; }
    bool isPostgres() const { return m_settings.driver == DatabaseSettings::Driver::Postgres; }

    // Runs fn(QSqlDatabase &) inside one transaction on this thread's connection.
    // A connection lost before the commit (PostgreSQL restarted) is reopened and fn
    // run once more, so a restart costs no request; DatabaseUnavailable when the
    // database cannot be reached. SQLite takes its write lock at BEGIN.
    template <typename Fn> auto transaction(Fn &&fn) -> decltype(fn(std::declval<QSqlDatabase &>()))
    {
        return run(Mode::Write, std::forward<Fn>(fn));
    }
    // The same for jobs that only read: on SQLite they do not wait for the write lock.
    template <typename Fn> auto read(Fn &&fn) -> decltype(fn(std::declval<QSqlDatabase &>()))
    {
        return run(Mode::Read, std::forward<Fn>(fn));
    }

    // Inside a transaction: its commit need not wait for the disk (PostgreSQL's
    // synchronous_commit off for it alone), for changes whose loss in a crash costs
    // nothing. It is still atomic, and visible only once committed.
    static void commitWithoutWaitingForDisk(QSqlDatabase &db);

    // Applies the migrations this build knows; throws DatabaseError when the schema
    // is newer than this build, so an old server never runs on a newer schema.
    void migrate();
    int schemaVersion();
    bool ping(); // false when the database cannot be reached
    void closeThreadConnection(); // before a thread that used the database goes away

private:
    template <typename Fn>
    auto run(Mode mode, Fn &&fn) -> decltype(fn(std::declval<QSqlDatabase &>()));
    QSqlDatabase openConnection(bool reopen);
    void begin(QSqlDatabase &db, Mode mode);
    void commit(QSqlDatabase &db);
    void rollback(QSqlDatabase &db);
    bool isAlive(QSqlDatabase &db);

    DatabaseSettings m_settings;
    const quint64 m_id;
    static std::atomic<quint64> s_nextId;
};

template <typename Fn>
auto Database::run(Mode mode, Fn &&fn) -> decltype(fn(std::declval<QSqlDatabase &>()))
{
    for (int attempt = 0;; ++attempt) {
        QSqlDatabase db = openConnection(attempt > 0);
        try {
            begin(db, mode);
            if constexpr (std::is_void_v<decltype(fn(db))>) {
                fn(db);
                commit(db);
                return;
            } else {
                auto result = fn(db);
                commit(db);
                return result;
            }
        } catch (const DatabaseUnavailable &) {
            throw;
        } catch (const DatabaseError &) {
            rollback(db);
            if (isAlive(db))
                throw;
            if (attempt == 0)
                continue;
            throw DatabaseUnavailable("the database connection was lost");
        } catch (...) {
            rollback(db);
            throw;
        }
    }
}

} // namespace kocmoc::db
