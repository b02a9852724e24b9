#include "RestClient.h"

#include <QJsonDocument>
#include <QNetworkReply>

namespace kocmoc::bench {

RestClient::RestClient(QUrl base, int concurrency, QObject *parent)
    : QObject(parent)
    , m_base(std::move(base))
    , m_concurrency(qMax(1, concurrency))
{ }

void RestClient::post(
    const QString &path, const QJsonObject &body, const QByteArray &token, Done done)
{
    m_queue.push_back(
        Request{path, QJsonDocument(body).toJson(QJsonDocument::Compact), token, std::move(done)});
    startNext();
}

void RestClient::startNext()
{
    while (m_running < m_concurrency && !m_queue.empty()) {
        Request request = std::move(m_queue.front());
        m_queue.pop_front();
        QUrl url = m_base;
        url.setPath(request.path);
        QNetworkRequest http(url);
        http.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        if (!request.token.isEmpty())
            http.setRawHeader("Authorization", "Bearer " + request.token);
        ++m_running;
        QNetworkReply *reply = m_network.post(http, request.body);
        connect(
            reply, &QNetworkReply::finished, this, [this, reply, done = std::move(request.done)] {
                reply->deleteLater();
                --m_running;
                const int status
                    = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                done(status, QJsonDocument::fromJson(reply->readAll()).object());
                startNext();
            });
    }
}

} // namespace kocmoc::bench
