#pragma once

#include <QByteArray>
#include <QList>

#include <optional>

namespace kocmoc::socketio {

// Engine.IO v4 packet types: the first character of a packet.
enum class EnginePacketType : char {
    Open = '0',
    Close = '1',
    Ping = '2',
    Pong = '3',
    Message = '4',
    Upgrade = '5',
    Noop = '6',
};

// One packet received from a client. Binary data only comes in message packets.
struct EnginePacket
{
    EnginePacketType type = EnginePacketType::Noop;
    QByteArray data; // UTF-8 text after the type character, or the binary data
    bool binary = false;

    // A WebSocket text message or one record of a polling payload; nothing when malformed.
    static std::optional<EnginePacket> decodeText(QByteArrayView text);
    static EnginePacket fromBinary(const QByteArray &data);
    // A polling POST body: records separated by \x1e, binary ones as "b<base64>".
    // Nothing when any record is malformed.
    static std::optional<QList<EnginePacket>> decodePayload(QByteArrayView body);
};

} // namespace kocmoc::socketio
