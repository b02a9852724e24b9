#pragma once

#include "Handshake.h"
#include "Payload.h"
#include "WirePacket.h"

#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QString>
#include <QVariant>

#include <functional>
#include <map>

namespace kocmoc::socketio {

class Client;
class Namespace;
struct Packet;

// One client in one namespace. Created when the client's CONNECT arrives (the
// namespace's authorizer sees it before it joins); deleted (later) once it is
// disconnected, after disconnected() was emitted, or when its CONNECT is
// refused. Everything runs on the server's thread.
class Socket : public QObject
{
    Q_OBJECT
public:
    // Answers an acknowledgement request: call it once (later calls and calls after the socket is
    // gone do nothing). An empty Ack means the client asked for none.
    using Ack = std::function<void(const Payload &)>;
    // Receives the client's answer to an event sent with emitEvent(…, ack).
    using AckCallback = std::function<void(const Payload &)>;

    ~Socket() override;

    QString id() const { return m_id; } // random, also the name of a room with only this socket
    Namespace &nsp() const { return m_namespace; }
    // The Engine.IO session's handshake (address, headers, query) and the CONNECT's auth payload.
    const Handshake &handshake() const;
    const QJsonObject &auth() const { return m_auth; }
    QString sessionId() const; // the Engine.IO sid, shared by the client's sockets
    bool isConnected() const { return m_connected; }

    // The app's own data about the client (user id, session id …).
    const QVariant &data() const { return m_data; }
    void setData(const QVariant &data) { m_data = data; }

    void join(const QString &room);
    void leave(const QString &room);
    const QSet<QString> &rooms() const { return m_rooms; }

    // Sends an event to this client. With an ack callback, the client's answer comes back there
    // (at most maxPendingAcks answers are awaited per socket: older ones are dropped).
    void emitEvent(const QString &event, const Payload &payload = {}, AckCallback ack = {});
    // Sends DISCONNECT and leaves the namespace (reason "server namespace disconnect"); the
    // Engine.IO session closes when this was its last namespace.
    void disconnect();

signals:
    // Every packet the client sends to this socket (events, acknowledgements, DISCONNECT), before
    // it is handled: a hook for flood control.
    void packetReceived();
    void event(const QString &name, const kocmoc::socketio::Payload &payload,
        const kocmoc::socketio::Socket::Ack &ack);
    // Once. Reasons: "client namespace disconnect", "server namespace disconnect", or the
    // Engine.IO session's (EngineSession::closed). No signal when the server is destroyed.
    void disconnected(const QString &reason);

private:
    friend class Client;
    friend class Namespace;

    Socket(Namespace &nsp, Client &client, QString id, QJsonObject auth);

    void receive(const Packet &packet, const QList<QByteArray> &attachments);
    void sendPacket(const QList<WirePacket> &packets);
    void detach(const QString &reason); // leaves the namespace and says so, once

    Namespace &m_namespace;
    Client *m_client;
    const QString m_id;
    const QJsonObject m_auth;
    QVariant m_data;
    QSet<QString> m_rooms;
    bool m_connected = false;
    qint64 m_nextAckId = 0;
    std::map<qint64, AckCallback> m_acks; // by id: the oldest first
    quint64 m_broadcastSerial = 0; // the last broadcast that reached this socket
};

} // namespace kocmoc::socketio
