#pragma once

#include "HttpRequest.h"

#include <QByteArray>

namespace kocmoc::http {

// An accepted WebSocket upgrade taken over from QtHttpServer: the connection's own
// descriptor (non-blocking; closed with this object unless taken), the request, and
// the 101 answer still to be written. The server speaks WebSocket on the bare
// descriptor, because a QTcpSocket and a QWebSocket per connection cost ~18 KB of
// buffers and objects (docs/performance.md).
class WebSocketConnection
{
public:
    WebSocketConnection(int descriptor, HttpRequest request, QByteArray handshakeAnswer);
    ~WebSocketConnection();
    WebSocketConnection(WebSocketConnection &&other) noexcept;
    WebSocketConnection &operator=(WebSocketConnection &&other) = delete;
    WebSocketConnection(const WebSocketConnection &) = delete;
    WebSocketConnection &operator=(const WebSocketConnection &) = delete;

    const HttpRequest &request() const { return m_request; }
    const QByteArray &handshakeAnswer() const { return m_handshakeAnswer; }
    // The descriptor is the caller's from now on; -1 if it was taken already.
    int takeDescriptor();

    // The RFC 6455 (4.2.2) answer to a client's Sec-WebSocket-Key.
    static QByteArray acceptKey(const QByteArray &clientKey);

private:
    int m_descriptor = -1;
    HttpRequest m_request;
    QByteArray m_handshakeAnswer;
};

} // namespace kocmoc::http
