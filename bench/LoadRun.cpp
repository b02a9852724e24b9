#include "LoadRun.h"

#include "ProcessStats.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <algorithm>

namespace kocmoc::bench {

namespace {

constexpr qint64 nsPerSecond = 1'000'000'000;
constexpr qint64 tokenFreshMs = 10 * 60 * 1000; // access tokens live 15 minutes
constexpr char password[] = "kocmoc bench password";

QByteArray randomTag(int length)
{
    const QByteArray hex = QUuid::createUuid().toRfc4122().toHex();
    return hex.left(length);
}

QJsonObject percentiles(std::vector<qint64> &samplesUs)
{
    if (samplesUs.empty())
        return {};
    std::sort(samplesUs.begin(), samplesUs.end());
    const auto at = [&](double q) {
        const size_t index = size_t(q * double(samplesUs.size() - 1) + 0.5);
        return double(samplesUs[qMin(index, samplesUs.size() - 1)]) / 1000.0;
    };
    return QJsonObject{{QStringLiteral("p50"), at(0.50)}, {QStringLiteral("p90"), at(0.90)},
        {QStringLiteral("p99"), at(0.99)}, {QStringLiteral("max"), at(1.0)},
        {QStringLiteral("count"), qint64(samplesUs.size())}};
}

} // namespace

LoadRun::LoadRun(Settings settings, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_host(m_settings.url.host() == QLatin1String("localhost") ? QStringLiteral("127.0.0.1")
                                                                 : m_settings.url.host())
    , m_port(quint16(m_settings.url.port(80)))
    , m_rest(m_settings.url, m_settings.restConcurrency)
    , m_runTag("r" + randomTag(8))
{
    m_clock.start();
    m_handlers.connected = [this](BenchSocket *socket, bool ok, const QByteArray &why) {
        if (ok) {
            ++m_connected;
        } else {
            ++m_connectFailures;
            if (m_firstConnectError.isEmpty())
                m_firstConnectError = why;
            qWarning("connection %d failed: %s", socket->index(), why.constData());
        }
        openNext();
    };
    m_handlers.event = [this](BenchSocket *socket, QByteArrayView json) { onEvent(socket, json); };
    m_handlers.ack
        = [this](BenchSocket *socket, qint64 id, QByteArrayView json) { onAck(socket, id, json); };
    m_handlers.closed = [this](BenchSocket *) { ++m_disconnects; };
    m_sendTimer.setTimerType(Qt::PreciseTimer);
    m_sendTimer.setInterval(1);
    connect(&m_sendTimer, &QTimer::timeout, this, &LoadRun::sendDue);
    m_drainTimer.setInterval(100);
    connect(&m_drainTimer, &QTimer::timeout, this, &LoadRun::checkDrained);
}

LoadRun::~LoadRun() = default;

void LoadRun::start()
{
    if (m_settings.groupSize < 1 || m_settings.groupSize > 64 || m_settings.groups < 1) {
        finish(false, QStringLiteral("groups of 1 to 64 members, and at least one group"));
        return;
    }
    loadCache();
    prepareAccounts();
}

// ---- accounts and groups, cached ------------------------------------------------

void LoadRun::loadCache()
{
    QFile file(m_settings.cachePath);
    if (m_settings.cachePath.isEmpty() || !file.open(QIODevice::ReadOnly)) {
        m_accountTag = randomTag(6);
        return;
    }
    const QJsonObject cache = QJsonDocument::fromJson(file.readAll()).object();
    m_accountTag = cache.value(QStringLiteral("tag")).toString().toLatin1();
    if (m_accountTag.isEmpty())
        m_accountTag = randomTag(6);
    for (const QJsonValue &value : cache.value(QStringLiteral("users")).toArray()) {
        const QJsonObject user = value.toObject();
        m_users.push_back(User{user.value(QStringLiteral("id")).toString(),
            user.value(QStringLiteral("accessToken")).toString().toLatin1(),
            user.value(QStringLiteral("refreshToken")).toString(),
            qint64(user.value(QStringLiteral("issuedAtMs")).toDouble())});
    }
    // Groups are kept for one group size: another size makes new ones.
    const QJsonObject groups = cache.value(QStringLiteral("groups")).toObject();
    for (const QJsonValue &id : groups.value(QString::number(m_settings.groupSize)).toArray())
        m_groupChats.append(id.toString());
    m_cachedGroups = cache.value(QStringLiteral("groups")).toObject();
}

void LoadRun::saveCache() const
{
    if (m_settings.cachePath.isEmpty())
        return;
    QJsonArray users;
    for (const User &user : m_users)
        users.append(QJsonObject{{QStringLiteral("id"), user.id},
            {QStringLiteral("accessToken"), QString::fromLatin1(user.accessToken)},
            {QStringLiteral("refreshToken"), user.refreshToken},
            {QStringLiteral("issuedAtMs"), double(user.issuedAtMs)}});
    QJsonObject groups = m_cachedGroups;
    groups.insert(QString::number(m_settings.groupSize), QJsonArray::fromStringList(m_groupChats));
    QSaveFile file(m_settings.cachePath);
    if (!file.open(QIODevice::WriteOnly))
        return;
    file.write(
        QJsonDocument(QJsonObject{{QStringLiteral("tag"), QString::fromLatin1(m_accountTag)},
                          {QStringLiteral("users"), users}, {QStringLiteral("groups"), groups}})
            .toJson(QJsonDocument::Compact));
    file.commit();
}

void LoadRun::prepareAccounts()
{
    const qint64 setupStart = nowNs();
    const int needed = m_settings.connections();
    const int cached = int(m_users.size());
    if (cached < needed)
        m_users.resize(size_t(needed));
    auto outstanding = std::make_shared<int>(0);
    auto failed = std::make_shared<QString>();
    const auto grantInto = [this](User &user, const QJsonObject &grant) {
        user.id
            = grant.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toString();
        user.accessToken = grant.value(QStringLiteral("accessToken")).toString().toLatin1();
        user.refreshToken = grant.value(QStringLiteral("refreshToken")).toString();
        user.issuedAtMs = QDateTime::currentMSecsSinceEpoch();
    };
    const auto oneDone = [this, outstanding, failed, setupStart] {
        if (--*outstanding > 0)
            return;
        saveCache();
        if (!failed->isEmpty()) {
            finish(false, *failed);
            return;
        }
        m_setupSeconds += double(nowNs() - setupStart) / nsPerSecond;
        prepareGroups();
    };
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (int i = 0; i < needed; ++i) {
        User &user = m_users[size_t(i)];
        if (i < cached && now - user.issuedAtMs < tokenFreshMs)
            continue;
        ++*outstanding;
        if (i < cached) {
            m_rest.post(QStringLiteral("/api/auth/refresh"),
                QJsonObject{{QStringLiteral("refreshToken"), user.refreshToken}}, {},
                [this, i, grantInto, oneDone, failed](int status, const QJsonObject &body) {
                    if (status == 200)
                        grantInto(m_users[size_t(i)], body);
                    else if (failed->isEmpty())
                        *failed = QStringLiteral("refresh of user %1 answered %2: %3 (delete the "
                                                 "cache file to register anew)")
                                      .arg(i)
                                      .arg(status)
                                      .arg(QString::fromUtf8(QJsonDocument(body).toJson()));
                    oneDone();
                });
            continue;
        }
        const QString name = QStringLiteral("b%1_%2").arg(QString::fromLatin1(m_accountTag)).arg(i);
        m_rest.post(QStringLiteral("/api/auth/register"),
            QJsonObject{{QStringLiteral("email"), name + QStringLiteral("@bench.example.org")},
                {QStringLiteral("password"), QString::fromLatin1(password)},
                {QStringLiteral("username"), name},
                {QStringLiteral("displayName"), QStringLiteral("Bench %1").arg(i)}},
            {}, [this, i, grantInto, oneDone, failed](int status, const QJsonObject &body) {
                if (status == 201)
                    grantInto(m_users[size_t(i)], body);
                else if (failed->isEmpty())
                    *failed = QStringLiteral("registration of user %1 answered %2: %3")
                                  .arg(i)
                                  .arg(status)
                                  .arg(QString::fromUtf8(QJsonDocument(body).toJson()));
                oneDone();
            });
    }
    if (*outstanding == 0)
        prepareGroups();
    else
        qInfo("setting up: %d accounts to register or refresh", *outstanding);
}

void LoadRun::prepareGroups()
{
    const qint64 setupStart = nowNs();
    const int have = int(m_groupChats.size());
    if (have >= m_settings.groups) {
        connectAll();
        return;
    }
    auto outstanding = std::make_shared<int>(m_settings.groups - have);
    auto failed = std::make_shared<QString>();
    for (int g = have; g < m_settings.groups; ++g)
        m_groupChats.append(QString());
    for (int g = have; g < m_settings.groups; ++g) {
        QJsonArray members;
        for (int m = 1; m < m_settings.groupSize; ++m)
            members.append(m_users[size_t(g * m_settings.groupSize + m)].id);
        m_rest.post(QStringLiteral("/api/chats/group"),
            QJsonObject{{QStringLiteral("title"), QStringLiteral("Bench group %1").arg(g)},
                {QStringLiteral("memberIds"), members}},
            m_users[size_t(g * m_settings.groupSize)].accessToken,
            [this, g, outstanding, failed, setupStart](int status, const QJsonObject &body) {
                if (status == 201)
                    m_groupChats[g] = body.value(QStringLiteral("id")).toString();
                else if (failed->isEmpty())
                    *failed = QStringLiteral("creating group %1 answered %2: %3")
                                  .arg(g)
                                  .arg(status)
                                  .arg(QString::fromUtf8(QJsonDocument(body).toJson()));
                if (--*outstanding > 0)
                    return;
                if (!failed->isEmpty()) {
                    finish(false, *failed);
                    return;
                }
                saveCache();
                m_setupSeconds += double(nowNs() - setupStart) / nsPerSecond;
                connectAll();
            });
    }
}

// ---- connections and idle memory -------------------------------------------------

void LoadRun::connectAll()
{
    m_rssBeforeKb = m_settings.serverPid ? ProcessStats::rssKb(m_settings.serverPid) : -1;
    m_fanOutStartNs = nowNs(); // reused as the connect phase's start
    const int count = m_settings.connections();
    m_sockets.reserve(size_t(count));
    for (int i = 0; i < count; ++i)
        m_sockets.push_back(std::make_unique<BenchSocket>(i, m_handlers));
    qInfo("connecting %d sockets", count);
    for (int i = 0; i < m_settings.connectConcurrency && m_nextToOpen < count; ++i)
        openNext();
}

void LoadRun::openNext()
{
    const int count = m_settings.connections();
    if (m_nextToOpen < count) {
        const int i = m_nextToOpen++;
        m_sockets[size_t(i)]->open(m_host, m_port, m_users[size_t(i)].accessToken);
        return;
    }
    if (m_connected + m_connectFailures < count || m_connectSeconds > 0)
        return;
    m_connectSeconds = double(nowNs() - m_fanOutStartNs) / nsPerSecond;
    if (m_connectFailures > 0) {
        finish(false,
            QStringLiteral("%1 connections failed, the first: %2")
                .arg(m_connectFailures)
                .arg(QString::fromUtf8(m_firstConnectError)));
        return;
    }
    qInfo("%d sockets connected in %.1f s", m_connected, m_connectSeconds);
    m_lastPresenceNs = nowNs();
    settle();
}

// Connecting announces presence to every member of the groups (a database write
// and a fan-out each): the memory is read once that has died down.
void LoadRun::settle()
{
    const qint64 quietNs = nowNs() - m_lastPresenceNs;
    if (quietNs < 2 * nsPerSecond) {
        QTimer::singleShot(250, this, &LoadRun::settle);
        return;
    }
    m_rssIdleKb = m_settings.serverPid ? ProcessStats::rssKb(m_settings.serverPid) : -1;
    if (m_settings.idleOnly) {
        finish(true);
        return;
    }
    startFanOut();
}

// ---- fan-out ---------------------------------------------------------------------

void LoadRun::startFanOut()
{
    const int size = m_settings.groupSize;
    m_sendPrefix.clear();
    for (const QString &chat : std::as_const(m_groupChats))
        m_sendPrefix.push_back("[\"message:send\",{\"chatId\":\"" + chat.toLatin1()
            + "\",\"type\":\"text\",\"clientId\":\"" + m_runTag + "x");
    m_text = QByteArray("Hello from the load generator, ")
                 .leftJustified(qMax(8, m_settings.textBytes), '.', true);
    const double total = m_settings.warmupSeconds + m_settings.durationSeconds;
    m_sent.reserve(size_t(m_settings.rate * total * 1.01) + 16);
    m_latenciesUs.reserve(size_t(m_settings.rate * m_settings.durationSeconds * size * 1.01) + 16);
    m_ackLatenciesUs.reserve(size_t(m_settings.rate * m_settings.durationSeconds * 1.01) + 16);
    m_sendLagsUs.reserve(m_ackLatenciesUs.capacity());
    m_fanOutStartNs = nowNs();
    m_windowStartNs = m_fanOutStartNs + qint64(m_settings.warmupSeconds * nsPerSecond);
    m_windowEndNs = m_windowStartNs + qint64(m_settings.durationSeconds * nsPerSecond);
    m_sendingEndsNs = m_windowEndNs;
    m_sending = true;
    qInfo("sending %.0f messages/s for %.0f s (%.0f s warm-up)", m_settings.rate,
        m_settings.durationSeconds, m_settings.warmupSeconds);
    m_sendTimer.start();
}

void LoadRun::sendDue()
{
    const qint64 now = nowNs();
    if (m_ownCpuStart == 0 && now >= m_windowStartNs) {
        m_serverCpuStart
            = m_settings.serverPid ? ProcessStats::cpuSeconds(m_settings.serverPid) : 0;
        m_postgresCpuStart
            = m_settings.postgresPid ? ProcessStats::cpuSeconds(m_settings.postgresPid, true) : 0;
        m_ownCpuStart = ProcessStats::ownCpuSeconds() + 1e-9;
    }
    const int users = m_settings.connections();
    std::uniform_int_distribution<int> pick(0, users - 1);
    // Open loop: every message has its time on the schedule, and is late rather than
    // dropped when the bench (or the machine) falls behind; its latency counts from
    // the schedule, so the wait is not hidden.
    for (;;) {
        const qint64 seq = qint64(m_sent.size());
        const qint64 scheduled
            = m_fanOutStartNs + qint64(double(seq) * double(nsPerSecond) / m_settings.rate);
        if (scheduled > now || scheduled >= m_sendingEndsNs)
            break;
        const int user = pick(m_random);
        const int group = user / m_settings.groupSize;
        m_sent.push_back(Sent{
            scheduled, 0, group, scheduled >= m_windowStartNs && scheduled < m_windowEndNs, false});
        BenchSocket *socket = m_sockets[size_t(user)].get();
        const QByteArray seqText = QByteArray::number(seq);
        QByteArray json;
        json.reserve(m_sendPrefix[size_t(group)].size() + seqText.size() + m_text.size() + 16);
        json.append(m_sendPrefix[size_t(group)])
            .append(seqText)
            .append("\",\"text\":\"")
            .append(m_text)
            .append("\"}]");
        socket->emitEvent(json, seq);
        if (m_sent.back().measured)
            m_sendLagsUs.push_back((nowNs() - scheduled) / 1000);
    }
    if (now >= m_sendingEndsNs)
        stopSending();
}

void LoadRun::stopSending()
{
    m_sendTimer.stop();
    m_sending = false;
    m_serverCpuEnd = m_settings.serverPid ? ProcessStats::cpuSeconds(m_settings.serverPid) : 0;
    m_postgresCpuEnd
        = m_settings.postgresPid ? ProcessStats::cpuSeconds(m_settings.postgresPid, true) : 0;
    m_ownCpuEnd = ProcessStats::ownCpuSeconds();
    m_windowClosed = true;
    m_drainTimer.start();
}

void LoadRun::checkDrained()
{
    const qint64 expected = qint64(m_sent.size()) * m_settings.groupSize;
    const bool allIn = m_received >= expected && m_acked + m_ackErrors >= qint64(m_sent.size());
    const bool timedOut = nowNs() - m_sendingEndsNs > qint64(m_settings.drainSeconds * nsPerSecond);
    if (!allIn && !timedOut)
        return;
    m_drainTimer.stop();
    finish(true);
}

void LoadRun::onEvent(BenchSocket *socket, QByteArrayView json)
{
    static constexpr QByteArrayView messageNew("[\"message:new\",");
    if (!json.startsWith(messageNew)) {
        if (json.startsWith(QByteArrayView("[\"presence:update\"")))
            m_lastPresenceNs = nowNs();
        ++m_otherEvents;
        return;
    }
    const qint64 now = nowNs();
    static constexpr QByteArrayView key("\"clientId\":\"");
    const qsizetype at = json.indexOf(key);
    if (at < 0)
        return;
    const QByteArrayView clientId = json.sliced(at + key.size());
    if (!clientId.startsWith(m_runTag) || clientId.size() <= m_runTag.size() + 1)
        return; // another run's message
    qint64 seq = 0;
    for (qsizetype i = m_runTag.size() + 1; i < clientId.size() && clientId[i] != '"'; ++i)
        seq = seq * 10 + (clientId[i] - '0');
    if (seq < 0 || seq >= qint64(m_sent.size()))
        return;
    Sent &sent = m_sent[size_t(seq)];
    const int member = socket->index() % m_settings.groupSize;
    if (socket->index() / m_settings.groupSize != sent.group) {
        ++m_misrouted;
        return;
    }
    const quint64 bit = quint64(1) << member;
    if (sent.receivedMask & bit) {
        ++m_duplicates;
        return;
    }
    sent.receivedMask |= bit;
    ++m_received;
    if (sent.measured) {
        ++m_receivedMeasured;
        m_latenciesUs.push_back((now - sent.scheduledNs) / 1000);
    }
}

void LoadRun::onAck(BenchSocket *, qint64 id, QByteArrayView json)
{
    if (id < 0 || id >= qint64(m_sent.size()))
        return;
    Sent &sent = m_sent[size_t(id)];
    if (sent.answered)
        return;
    sent.answered = true;
    if (!json.startsWith(QByteArrayView("[null"))) {
        ++m_ackErrors;
        if (m_firstAckError.isEmpty())
            m_firstAckError = json.first(qMin<qsizetype>(300, json.size())).toByteArray();
        return;
    }
    ++m_acked;
    if (sent.measured)
        m_ackLatenciesUs.push_back((nowNs() - sent.scheduledNs) / 1000);
}

// ---- the result ------------------------------------------------------------------

qint64 LoadRun::countRows() const
{
    if (m_settings.postgresUrl.isEmpty())
        return -1;
    const QUrl url(m_settings.postgresUrl);
    qint64 rows = -1;
    {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("bench-count"));
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(url.path().mid(1));
        if (db.open()) {
            QSqlQuery query(db);
            query.prepare(QStringLiteral("SELECT count(*) FROM messages WHERE client_id LIKE ?"));
            query.addBindValue(QString::fromLatin1(m_runTag) + QStringLiteral("x%"));
            if (query.exec() && query.next())
                rows = query.value(0).toLongLong();
        } else {
            qWarning("cannot count the rows: %s", qPrintable(db.lastError().text()));
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bench-count"));
    return rows;
}

void LoadRun::finish(bool ok, const QString &problem)
{
    m_sendTimer.stop();
    m_drainTimer.stop();
    QJsonObject result{
        {QStringLiteral("connections"), m_settings.connections()},
        {QStringLiteral("groups"), m_settings.groups},
        {QStringLiteral("groupSize"), m_settings.groupSize},
        {QStringLiteral("setupSeconds"), m_setupSeconds},
        {QStringLiteral("connectSeconds"), m_connectSeconds},
        {QStringLiteral("connected"), m_connected},
    };
    if (!problem.isEmpty())
        result.insert(QStringLiteral("error"), problem);
    if (m_rssBeforeKb > 0 && m_rssIdleKb > 0 && m_connected > 0) {
        result.insert(QStringLiteral("serverRssBeforeKb"), m_rssBeforeKb);
        result.insert(QStringLiteral("serverRssIdleKb"), m_rssIdleKb);
        result.insert(QStringLiteral("memoryPerConnectionKb"),
            double(m_rssIdleKb - m_rssBeforeKb) / m_connected);
    }
    if (!m_sent.empty()) {
        const qint64 sent = qint64(m_sent.size());
        const qint64 expected = sent * m_settings.groupSize;
        qint64 measured = 0;
        for (const Sent &s : m_sent)
            measured += s.measured ? 1 : 0;
        const double window = m_settings.durationSeconds;
        const qint64 rows = countRows();
        result.insert(QStringLiteral("targetRate"), m_settings.rate);
        result.insert(QStringLiteral("durationSeconds"), window);
        result.insert(QStringLiteral("messagesSent"), sent);
        result.insert(QStringLiteral("messagesMeasured"), measured);
        result.insert(QStringLiteral("messagesPerSecond"), double(measured) / window);
        result.insert(QStringLiteral("acked"), m_acked);
        result.insert(QStringLiteral("ackErrors"), m_ackErrors);
        if (!m_firstAckError.isEmpty())
            result.insert(QStringLiteral("firstAckError"), QString::fromUtf8(m_firstAckError));
        result.insert(QStringLiteral("deliveriesExpected"), expected);
        result.insert(QStringLiteral("deliveriesReceived"), m_received);
        result.insert(QStringLiteral("lost"), expected - m_received);
        result.insert(QStringLiteral("duplicates"), m_duplicates);
        result.insert(QStringLiteral("misrouted"), m_misrouted);
        result.insert(QStringLiteral("disconnects"), m_disconnects);
        result.insert(QStringLiteral("otherEvents"), m_otherEvents);
        result.insert(QStringLiteral("deliveriesPerSecond"), double(m_receivedMeasured) / window);
        result.insert(QStringLiteral("latencyMs"), percentiles(m_latenciesUs));
        result.insert(QStringLiteral("ackLatencyMs"), percentiles(m_ackLatenciesUs));
        result.insert(QStringLiteral("sendLagMs"), percentiles(m_sendLagsUs));
        result.insert(QStringLiteral("rowsStored"), rows);
        const double wall = double(m_windowEndNs - m_windowStartNs) / nsPerSecond;
        if (m_ownCpuEnd > 0 && wall > 0) {
            result.insert(
                QStringLiteral("benchCpuPercent"), 100.0 * (m_ownCpuEnd - m_ownCpuStart) / wall);
            if (m_settings.serverPid)
                result.insert(QStringLiteral("serverCpuPercent"),
                    100.0 * (m_serverCpuEnd - m_serverCpuStart) / wall);
            if (m_settings.postgresPid)
                result.insert(QStringLiteral("postgresCpuPercent"),
                    100.0 * (m_postgresCpuEnd - m_postgresCpuStart) / wall);
        }
        const bool clean = m_received == expected && m_duplicates == 0 && m_misrouted == 0
            && m_ackErrors == 0 && m_acked == sent && (rows < 0 || rows == sent);
        result.insert(QStringLiteral("clean"), clean);
        ok = ok && clean;
    }
    for (auto &socket : m_sockets)
        socket->close();
    emit finished(result, ok);
}

} // namespace kocmoc::bench
