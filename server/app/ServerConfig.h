#pragma once

#include <kocmoc/Limits.h>

#include <kocmoc/Result.h>

#include <QHostAddress>
#include <QProcessEnvironment>
#include <QStringList>
#include <QUrl>

namespace kocmoc {

// Everything an operator can set. Each setting comes, in rising precedence, from
// its default, the config file (INI "key = value"), the environment (KOCMOC_…)
// and the command line (--key value).
struct ServerConfig
{
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 8080;
    QString dataDir; // default: the platform's data folder + /kocmoc-server
    QString database; // default: sqlite:<dataDir>/kocmoc.db
    QString tokenSecret; // default: generated once and kept in <dataDir>/token-secret
    QUrl smtpUrl; // empty: codes are written to the log
    QString smtpFrom = QStringLiteral("kocmoc@localhost");
    QString logLevel = QStringLiteral("info");
    QString logFile; // empty: stderr
    int logMaxMb = 50; // a log file rotates past this size
    int logKeep = 5; // rotated log files kept
    QStringList corsOrigins;
    qint64 maxBodyBytes = 50LL * 1024 * 1024; // the largest upload
    qint64 quotaBytes = limits::defaultStorageQuotaBytes; // stored per user
    int cleanupIntervalMs = 60'000; // expired stories and abandoned uploads
    int workerThreads = 8;
    int authRatePerMinute = 60; // per client address on the sign-in and sign-up routes
    int userRatePerMinute = 60; // per user on sensitive account routes
    int uploadRatePerMinute = 60; // single uploads and resumable uploads started, per user
    int codeRatePerHour = 5; // emails with codes to one address
    int sendIntervalMs = 200; // the least time between two messages of one person
    bool inviteOnly = false;
    bool demo = false;
    int shutdownGraceSeconds = 10; // SIGTERM: how long in-flight work may take to finish
    QStringList metricsAllow{QStringLiteral("127.0.0.1"), QStringLiteral("::1")}; // may scrape
    QStringList trustedProxies; // their X-Forwarded-For names the client
    QString maintenanceMessage; // non-empty: start in maintenance mode with this message

    struct Option
    {
        QString key; // in the config file; the flag is --key, the variable KOCMOC_KEY
        QString valueName; // empty for a switch
        QString description;
    };
    static const QList<Option> &options();
    static QString environmentName(const QString &key);

    // The command line is argv; unknown flags and bad values are errors naming the setting.
    static Result<ServerConfig> load(
        const QStringList &arguments, const QProcessEnvironment &environment);
    static QString helpText();

    QString databaseUrl() const;
};

} // namespace kocmoc
