#include "WebSocketLink.h"

#include <QTimer>

namespace kocmoc::socketio {

WebSocketLink::WebSocketLink(
    http::HttpServer::WebSocketConnection connection, qint64 maxMessageBytes, QObject *parent)
    : QObject(parent)
    , m_webSocket(std::move(connection.webSocket))
    , m_tcpSocket(connection.tcpSocket)
{
    // QtWebSockets 6.4 accepts frames and messages of about 2 GiB by default.
    m_webSocket->setMaxAllowedIncomingFrameSize(quint64(maxMessageBytes));
    m_webSocket->setMaxAllowedIncomingMessageSize(quint64(maxMessageBytes));
    connect(
        m_webSocket.get(), &QWebSocket::textMessageReceived, this, [this](const QString &message) {
            if (!m_closed)
                emit textReceived(message.toUtf8());
        });
    connect(m_webSocket.get(), &QWebSocket::binaryMessageReceived, this,
        [this](const QByteArray &message) {
            if (!m_closed)
                emit binaryReceived(message);
        });
    connect(m_webSocket.get(), &QWebSocket::disconnected, this, &WebSocketLink::finish);
    if (m_tcpSocket)
        connect(m_tcpSocket, &QIODevice::bytesWritten, this, &WebSocketLink::written);
    else
        connect(m_webSocket.get(), &QWebSocket::bytesWritten, this, &WebSocketLink::written);
    if (m_webSocket->state() != QAbstractSocket::ConnectedState)
        QTimer::singleShot(0, this, &WebSocketLink::finish);
}

WebSocketLink::~WebSocketLink()
{
    if (m_webSocket && m_webSocket->state() != QAbstractSocket::UnconnectedState) {
        // Aborting first lets QtWebSockets delete the TCP socket.
        QObject::disconnect(m_webSocket.get(), nullptr, this, nullptr);
        m_webSocket->abort();
    }
}

bool WebSocketLink::isOpen() const
{
    return !m_closed && m_webSocket->state() == QAbstractSocket::ConnectedState;
}

bool WebSocketLink::send(const WirePacket &packet)
{
    if (!isOpen())
        return false;
    if (m_writeInFlight) {
        m_waiting.append(packet);
        m_waitingBytes += packet.frame().size();
        return true;
    }
    write(packet);
    m_writeInFlight = true;
    return true;
}

void WebSocketLink::write(const WirePacket &packet)
{
    if (m_tcpSocket) {
        m_tcpSocket->write(packet.frame());
        return;
    }
    // No TCP socket was matched to this WebSocket: QWebSocket sends a copy.
    const QByteArrayView content = packet.content();
    if (packet.isBinary())
        m_webSocket->sendBinaryMessage(content.toByteArray());
    else
        m_webSocket->sendTextMessage(QString::fromUtf8(content));
}

void WebSocketLink::written()
{
    m_writeInFlight = false;
    if (m_waiting.isEmpty() || m_webSocket->state() != QAbstractSocket::ConnectedState)
        return;
    for (const WirePacket &packet : std::as_const(m_waiting))
        write(packet);
    m_waiting.clear(); // keeps its capacity for the next burst
    m_waitingBytes = 0;
    m_writeInFlight = true;
}

qint64 WebSocketLink::bytesToWrite() const
{
    return m_waitingBytes
        + (m_tcpSocket ? m_tcpSocket->bytesToWrite() : m_webSocket->bytesToWrite());
}

void WebSocketLink::close(QWebSocketProtocol::CloseCode code, const QString &reason)
{
    if (m_closed)
        return;
    m_closed = true;
    emit closed();
    if (m_webSocket->state() == QAbstractSocket::UnconnectedState) {
        deleteLater();
        return;
    }
    // What was sent goes ahead of the close frame.
    for (const WirePacket &packet : std::exchange(m_waiting, {}))
        write(packet);
    m_waitingBytes = 0;
    m_webSocket->close(code, reason);
    // A peer that neither reads nor closes must not keep the socket.
    QTimer::singleShot(closeGraceMs, this, [this] { m_webSocket->abort(); });
}

void WebSocketLink::finish()
{
    if (!m_closed) {
        m_closed = true;
        emit closed();
    }
    deleteLater();
}

} // namespace kocmoc::socketio
