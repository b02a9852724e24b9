#include "Packet.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace kocmoc::socketio {

namespace {

constexpr int maxAckIdDigits = 15; // below 2^53, the largest integer a JavaScript client keeps

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Every placeholder in the value points at one of the `count` attachments.
bool placeholdersValid(const QJsonValue &value, int count)
{
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (const QJsonValue &item : array) {
            if (!placeholdersValid(item, count))
                return false;
        }
        return true;
    }
    if (!value.isObject())
        return true;
    const QJsonObject object = value.toObject();
    if (object.contains(QLatin1String("_placeholder"))) {
        const auto index = Payload::placeholderIndex(value);
        return index && *index < count;
    }
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!placeholdersValid(it.value(), count))
            return false;
    }
    return true;
}

bool dataValid(const Packet &packet)
{
    const QJsonValue &data = packet.data;
    switch (packet.type) {
    case PacketType::Connect:
        return data.isUndefined() || data.isObject();
    case PacketType::Disconnect:
        return data.isUndefined();
    case PacketType::Event:
    case PacketType::BinaryEvent: {
        if (!data.isArray())
            return false;
        const QJsonArray array = data.toArray();
        return !array.isEmpty() && array.first().isString()
            && !Packet::isReservedEventName(array.first().toString());
    }
    case PacketType::Ack:
    case PacketType::BinaryAck:
        return data.isArray() && packet.ackId.has_value();
    case PacketType::ConnectError:
        return false;
    }
    return false;
}

} // namespace

bool Packet::isReservedEventName(const QString &name)
{
    static const QStringList reserved{QStringLiteral("connect"), QStringLiteral("connect_error"),
        QStringLiteral("disconnect"), QStringLiteral("disconnecting"),
        QStringLiteral("newListener"), QStringLiteral("removeListener")};
    return reserved.contains(name);
}

std::optional<Packet> Packet::decode(QByteArrayView utf8, int maxAttachments)
{
    if (utf8.isEmpty() || utf8.front() < '0' || utf8.front() > '6')
        return std::nullopt;
    Packet packet;
    packet.type = PacketType(utf8.front());
    qsizetype i = 1;
    const qsizetype size = utf8.size();

    if (packet.type == PacketType::BinaryEvent || packet.type == PacketType::BinaryAck) {
        const qsizetype start = i;
        while (i < size && isDigit(utf8[i]) && i - start < 6)
            ++i;
        if (i == start || i >= size || utf8[i] != '-')
            return std::nullopt;
        packet.attachmentCount = utf8.sliced(start, i - start).toInt();
        if (packet.attachmentCount > maxAttachments)
            return std::nullopt;
        ++i;
    }

    if (i < size && utf8[i] == '/') {
        qsizetype end = utf8.indexOf(',', i);
        const bool comma = end >= 0;
        if (!comma)
            end = size;
        packet.nsp = QString::fromUtf8(utf8.sliced(i, end - i));
        i = comma ? end + 1 : end;
    }

    const qsizetype idStart = i;
    while (i < size && isDigit(utf8[i]))
        ++i;
    if (i > idStart) {
        if (i - idStart > maxAckIdDigits)
            return std::nullopt;
        packet.ackId = utf8.sliced(idStart, i - idStart).toLongLong();
    }

    if (i < size) {
        QJsonParseError error;
        const QJsonDocument document
            = QJsonDocument::fromJson(utf8.sliced(i).toByteArray(), &error);
        if (error.error != QJsonParseError::NoError
            || (!document.isArray() && !document.isObject()))
            return std::nullopt;
        packet.data
            = document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
    }

    if (!dataValid(packet))
        return std::nullopt;
    if (packet.attachmentCount > 0 && !placeholdersValid(packet.data, packet.attachmentCount))
        return std::nullopt;
    return packet;
}

QList<WirePacket> Packet::encode(PacketType type, const QString &nsp, const QJsonValue &data,
    std::optional<qint64> ackId, const QList<QByteArray> &attachments)
{
    if (!attachments.isEmpty()) {
        if (type == PacketType::Event)
            type = PacketType::BinaryEvent;
        else if (type == PacketType::Ack)
            type = PacketType::BinaryAck;
    }
    QByteArray head;
    head.reserve(32 + nsp.size());
    head.append(char(type));
    if (!attachments.isEmpty())
        head.append(QByteArray::number(attachments.size())).append('-');
    if (nsp != u"/")
        head.append(nsp.toUtf8()).append(',');
    if (ackId)
        head.append(QByteArray::number(*ackId));
    QByteArray json;
    if (data.isArray())
        json = QJsonDocument(data.toArray()).toJson(QJsonDocument::Compact);
    else if (data.isObject())
        json = QJsonDocument(data.toObject()).toJson(QJsonDocument::Compact);

    QList<WirePacket> packets;
    packets.reserve(1 + attachments.size());
    packets.append(WirePacket::text(EnginePacketType::Message, head, json));
    for (const QByteArray &attachment : attachments)
        packets.append(WirePacket::binary(attachment));
    return packets;
}

QList<WirePacket> Packet::encodeEvent(
    const QString &nsp, const QString &event, const Payload &payload, std::optional<qint64> ackId)
{
    QJsonArray data = payload.args;
    data.prepend(event);
    return encode(PacketType::Event, nsp, data, ackId, payload.attachments);
}

QList<WirePacket> Packet::encodeAck(const QString &nsp, qint64 ackId, const Payload &payload)
{
    return encode(PacketType::Ack, nsp, payload.args, ackId, payload.attachments);
}

} // namespace kocmoc::socketio
