#include "TestServer.h"

#include <QElapsedTimer>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QMutex>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>
#include <QUuid>

namespace kocmoc::test {

QByteArray Response::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool usingPostgres()
{
    return qEnvironmentVariable("KOCMOC_TEST_DB") == QLatin1String("postgres");
}

QString postgresAdminUrl()
{
    return qEnvironmentVariable("KOCMOC_TEST_PG_URL");
}

bool postgresControl(const QString &action)
{
    QStringList command
        = qEnvironmentVariable("KOCMOC_TEST_PG_CTL").split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (command.isEmpty())
        return false;
    const QString program = command.takeFirst();
    return QProcess::execute(program, command << action) == 0;
}

namespace {

// Runs one statement on the test cluster's maintenance database.
bool adminExec(const QString &statement)
{
    const auto settings = db::DatabaseSettings::fromUrl(postgresAdminUrl());
    if (!settings)
        return false;
    bool ok = false;
    {
        QSqlDatabase db
            = settings->addConnection(QStringLiteral("test-admin"), QStringLiteral("kocmoc-tests"));
        if (db.open()) {
            QSqlQuery query(db);
            ok = query.exec(statement);
            if (!ok)
                qWarning() << statement << query.lastError().text();
        } else {
            qWarning() << "cannot reach the test cluster:" << db.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("test-admin"));
    return ok;
}

} // namespace

TestServer::TestServer(std::function<void(ServerConfig &)> adjust)
{
    m_config.host = QStringLiteral("127.0.0.1");
    m_config.port = 0;
    m_config.dataDir = m_dataDir.path();
    m_config.workerThreads = 4;
    // Limits high enough for a suite that sends everything from one address; the rate-limit test
    // lowers them.
    m_config.authRatePerMinute = 100000;
    m_config.userRatePerMinute = 100000;
    m_config.uploadRatePerMinute = 100000;
    m_config.codeRatePerHour = 100000;
    if (usingPostgres()) {
        m_postgresDatabase
            = QStringLiteral("kocmoc_test_") + QUuid::createUuid().toString(QUuid::Id128).left(16);
        const auto admin = db::DatabaseSettings::fromUrl(postgresAdminUrl());
        if (admin && adminExec(QStringLiteral("CREATE DATABASE ") + m_postgresDatabase))
            m_config.database = QStringLiteral("postgres://%1@%2:%3/%4")
                                    .arg(admin->user, admin->host)
                                    .arg(admin->port)
                                    .arg(m_postgresDatabase);
        else
            m_config.database = QStringLiteral("postgres://unreachable.invalid/none");
    }
    if (adjust)
        adjust(m_config);
}

TestServer::~TestServer()
{
    m_server.reset();
    if (!m_postgresDatabase.isEmpty())
        adminExec(
            QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_postgresDatabase));
}

Result<Done> TestServer::start()
{
    m_server = std::make_unique<Server>(m_config);
    return m_server->start();
}

void TestServer::stop()
{
    m_server.reset();
}

Response TestServer::raw(const QByteArray &method, const QString &path, const QByteArray &body,
    const QByteArray &contentType, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    m_http.setPort(m_server->port());
    return m_http.raw(method, path, body, contentType, headers);
}

Response TestServer::call(const QByteArray &method, const QString &path, const QJsonValue &body,
    const QString &token, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    m_http.setPort(m_server->port());
    return m_http.call(method, path, body, token, headers);
}

Response HttpClient::raw(const QByteArray &method, const QString &path, const QByteArray &body,
    const QByteArray &contentType, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path)));
    if (!contentType.isEmpty())
        request.setRawHeader("Content-Type", contentType);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(30'000, &loop, &QEventLoop::quit);
    loop.exec();
    Response response;
    if (!reply->isFinished()) {
        reply->abort();
        qWarning() << "no answer within 30 s:" << method << path;
    }
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.body = reply->readAll();
    response.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return response;
}

Response HttpClient::call(const QByteArray &method, const QString &path, const QJsonValue &body,
    const QString &token, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QList<QPair<QByteArray, QByteArray>> all = headers;
    if (!token.isEmpty())
        all.append({"Authorization", "Bearer " + token.toLatin1()});
    QByteArray payload;
    if (body.isObject())
        payload = QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
    else if (body.isArray())
        payload = QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact);
    return raw(method, path, payload,
        body.isUndefined() ? QByteArray() : QByteArrayLiteral("application/json"), all);
}

QJsonObject TestServer::registerUser(
    const QString &username, const QString &displayName, const QString &password)
{
    const Response response = call("POST", QStringLiteral("/api/auth/register"),
        QJsonObject{{QStringLiteral("email"), username + QStringLiteral("@example.org")},
            {QStringLiteral("password"), password}, {QStringLiteral("username"), username},
            {QStringLiteral("displayName"), displayName.isEmpty() ? username : displayName}});
    if (response.status != 201)
        qWarning() << "registration failed:" << response.status << response.body;
    return response.object();
}

namespace {

QMutex logMutex;
QStringList logLines;
QtMessageHandler previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&logMutex);
        logLines.append(message);
    }
    if (previousHandler)
        previousHandler(type, context, message);
}

} // namespace

LogCapture::LogCapture()
{
    QMutexLocker lock(&logMutex);
    logLines.clear();
    previousHandler = qInstallMessageHandler(captureMessage);
}

LogCapture::~LogCapture()
{
    qInstallMessageHandler(previousHandler);
}

QStringList LogCapture::lines() const
{
    QMutexLocker lock(&logMutex);
    return logLines;
}

QString LogCapture::lastCodeFor(const QString &email) const
{
    const QStringList all = lines();
    static const QRegularExpression code(QStringLiteral("\\b(\\d{6})\\b"));
    for (auto it = all.crbegin(); it != all.crend(); ++it) {
        if (it->contains(email, Qt::CaseInsensitive)) {
            const auto match = code.match(*it);
            if (match.hasMatch())
                return match.captured(1);
        }
    }
    return {};
}

QByteArray pushOversizedBody(QTcpSocket &socket, const QByteArray &head, qint64 maxBytes)
{
    socket.write(head);
    const QByteArray chunk(64 * 1024, 'x');
    QByteArray answer;
    qint64 sent = 0;
    QElapsedTimer timer;
    timer.start();
    while (socket.state() == QAbstractSocket::ConnectedState && sent < maxBytes
        && timer.elapsed() < 20'000) {
        if (socket.bytesToWrite() < 4 * chunk.size()) {
            socket.write(chunk);
            sent += chunk.size();
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        answer += socket.readAll();
    }
    while (answer.isEmpty() && socket.state() != QAbstractSocket::UnconnectedState
        && timer.elapsed() < 25'000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        answer += socket.readAll();
    }
    return answer + socket.readAll();
}

quint64 residentMemoryBytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toULongLong() * 1024;
    }
    return 0;
}

} // namespace kocmoc::test
