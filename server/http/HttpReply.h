#pragma once

#include "HttpResponse.h"
#include "RequestObserver.h"

#include <QElapsedTimer>
#include <QJsonValue>
#include <QPointer>
#include <QSharedPointer>
#include <QTcpSocket>

namespace kocmoc::http {

class ConnectionGuard;

// The one way to answer a request: a cheap handle that route handlers copy into
// their continuations. It writes on the server thread only, checks that the
// client's socket still exists (a client that left must not cause a write to a
// freed socket), adds the request id and CORS headers, and logs the request.
class HttpReply
{
public:
    struct Context
    {
        QPointer<QTcpSocket> socket;
        QPointer<ConnectionGuard> guard;
        QByteArray method;
        QString path;
        QByteArray requestId;
        HeaderList headers; // added to every answer: X-Request-Id, CORS
        bool headOnly = false;
        bool closeAfter = false; // "Connection: close" from the client
        RequestObserver *observer = nullptr; // outlives every reply
    };

    explicit HttpReply(Context context);

    void send(HttpResponse response) const;
    void json(int status, const QJsonValue &value) const;
    void error(const ApiError &error) const;
    void noContent() const;
    // The head (with its Content-Length set), then `length` bytes of the file from `offset`,
    // streamed with back-pressure (FileStreamer). A HEAD request gets the head only.
    void sendFile(HttpResponse head, const QString &path, qint64 offset, qint64 length) const;

    bool isSent() const;
    void setUserId(const QString &userId) const; // for the access log
    void setRoute(const QString &pattern) const; // the router's pattern, for metrics and the log

private:
    struct State;
    QSharedPointer<State> m_state;
};

QByteArray compactJson(const QJsonValue &value);

} // namespace kocmoc::http
