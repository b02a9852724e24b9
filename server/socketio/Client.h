#pragma once

#include "Packet.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <optional>

namespace kocmoc::socketio {

class EngineSession;
class Server;
class Socket;

// The Socket.IO side of one Engine.IO session: decodes its packets (joining
// binary attachments to their packet), connects it to namespaces, and routes
// each packet to the namespace's socket. A child of the session.
class Client : public QObject
{
    Q_OBJECT
public:
    Client(Server &server, EngineSession &session, quint64 serial);
    ~Client() override;

    EngineSession &session() const { return m_session; }
    void send(const QList<WirePacket> &packets);
    // A socket left its namespace; the session closes when nothing else is connected.
    void socketLeft(Socket *socket, bool closeWhenLast);

private:
    friend class Server;

    void messageReceived(const QByteArray &data, bool binary);
    void dispatch(const Packet &packet, const QList<QByteArray> &attachments);
    void connectTo(const QString &nsp, const QJsonObject &auth);
    void decided(Socket *socket, const std::optional<QString> &refusal);
    void sessionClosed(const QString &reason);
    void connectTimedOut();
    void fail(); // a malformed packet ends the session

    Server &m_server;
    EngineSession &m_session;
    const quint64 m_serial;
    QHash<QString, Socket *> m_sockets; // connected, by namespace
    QHash<QString, QPointer<Socket>> m_authorizing; // CONNECTs awaiting their namespace's decision
    std::optional<Packet> m_partial; // a binary packet waiting for its attachments
    QList<QByteArray> m_attachments;
    bool m_closed = false;
};

} // namespace kocmoc::socketio
