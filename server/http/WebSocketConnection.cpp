#include "WebSocketConnection.h"

#include <QCryptographicHash>

#include <unistd.h>

#include <utility>

namespace kocmoc::http {

WebSocketConnection::WebSocketConnection(
    int descriptor, HttpRequest request, QByteArray handshakeAnswer)
    : m_descriptor(descriptor)
    , m_request(std::move(request))
    , m_handshakeAnswer(std::move(handshakeAnswer))
{ }

WebSocketConnection::~WebSocketConnection()
{
    if (m_descriptor >= 0)
        ::close(m_descriptor);
}

WebSocketConnection::WebSocketConnection(WebSocketConnection &&other) noexcept
    : m_descriptor(std::exchange(other.m_descriptor, -1))
    , m_request(std::move(other.m_request))
    , m_handshakeAnswer(std::move(other.m_handshakeAnswer))
{ }

int WebSocketConnection::takeDescriptor()
{
    return std::exchange(m_descriptor, -1);
}

QByteArray WebSocketConnection::acceptKey(const QByteArray &clientKey)
{
    return QCryptographicHash::hash(
        clientKey + QByteArrayLiteral("258EAFA5-E914-47DA-95CA-C5AB0DC85B11"),
        QCryptographicHash::Sha1)
        .toBase64();
}

} // namespace kocmoc::http
