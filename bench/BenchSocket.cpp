#include "BenchSocket.h"

#include <cstring>

namespace kocmoc::bench {

namespace {

constexpr quint8 opContinuation = 0x0;
constexpr quint8 opText = 0x1;
constexpr quint8 opClose = 0x8;
constexpr quint8 opPing = 0x9;
constexpr quint8 opPong = 0xA;

// The key only proves to the server that the client speaks WebSocket; the bench
// does not need a new one per connection.
constexpr char upgradeKey[] = "a29jbW9jLWJlbmNoLWtleQ=="; // 16 bytes, as RFC 6455 asks

} // namespace

BenchSocket::BenchSocket(int index, const Handlers &handlers, QObject *parent)
    : QObject(parent)
    , m_index(index)
    , m_handlers(handlers)
    , m_maskSeed(quint32(index) * 2654435761u + 1)
{
    connect(&m_socket, &QTcpSocket::connected, this, &BenchSocket::onConnected);
    connect(&m_socket, &QTcpSocket::readyRead, this, &BenchSocket::onReadyRead);
    connect(&m_socket, &QTcpSocket::disconnected, this, [this] {
        const State was = m_state;
        m_state = State::Closed;
        if (was != State::Connected)
            fail("disconnected before the Socket.IO CONNECT was answered");
        else if (m_handlers.closed)
            m_handlers.closed(this);
    });
    connect(&m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (m_state != State::Connected && m_state != State::Closed)
            fail(m_socket.errorString().toUtf8());
    });
}

void BenchSocket::open(const QHostAddress &host, quint16 port, const QByteArray &token)
{
    m_token = token;
    m_host = host.toString().toLatin1() + ':' + QByteArray::number(port);
    m_state = State::Upgrading;
    m_socket.connectToHost(host, port);
}

void BenchSocket::onConnected()
{
    m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_socket.write("GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: " + m_host
        + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + upgradeKey
        + "\r\nSec-WebSocket-Version: 13\r\n\r\n");
}

void BenchSocket::onReadyRead()
{
    if (m_in.isEmpty())
        m_in = m_socket.readAll();
    else
        m_in += m_socket.readAll();
    if (m_state == State::Upgrading && !readUpgrade())
        return;
    readFrames();
}

bool BenchSocket::readUpgrade()
{
    const qsizetype end = m_in.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    if (!m_in.startsWith("HTTP/1.1 101")) {
        fail("upgrade refused: " + m_in.left(m_in.indexOf('\r')));
        return false;
    }
    m_in.remove(0, end + 4);
    m_state = State::Opening;
    return true;
}

void BenchSocket::readFrames()
{
    qsizetype pos = 0;
    const auto *data = reinterpret_cast<const quint8 *>(m_in.constData());
    const qsizetype size = m_in.size();
    while (size - pos >= 2) {
        const bool fin = data[pos] & 0x80;
        const quint8 opcode = data[pos] & 0x0F;
        const bool masked = data[pos + 1] & 0x80;
        quint64 length = data[pos + 1] & 0x7F;
        qsizetype header = 2;
        if (length == 126) {
            if (size - pos < 4)
                break;
            length = (quint64(data[pos + 2]) << 8) | data[pos + 3];
            header = 4;
        } else if (length == 127) {
            if (size - pos < 10)
                break;
            length = 0;
            for (int i = 0; i < 8; ++i)
                length = (length << 8) | data[pos + 2 + i];
            header = 10;
        }
        if (masked)
            header += 4; // servers do not mask; tolerated all the same
        if (quint64(size - pos - header) < length)
            break;
        QByteArrayView payload(m_in.constData() + pos + header, qsizetype(length));
        QByteArray unmasked;
        if (masked) {
            unmasked = payload.toByteArray();
            const quint8 *key = data + pos + header - 4;
            for (qsizetype i = 0; i < unmasked.size(); ++i)
                unmasked[i] = char(unmasked[i] ^ key[i % 4]);
            payload = unmasked;
        }
        pos += header + qsizetype(length);
        switch (opcode) {
        case opText:
        case opContinuation:
            if (fin && m_message.isEmpty()) {
                handleText(payload);
            } else {
                m_message.append(payload);
                if (fin) {
                    handleText(m_message);
                    m_message.clear();
                }
            }
            break;
        case opPing:
            sendFrame(opPong, payload);
            break;
        case opClose:
            m_socket.disconnectFromHost();
            break;
        default:
            break;
        }
        if (m_state == State::Closed)
            return;
    }
    m_in.remove(0, pos);
}

