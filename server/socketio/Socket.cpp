#include "Socket.h"

#include "Client.h"
#include "EngineSession.h"
#include "Namespace.h"
#include "Packet.h"
#include "Server.h"

#include <QLoggingCategory>

#include <memory>

Q_LOGGING_CATEGORY(lcSocketIo, "kocmoc.socketio")

namespace kocmoc::socketio {

Socket::Socket(Namespace &nsp, Client &client, QString id, QJsonObject auth)
    : QObject(&client)
    , m_namespace(nsp)
    , m_client(&client)
    , m_id(std::move(id))
    , m_auth(std::move(auth))
{ }

Socket::~Socket()
{
    if (m_connected)
        m_namespace.remove(this);
}

const Handshake &Socket::handshake() const
{
    return m_client->session().handshake();
}

QString Socket::sessionId() const
{
    return m_client->session().id();
}

void Socket::join(const QString &room)
{
    if (m_rooms.contains(room))
        return;
    m_rooms.insert(room);
    if (m_connected)
        m_namespace.addToRoom(this, room);
}

void Socket::leave(const QString &room)
{
    if (!m_rooms.remove(room))
        return;
    if (m_connected)
        m_namespace.removeFromRoom(this, room);
}

void Socket::sendPacket(const QList<WirePacket> &packets)
{
    m_client->send(packets);
}

void Socket::emitEvent(const QString &event, const Payload &payload, AckCallback ack)
{
    if (!m_connected)
        return;
    if (Packet::isReservedEventName(event)) {
        qCWarning(lcSocketIo) << "not sending the reserved event name" << event;
        return;
    }
    std::optional<qint64> ackId;
    if (ack) {
        ackId = m_nextAckId++;
        m_acks.emplace(*ackId, std::move(ack));
        if (qsizetype(m_acks.size()) > m_namespace.m_server.options().maxPendingAcks)
            m_acks.erase(m_acks.begin());
    }
    sendPacket(Packet::encodeEvent(m_namespace.name(), event, payload, ackId));
    ++m_namespace.m_eventsSent;
}

void Socket::disconnect()
{
    if (!m_connected)
        return;
    sendPacket(Packet::encode(PacketType::Disconnect, m_namespace.name(), QJsonValue::Undefined));
    detach(QStringLiteral("server namespace disconnect"));
    m_client->socketLeft(this, true);
}

void Socket::receive(const Packet &packet, const QList<QByteArray> &attachments)
{
    emit packetReceived();
    if (!m_connected)
        return; // the hook disconnected it
    switch (packet.type) {
    case PacketType::Event:
    case PacketType::BinaryEvent: {
        QJsonArray args = packet.data.toArray();
        const QString name = args.takeAt(0).toString();
        Ack ack;
        if (packet.ackId) {
            ack = [self = QPointer<Socket>(this), id = *packet.ackId,
                      answered = std::make_shared<bool>(false)](const Payload &payload) {
                if (*answered || !self || !self->m_connected)
                    return;
                *answered = true;
                self->sendPacket(Packet::encodeAck(self->m_namespace.name(), id, payload));
            };
        }
        emit event(name, Payload(std::move(args), attachments), ack);
        return;
    }
    case PacketType::Ack:
    case PacketType::BinaryAck: {
        const auto it = m_acks.find(*packet.ackId);
        if (it == m_acks.end())
            return; // unknown, answered already, or dropped
        const AckCallback callback = std::move(it->second);
        m_acks.erase(it);
        callback(Payload(packet.data.toArray(), attachments));
        return;
    }
    case PacketType::Disconnect:
        detach(QStringLiteral("client namespace disconnect"));
        m_client->socketLeft(this, false);
        return;
    case PacketType::Connect:
    case PacketType::ConnectError:
        return; // the Client handles these
    }
}

void Socket::detach(const QString &reason)
{
    if (!m_connected)
        return;
    m_connected = false;
    m_namespace.remove(this);
    m_acks.clear();
    emit disconnected(reason);
    deleteLater();
}

} // namespace kocmoc::socketio
