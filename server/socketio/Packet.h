#pragma once

#include "Payload.h"
#include "WirePacket.h"

#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace kocmoc::socketio {

// Socket.IO v5 packet types (https://socket.io/docs/v4/socket-io-protocol/).
enum class PacketType : char {
    Connect = '0',
    Disconnect = '1',
    Event = '2',
    Ack = '3',
    ConnectError = '4',
    BinaryEvent = '5',
    BinaryAck = '6',
};

// A Socket.IO packet: <type>[<attachments>-][<namespace>,][<ack id>][JSON],
// carried in an Engine.IO message; binary attachments follow as binary messages.
struct Packet
{
    PacketType type = PacketType::Event;
    QString nsp = QStringLiteral("/");
    std::optional<qint64> ackId;
    QJsonValue data = QJsonValue::Undefined; // Undefined when the packet has none
    int attachmentCount = 0;

    // The text of a packet from a client, checked as the reference server does: the data's shape
    // for the type (a CONNECT's auth is an object, an EVENT is an array that starts with a name
    // that is not reserved, …) and placeholders that point at announced attachments. A client
    // sends no CONNECT_ERROR. Nothing when malformed.
    static std::optional<Packet> decode(QByteArrayView utf8, int maxAttachments);

    // The Engine.IO messages that carry a packet: the text, then each attachment.
    static QList<WirePacket> encode(PacketType type, const QString &nsp, const QJsonValue &data,
        std::optional<qint64> ackId = std::nullopt, const QList<QByteArray> &attachments = {});
    static QList<WirePacket> encodeEvent(const QString &nsp, const QString &event,
        const Payload &payload, std::optional<qint64> ackId = std::nullopt);
    static QList<WirePacket> encodeAck(const QString &nsp, qint64 ackId, const Payload &payload);

    // Names a client cannot use for events (the client library's own).
    static bool isReservedEventName(const QString &name);
};

} // namespace kocmoc::socketio
