#pragma once

#include "BenchSocket.h"
#include "RestClient.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <memory>
#include <random>
#include <vector>

namespace kocmoc::bench {

// One run of the load generator against a running server: accounts and groups
// through the REST API (cached in a file between runs, since registration
// hashes a password), one authenticated Socket.IO connection per user, the
// server's memory per idle connection, then messages from random members at an
// open-loop rate, each timed from its scheduled send to its arrival at every
// member of its group on this process's one clock. The result is one JSON
// object (see finished()).
class LoadRun : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        QUrl url;
        int groups = 200;
        int groupSize = 50;
        double rate = 1000; // messages per second, all groups together
        double warmupSeconds = 5;
        double durationSeconds = 30;
        double drainSeconds = 15;
        QString cachePath;
        qint64 serverPid = 0;
        qint64 postgresPid = 0; // the postmaster: its backends are counted with it
        QString postgresUrl; // to count the rows stored; empty: not counted
        int connectConcurrency = 40;
        int restConcurrency = 8;
        int textBytes = 64;
        bool idleOnly = false;
        int connections() const { return groups * groupSize; }
    };

    explicit LoadRun(Settings settings, QObject *parent = nullptr);
    ~LoadRun() override;

    void start();

signals:
    void finished(const QJsonObject &result, bool ok);

private:
    struct User
    {
        QString id;
        QByteArray accessToken;
        QString refreshToken;
        qint64 issuedAtMs = 0;
    };
    struct Sent
    {
        qint64 scheduledNs = 0;
        quint64 receivedMask = 0; // by member index in the group
        int group = 0;
        bool measured = false;
        bool answered = false;
    };

    void loadCache();
    void saveCache() const;
    void prepareAccounts();
    void prepareGroups();
    void connectAll();
    void openNext();
    void settle();
    void startFanOut();
    void sendDue();
    void stopSending();
    void checkDrained();
    void finish(bool ok, const QString &problem = {});
    qint64 countRows() const;

    void onEvent(BenchSocket *socket, QByteArrayView json);
    void onAck(BenchSocket *socket, qint64 id, QByteArrayView json);
    qint64 nowNs() const { return m_clock.nsecsElapsed(); }

    Settings m_settings;
    QHostAddress m_host;
    quint16 m_port = 0;
    RestClient m_rest;
    QElapsedTimer m_clock;
    QByteArray m_runTag; // prefix of this run's clientIds
    QByteArray m_accountTag; // part of the cached accounts' names
    std::mt19937_64 m_random{20261122};

    std::vector<User> m_users;
    QStringList m_groupChats;
    QJsonObject m_cachedGroups; // group size → chat ids, as the cache file has them
    BenchSocket::Handlers m_handlers;
    std::vector<std::unique_ptr<BenchSocket>> m_sockets;
    int m_nextToOpen = 0;
    int m_connected = 0;
    int m_connectFailures = 0;
    QByteArray m_firstConnectError;
    qint64 m_lastPresenceNs = 0;
    qint64 m_rssBeforeKb = -1;
    qint64 m_rssIdleKb = -1;
    double m_setupSeconds = 0;
    double m_connectSeconds = 0;

    QTimer m_sendTimer;
    QTimer m_drainTimer;
    qint64 m_fanOutStartNs = 0;
    qint64 m_windowStartNs = 0;
    qint64 m_windowEndNs = 0;
    qint64 m_sendingEndsNs = 0;
    std::vector<Sent> m_sent;
    std::vector<QByteArray>
        m_sendPrefix; // per group: ["message:send",{"chatId":"…","clientId":"<tag>x
    QByteArray m_text;
    bool m_sending = false;
    qint64 m_received = 0;
    qint64 m_receivedMeasured = 0;
    qint64 m_duplicates = 0;
    qint64 m_misrouted = 0;
    qint64 m_acked = 0;
    qint64 m_ackErrors = 0;
    QByteArray m_firstAckError;
    qint64 m_otherEvents = 0;
    qint64 m_disconnects = 0;
    std::vector<qint64> m_latenciesUs;
    std::vector<qint64> m_ackLatenciesUs;
    std::vector<qint64> m_sendLagsUs; // schedule → written to the socket: the bench's own lateness
    double m_serverCpuStart = 0, m_serverCpuEnd = 0;
    double m_postgresCpuStart = 0, m_postgresCpuEnd = 0;
    double m_ownCpuStart = 0, m_ownCpuEnd = 0;
    bool m_windowClosed = false;
};

} // namespace kocmoc::bench
