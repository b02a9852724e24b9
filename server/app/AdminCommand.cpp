#include "AdminCommand.h"

#include "app/Clock.h"
#include "app/ServerConfig.h"
#include "db/Database.h"
#include "db/DatabaseError.h"
#include "services/AdminAccounts.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QTextStream>

#include <cstdio>
#include <iostream>
#include <string>
#include <termios.h>
#include <unistd.h>

namespace kocmoc {

namespace {

const QStringList commandOptions{QStringLiteral("email"), QStringLiteral("username"),
    QStringLiteral("display-name"), QStringLiteral("password-file")};

void printError(const QString &message)
{
    std::fprintf(stderr, "kocmoc-server admin: %s\n", qPrintable(message));
}

bool takesValue(const QString &key)
{
    for (const ServerConfig::Option &option : ServerConfig::options()) {
        if (option.key == key)
            return !option.valueName.isEmpty();
    }
    return false;
}

// One line from stdin; without echo when it is a terminal.
std::optional<QString> readSecretLine(const char *prompt)
{
    const bool terminal = isatty(STDIN_FILENO);
    termios saved{};
    if (terminal) {
        std::fputs(prompt, stderr);
        std::fflush(stderr);
        tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    std::string line;
    const bool ok = bool(std::getline(std::cin, line));
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        std::fputs("\n", stderr);
    }
    if (!ok)
        return std::nullopt;
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return QString::fromStdString(line);
}

std::optional<QString> readPassword(const QString &passwordFile)
{
    if (!passwordFile.isEmpty()) {
        QFile file(passwordFile);
        if (!file.open(QIODevice::ReadOnly)) {
            printError(QStringLiteral("cannot read %1: %2").arg(passwordFile, file.errorString()));
            return std::nullopt;
        }
        QString password = QString::fromUtf8(file.readLine());
        while (password.endsWith(QLatin1Char('\n')) || password.endsWith(QLatin1Char('\r')))
            password.chop(1);
        return password;
    }
    const auto password = readSecretLine("Password: ");
    if (!password) {
        printError(QStringLiteral("no password on stdin"));
        return std::nullopt;
    }
    if (isatty(STDIN_FILENO) && readSecretLine("Repeat the password: ") != password) {
        printError(QStringLiteral("the passwords differ"));
        return std::nullopt;
    }
    return password;
}

} // namespace

bool AdminCommand::isAdminCommand(const QStringList &arguments)
{
    return arguments.size() > 1 && arguments.at(1) == QLatin1String("admin");
}

QString AdminCommand::helpText()
{
    return QStringLiteral(
        "Usage:\n"
        "  kocmoc-server admin create --email <email> --username <name> --display-name <name>\n"
        "                             [--password-file <file>] [server options]\n"
        "      Creates a super-admin (access level 100). The password is read from the file,\n"
        "      or from stdin (not echoed on a terminal); it passes the registration rules.\n"
        "  kocmoc-server admin level <username> <1|10|100> [server options]\n"
        "      Sets a user's access level: 1 user, 10 admin, 100 super-admin.\n"
        "\nServer options (--database, --data-dir, --config …) name the database as for the "
        "server.\n");
}

int AdminCommand::run(const QStringList &arguments, const QProcessEnvironment &environment)
{
    // Split our own options and words from the server's settings, which ServerConfig reads.
    QHash<QString, QString> own;
    QStringList words;
    QStringList serverArguments{arguments.value(0)};
    for (qsizetype i = 2; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == QLatin1String("--help") || argument == QLatin1String("-h")) {
            std::fputs(helpText().toUtf8().constData(), stdout);
            return 0;
        }
        if (!argument.startsWith(QLatin1String("--"))) {
            words.append(argument);
            continue;
        }
        QString key = argument.mid(2);
        std::optional<QString> value;
        if (const qsizetype equals = key.indexOf(QLatin1Char('=')); equals >= 0) {
            value = key.mid(equals + 1);
            key.truncate(equals);
        }
        const bool ours = commandOptions.contains(key);
        if ((ours || takesValue(key)) && !value) {
            if (i + 1 >= arguments.size()) {
                printError(QStringLiteral("--%1 needs a value").arg(key));
                return 2;
            }
            value = arguments.at(++i);
        }
        if (ours)
            own.insert(key, *value);
        else
            serverArguments << QStringLiteral("--") + key
                            << (value ? QStringList{*value} : QStringList{});
    }
    const QString action = words.value(0);
    const bool create = action == QLatin1String("create") && words.size() == 1
        && own.contains(QStringLiteral("email")) && own.contains(QStringLiteral("username"))
        && own.contains(QStringLiteral("display-name"));
    const bool level = action == QLatin1String("level") && words.size() == 3 && own.isEmpty();
    if (!create && !level) {
        std::fputs(helpText().toUtf8().constData(), stderr);
        return 2;
    }
    const auto config = ServerConfig::load(serverArguments, environment);
    if (!config) {
        printError(config.error().message);
        return 2;
    }

    std::optional<QString> password;
    if (create && !(password = readPassword(own.value(QStringLiteral("password-file")))))
        return 1;
    if (!QDir().mkpath(config->dataDir)) {
        printError(QStringLiteral("cannot create the data folder %1").arg(config->dataDir));
        return 1;
    }
    const auto settings = db::DatabaseSettings::fromUrl(config->databaseUrl());
    if (!settings) {
        printError(settings.error().message);
        return 1;
    }
    Clock clock;
    db::Database database(settings.value());
    // A short-lived tool with nothing else on its thread: SQL may run here.
    try {
        database.migrate();
        AdminAccounts accounts(database, clock);
        Result<UserRecord> done = create
            ? accounts.createSuperAdmin(own.value(QStringLiteral("email")),
                own.value(QStringLiteral("username")), own.value(QStringLiteral("display-name")),
                *password)
            : [&]() -> Result<UserRecord> {
            bool ok = false;
            const int accessLevel = words.at(2).toInt(&ok);
            if (!ok)
                return ApiError::invalidField(QStringLiteral("accessLevel"),
                    QStringLiteral("The access level is 1, 10 or 100."));
            return accounts.setAccessLevel(words.at(1), accessLevel);
        }();
        database.closeThreadConnection();
        if (!done) {
            printError(done.error().message);
            return 1;
        }
        std::printf("%s (%s): access level %d\n", qPrintable(done->user.username),
            qPrintable(done->user.id), done->user.accessLevel);
        return 0;
    } catch (const db::DatabaseError &e) {
        database.closeThreadConnection();
        printError(QString::fromUtf8(e.what()));
        return 1;
    }
}

} // namespace kocmoc
