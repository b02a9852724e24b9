#pragma once

#include "ConnectionGuard.h"
#include "Router.h"

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QPointer>

namespace kocmoc::http {

// QtHttpServer's parser under our own router and replies. This class is the one
// place that depends on the QtHttpServer minor version: 6.4's
// handleRequest(request, socket) became handleRequest(request, responder) in 6.5.
class HttpServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    struct Options
    {
        ConnectionGuard::Limits limits;
        QStringList corsOrigins; // exact origins allowed to call the API from a browser
    };

    HttpServer(Router &router, Options options, QObject *parent = nullptr);

    // Listens through a ConnectionGuard; returns the port, or 0 on failure.
    quint16 listenOn(const QHostAddress &address, quint16 port);
    ConnectionGuard *guard() const { return m_guard; }
    QString errorString() const { return m_errorString; }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    HttpRequest copyRequest(const QHttpServerRequest &request) const;
    HeaderList corsHeaders(const QByteArray &origin) const;
    void answerPreflight(const HttpRequest &request, const HttpReply &reply) const;

    Router &m_router;
    Options m_options;
    QPointer<ConnectionGuard> m_guard;
    QString m_errorString;
};

} // namespace kocmoc::http
