#include "app/AdminCommand.h"
#include "app/Logging.h"
#include "app/Server.h"
#include "app/ShutdownSignals.h"
#include "eventloop/EventDispatchers.h"

#include <QAbstractEventDispatcher>
#include <QCoreApplication>

#include <csignal>
#include <cstdio>

int main(int argc, char *argv[])
{
    // Before the application object, which would otherwise make Qt's own (poll()
    // over every socket on every wake-up: DESIGN.md, "Many connections").
    if (QAbstractEventDispatcher *dispatcher = kocmoc::eventloop::createEventDispatcher())
        QCoreApplication::setEventDispatcher(dispatcher);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kocmoc-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KOCMOC_VERSION));

    const QStringList arguments = QCoreApplication::arguments();
    if (kocmoc::AdminCommand::isAdminCommand(arguments))
        return kocmoc::AdminCommand::run(arguments, QProcessEnvironment::systemEnvironment());
    if (arguments.contains(QLatin1String("--help")) || arguments.contains(QLatin1String("-h"))) {
        std::fputs(kocmoc::ServerConfig::helpText().toUtf8().constData(), stdout);
        return 0;
    }
    if (arguments.contains(QLatin1String("--version"))) {
        std::printf("kocmoc-server %s\n", KOCMOC_VERSION);
        return 0;
    }
    const auto config
        = kocmoc::ServerConfig::load(arguments, QProcessEnvironment::systemEnvironment());
    if (!config) {
        std::fprintf(stderr, "kocmoc-server: %s\nRun kocmoc-server --help for the settings.\n",
            qPrintable(config.error().message));
        return 2;
    }
    if (config->logFile.isEmpty()) {
        kocmoc::installLogging(config->logLevel);
    } else if (const QString problem = kocmoc::installFileLogging(config->logLevel, config->logFile,
                   qint64(config->logMaxMb) * 1024 * 1024, config->logKeep);
               !problem.isEmpty()) {
        std::fprintf(stderr, "kocmoc-server: %s\n", qPrintable(problem));
        return 2;
    }

    qInfo().noquote() << "event dispatcher:" << kocmoc::eventloop::preferredEventDispatcher();

    // Before the server starts, so a SIGTERM during startup is not lost either.
    kocmoc::ShutdownSignals shutdownSignals;
    kocmoc::Server server(config.value());
    QObject::connect(
        &shutdownSignals, &kocmoc::ShutdownSignals::received, &server, [&server](int signalNumber) {
            qInfo().noquote() << "received" << (signalNumber == SIGINT ? "SIGINT" : "SIGTERM");
            server.shutDown();
        });
    QObject::connect(&server, &kocmoc::Server::stopped, &app, &QCoreApplication::quit);
    const auto started = server.start();
    if (!started) {
        qCritical().noquote() << "cannot start:" << started.error().message;
        return 1;
    }
    return QCoreApplication::exec();
}