void BenchSocket::handleText(QByteArrayView text)
{
    if (text.isEmpty())
        return;
    switch (text[0]) {
    case '0': // Engine.IO open: now the Socket.IO CONNECT with the token
        m_state = State::Connecting;
        sendFrame(opText, "40{\"token\":\"" + m_token + "\"}");
        return;
    case '2': // Engine.IO ping
        sendFrame(opText, "3");
        return;
    case '4': // Engine.IO message: a Socket.IO packet follows
        break;
    default:
        return;
    }
    if (text.size() < 2)
        return;
    const QByteArrayView packet = text.sliced(2);
    switch (text[1]) {
    case '0': // CONNECT answered
        m_state = State::Connected;
        m_reported = true;
        if (m_handlers.connected)
            m_handlers.connected(this, true, {});
        return;
    case '4': // CONNECT_ERROR
        fail("refused: " + packet.toByteArray());
        return;
    case '2': // EVENT
        if (m_handlers.event)
            m_handlers.event(this, packet);
        return;
    case '3': { // ACK: <id>[…]
        qsizetype digits = 0;
        qint64 id = 0;
        while (digits < packet.size() && packet[digits] >= '0' && packet[digits] <= '9')
            id = id * 10 + (packet[digits++] - '0');
        if (m_handlers.ack)
            m_handlers.ack(this, id, packet.sliced(digits));
        return;
    }
    default:
        return;
    }
}

void BenchSocket::emitEvent(QByteArrayView jsonArray, qint64 ackId)
{
    QByteArray text;
    text.reserve(jsonArray.size() + 24);
    text.append("42");
    if (ackId >= 0)
        text.append(QByteArray::number(ackId));
    text.append(jsonArray);
    sendFrame(opText, text);
}

void BenchSocket::sendFrame(quint8 opcode, QByteArrayView payload)
{
    if (m_socket.state() != QAbstractSocket::ConnectedState)
        return;
    m_out.clear();
    m_out.append(char(0x80 | opcode));
    const qsizetype length = payload.size();
    if (length < 126) {
        m_out.append(char(0x80 | length));
    } else if (length < 65536) {
        m_out.append(char(0x80 | 126));
        m_out.append(char(length >> 8));
        m_out.append(char(length & 0xFF));
    } else {
        m_out.append(char(0x80 | 127));
        for (int i = 7; i >= 0; --i)
            m_out.append(char((quint64(length) >> (8 * i)) & 0xFF));
    }
    // A cheap changing mask (xorshift): the server only needs one to be there.
    m_maskSeed ^= m_maskSeed << 13;
    m_maskSeed ^= m_maskSeed >> 17;
    m_maskSeed ^= m_maskSeed << 5;
    char key[4];
    std::memcpy(key, &m_maskSeed, 4);
    m_out.append(key, 4);
    const qsizetype start = m_out.size();
    m_out.append(payload);
    char *bytes = m_out.data() + start;
    for (qsizetype i = 0; i < length; ++i)
        bytes[i] ^= key[i & 3];
    m_socket.write(m_out);
}

void BenchSocket::close()
{
    if (m_state == State::Closed)
        return;
    m_state = State::Closed;
    m_socket.abort();
}

void BenchSocket::fail(const QByteArray &why)
{
    m_state = State::Closed;
    m_socket.abort();
    if (!m_reported && m_handlers.connected) {
        m_reported = true;
        m_handlers.connected(this, false, why);
    }
}

} // namespace kocmoc::bench
