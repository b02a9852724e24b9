#pragma once

#include "WirePacket.h"

#include "http/HttpServer.h"

#include <QObject>
#include <QPointer>
#include <QTcpSocket>
#include <QWebSocket>

#include <memory>

namespace kocmoc::socketio {

// One accepted WebSocket of an Engine.IO session. Sends WirePackets as ready
// frames straight to the TCP socket (no per-recipient copy or encoding), caps
// the incoming frame and message size, and on close waits for the connection
// to end (aborting it after a grace period) before deleting itself: deleting a
// connected QWebSocket would leave its TCP socket open.
//
// Like the reference server, it has one write in flight at a time: packets
// sent meanwhile wait and leave together once the TCP socket has handed the
// previous write to the kernel. Clients (and the official test suite) then
// see the packets of one burst after the first as a separate read.
class WebSocketLink : public QObject
{
    Q_OBJECT
public:
    static constexpr int closeGraceMs = 5000;

    WebSocketLink(http::HttpServer::WebSocketConnection connection, qint64 maxMessageBytes,
        QObject *parent = nullptr);
    ~WebSocketLink() override;

    QWebSocket &webSocket() const { return *m_webSocket; }
    bool isOpen() const;
    // False when the link is closed.
    bool send(const WirePacket &packet);
    // Bytes not yet handed to the kernel: waiting packets and the TCP socket's buffer.
    qint64 bytesToWrite() const;
    // Sends a close frame; the link deletes itself once the connection is gone.
    void close(QWebSocketProtocol::CloseCode code = QWebSocketProtocol::CloseCodeNormal,
        const QString &reason = {});

signals:
    void textReceived(const QByteArray &utf8);
    void binaryReceived(const QByteArray &data);
    // The connection ended or close() was called; no signal follows.
    void closed();

private:
    void write(const WirePacket &packet);
    void written();
    void finish();

    std::unique_ptr<QWebSocket> m_webSocket;
    QPointer<QTcpSocket> m_tcpSocket;
    QList<WirePacket> m_waiting; // sent while a write was in flight
    qint64 m_waitingBytes = 0;
    bool m_writeInFlight = false;
    bool m_closed = false;
};

} // namespace kocmoc::socketio
