#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

// One WebSocket text message of Socket.IO v5 over Engine.IO v4, as a client
// reads and writes it (https://socket.io/docs/v4/socket-io-protocol/). Only the
// main namespace "/" and text payloads: the KOCMOC server sends no binary
// attachments. The server has its own codec (server/socketio), written for the
// other side's checks; this one is the client's.
struct SocketIoPacket
{
    enum class Kind {
        Invalid,
        EngineOpen, // "0{sid, pingInterval, pingTimeout, maxPayload}"
        EngineClose, // "1"
        EnginePing, // "2": answer with pong()
        EngineNoop, // "6"
        Connect, // "40{sid}": admitted
        Disconnect, // "41": the server ended the namespace session
        Event, // "42[id][name, args...]"
        Ack, // "43<id>[args...]"
        ConnectError, // "44{message}"
    };

    Kind kind = Kind::Invalid;
    std::optional<qint64> ackId; // Event: the server wants an answer; Ack: which request
    QString eventName; // Event
    QJsonArray arguments; // Event (after the name) and Ack
    QJsonObject object; // EngineOpen's handshake, Connect's {sid}, ConnectError's {message}

    static SocketIoPacket decode(const QString &text);

    static QString pong() { return QStringLiteral("3"); }
    static QString connect(const QJsonObject &auth);
    static QString event(
        const QString &name, const QJsonValue &payload, std::optional<qint64> ackId = std::nullopt);
    static QString ack(qint64 ackId, const QJsonArray &arguments);
};
