#pragma once

#include "ServerTestCase.h"

#include "realtime/LocalEventBus.h"

#include <QEventLoop>
#include <QTimer>
#include <QUrl>

#include <memory>

// What the chat, message and sync suites share: people, their calls, and the events
// the server published.
namespace kocmoc::test {

struct Person
{
    QString id;
    QString token;
    QString username;
};

inline Person signUp(TestServer &server, const QString &username, const QString &displayName = {})
{
    const QJsonObject grant = server.registerUser(username, displayName);
    return Person{grant.value("user").toObject().value("id").toString(),
        grant.value("accessToken").toString(), username};
}

// The body of a send: a new clientId each time unless one is given.
inline QJsonObject textMessage(const QString &text, const QString &clientId = {})
{
    static int counter = 0;
    return QJsonObject{
        {"clientId", clientId.isEmpty() ? QStringLiteral("c-%1").arg(++counter) : clientId},
        {"type", "text"}, {"text", text}};
}

inline QString percentEncoded(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

// Every event the server publishes, in order, while it lives.
class EventLog
{
public:
    explicit EventLog(realtime::LocalEventBus &bus)
        : m_bus(bus)
        , m_id(bus.subscribe(
              [this](const realtime::RealtimeEvent &event) { m_events.append(event); }))
    { }
    ~EventLog() { m_bus.unsubscribe(m_id); }

    const QList<realtime::RealtimeEvent> &all() const { return m_events; }
    void clear() { m_events.clear(); }
    QList<realtime::RealtimeEvent> named(const QString &name) const
    {
        QList<realtime::RealtimeEvent> found;
        for (const auto &event : m_events) {
            if (event.name == name)
                found.append(event);
        }
        return found;
    }
    // Who got an event of this name, sorted, each once per event.
    QStringList recipients(const QString &name) const
    {
        QStringList users;
        for (const auto &event : named(name))
            users += event.userIds;
        users.sort();
        return users;
    }
    QStringList names() const
    {
        QStringList list;
        for (const auto &event : m_events)
            list.append(event.name);
        return list;
    }

private:
    realtime::LocalEventBus &m_bus;
    QList<realtime::RealtimeEvent> m_events;
    int m_id;
};

inline QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

// The same request sent `count` times at once, on parallel connections; the answers in
// the order they were sent.
inline QList<Response> concurrently(TestServer &server, int count, const QByteArray &method,
    const QString &path, const QJsonObject &body, const QString &token)
{
    QNetworkAccessManager network;
    QList<QNetworkReply *> replies;
    for (int i = 0; i < count; ++i) {
        QNetworkRequest request(
            QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(server.server().port()).arg(path)));
        request.setRawHeader("Content-Type", "application/json");
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        replies.append(network.sendCustomRequest(
            request, method, QJsonDocument(body).toJson(QJsonDocument::Compact)));
    }
    QEventLoop loop;
    QTimer::singleShot(30'000, &loop, &QEventLoop::quit);
    int finished = 0;
    for (QNetworkReply *reply : std::as_const(replies))
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&] {
            if (++finished == count)
                loop.quit();
        });
    loop.exec();
    QList<Response> responses;
    for (QNetworkReply *reply : std::as_const(replies)) {
        Response response;
        response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        response.body = reply->readAll();
        responses.append(response);
        reply->deleteLater();
    }
    return responses;
}

} // namespace kocmoc::test
