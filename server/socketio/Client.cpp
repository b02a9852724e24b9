#include "Client.h"

#include "EngineSession.h"
#include "Namespace.h"
#include "Server.h"
#include "Socket.h"

#include "security/Random.h"

#include <memory>

namespace kocmoc::socketio {

Client::Client(Server &server, EngineSession &session, quint64 serial)
    : QObject(&session)
    , m_server(server)
    , m_session(session)
    , m_serial(serial)
{
    connect(&session, &EngineSession::messageReceived, this, &Client::messageReceived);
    connect(&session, &EngineSession::closed, this, &Client::sessionClosed);
}

Client::~Client()
{
    m_server.m_clientsBySerial.remove(m_serial);
    m_server.m_connectDeadlines.cancel(m_serial);
}

void Client::send(const QList<WirePacket> &packets)
{
    for (const WirePacket &packet : packets)
        m_session.send(packet);
}

void Client::messageReceived(const QByteArray &data, bool binary)
{
    if (m_closed)
        return;
    if (binary) {
        if (!m_partial) {
            fail(); // binary data that no packet announced
            return;
        }
        m_attachments.append(data);
        if (m_attachments.size() < m_partial->attachmentCount)
            return;
        const Packet packet = std::move(*m_partial);
        const QList<QByteArray> attachments = std::move(m_attachments);
        m_partial.reset();
        m_attachments.clear();
        dispatch(packet, attachments);
        return;
    }
    if (m_partial) {
        fail(); // text before the announced attachments are complete
        return;
    }
    auto packet = Packet::decode(data, m_server.options().maxAttachments);
    if (!packet) {
        fail();
        return;
    }
    if (packet->attachmentCount > 0) {
        m_partial = std::move(packet);
        return;
    }
    dispatch(*packet, {});
}

void Client::dispatch(const Packet &packet, const QList<QByteArray> &attachments)
{
    if (packet.type == PacketType::Connect) {
        connectTo(packet.nsp, packet.data.toObject());
        return;
    }
    // Packets for a namespace the client has not joined are ignored, as by the reference server.
    if (Socket *socket = m_sockets.value(packet.nsp))
        socket->receive(packet, attachments);
}

void Client::connectTo(const QString &nsp, const QJsonObject &auth)
{
    Namespace *target = m_server.find(nsp);
    if (!target) {
        send(Packet::encode(PacketType::ConnectError, nsp,
            QJsonObject{{QStringLiteral("message"), QStringLiteral("Invalid namespace")}}));
        return;
    }
    if (m_sockets.contains(nsp) || m_authorizing.value(nsp))
        return; // connected, or being checked
    auto *socket = new Socket(*target, *this, security::random::token(15), auth);
    m_authorizing.insert(nsp, socket);
    target->authorize(socket, auth,
        [client = QPointer<Client>(this), socket = QPointer<Socket>(socket),
            done = std::make_shared<bool>(false)](std::optional<QString> refusal) {
            if (*done)
                return;
            *done = true;
            if (client && socket && !client->m_closed)
                client->decided(socket, refusal);
        });
}

void Client::decided(Socket *socket, const std::optional<QString> &refusal)
{
    Namespace &nsp = socket->nsp();
    m_authorizing.remove(nsp.name());
    if (refusal) {
        send(Packet::encode(PacketType::ConnectError, nsp.name(),
            QJsonObject{{QStringLiteral("message"), *refusal}}));
        socket->deleteLater();
        return;
    }
    m_sockets.insert(nsp.name(), socket);
    m_server.m_connectDeadlines.cancel(m_serial);
    socket->m_connected = true;
    nsp.admit(socket);
    send(Packet::encode(
        PacketType::Connect, nsp.name(), QJsonObject{{QStringLiteral("sid"), socket->id()}}));
    emit nsp.connected(socket);
}

void Client::socketLeft(Socket *socket, bool closeWhenLast)
{
    const auto it = m_sockets.constFind(socket->nsp().name());
    if (it != m_sockets.constEnd() && *it == socket)
        m_sockets.erase(it);
    if (closeWhenLast && m_sockets.isEmpty() && !m_closed)
        m_session.close(QStringLiteral("server namespace disconnect"));
}

void Client::sessionClosed(const QString &reason)
{
    m_closed = true;
    m_server.m_connectDeadlines.cancel(m_serial);
    const auto sockets = std::exchange(m_sockets, {});
    for (Socket *socket : sockets)
        socket->detach(reason);
    for (const QPointer<Socket> &socket : std::exchange(m_authorizing, {})) {
        if (socket)
            socket->deleteLater();
    }
}

void Client::connectTimedOut()
{
    if (m_sockets.isEmpty() && !m_closed)
        m_session.close(QStringLiteral("connect timeout"));
}

void Client::fail()
{
    m_partial.reset();
    m_attachments.clear();
    m_session.close(QStringLiteral("parse error"));
}

} // namespace kocmoc::socketio
