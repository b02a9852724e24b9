#pragma once

#include "WirePacket.h"

#include "http/WebSocketConnection.h"

#include <QByteArray>
#include <QObject>
#include <QWebSocketProtocol>

class QSocketNotifier;

namespace kocmoc::socketio {

// One accepted WebSocket of an Engine.IO session, spoken on the connection's bare
// descriptor (RFC 6455): no QTcpSocket or QWebSocket, so an idle connection costs
// this object and a read notifier, and nothing is buffered while all is written.
// Sends WirePackets as ready frames (no per-recipient copy or encoding), written at
// once; what the kernel does not take waits here (bytesToWrite()) for the write
// notifier. Incoming frames are unmasked, reassembled and checked (masking, control
// frames, fragments, UTF-8 of text, the frame and message size cap) — a violation
// closes the connection with the matching close code. Pings are answered. On close
// it waits for the peer's close frame (at most closeGraceMs), then deletes itself.
class WebSocketLink : public QObject
{
    Q_OBJECT
public:
    static constexpr int closeGraceMs = 5000;

    WebSocketLink(
        http::WebSocketConnection connection, qint64 maxMessageBytes, QObject *parent = nullptr);
    ~WebSocketLink() override;

    bool isOpen() const { return m_state == State::Open; }
    // False when the link is closed.
    bool send(const WirePacket &packet);
    // Bytes the kernel has not taken yet.
    qint64 bytesToWrite() const { return m_unsent.size() - m_unsentOffset; }
    // Sends a close frame; the link deletes itself once the connection is gone.
    void close(QWebSocketProtocol::CloseCode code = QWebSocketProtocol::CloseCodeNormal,
        const QString &reason = {});

signals:
    void textReceived(const QByteArray &utf8);
    void binaryReceived(const QByteArray &data);
    // The connection ended or close() was called; no signal follows.
    void closed();

private:
    enum class State { Open, Closing, Gone };

    void readable();
    void writable();
    // Parses whole frames from data; returns how many bytes it used.
    qsizetype takeFrames(char *data, qsizetype size);
    // False when the frame ended the connection.
    bool frame(quint8 opcode, bool final, QByteArray payload);
    void message(quint8 opcode, QByteArray payload);
    void write(QByteArrayView bytes);
    void sendControl(quint8 opcode, QByteArrayView payload);
    // A protocol violation: the close frame with that code, then the connection ends.
    void fail(QWebSocketProtocol::CloseCode code);
    // Writing failed: the peer is gone; finished on the next pass, never inside send().
    void lose();
    void markClosed();
    // The descriptor is closed; deletes itself.
    void finish();

    int m_descriptor = -1;
    QSocketNotifier *m_readNotifier = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr; // only while bytes wait
    const qint64 m_maxMessageBytes;
    QByteArray m_partial; // the start of a frame not complete yet
    QByteArray m_fragments; // a fragmented message so far
    quint8 m_fragmentsOpcode = 0; // its opcode while one is open
    QByteArray m_unsent; // what the kernel did not take, from m_unsentOffset
    qsizetype m_unsentOffset = 0;
    State m_state = State::Open;
    bool m_closeSent = false;
    bool m_closedSignalled = false;
    bool m_discarding = false; // after a protocol violation: input is dropped until EOF
};

} // namespace kocmoc::socketio
