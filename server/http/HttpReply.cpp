#include "HttpReply.h"

#include "ConnectionGuard.h"
#include "FileStreamer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QThread>

Q_LOGGING_CATEGORY(lcHttp, "kocmoc.http")

namespace kocmoc::http {

struct HttpReply::State
{
    Context context;
    QElapsedTimer timer;
    QString userId;
    QString route;
    bool sent = false;

    // `body` streams what follows the head and ends the request itself.
    void write(HttpResponse response,
        std::function<void(QTcpSocket *socket, std::function<void()> done)> body = {});

    ~State()
    {
        if (sent)
            return;
        // A handler that forgot to answer must not leave the client waiting forever.
        if (context.socket && QThread::currentThread() == context.socket->thread())
            write(HttpResponse::error(ApiError::internal()));
        else
            qCWarning(lcHttp).noquote() << "rid=" + context.requestId << "request left unanswered";
    }
};

HttpReply::HttpReply(Context context)
    : m_state(QSharedPointer<State>::create())
{
    m_state->context = std::move(context);
    m_state->timer.start();
}

void HttpReply::State::write(
    HttpResponse response, std::function<void(QTcpSocket *, std::function<void()>)> body)
{
    sent = true;
    for (const auto &[name, value] : context.headers)
        response.setHeader(name, value);
    const qint64 elapsedUs = timer.nsecsElapsed() / 1000;
    const QString routeLabel = route.isEmpty() ? QStringLiteral("unmatched") : route;
    qCInfo(lcHttp).noquote() << QStringLiteral("rid=%1 %2 %3 %4 %5ms route=%6%7")
                                    .arg(QString::fromLatin1(context.requestId),
                                        QString::fromLatin1(context.method), context.path)
                                    .arg(response.status)
                                    .arg(double(elapsedUs) / 1000.0, 0, 'f', 1)
                                    .arg(routeLabel,
                                        userId.isEmpty() ? QString()
                                                         : QStringLiteral(" user=") + userId);
    if (context.observer)
        context.observer->requestAnswered(
            routeLabel, context.method, response.status, double(elapsedUs) / 1e6);
    QTcpSocket *socket = context.socket.data();
    if (!socket || socket->state() != QAbstractSocket::ConnectedState)
        return; // the client left while we worked
    socket->write(response.serialize(context.headOnly, context.closeAfter));
    auto finished
        = [socket = context.socket, guard = context.guard, closeAfter = context.closeAfter] {
              if (!socket)
                  return;
              if (guard)
                  guard->requestFinished(socket);
              if (closeAfter)
                  socket->disconnectFromHost();
          };
    if (body && !context.headOnly)
        body(socket, std::move(finished));
    else
        finished();
}

void HttpReply::send(HttpResponse response) const
{
    Q_ASSERT(
        !m_state->context.socket || QThread::currentThread() == m_state->context.socket->thread());
    if (m_state->sent)
        return;
    m_state->write(std::move(response));
}

void HttpReply::json(int status, const QJsonValue &value) const
{
    send(HttpResponse::json(status, compactJson(value)));
}

void HttpReply::error(const ApiError &error) const
{
    send(HttpResponse::error(error));
}

void HttpReply::noContent() const
{
    send(HttpResponse::empty(204));
}

void HttpReply::sendFile(HttpResponse head, const QString &path, qint64 offset, qint64 length) const
{
    if (m_state->sent)
        return;
    m_state->write(
        std::move(head), [path, offset, length](QTcpSocket *socket, std::function<void()> done) {
            FileStreamer::start(
                socket, path, offset, length, [done = std::move(done)](bool complete) {
                    if (complete)
                        done();
                });
        });
}

bool HttpReply::isSent() const
{
    return m_state->sent;
}

void HttpReply::setUserId(const QString &userId) const
{
    m_state->userId = userId;
}

void HttpReply::setRoute(const QString &pattern) const
{
    m_state->route = pattern;
}

QByteArray compactJson(const QJsonValue &value)
{
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
}

} // namespace kocmoc::http
