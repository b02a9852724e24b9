#include "RealtimeClient.h"

#include <QJsonDocument>
#include <QTest>
#include <QUrl>

namespace kocmoc::test {

bool RealtimeClient::connectTo(quint16 port, const QString &token, int timeoutMs)
{
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &RealtimeClient::onText, Qt::UniqueConnection);
    m_socket.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/socket.io/?EIO=4&transport=websocket").arg(port)));
    if (!QTest::qWaitFor([this] { return m_opened; }, timeoutMs))
        return false;
    sendRaw(QStringLiteral("40") + QString::fromUtf8(QJsonDocument(QJsonObject{{"token", token}}).toJson(QJsonDocument::Compact)));
    if (!QTest::qWaitFor([this] { return m_admitted || !m_connectError.isEmpty(); }, timeoutMs))
        m_connectError = QStringLiteral("no answer to CONNECT");
    return m_admitted;
}

void RealtimeClient::close()
{
    m_socket.close();
    (void)waitForClose(5000);
}

void RealtimeClient::send(const QString &event, const QJsonValue &payload)
{
    sendRaw(QStringLiteral("42") + QString::fromUtf8(QJsonDocument(QJsonArray{event, payload}).toJson(QJsonDocument::Compact)));
}

QJsonArray RealtimeClient::request(const QString &event, const QJsonValue &payload, int timeoutMs)
{
    const int id = m_nextAckId++;
    sendRaw(QStringLiteral("42") + QString::number(id)
            + QString::fromUtf8(QJsonDocument(QJsonArray{event, payload}).toJson(QJsonDocument::Compact)));
    if (!QTest::qWaitFor([this, id] { return m_acks.contains(id); }, timeoutMs))
        return {};
    return m_acks.take(id);
}

QList<RealtimeClient::Received> RealtimeClient::receivedNamed(const QString &event) const
{
    QList<Received> named;
    for (const Received &item : m_received) {
        if (item.name == event)
            named.append(item);
    }
    return named;
}

bool RealtimeClient::waitFor(const QString &event, int count, int timeoutMs)
{
    return QTest::qWaitFor([&] { return this->count(event) >= count; }, timeoutMs);
}

bool RealtimeClient::waitForClose(int timeoutMs)
{
    return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::UnconnectedState; }, timeoutMs);
}

void RealtimeClient::onText(const QString &text)
{
    if (text.startsWith(QLatin1Char('0'))) { // Engine.IO open
        m_opened = true;
    } else if (text == QLatin1String("2")) { // ping
        sendRaw(QStringLiteral("3"));
    } else if (text.startsWith(QLatin1String("40"))) {
        m_admitted = true;
    } else if (text.startsWith(QLatin1String("44"))) {
        m_connectError = QJsonDocument::fromJson(text.mid(2).toUtf8()).object().value("message").toString();
    } else if (text.startsWith(QLatin1String("41"))) {
        m_admitted = false;
    } else if (text.startsWith(QLatin1String("42")) || text.startsWith(QLatin1String("43"))) {
        qsizetype at = 2;
        while (at < text.size() && text.at(at).isDigit())
            ++at;
        const int ackId = text.mid(2, at - 2).toInt();
        const QJsonArray args = QJsonDocument::fromJson(text.mid(at).toUtf8()).array();
        if (text.startsWith(QLatin1String("43")))
            m_acks.insert(ackId, args);
        else
            m_received.append(Received{args.at(0).toString(), args.at(1)});
    }
}

} // namespace kocmoc::test
