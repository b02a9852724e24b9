#pragma once

#include "DeadlineQueue.h"
#include "EngineServer.h"
#include "Namespace.h"
#include "Socket.h"

#include <QHash>
#include <QObject>

#include <memory>

namespace kocmoc::socketio {

class Client;

// The Socket.IO v5 server (https://socket.io/docs/v4/socket-io-protocol/) on
// an Engine.IO server of its own, one per HTTP server. It knows nothing of the
// app: the app checks CONNECTs (Namespace::setAuthorizer), reacts to sockets
// (Namespace::connected, Socket::event) and emits to sockets and rooms.
//
//     socketio::Server::Options options; // path "/socket.io/", the reference defaults
//     socketio::Server io(options);
//     io.attach(router, httpServer);
//     io.of("/").setAuthorizer([](Socket *socket, const QJsonObject &auth, auto decide) { … });
//     connect(&io.of("/"), &Namespace::connected, [](Socket *socket) { … });
class Server : public QObject
{
    Q_OBJECT
public:
    struct Options : EngineServer::Options
    {
        Options() { path = QStringLiteral("/socket.io/"); }
        // A session that has joined no namespace by then is closed.
        int connectTimeoutMs = 45'000;
        int maxAttachments = 10; // per incoming packet; more is a malformed packet
        int maxPendingAcks = 1000; // per socket: answers awaited from the client
    };

    explicit Server(Options options = {}, QObject *parent = nullptr);
    ~Server() override;

    // Polling routes on the router and WebSocket upgrades on the HTTP server (see EngineServer).
    void attach(http::Router &router, http::HttpServer &httpServer);

    // The namespace, created on first use; "/" always exists. A CONNECT to a namespace that does
    // not exist gets CONNECT_ERROR "Invalid namespace".
    Namespace &of(const QString &name);
    Namespace *find(const QString &name) const;

    const Options &options() const { return m_options; }
    int sessionCount() const { return m_engine->sessionCount(); }
    EngineServer &engine() const { return *m_engine; }

private:
    friend class Client;

    void sessionOpened(EngineSession *session);

    Options m_options;
    std::unique_ptr<EngineServer> m_engine; // deleted first: its sessions hold sockets
    QHash<QString, Namespace *> m_namespaces;
    QHash<quint64, Client *> m_clientsBySerial; // the connect deadlines' keys
    quint64 m_nextClientSerial = 1;
    DeadlineQueue m_connectDeadlines;
};

} // namespace kocmoc::socketio
