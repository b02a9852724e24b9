#pragma once

#include "EnginePacket.h"

#include <QByteArray>
#include <QByteArrayView>

namespace kocmoc::socketio {

// An outgoing Engine.IO packet encoded once for every transport and shared by
// all its recipients: the WebSocket frame that carries it (written as ready
// bytes to each WebSocket) and, inside it, the packet itself (copied into
// polling payloads). Copies share the bytes.
class WirePacket
{
public:
    WirePacket() = default;
    // A packet of the given type with UTF-8 text after the type character: text(Message, "hello")
    // is "4hello".
    static WirePacket text(EnginePacketType type, QByteArrayView data = {});
    // A text packet made of two parts, so callers need not join them first.
    static WirePacket text(EnginePacketType type, QByteArrayView head, QByteArrayView tail);
    // A binary message: a binary WebSocket frame, "b<base64>" in polling payloads.
    static WirePacket binary(QByteArrayView data);
    // A complete unmasked frame of any opcode (RFC 6455, 5.2), FIN set: control frames too.
    static QByteArray frame(quint8 opcode, QByteArrayView payload);

    bool isNull() const { return m_frame.isNull(); }
    bool isBinary() const { return m_binary; }
    // What a WebSocket message carries: "4hello", or the binary data.
    QByteArrayView content() const { return QByteArrayView(m_frame).sliced(m_headerSize); }
    // The complete unmasked WebSocket frame (RFC 6455, 5.2), FIN set.
    const QByteArray &frame() const { return m_frame; }
    // The record's size in a polling payload.
    qsizetype pollingSize() const;
    void appendToPolling(QByteArray &payload) const;

private:
    static WirePacket build(bool binary, qsizetype size);

    QByteArray m_frame;
    int m_headerSize = 0;
    bool m_binary = false;
};

} // namespace kocmoc::socketio
