#pragma once

#include "AddressList.h"
#include "ConnectionGuard.h"
#include "Router.h"
#include "WebSocketConnection.h"

#include <QAbstractHttpServer>
#include <QHash>
#include <QHostAddress>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

namespace kocmoc::http {

// QtHttpServer's parser under our own router and replies. This class is the one
// place that depends on the QtHttpServer minor version: 6.4's
// handleRequest(request, socket) became handleRequest(request, responder) in 6.5,
// and the WebSocket hand-over changed in 6.8.
class HttpServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    struct Options
    {
        ConnectionGuard::Limits limits;
        QStringList corsOrigins; // exact origins allowed to call the API from a browser
        AddressList trustedProxies; // peers whose X-Forwarded-For names the real client
        RequestObserver *observer = nullptr; // told of every answer (metrics); outlives the server
    };

    HttpServer(Router &router, Options options, QObject *parent = nullptr);

    // Nothing accepts the upgrade request; a response refuses it (sent, then the connection
    // closes).
    using WebSocketAcceptor = std::function<std::optional<HttpResponse>(const HttpRequest &)>;
    using WebSocketReceiver = std::function<void(WebSocketConnection)>;

    // Listens through a ConnectionGuard; returns the port, or 0 on failure.
    quint16 listenOn(const QHostAddress &address, quint16 port);
    // WebSocket upgrades of `path` (matched like a Router pattern without parameters) are asked of
    // `accept`, and the accepted connections go to `receive`, taken from QtHttpServer with the
    // 101 answer still to write. Upgrades of other paths get 404.
    void addWebSocketEndpoint(
        const QString &path, WebSocketAcceptor accept, WebSocketReceiver receive);
    ConnectionGuard *guard() const { return m_guard; }
    QString errorString() const { return m_errorString; }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct WebSocketEndpoint
    {
        WebSocketAcceptor accept;
        WebSocketReceiver receive;
    };

    HttpRequest copyRequest(const QHttpServerRequest &request) const;
    QHostAddress clientAddress(const QHostAddress &peer, const QByteArray &forwardedFor) const;
    // close: the connection ends after the answer (a refused upgrade).
    HttpReply makeReply(const HttpRequest &request, QTcpSocket *socket, bool close = false) const;
    bool handleUpgrade(const QHttpServerRequest &request, QTcpSocket *socket);
    HeaderList corsHeaders(const QByteArray &origin) const;
    void answerPreflight(const HttpRequest &request, const HttpReply &reply) const;

    Router &m_router;
    Options m_options;
    QPointer<ConnectionGuard> m_guard;
    QString m_errorString;
    QHash<QString, WebSocketEndpoint> m_webSocketEndpoints; // by path without slashes at the ends
};

} // namespace kocmoc::http
