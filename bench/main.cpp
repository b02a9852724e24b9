#include "LoadRun.h"

#include "eventloop/EventDispatchers.h"

#include <QAbstractEventDispatcher>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>

#include <cstdio>
#include <sys/resource.h>

using kocmoc::bench::LoadRun;

int main(int argc, char *argv[])
{
    // The same dispatcher as the server, so that the bench is not the bottleneck.
    if (QAbstractEventDispatcher *dispatcher = kocmoc::eventloop::createEventDispatcher())
        QCoreApplication::setEventDispatcher(dispatcher);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kocmoc-bench"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Load generator for kocmoc-server: N authenticated Socket.IO connections in G groups of "
        "S members, messages at an open-loop rate, send-to-delivery latency for every recipient. "
        "Prints one JSON object."));
    parser.addHelpOption();
    const auto option
        = [&](const char *name, const char *description, const char *value, const char *fallback) {
              QCommandLineOption o(QString::fromLatin1(name), QString::fromLatin1(description),
                  QString::fromLatin1(value), QString::fromLatin1(fallback));
              parser.addOption(o);
              return o;
          };
    const auto url = option("url", "The server.", "url", "http://127.0.0.1:8080");
    const auto groups = option("groups", "Groups (G).", "count", "200");
    const auto groupSize = option("group-size", "Members per group (S, up to 64).", "count", "50");
    const auto rate = option("rate", "Messages per second, all groups together.", "rate", "1000");
    const auto warmup = option("warmup", "Seconds of sending before measuring.", "s", "5");
    const auto duration = option("duration", "Seconds measured.", "s", "30");
    const auto drain = option("drain", "Seconds to wait for the last deliveries.", "s", "15");
    const auto cache
        = option("cache", "File that keeps accounts and groups between runs.", "file", "");
    const auto serverPid
        = option("server-pid", "The server's pid, for its CPU and memory.", "pid", "0");
    const auto postgresPid = option("postgres-pid",
        "The postmaster's pid, for PostgreSQL's CPU (with its backends).", "pid", "0");
    const auto postgresUrl = option("postgres-url",
        "postgres://user@host:port/db of the server, to count the rows stored.", "url", "");
    const auto connectConcurrency = option("connect-concurrency",
        "Connections being opened at once (the server's listen backlog is Qt's 50).", "count",
        "40");
    const auto restConcurrency = option(
        "rest-concurrency", "REST requests under way at once while setting up.", "count", "8");
    const auto textBytes = option("text-bytes", "Characters of each message's text.", "n", "64");
    const QCommandLineOption idleOnly(QStringLiteral("idle-only"),
        QStringLiteral("Only connect and measure the server's memory per connection."));
    parser.addOption(idleOnly);
    const auto output = option("output", "Also write the JSON result to this file.", "file", "");
    parser.process(app);

    // One descriptor per connection, and Qt's own.
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }

    LoadRun::Settings settings;
    settings.url = QUrl(parser.value(url));
    settings.groups = parser.value(groups).toInt();
    settings.groupSize = parser.value(groupSize).toInt();
    settings.rate = parser.value(rate).toDouble();
    settings.warmupSeconds = parser.value(warmup).toDouble();
    settings.durationSeconds = parser.value(duration).toDouble();
    settings.drainSeconds = parser.value(drain).toDouble();
    settings.cachePath = parser.value(cache);
    settings.serverPid = parser.value(serverPid).toLongLong();
    settings.postgresPid = parser.value(postgresPid).toLongLong();
    settings.postgresUrl = parser.value(postgresUrl);
    settings.connectConcurrency = parser.value(connectConcurrency).toInt();
    settings.restConcurrency = parser.value(restConcurrency).toInt();
    settings.textBytes = parser.value(textBytes).toInt();
    settings.idleOnly = parser.isSet(idleOnly);
    if (settings.rate <= 0 || settings.durationSeconds <= 0 || !settings.url.isValid()) {
        std::fputs("kocmoc-bench: --rate and --duration must be positive, --url valid\n", stderr);
        return 2;
    }
    if (qint64(settings.connections()) + 100 > qint64(limit.rlim_cur))
        std::fprintf(stderr, "kocmoc-bench: %d connections, but only %lld open files allowed\n",
            settings.connections(), (long long)limit.rlim_cur);

    LoadRun run(settings);
    int exitCode = 0;
    QObject::connect(&run, &LoadRun::finished, &app, [&](const QJsonObject &result, bool ok) {
        const QByteArray json = QJsonDocument(result).toJson(QJsonDocument::Compact);
        std::printf("%s\n", json.constData());
        std::fflush(stdout);
        if (!parser.value(output).isEmpty()) {
            QFile file(parser.value(output));
            if (file.open(QIODevice::WriteOnly))
                file.write(json + '\n');
        }
        exitCode = ok ? 0 : 1;
        app.quit();
    });
    run.start();
    app.exec();
    return exitCode;
}
