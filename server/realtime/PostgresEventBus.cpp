#include "PostgresEventBus.h"

#include "PostgresEventListener.h"

namespace kocmoc::realtime {

PostgresEventBus::PostgresEventBus(
    const db::DatabaseSettings &settings, EventBus &local, QObject *parent)
    : QObject(parent)
    , m_local(local)
{
    m_thread.setObjectName(QStringLiteral("kocmoc-events"));
    m_listener = new PostgresEventListener(settings, local);
    m_listener->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_listener, &QObject::deleteLater);
    connect(m_listener, &PostgresEventListener::listeningChanged, this, [this](bool listening) {
        m_listening = listening;
        emit listeningChanged(listening);
    });
    m_thread.start();
    QMetaObject::invokeMethod(m_listener, &PostgresEventListener::start, Qt::QueuedConnection);
}

PostgresEventBus::~PostgresEventBus()
{
    m_thread.quit();
    m_thread.wait();
}

void PostgresEventBus::publish(const RealtimeEvent &event)
{
    m_local.publish(event);
    QMetaObject::invokeMethod(
        m_listener, [listener = m_listener, event] { listener->send(event); },
        Qt::QueuedConnection);
}

} // namespace kocmoc::realtime
