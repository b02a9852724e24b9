#include "app/Logging.h"
#include "app/Server.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kocmoc-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KOCMOC_VERSION));

    const QStringList arguments = QCoreApplication::arguments();
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
    kocmoc::installLogging(config->logLevel);

    kocmoc::Server server(config.value());
    const auto started = server.start();
    if (!started) {
        qCritical().noquote() << "cannot start:" << started.error().message;
        return 1;
    }
    return QCoreApplication::exec();
}
