#include "PostgresEventListener.h"

#include "db/Sql.h"
#include "db/StatementCache.h"
#include "security/Random.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

Q_LOGGING_CATEGORY(lcEvents, "kocmoc.events")

namespace kocmoc::realtime {

const QString PostgresEventListener::channel = QStringLiteral("kocmoc_events");

namespace {

// 2000 UTF-16 units are at most 6000 bytes of UTF-8: a part and its header fit NOTIFY's 8000.
constexpr qsizetype partChars = 2000;
constexpr int healthCheckMs = 2000;
constexpr qint64 partialLifetimeMs = 30'000;

} // namespace

PostgresEventListener::PostgresEventListener(const db::DatabaseSettings &settings, EventBus &local)
    : m_settings(settings)
    , m_local(local)
    , m_connectionName(QStringLiteral("kocmoc-listen-") + security::random::token(6))
    , m_origin(security::random::token(9))
{ }

PostgresEventListener::~PostgresEventListener()
{
    db::statementCache::forget(m_connectionName);
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

void PostgresEventListener::start()
{
    m_healthTimer = new QTimer(this);
    connect(m_healthTimer, &QTimer::timeout, this, &PostgresEventListener::checkConnection);
    m_healthTimer->start(healthCheckMs);
    connectAndListen();
}

bool PostgresEventListener::connectAndListen()
{
    if (!QSqlDatabase::contains(m_connectionName))
        m_settings.addConnection(m_connectionName, QStringLiteral("kocmoc-events"));
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    db::statementCache::forget(m_connectionName);
    db.close();
    const bool listening = db.open() && db.driver()->subscribeToNotification(channel);
    if (listening) {
        // Reconnecting gives a new driver state: connect its signal again.
        connect(db.driver(), &QSqlDriver::notification, this,
            &PostgresEventListener::onNotification, Qt::UniqueConnection);
    }
    if (listening != m_listening) {
        m_listening = listening;
        if (listening)
            qCInfo(lcEvents) << "listening for other servers' events";
        else
            qCWarning(lcEvents).noquote()
                << "cannot listen for other servers' events:" << db.lastError().text();
        emit listeningChanged(listening);
    }
    return listening;
}

void PostgresEventListener::checkConnection()
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery probe(db);
    if (!db.isOpen() || !probe.exec(QStringLiteral("SELECT 1")))
        connectAndListen();
    // Parts whose siblings never came (a sender died mid-event) are dropped.
    for (auto it = m_partials.begin(); it != m_partials.end();) {
        if (it->age.elapsed() > partialLifetimeMs)
            it = m_partials.erase(it);
        else
            ++it;
    }
}

void PostgresEventListener::send(const RealtimeEvent &event)
{
    m_outgoing.append(event);
    if (m_outgoing.size() == 1)
        QMetaObject::invokeMethod(this, &PostgresEventListener::sendQueued, Qt::QueuedConnection);
}

void PostgresEventListener::sendQueued()
{
    QJsonArray payloads;
    for (const RealtimeEvent &event : std::exchange(m_outgoing, {})) {
        QJsonArray users;
        for (const QString &id : event.userIds)
            users.append(id);
        const QString json = QString::fromUtf8(QJsonDocument(
            QJsonObject{{QStringLiteral("n"), event.name}, {QStringLiteral("p"), event.payload},
                {QStringLiteral("u"), users}}).toJson(QJsonDocument::Compact));
        QStringList parts;
        for (qsizetype at = 0; at < json.size();) {
            qsizetype length = qMin(partChars, json.size() - at);
            if (at + length < json.size() && json.at(at + length - 1).isHighSurrogate())
                --length; // never split a surrogate pair
            parts.append(json.mid(at, length));
            at += length;
        }
        const QString prefix
            = m_origin + QLatin1Char('|') + QString::number(m_nextSequence++) + QLatin1Char('|');
        for (qsizetype i = 0; i < parts.size(); ++i)
            payloads.append(prefix + QString::number(i) + QLatin1Char('|')
                + QString::number(parts.size()) + QLatin1Char('|') + parts.at(i));
    }
    // One round trip and one transaction for all; NOTIFYs of a transaction arrive in order.
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    try {
        db::Sql(
            db, QStringLiteral("SELECT pg_notify(?, value) FROM json_array_elements_text(?::json)"))
            .bind(channel)
            .bind(QString::fromUtf8(QJsonDocument(payloads).toJson(QJsonDocument::Compact)))
            .exec();
    } catch (const db::DatabaseError &e) {
        // The other servers miss these events; their clients catch up through /api/sync.
        qCWarning(lcEvents).noquote()
            << "cannot send" << payloads.size() << "event parts to other servers:" << e.what();
    }
}

void PostgresEventListener::onNotification(
    const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload)
{
    if (name != channel || source == QSqlDriver::SelfSource)
        return;
    // "origin|sequence|index|count|text"
    const QString text = payload.toString();
    const QStringList head = text.section(QLatin1Char('|'), 0, 3).split(QLatin1Char('|'));
    if (head.size() != 4 || head.at(0) == m_origin)
        return;
    const QString body = text.section(QLatin1Char('|'), 4);
    bool indexOk = false;
    bool countOk = false;
    const int index = head.at(2).toInt(&indexOk);
    const int count = head.at(3).toInt(&countOk);
    if (!indexOk || !countOk || count < 1 || count > 10'000 || index < 0 || index >= count)
        return;
    if (count == 1) {
        deliver(head.at(0), body.toUtf8());
        return;
    }
    const QString key = head.at(0) + QLatin1Char('|') + head.at(1);
    Partial &partial = m_partials[key];
    if (partial.parts.isEmpty()) {
        partial.parts.resize(count);
        partial.age.start();
    }
    if (partial.parts.size() != count || !partial.parts.at(index).isNull())
        return;
    partial.parts[index] = body;
    if (++partial.received < count)
        return;
    const QString json = partial.parts.join(QString());
    m_partials.remove(key);
    deliver(head.at(0), json.toUtf8());
}

void PostgresEventListener::deliver(const QString &origin, const QByteArray &json)
{
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    RealtimeEvent event;
    event.origin = origin;
    event.name = object.value(QStringLiteral("n")).toString();
    event.payload = object.value(QStringLiteral("p")).toObject();
    for (const QJsonValue id : object.value(QStringLiteral("u")).toArray())
        event.userIds.append(id.toString());
    if (!event.name.isEmpty())
        m_local.publish(event);
}

} // namespace kocmoc::realtime
