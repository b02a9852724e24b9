#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QTcpSocket>

#include <functional>

namespace kocmoc::bench {

// One Socket.IO client connection of the load generator, as lean as it can be:
// a WebSocket client written over a QTcpSocket (QWebSocket costs some 20 KB and
// several signal hops per message, which at 10k connections would make the
// bench its own bottleneck), Engine.IO v4 and Socket.IO v5 on top (API.md,
// docs/realtime.md): the upgrade, the CONNECT with {token}, ping/pong, events
// and acknowledgements. Frames it sends are masked as RFC 6455 requires.
class BenchSocket : public QObject
{
    Q_OBJECT
public:
    enum class State : quint8 { Idle, Upgrading, Opening, Connecting, Connected, Closed };

    struct Handlers
    {
        // Socket.IO CONNECT accepted (true) or refused / the connection failed (false).
        std::function<void(BenchSocket *, bool ok, const QByteArray &why)> connected;
        // An EVENT: `json` is the packet's JSON array, e.g. ["message:new",{…}].
        std::function<void(BenchSocket *, QByteArrayView json)> event;
        // An ACK to one of our emits: `json` is its JSON array.
        std::function<void(BenchSocket *, qint64 ackId, QByteArrayView json)> ack;
        std::function<void(BenchSocket *)> closed;
    };

    BenchSocket(int index, const Handlers &handlers, QObject *parent = nullptr);

    int index() const { return m_index; }
    State state() const { return m_state; }
    void open(const QHostAddress &host, quint16 port, const QByteArray &token);
    // A Socket.IO EVENT to namespace "/", with an acknowledgement id when ackId >= 0.
    // `jsonArray` is the whole argument array: ["name",{…}].
    void emitEvent(QByteArrayView jsonArray, qint64 ackId);
    void close();

private:
    void onConnected();
    void onReadyRead();
    bool readUpgrade();
    void readFrames();
    void handleText(QByteArrayView text);
    void sendFrame(quint8 opcode, QByteArrayView payload);
    void fail(const QByteArray &why);

    const int m_index;
    const Handlers &m_handlers;
    QTcpSocket m_socket;
    QByteArray m_token;
    QByteArray m_host;
    QByteArray m_in; // bytes read and not yet parsed
    QByteArray m_message; // a fragmented message being put together
    QByteArray m_out; // reused for every frame sent
    quint32 m_maskSeed;
    State m_state = State::Idle;
    bool m_reported = false; // the connected handler was called
};

} // namespace kocmoc::bench
