#include "SocketIoPacket.h"

#include <QJsonDocument>

namespace {

QString compact(const QJsonDocument &document)
{
    return QString::fromUtf8(document.toJson(QJsonDocument::Compact));
}

std::optional<QJsonDocument> parseJson(QStringView text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        return std::nullopt;
    return document;
}

} // namespace

SocketIoPacket SocketIoPacket::decode(const QString &text)
{
    SocketIoPacket packet;
    if (text.isEmpty())
        return packet;
    const QChar engineType = text.at(0);
    if (engineType == QLatin1Char('0')) {
        const auto json = parseJson(QStringView(text).mid(1));
        if (json && json->isObject()) {
            packet.kind = Kind::EngineOpen;
            packet.object = json->object();
        }
        return packet;
    }
    if (engineType == QLatin1Char('1')) {
        packet.kind = Kind::EngineClose;
        return packet;
    }
    if (engineType == QLatin1Char('2')) {
        packet.kind = Kind::EnginePing;
        return packet;
    }
    if (engineType == QLatin1Char('6')) {
        packet.kind = Kind::EngineNoop;
        return packet;
    }
    if (engineType != QLatin1Char('4') || text.size() < 2)
        return packet; // pong, upgrade: nothing a WebSocket client is sent

    const QChar type = text.at(1);
    qsizetype at = 2;
    if (at < text.size() && text.at(at) == QLatin1Char('/'))
        return packet; // another namespace: the client only joins "/"
    qsizetype digitsEnd = at;
    while (digitsEnd < text.size() && text.at(digitsEnd).isDigit())
        ++digitsEnd;
    if (digitsEnd > at) {
        bool ok = false;
        const qint64 id = QStringView(text).mid(at, digitsEnd - at).toLongLong(&ok);
        if (!ok)
            return packet;
        packet.ackId = id;
        at = digitsEnd;
    }
    const QStringView body = QStringView(text).mid(at);
    const auto json
        = body.isEmpty() ? std::optional<QJsonDocument>(QJsonDocument()) : parseJson(body);
    if (!json)
        return packet;

    if (type == QLatin1Char('0')) {
        packet.kind = Kind::Connect;
        packet.object = json->object();
    } else if (type == QLatin1Char('1')) {
        packet.kind = Kind::Disconnect;
    } else if (type == QLatin1Char('4')) {
        packet.kind = Kind::ConnectError;
        packet.object = json->object();
    } else if (type == QLatin1Char('2')) {
        QJsonArray arguments = json->array();
        if (arguments.isEmpty() || !arguments.first().isString())
            return packet;
        packet.kind = Kind::Event;
        packet.eventName = arguments.takeAt(0).toString();
        packet.arguments = arguments;
    } else if (type == QLatin1Char('3')) {
        if (!packet.ackId || !json->isArray())
            return packet;
        packet.kind = Kind::Ack;
        packet.arguments = json->array();
    }
    return packet;
}

QString SocketIoPacket::connect(const QJsonObject &auth)
{
    return QStringLiteral("40") + compact(QJsonDocument(auth));
}

QString SocketIoPacket::event(
    const QString &name, const QJsonValue &payload, std::optional<qint64> ackId)
{
    QJsonArray arguments{name};
    if (!payload.isUndefined())
        arguments.append(payload);
    return QStringLiteral("42") + (ackId ? QString::number(*ackId) : QString())
        + compact(QJsonDocument(arguments));
}

QString SocketIoPacket::ack(qint64 ackId, const QJsonArray &arguments)
{
    return QStringLiteral("43") + QString::number(ackId) + compact(QJsonDocument(arguments));
}
