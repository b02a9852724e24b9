#include "Database.h"

#include "Migrations.h"
#include "Sql.h"
#include "StatementCache.h"

#include <QDateTime>
#include <QHash>
#include <QLoggingCategory>
#include <QSqlError>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>

Q_LOGGING_CATEGORY(lcDatabase, "kocmoc.db")

namespace kocmoc::db {

std::atomic<quint64> Database::s_nextId{1};

namespace {

// Enough for every fixed statement of the server; IN lists of other lengths go uncached.
constexpr qsizetype maxPreparedStatements = 512;

// This thread's connection names, one per Database, and their prepared statements;
// closed when the thread ends.
struct ThreadConnections
{
    QHash<quint64, QString> names;
    // connection name → statement text → its prepared query
    QHash<QString, QHash<QString, PreparedStatement *>> statements;

    ~ThreadConnections()
    {
        for (const QString &name : std::as_const(names))
            remove(name);
        for (const auto &left : std::as_const(statements))
            qDeleteAll(left);
    }

    void forget(const QString &name) { qDeleteAll(statements.take(name)); }

    void remove(const QString &name)
    {
        forget(name);
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
};

thread_local ThreadConnections t_connections;

} // namespace

PreparedStatement *statementCache::acquire(QSqlDatabase &db, const QString &statement)
{
    auto &statements = t_connections.statements[db.connectionName()];
    PreparedStatement *&cached = statements[statement];
    if (!cached) {
        if (statements.size() > maxPreparedStatements) {
            statements.remove(statement);
            return nullptr;
        }
        auto prepared = std::make_unique<PreparedStatement>();
        prepared->query = QSqlQuery(db);
        prepared->query.setForwardOnly(true);
        if (!prepared->query.prepare(statement)) {
            statements.remove(statement);
            return nullptr; // the caller prepares it again and reports the error
        }
        cached = prepared.release();
    } else if (cached->inUse) {
        return nullptr;
    }
    cached->inUse = true;
    return cached;
}

void statementCache::release(PreparedStatement *statement)
{
    statement->query.finish(); // SQLite keeps a read lock while a statement has rows left
    statement->inUse = false;
}

void statementCache::forget(const QString &connectionName)
{
    t_connections.forget(connectionName);
}

Result<DatabaseSettings> DatabaseSettings::fromUrl(const QString &url)
{
    const ApiError invalid = ApiError::invalidField(QStringLiteral("database"),
        QStringLiteral("Use sqlite:<path> or postgres://user:password@host:port/name."));
    DatabaseSettings settings;
    if (url.startsWith(QLatin1String("sqlite:"))) {
        settings.driver = Driver::Sqlite;
        settings.sqlitePath = url.mid(7);
        if (settings.sqlitePath.startsWith(QLatin1String("//")))
            settings.sqlitePath = settings.sqlitePath.mid(2);
        if (settings.sqlitePath.isEmpty())
            return invalid;
        return settings;
    }
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid()
        || (parsed.scheme() != QLatin1String("postgres")
            && parsed.scheme() != QLatin1String("postgresql"))
        || parsed.host().isEmpty())
        return invalid;
    settings.driver = Driver::Postgres;
    settings.host = parsed.host();
    settings.port = parsed.port(5432);
    settings.name = parsed.path().mid(1);
    settings.user = parsed.userName(QUrl::FullyDecoded);
    settings.password = parsed.password(QUrl::FullyDecoded);
    QStringList options;
    for (const auto &[key, value] : QUrlQuery(parsed).queryItems(QUrl::FullyDecoded))
        options.append(key + QLatin1Char('=') + value);
    settings.options = options.join(QLatin1Char(';'));
    if (settings.name.isEmpty())
        return invalid;
    return settings;
}

QString DatabaseSettings::describe() const
{
    if (driver == Driver::Sqlite)
        return QStringLiteral("SQLite %1").arg(sqlitePath);
    return QStringLiteral("PostgreSQL %1@%2:%3/%4").arg(user, host).arg(port).arg(name);
}

QSqlDatabase DatabaseSettings::addConnection(
    const QString &name, const QString &applicationName) const
{
    if (driver == Driver::Sqlite) {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(sqlitePath);
        // Writers queue for the lock instead of failing at once.
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        return db;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    db.setHostName(host);
    db.setPort(port);
    db.setDatabaseName(this->name);
    db.setUserName(user);
    db.setPassword(password);
    QString connectOptions
        = QStringLiteral("connect_timeout=5;application_name=") + applicationName;
    if (!options.isEmpty())
        connectOptions += QLatin1Char(';') + options;
    db.setConnectOptions(connectOptions);
    return db;
}

Database::Database(DatabaseSettings settings)
    : m_settings(std::move(settings))
    , m_id(s_nextId++)
{ }

Database::~Database()
{
    closeThreadConnection();
}

void Database::closeThreadConnection()
{
    const QString name = t_connections.names.take(m_id);
    if (!name.isEmpty())
        t_connections.remove(name);
}

QSqlDatabase Database::openConnection(bool reopen)
{
    QString &name = t_connections.names[m_id];
    if (name.isEmpty()) {
        name = QStringLiteral("kocmoc-%1-%2").arg(m_id).arg(quintptr(QThread::currentThreadId()));
        m_settings.addConnection(name, QStringLiteral("kocmoc-server"));
    }
    QSqlDatabase db = QSqlDatabase::database(name, false);
    if (reopen || !db.isOpen())
        t_connections.forget(name);
    if (reopen)
        db.close();
    if (!db.isOpen()) {
        if (!db.open()) {
            const QString reason = db.lastError().text();
            db.close();
            throw DatabaseUnavailable(QStringLiteral("cannot open %1: %2")
                                          .arg(m_settings.describe(), reason)
                                          .toStdString());
        }
        if (!isPostgres()) {
            Sql::run(db, QStringLiteral("PRAGMA foreign_keys = ON"));
            Sql::run(db, QStringLiteral("PRAGMA journal_mode = WAL"));
            Sql::run(db, QStringLiteral("PRAGMA synchronous = NORMAL"));
        } else {
            // PostgreSQL's JIT compiles a query whose estimate looks large (a batch's JSON
            // rows do): tens of milliseconds of LLVM for statements that run in one.
            Sql::run(db, QStringLiteral("SET jit = off"));
        }
    }
    return db;
}

void Database::begin(QSqlDatabase &db, Mode mode)
{
    // SQLite takes its write lock at BEGIN IMMEDIATE, so writers queue instead of deadlocking on
    // upgrade.
    if (isPostgres())
        Sql::run(
            db, mode == Mode::Read ? QStringLiteral("BEGIN READ ONLY") : QStringLiteral("BEGIN"));
    else
        Sql::run(
            db, mode == Mode::Read ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE"));
}

void Database::commitWithoutWaitingForDisk(QSqlDatabase &db)
{
    if (db.driverName() == QLatin1String("QPSQL"))
        Sql::run(db, QStringLiteral("SET LOCAL synchronous_commit = off"));
}

void Database::commit(QSqlDatabase &db)
{
    Sql::run(db, QStringLiteral("COMMIT"));
}

void Database::rollback(QSqlDatabase &db)
{
    QSqlQuery query(db);
    query.exec(QStringLiteral("ROLLBACK"));
}

bool Database::isAlive(QSqlDatabase &db)
{
    QSqlQuery query(db);
    return db.isOpen() && query.exec(QStringLiteral("SELECT 1")) && query.next();
}

bool Database::ping()
{
    try {
        QSqlDatabase db = openConnection(false);
        if (isAlive(db))
            return true;
        db = openConnection(true);
        return isAlive(db);
    } catch (const DatabaseError &) {
        return false;
    }
}

int Database::schemaVersion()
{
    return read([](QSqlDatabase &db) {
        Sql query(db, QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
        query.exec();
        return query.next() ? int(query.integer(0)) : 0;
    });
}

void Database::migrate()
{
    transaction([](QSqlDatabase &db) {
        Sql::run(db,
            QStringLiteral(
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)"));
    });
    for (const Migration &migration : migrations()) {
        const bool applied = transaction([&](QSqlDatabase &db) {
            if (isPostgres()) // two servers starting at once apply each migration once
                Sql::run(db, QStringLiteral("LOCK TABLE schema_migrations IN EXCLUSIVE MODE"));
            const int version = [&] { // finished before the DDL: SQLite drops nothing in use
                Sql current(
                    db, QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
                current.exec();
                return current.next() ? int(current.integer(0)) : 0;
            }();
            if (version >= migration.version)
                return false;
            const QStringList &statements = isPostgres() && !migration.postgres.isEmpty()
                ? migration.postgres
                : migration.statements;
            for (const QString &statement : statements)
                Sql::run(db, statement);
            Sql(db,
                QStringLiteral(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"))
                .bind(migration.version)
                .bind(migration.name)
                .bind(QDateTime::currentMSecsSinceEpoch())
                .exec();
            return true;
        });
        if (applied)
            qCInfo(lcDatabase).noquote()
                << "applied migration" << migration.version << migration.name;
    }
    const int version = schemaVersion();
    if (version > latestSchemaVersion())
        throw DatabaseError(
            QStringLiteral("the database schema is version %1, newer than this server knows (%2): "
                           "upgrade the server")
                .arg(version)
                .arg(latestSchemaVersion())
                .toStdString());
}

} // namespace kocmoc::db
