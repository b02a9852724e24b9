#include "EnginePacket.h"

namespace kocmoc::socketio {

namespace {

constexpr char recordSeparator = '\x1e';

} // namespace

std::optional<EnginePacket> EnginePacket::decodeText(QByteArrayView text)
{
    if (text.isEmpty() || text.front() < '0' || text.front() > '6')
        return std::nullopt;
    EnginePacket packet;
    packet.type = EnginePacketType(text.front());
    packet.data = text.sliced(1).toByteArray();
    return packet;
}

EnginePacket EnginePacket::fromBinary(const QByteArray &data)
{
    return EnginePacket{EnginePacketType::Message, data, true};
}

std::optional<QList<EnginePacket>> EnginePacket::decodePayload(QByteArrayView body)
{
    QList<EnginePacket> packets;
    qsizetype start = 0;
    while (start <= body.size()) {
        qsizetype end = body.indexOf(recordSeparator, start);
        if (end < 0)
            end = body.size();
        const QByteArrayView record = body.sliced(start, end - start);
        if (!record.isEmpty() && record.front() == 'b') {
            auto decoded = QByteArray::fromBase64Encoding(
                record.sliced(1).toByteArray(), QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded)
                return std::nullopt;
            packets.append(fromBinary(*decoded));
        } else {
            auto packet = decodeText(record);
            if (!packet)
                return std::nullopt;
            packets.append(std::move(*packet));
        }
        start = end + 1;
    }
    return packets;
}

} // namespace kocmoc::socketio
