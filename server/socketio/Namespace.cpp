#include "Namespace.h"

#include "Client.h"
#include "Packet.h"
#include "Server.h"
#include "Socket.h"

namespace kocmoc::socketio {

Namespace::Namespace(QString name, Server &server)
    : QObject(&server)
    , m_name(std::move(name))
    , m_server(server)
{ }

void Namespace::authorize(Socket *socket, const QJsonObject &auth, Decision decide)
{
    if (m_authorizer)
        m_authorizer(socket, auth, std::move(decide));
    else
        decide(std::nullopt);
}

void Namespace::admit(Socket *socket)
{
    m_sockets.insert(socket->id(), socket);
    // Rooms joined while the CONNECT was being checked, and the socket's own room.
    socket->m_rooms.insert(socket->id());
    for (const QString &room : std::as_const(socket->m_rooms))
        m_rooms[room].insert(socket);
}

void Namespace::remove(Socket *socket)
{
    for (const QString &room : std::as_const(socket->m_rooms))
        removeFromRoom(socket, room);
    m_sockets.remove(socket->id());
}

void Namespace::addToRoom(Socket *socket, const QString &room)
{
    m_rooms[room].insert(socket);
}

void Namespace::removeFromRoom(Socket *socket, const QString &room)
{
    const auto it = m_rooms.find(room);
    if (it == m_rooms.end())
        return;
    it->remove(socket);
    if (it->isEmpty())
        m_rooms.erase(it);
}

void Namespace::emitTo(
    const QStringList &rooms, const QString &event, const Payload &payload, const Socket *except)
{
    if (rooms.isEmpty())
        return;
    const QList<WirePacket> packets = Packet::encodeEvent(m_name, event, payload);
    // A socket in several of the rooms is marked with this broadcast's serial on its first
    // delivery: no set of recipients to build.
    const quint64 serial = ++m_broadcastSerial;
    for (const QString &room : rooms) {
        const auto members = m_rooms.constFind(room);
        if (members == m_rooms.constEnd())
            continue;
        for (Socket *socket : *members) {
            if (socket->m_broadcastSerial == serial || socket == except)
                continue;
            socket->m_broadcastSerial = serial;
            socket->sendPacket(packets);
            ++m_eventsSent;
        }
    }
}

void Namespace::emitTo(
    const QString &room, const QString &event, const Payload &payload, const Socket *except)
{
    emitTo(QStringList{room}, event, payload, except);
}

void Namespace::emitAll(const QString &event, const Payload &payload, const Socket *except)
{
    if (m_sockets.isEmpty())
        return;
    const QList<WirePacket> packets = Packet::encodeEvent(m_name, event, payload);
    for (Socket *socket : std::as_const(m_sockets)) {
        if (socket != except) {
            socket->sendPacket(packets);
            ++m_eventsSent;
        }
    }
}

} // namespace kocmoc::socketio
