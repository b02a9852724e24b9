#pragma once

#include "Payload.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QStringList>

#include <functional>
#include <optional>

namespace kocmoc::socketio {

class Server;
class Socket;

// A Socket.IO namespace ("/" or "/name"): its sockets, their rooms, the check
// a CONNECT must pass, and broadcasts. A broadcast is encoded once and the
// same bytes go to every recipient.
class Namespace : public QObject
{
    Q_OBJECT
public:
    // Call with nothing to let the socket in, or with the message of the CONNECT_ERROR that
    // refuses it. Only the first call counts; calls after the client left do nothing.
    using Decision = std::function<void(std::optional<QString> refusal)>;
    // Decides, now or later (after a database lookup …), whether a CONNECT may join. `socket`
    // exists until the client leaves: keep a QPointer across asynchronous work. It is not in the
    // namespace yet, but setData() and join() work on it.
    using Authorizer
        = std::function<void(Socket *socket, const QJsonObject &auth, Decision decide)>;

    QString name() const { return m_name; }
    void setAuthorizer(Authorizer authorizer) { m_authorizer = std::move(authorizer); }

    // To every socket in any of the rooms (once each, even when in several), but `except`.
    void emitTo(const QStringList &rooms, const QString &event, const Payload &payload = {},
        const Socket *except = nullptr);
    void emitTo(const QString &room, const QString &event, const Payload &payload = {},
        const Socket *except = nullptr);
    void emitAll(const QString &event, const Payload &payload = {}, const Socket *except = nullptr);

    int socketCount() const { return int(m_sockets.size()); }
    // Events sent to sockets of this namespace so far, one per recipient (metrics).
    quint64 eventsSent() const { return m_eventsSent; }
    Socket *socket(const QString &id) const { return m_sockets.value(id); }
    QList<Socket *> sockets() const { return m_sockets.values(); }
    QList<Socket *> socketsIn(const QString &room) const { return m_rooms.value(room).values(); }
    bool hasRoom(const QString &room) const { return m_rooms.contains(room); }

signals:
    // The CONNECT was accepted and its reply sent: connect to the socket's signals here.
    void connected(kocmoc::socketio::Socket *socket);

private:
    friend class Server;
    friend class Socket;
    friend class Client;

    Namespace(QString name, Server &server);

    void authorize(Socket *socket, const QJsonObject &auth, Decision decide);
    void admit(Socket *socket);
    void remove(Socket *socket);
    void addToRoom(Socket *socket, const QString &room);
    void removeFromRoom(Socket *socket, const QString &room);

    const QString m_name;
    Server &m_server;
    Authorizer m_authorizer;
    QHash<QString, Socket *> m_sockets; // by id
    QHash<QString, QSet<Socket *>> m_rooms;
    quint64 m_broadcastSerial = 0;
    quint64 m_eventsSent = 0;
};

} // namespace kocmoc::socketio
