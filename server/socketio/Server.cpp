#include "Server.h"

#include "Client.h"
#include "EngineSession.h"

namespace kocmoc::socketio {

Server::Server(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_engine(std::make_unique<EngineServer>(m_options))
    , m_connectDeadlines([this](quint64 serial) {
        if (Client *client = m_clientsBySerial.value(serial))
            client->connectTimedOut();
    })
{
    connect(m_engine.get(), &EngineServer::sessionOpened, this, &Server::sessionOpened);
    of(QStringLiteral("/"));
}

Server::~Server()
{
    // Sessions, and with them clients and sockets, go while the namespaces and deadlines exist.
    m_engine.reset();
}

void Server::attach(http::Router &router, http::HttpServer &httpServer)
{
    m_engine->attach(router, httpServer);
}

Namespace &Server::of(const QString &name)
{
    const QString key = name.startsWith(QLatin1Char('/')) ? name : QLatin1Char('/') + name;
    Namespace *&nsp = m_namespaces[key];
    if (!nsp)
        nsp = new Namespace(key, *this);
    return *nsp;
}

Namespace *Server::find(const QString &name) const
{
    return m_namespaces.value(name);
}

void Server::sessionOpened(EngineSession *session)
{
    const quint64 serial = m_nextClientSerial++;
    auto *client = new Client(*this, *session, serial);
    m_clientsBySerial.insert(serial, client);
    m_connectDeadlines.schedule(serial, m_connectDeadlines.now() + m_options.connectTimeoutMs);
}

} // namespace kocmoc::socketio
