#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonValue>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

#include <functional>
#include <memory>

class QWebSocket;

// The realtime connection: Socket.IO v5 over Engine.IO v4 on a QWebSocket
// (docs/realtime.md). Once open() is called it stays connected for as long as
// it can: a dropped connection, a server that is down or a silent one (no ping
// within pingInterval + pingTimeout) is retried after an exponentially growing
// delay with jitter, so that a thousand clients of a restarted server do not
// all come back in the same second. close() stops it.
//
// The access token goes into every CONNECT. A refused token (CONNECT_ERROR
// "unauthorized") is reported with unauthorized(); whoever renews tokens calls
// setToken(), which retries at once when the client is waiting.
class RealtimeClient : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Messenger owns the realtime connection")
    Q_PROPERTY(State state READ state NOTIFY stateChanged)

public:
    enum class State {
        Disconnected, // closed, or never opened
        Connecting, // the WebSocket and the Socket.IO handshake are under way
        Connected, // admitted: events flow
        WaitingToReconnect, // the last attempt failed; the next one is scheduled
    };
    Q_ENUM(State)

    // answered is false when the connection dropped before the server answered.
    using AckHandler = std::function<void(bool answered, const QJsonArray &arguments)>;

    explicit RealtimeClient(QObject *parent = nullptr);
    ~RealtimeClient() override;

    State state() const { return m_state; }
    bool isConnected() const { return m_state == State::Connected; }

    // The REST base URL; the socket goes to <base>/socket.io/ on ws or wss.
    void setServerUrl(const QUrl &url) { m_serverUrl = url; }
    void setToken(const QString &token);
    // The first retry waits about initialMs, each next one twice as long, never more than maxMs.
    void setBackoff(int initialMs, int maxMs);

    void open();
    void close();
    // Skips the wait of WaitingToReconnect (the network is back, the token renewed).
    void reconnectNow();

    // False when not connected: nothing was sent.
    bool emitEvent(const QString &name, const QJsonValue &payload);
    // The handler runs once, while context lives: with the server's answer, or
    // with answered = false when the connection drops first.
    bool emitWithAck(
        const QString &name, const QJsonValue &payload, QObject *context, AckHandler handler);

    // The delay before the attempt-th retry (1-based), jitter included; for tests of the curve.
    int backoffDelayMs(int attempt) const;

signals:
    void stateChanged();
    void connected();
    void disconnected();
    void eventReceived(const QString &name, const QJsonValue &payload);
    // The server refused the access token; the client keeps retrying.
    void unauthorized();
    // Refused for another reason (e.g. "maintenance"); the client keeps retrying.
    void connectRefused(const QString &message);

private:
    struct PendingAck
    {
        QPointer<QObject> context;
        AckHandler handler;
    };

    void attempt();
    void onText(const QString &text);
    void onSocketClosed();
    void dropConnection();
    void scheduleReconnect();
    void setState(State state);
    void failPendingAcks();
    void send(const QString &text);
    QUrl socketUrl() const;

    std::unique_ptr<QWebSocket, void (*)(QWebSocket *)> m_socket;
    QUrl m_serverUrl;
    QString m_token;
    State m_state = State::Disconnected;
    bool m_wanted = false; // open() was called and close() was not
    bool m_engineOpen = false;
    int m_failedAttempts = 0;
    int m_initialBackoffMs = 1000;
    int m_maxBackoffMs = 30'000;
    qint64 m_nextAckId = 1;
    QHash<qint64, PendingAck> m_pendingAcks;
    QTimer m_reconnectTimer;
    QTimer m_heartbeatTimer; // fires when the server has been silent for too long
    QTimer m_handshakeTimer; // fires when an attempt hangs
};
