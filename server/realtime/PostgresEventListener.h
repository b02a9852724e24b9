#pragma once

#include "EventBus.h"
#include "db/Database.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QTimer>

namespace kocmoc::realtime {

// The LISTEN/NOTIFY side of PostgresEventBus; lives in the bus's own thread.
// NOTIFY carries at most 8000 bytes, so an event travels as numbered parts.
class PostgresEventListener : public QObject
{
    Q_OBJECT
public:
    PostgresEventListener(const db::DatabaseSettings &settings, EventBus &local);
    ~PostgresEventListener() override;

    static const QString channel;

public slots:
    void start();
    // Queued: the events of one pass of the event loop go out in one statement.
    void send(const kocmoc::realtime::RealtimeEvent &event);

signals:
    void listeningChanged(bool listening);

private:
    bool connectAndListen();
    void sendQueued();
    void checkConnection();
    void onNotification(
        const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload);
    void deliver(const QString &origin, const QByteArray &json);

    struct Partial
    {
        QStringList parts;
        int received = 0;
        QElapsedTimer age;
    };

    db::DatabaseSettings m_settings;
    EventBus &m_local;
    QString m_connectionName;
    QString m_origin; // this process: its own notifications come back and are skipped
    quint64 m_nextSequence = 1;
    QHash<QString, Partial> m_partials; // "origin|sequence" → parts so far
    QList<RealtimeEvent> m_outgoing; // sent at the end of this pass
    QTimer *m_healthTimer = nullptr; // made in start(), on the listener's own thread
    bool m_listening = false;
};

} // namespace kocmoc::realtime
