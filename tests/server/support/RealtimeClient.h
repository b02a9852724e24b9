#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QWebSocket>

namespace kocmoc::test {

// A small Socket.IO v5 client over a WebSocket, written from the protocol, for tests
// that run the server in the same thread: every wait spins the event loop.
class RealtimeClient : public QObject
{
    Q_OBJECT
public:
    struct Received
    {
        QString name;
        QJsonValue payload; // the first argument
    };

    // Opens the Engine.IO session and sends CONNECT with {token}; true once admitted.
    bool connectTo(quint16 port, const QString &token, int timeoutMs = 10'000);
    QString connectError() const { return m_connectError; }
    bool isConnected() const
    {
        return m_admitted && m_socket.state() == QAbstractSocket::ConnectedState;
    }
    void close();

    void send(const QString &event, const QJsonValue &payload);
    // Sends with an acknowledgement and waits for it; empty when none came.
    QJsonArray request(const QString &event, const QJsonValue &payload, int timeoutMs = 10'000);

    const QList<Received> &received() const { return m_received; }
    QList<Received> receivedNamed(const QString &event) const;
    int count(const QString &event) const { return int(receivedNamed(event).size()); }
    // The payload of the first `event` received; empty when none came.
    QJsonObject firstPayload(const QString &event) const
    {
        const QList<Received> named = receivedNamed(event);
        return named.isEmpty() ? QJsonObject() : named.first().payload.toObject();
    }
    bool waitFor(const QString &event, int count = 1, int timeoutMs = 10'000);
    bool waitForClose(int timeoutMs = 10'000);
    void clear() { m_received.clear(); }

private:
    void onText(const QString &text);
    void sendRaw(const QString &packet) { m_socket.sendTextMessage(packet); }

    QWebSocket m_socket;
    bool m_opened = false;
    bool m_admitted = false;
    QString m_connectError;
    int m_nextAckId = 1;
    QHash<int, QJsonArray> m_acks;
    QList<Received> m_received;
};

} // namespace kocmoc::test
