#include "ServerConfig.h"

#include "http/AddressList.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

#include <functional>

namespace kocmoc {

namespace {

ApiError badSetting(const QString &key, const QString &message)
{
    return ApiError::invalidField(key, QStringLiteral("%1: %2").arg(key, message));
}

bool isTrue(const QString &value)
{
    const QString v = value.trimmed().toLower();
    return v == QLatin1String("1") || v == QLatin1String("true") || v == QLatin1String("yes")
        || v == QLatin1String("on");
}

} // namespace

const QList<ServerConfig::Option> &ServerConfig::options()
{
    static const QList<Option> list{
        {QStringLiteral("config"), QStringLiteral("file"),
            QStringLiteral("Read settings from this INI file.")},
        {QStringLiteral("host"), QStringLiteral("address"),
            QStringLiteral("Address to listen on (default 127.0.0.1; 0.0.0.0 for all).")},
        {QStringLiteral("port"), QStringLiteral("port"),
            QStringLiteral("Port to listen on (default 8080).")},
        {QStringLiteral("data-dir"), QStringLiteral("path"),
            QStringLiteral("Folder for the SQLite database, the token secret and files.")},
        {QStringLiteral("database"), QStringLiteral("url"),
            QStringLiteral("sqlite:<path> (default <data-dir>/kocmoc.db) or "
                           "postgres://user:password@host:port/name.")},
        {QStringLiteral("token-secret"), QStringLiteral("secret"),
            QStringLiteral("Secret for signing tokens, 32 bytes or more (default: generated into "
                           "<data-dir>/token-secret).")},
        {QStringLiteral("smtp-url"), QStringLiteral("url"),
            QStringLiteral("smtp://user:password@host:port or smtps://…; without it email codes go "
                           "to the log.")},
        {QStringLiteral("smtp-from"), QStringLiteral("address"),
            QStringLiteral("Sender address of emails (default kocmoc@localhost).")},
        {QStringLiteral("log-level"), QStringLiteral("level"),
            QStringLiteral("debug, info, warning or error (default info).")},
        {QStringLiteral("log-file"), QStringLiteral("path"),
            QStringLiteral("Write the log to this file instead of stderr, rotating it by size.")},
        {QStringLiteral("log-max-mb"), QStringLiteral("megabytes"),
            QStringLiteral("Size at which the log file rotates (default 50).")},
        {QStringLiteral("log-keep"), QStringLiteral("count"),
            QStringLiteral("Rotated log files kept (default 5).")},
        {QStringLiteral("cors-origins"), QStringLiteral("origins"),
            QStringLiteral("Comma-separated browser origins allowed to call the API.")},
        {QStringLiteral("max-body-mb"), QStringLiteral("megabytes"),
            QStringLiteral("Largest file upload accepted (default 50).")},
        {QStringLiteral("quota-mb"), QStringLiteral("megabytes"),
            QStringLiteral("Storage each user may fill with uploads (default 1024).")},
        {QStringLiteral("workers"), QStringLiteral("count"),
            QStringLiteral("Worker threads for database and hashing work (default 8).")},
        {QStringLiteral("auth-rate"), QStringLiteral("count"),
            QStringLiteral("Sign-in/sign-up requests per minute per address (default 60).")},
        {QStringLiteral("upload-rate"), QStringLiteral("count"),
            QStringLiteral("Uploads a user may start per minute (default 60).")},
        {QStringLiteral("user-rate"), QStringLiteral("count"),
            QStringLiteral("Sensitive account requests per minute per user (default 60).")},
        {QStringLiteral("code-rate"), QStringLiteral("count"),
            QStringLiteral("Code emails per hour to one address (default 5).")},
        {QStringLiteral("send-interval-ms"), QStringLiteral("ms"),
            QStringLiteral("Least time between two messages of one person (default 200).")},
        {QStringLiteral("invite-only"), QString(),
            QStringLiteral("Registration needs an invite key.")},
        {QStringLiteral("demo"), QString(),
            QStringLiteral("Load demo users for trying the product out (never in production).")},
        {QStringLiteral("shutdown-grace-seconds"), QStringLiteral("seconds"),
            QStringLiteral("On SIGTERM/SIGINT, how long in-flight requests may take to finish "
                           "(default 10).")},
        {QStringLiteral("metrics-allow"), QStringLiteral("addresses"),
            QStringLiteral("Comma-separated addresses and CIDR ranges that may read /metrics "
                           "(default 127.0.0.1,::1).")},
        {QStringLiteral("trusted-proxies"), QStringLiteral("addresses"),
            QStringLiteral("Reverse proxies (addresses, CIDR ranges) whose X-Forwarded-For names "
                           "the client; none by default.")},
        {QStringLiteral("maintenance"), QStringLiteral("message"),
            QStringLiteral("Start in maintenance mode with this message for users (an admin "
                           "switches it off).")},
    };
    return list;
}

QString ServerConfig::environmentName(const QString &key)
{
    return QStringLiteral("KOCMOC_") + key.toUpper().replace(QLatin1Char('-'), QLatin1Char('_'));
}

QString ServerConfig::helpText()
{
    QString text = QStringLiteral(
        "Usage: kocmoc-server [options]\n\nKOCMOC messenger server.\n\nOptions:\n");
    for (const Option &option : options()) {
        const QString flag = QStringLiteral("  --") + option.key
            + (option.valueName.isEmpty() ? QString()
                                          : QStringLiteral(" <%1>").arg(option.valueName));
        text += flag.leftJustified(30) + option.description + QStringLiteral(" [")
            + environmentName(option.key) + QStringLiteral("]\n");
    }
    text += QStringLiteral("  --help").leftJustified(30) + QStringLiteral("Show this help.\n");
    text += QStringLiteral("  --version").leftJustified(30) + QStringLiteral("Show the version.\n");
    text += QStringLiteral(
        "\nPrecedence: command line, then environment, then config file, then defaults.\n");
    return text;
}

QString ServerConfig::databaseUrl() const
{
    return database.isEmpty()
        ? QStringLiteral("sqlite:") + QDir(dataDir).filePath(QStringLiteral("kocmoc.db"))
        : database;
}

Result<ServerConfig> ServerConfig::load(
    const QStringList &arguments, const QProcessEnvironment &environment)
{
    QCommandLineParser parser;
    for (const Option &option : options())
        parser.addOption(QCommandLineOption(option.key, option.description, option.valueName));
    if (!parser.parse(arguments))
        return ApiError::badRequest(QStringLiteral("invalid_argument"), parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return ApiError::badRequest(QStringLiteral("invalid_argument"),
            QStringLiteral("Unexpected argument: %1").arg(parser.positionalArguments().first()));

    // Layers, lowest first; each maps a setting's key to its text.
    QHash<QString, QString> values;
    const QString configFile = parser.isSet(QStringLiteral("config"))
        ? parser.value(QStringLiteral("config"))
        : environment.value(environmentName(QStringLiteral("config")));
    if (!configFile.isEmpty()) {
        if (!QFileInfo(configFile).isReadable())
            return badSetting(
                QStringLiteral("config"), QStringLiteral("cannot read %1").arg(configFile));
        QSettings file(configFile, QSettings::IniFormat);
        for (const QString &key : file.allKeys()) {
            const bool known = std::any_of(
                options().begin(), options().end(), [&](const Option &o) { return o.key == key; });
            if (!known)
                return badSetting(key, QStringLiteral("unknown setting in %1").arg(configFile));
            const QVariant value = file.value(key);
            // INI turns "a, b" into a list.
            values.insert(key,
                value.typeId() == QMetaType::QStringList
                    ? value.toStringList().join(QLatin1Char(','))
                    : value.toString());
        }
    }
    for (const Option &option : options()) {
        if (environment.contains(environmentName(option.key)))
            values.insert(option.key, environment.value(environmentName(option.key)));
        if (parser.isSet(option.key))
            values.insert(option.key,
                option.valueName.isEmpty() ? QStringLiteral("true") : parser.value(option.key));
    }

    ServerConfig config;
    std::optional<ApiError> problem;
    const auto integer = [&](const QString &key, qint64 min, qint64 max, auto &target) {
        if (!values.contains(key) || problem)
            return;
        bool ok = false;
        const qint64 value = values.value(key).trimmed().toLongLong(&ok);
        if (!ok || value < min || value > max)
            problem = badSetting(
                key, QStringLiteral("expected a whole number from %1 to %2").arg(min).arg(max));
        else
            target = static_cast<std::decay_t<decltype(target)>>(value);
    };
    integer(QStringLiteral("port"), 0, 65535, config.port);
    integer(QStringLiteral("workers"), 1, 256, config.workerThreads);
    integer(QStringLiteral("auth-rate"), 0, 1'000'000, config.authRatePerMinute);
    integer(QStringLiteral("user-rate"), 0, 1'000'000, config.userRatePerMinute);
    integer(QStringLiteral("upload-rate"), 0, 1'000'000, config.uploadRatePerMinute);
    integer(QStringLiteral("code-rate"), 0, 1'000'000, config.codeRatePerHour);
    integer(QStringLiteral("send-interval-ms"), 0, 60'000, config.sendIntervalMs);
    integer(QStringLiteral("log-max-mb"), 1, 100'000, config.logMaxMb);
    integer(QStringLiteral("log-keep"), 0, 1000, config.logKeep);
    integer(QStringLiteral("shutdown-grace-seconds"), 0, 3600, config.shutdownGraceSeconds);
    qint64 maxBodyMb = config.maxBodyBytes / (1024 * 1024);
    integer(QStringLiteral("max-body-mb"), 1, 4096, maxBodyMb);
    config.maxBodyBytes = maxBodyMb * 1024 * 1024;
    qint64 quotaMb = config.quotaBytes / (1024 * 1024);
    integer(QStringLiteral("quota-mb"), 1, 100'000'000, quotaMb);
    config.quotaBytes = quotaMb * 1024 * 1024;
    if (problem)
        return *problem;

    config.host = values.value(QStringLiteral("host"), config.host).trimmed();
    if (QHostAddress(config.host).isNull() && config.host != QLatin1String("localhost"))
        return badSetting(
            QStringLiteral("host"), QStringLiteral("not an IP address: %1").arg(config.host));
    config.dataDir = values.value(QStringLiteral("data-dir"));
    if (config.dataDir.isEmpty())
        config.dataDir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
            + QStringLiteral("/kocmoc-server");
    config.dataDir = QDir(config.dataDir).absolutePath();
    config.database = values.value(QStringLiteral("database"));
    config.tokenSecret = values.value(QStringLiteral("token-secret"));
    if (!config.tokenSecret.isEmpty() && config.tokenSecret.toUtf8().size() < 32)
        return badSetting(QStringLiteral("token-secret"),
            QStringLiteral("needs 32 bytes or more (256 bits); try: openssl rand -hex 32"));
    const QString smtp = values.value(QStringLiteral("smtp-url")).trimmed();
    if (!smtp.isEmpty()) {
        config.smtpUrl = QUrl(smtp, QUrl::StrictMode);
        const QString scheme = config.smtpUrl.scheme();
        if (!config.smtpUrl.isValid() || config.smtpUrl.host().isEmpty()
            || (scheme != QLatin1String("smtp") && scheme != QLatin1String("smtps")))
            return badSetting(QStringLiteral("smtp-url"),
                QStringLiteral("expected smtp://host:port or smtps://host:port"));
    }
    config.smtpFrom = values.value(QStringLiteral("smtp-from"), config.smtpFrom).trimmed();
    config.logLevel
        = values.value(QStringLiteral("log-level"), config.logLevel).trimmed().toLower();
    if (!QStringList{QStringLiteral("debug"), QStringLiteral("info"), QStringLiteral("warning"),
            QStringLiteral("error")}
             .contains(config.logLevel))
        return badSetting(
            QStringLiteral("log-level"), QStringLiteral("expected debug, info, warning or error"));
    for (const QString &origin :
        values.value(QStringLiteral("cors-origins")).split(QLatin1Char(','), Qt::SkipEmptyParts))
        config.corsOrigins.append(origin.trimmed());
    config.inviteOnly = isTrue(values.value(QStringLiteral("invite-only")));
    config.demo = isTrue(values.value(QStringLiteral("demo")));
    config.logFile = values.value(QStringLiteral("log-file")).trimmed();
    if (!config.logFile.isEmpty())
        config.logFile = QFileInfo(config.logFile).absoluteFilePath();
    config.maintenanceMessage = values.value(QStringLiteral("maintenance")).trimmed();
    for (const auto &[key, target] :
        {std::pair{QStringLiteral("metrics-allow"), &config.metricsAllow},
            std::pair{QStringLiteral("trusted-proxies"), &config.trustedProxies}}) {
        if (!values.contains(key))
            continue;
        *target = values.value(key).split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (QString &entry : *target)
            entry = entry.trimmed();
        QString bad;
        if (!http::AddressList::parse(*target, &bad))
            return badSetting(key, QStringLiteral("not an address or CIDR range: %1").arg(bad));
    }
    return config;
}

} // namespace kocmoc
