#include "Logging.h"

#include "RotatingLogFile.h"

#include <QDateTime>
#include <QLoggingCategory>

#include <cstdio>
#include <memory>

namespace kocmoc {

namespace {

RotatingLogFile *logFile = nullptr; // set once at startup, then lives as long as the process

// QtHttpServer 6.4 warns of every WebSocket upgrade it does not hand to a QWebSocketServer,
// and the server takes them all itself (HttpServer::handleUpgrade).
bool isUpgradeNoise(const QMessageLogContext &context, const QString &message)
{
    return context.category && qstrcmp(context.category, "qt.httpserver") == 0
        && message.startsWith(QLatin1String("WebSocket received but no slots connected"));
}

void writeLine(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (isUpgradeNoise(context, message))
        return;
    const char *level = "info";
    switch (type) {
    case QtDebugMsg:
        level = "debug";
        break;
    case QtInfoMsg:
        level = "info";
        break;
    case QtWarningMsg:
        level = "warning";
        break;
    case QtCriticalMsg:
        level = "error";
        break;
    case QtFatalMsg:
        level = "fatal";
        break;
    }
    const QByteArray line = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8()
        + ' ' + level + ' ' + (context.category ? context.category : "default") + ": "
        + message.toUtf8() + '\n';
    if (logFile) {
        logFile->write(line);
        return;
    }
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}

} // namespace

void installLogging(const QString &level)
{
    QString rules;
    if (level == QLatin1String("debug"))
        rules = QStringLiteral("kocmoc.*.debug=true");
    else if (level == QLatin1String("info"))
        rules = QStringLiteral("*.debug=false\nkocmoc.*.info=true");
    else if (level == QLatin1String("warning"))
        rules = QStringLiteral("*.debug=false\n*.info=false");
    else
        rules = QStringLiteral("*.debug=false\n*.info=false\n*.warning=false");
    QLoggingCategory::setFilterRules(rules);
    qInstallMessageHandler(writeLine);
}

QString installFileLogging(const QString &level, const QString &path, qint64 maxBytes, int keep)
{
    installLogging(level);
    auto file = std::make_unique<RotatingLogFile>(path, maxBytes, keep);
    if (!file->open())
        return QStringLiteral("cannot write the log file %1: %2").arg(path, file->errorString());
    logFile = file.release();
    return {};
}

} // namespace kocmoc
