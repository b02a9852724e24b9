#pragma once

#include "app/Server.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpSocket>
#include <QTemporaryDir>

#include <functional>
#include <memory>

namespace kocmoc::test {

// What a client received.
struct Response
{
    int status = 0;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;

    QJsonObject object() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(body).array(); }
    QByteArray header(const QByteArray &name) const;
    QString errorCode() const
    {
        return object()
            .value(QStringLiteral("error"))
            .toObject()
            .value(QStringLiteral("code"))
            .toString();
    }
    QString errorField() const
    {
        return object()
            .value(QStringLiteral("error"))
            .toObject()
            .value(QStringLiteral("field"))
            .toString();
    }
};

// A REST client for a server on this machine; it waits by spinning the event loop,
// so the server may run in the same thread.
class HttpClient
{
public:
    explicit HttpClient(quint16 port = 0)
        : m_port(port)
    { }
    void setPort(quint16 port) { m_port = port; }

    Response call(const QByteArray &method, const QString &path,
        const QJsonValue &body = QJsonValue(QJsonValue::Undefined), const QString &token = {},
        const QList<QPair<QByteArray, QByteArray>> &headers = {});
    Response raw(const QByteArray &method, const QString &path, const QByteArray &body,
        const QByteArray &contentType, const QList<QPair<QByteArray, QByteArray>> &headers = {});

private:
    quint16 m_port;
    QNetworkAccessManager m_network;
};

// Which database the suite runs against: KOCMOC_TEST_DB=postgres uses the test
// script's private cluster (KOCMOC_TEST_PG_URL); anything else a SQLite file.
bool usingPostgres();
QString postgresAdminUrl();
// Runs the test script's pg_ctl for its cluster (KOCMOC_TEST_PG_CTL) with "stop" or "start".
bool postgresControl(const QString &action);

// The real server, in this process, on a free port, with a fresh database.
class TestServer
{
public:
    explicit TestServer(std::function<void(ServerConfig &)> adjust = {});
    ~TestServer();

    Result<Done> start();
    void stop(); // destroys the server but keeps its database for a restart
    Server &server() { return *m_server; }
    QString dataDir() const { return m_dataDir.path(); }
    ServerConfig config() const { return m_config; }

    Response call(const QByteArray &method, const QString &path,
        const QJsonValue &body = QJsonValue(QJsonValue::Undefined), const QString &token = {},
        const QList<QPair<QByteArray, QByteArray>> &headers = {});
    Response raw(const QByteArray &method, const QString &path, const QByteArray &body,
        const QByteArray &contentType, const QList<QPair<QByteArray, QByteArray>> &headers = {});

    // Registers a user and returns the grant ({accessToken, refreshToken, user}).
    QJsonObject registerUser(const QString &username, const QString &displayName = {},
        const QString &password = QStringLiteral("correct horse battery"));

private:
    QTemporaryDir m_dataDir;
    QString m_postgresDatabase;
    ServerConfig m_config;
    std::unique_ptr<Server> m_server;
    HttpClient m_http;
};

// Messages the server logged (the mailer writes codes there without SMTP).
class LogCapture
{
public:
    LogCapture();
    ~LogCapture();
    QStringList lines() const;
    QString lastCodeFor(const QString &email) const; // the 6 digits of the newest mail to it
};

quint64 residentMemoryBytes();

// Sends a request head, then pushes body bytes for as long as the server lets it (up to
// maxBytes or 20 s): what an oversized upload looks like to the server. Returns what
// the server answered; `socket` is left to the caller to check.
QByteArray pushOversizedBody(QTcpSocket &socket, const QByteArray &head, qint64 maxBytes);

} // namespace kocmoc::test
