#include "WirePacket.h"

#include <QtEndian>

namespace kocmoc::socketio {

namespace {

constexpr quint8 opText = 0x1;
constexpr quint8 opBinary = 0x2;
constexpr char finalFragment = char(0x80);

int frameHeaderSize(qsizetype payloadSize)
{
    return payloadSize < 126 ? 2 : payloadSize <= 0xffff ? 4 : 10;
}

// The frame's first bytes: FIN and the opcode, then the payload's length.
void appendFrameHead(QByteArray &frame, quint8 opcode, qsizetype size)
{
    frame.append(char(finalFragment | opcode));
    if (size < 126) {
        frame.append(char(size));
    } else if (size <= 0xffff) {
        frame.append(char(126));
        const quint16 length = qToBigEndian(quint16(size));
        frame.append(reinterpret_cast<const char *>(&length), sizeof length);
    } else {
        frame.append(char(127));
        const quint64 length = qToBigEndian(quint64(size));
        frame.append(reinterpret_cast<const char *>(&length), sizeof length);
    }
}

} // namespace

WirePacket WirePacket::build(bool binary, qsizetype size)
{
    WirePacket packet;
    packet.m_binary = binary;
    packet.m_headerSize = frameHeaderSize(size);
    packet.m_frame.reserve(packet.m_headerSize + size);
    appendFrameHead(packet.m_frame, binary ? opBinary : opText, size);
    return packet;
}

QByteArray WirePacket::frame(quint8 opcode, QByteArrayView payload)
{
    QByteArray frame;
    frame.reserve(frameHeaderSize(payload.size()) + payload.size());
    appendFrameHead(frame, opcode, payload.size());
    frame.append(payload);
    return frame;
}

WirePacket WirePacket::text(EnginePacketType type, QByteArrayView data)
{
    return text(type, data, {});
}

WirePacket WirePacket::text(EnginePacketType type, QByteArrayView head, QByteArrayView tail)
{
    WirePacket packet = build(false, 1 + head.size() + tail.size());
    packet.m_frame.append(char(type));
    packet.m_frame.append(head);
    packet.m_frame.append(tail);
    return packet;
}

WirePacket WirePacket::binary(QByteArrayView data)
{
    WirePacket packet = build(true, data.size());
    packet.m_frame.append(data);
    return packet;
}

qsizetype WirePacket::pollingSize() const
{
    const qsizetype size = m_frame.size() - m_headerSize;
    return m_binary ? 1 + (size + 2) / 3 * 4 : size;
}

void WirePacket::appendToPolling(QByteArray &payload) const
{
    if (!m_binary) {
        payload.append(content());
        return;
    }
    payload.append('b');
    payload.append(QByteArray::fromRawData(content().data(), content().size()).toBase64());
}

} // namespace kocmoc::socketio
