#pragma once

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

#include <deque>
#include <functional>

namespace kocmoc::bench {

// JSON requests to the server's REST API with a cap on how many are under way,
// for setting the bench up (accounts, tokens, groups): registration hashes a
// password (argon2id) on the server, so a few at a time keep its workers busy
// without queueing thousands of requests behind each other.
class RestClient : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(int status, const QJsonObject &body)>;

    RestClient(QUrl base, int concurrency, QObject *parent = nullptr);

    void post(const QString &path, const QJsonObject &body, const QByteArray &token, Done done);
    int pending() const { return int(m_queue.size()) + m_running; }

private:
    struct Request
    {
        QString path;
        QByteArray body;
        QByteArray token;
        Done done;
    };
    void startNext();

    QNetworkAccessManager m_network;
    QUrl m_base;
    int m_concurrency;
    int m_running = 0;
    std::deque<Request> m_queue;
};

} // namespace kocmoc::bench
