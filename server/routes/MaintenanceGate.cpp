#include "MaintenanceGate.h"

#include <kocmoc/Limits.h>

#include <QSet>

namespace kocmoc {

using http::HttpReply;
using http::HttpRequest;

namespace {

// Open while maintenance is on: health, sign-in (so an admin can sign in to end it) and the
// switch itself, which checks the caller's level on its own.
bool alwaysOpen(const QString &path)
{
    static const QSet<QString> open{QStringLiteral("/api/health"),
        QStringLiteral("/api/admin/maintenance"), QStringLiteral("/api/auth/login"),
        QStringLiteral("/api/auth/login/email"), QStringLiteral("/api/auth/send-code"),
        QStringLiteral("/api/auth/verify-code"), QStringLiteral("/api/auth/refresh")};
    QString normalized = path;
    while (normalized.size() > 1 && normalized.endsWith(QLatin1Char('/')))
        normalized.chop(1);
    return !normalized.startsWith(QLatin1String("/api/")) || open.contains(normalized);
}

} // namespace

MaintenanceGate::MaintenanceGate(
    ApiContext &api, AdminService &admin, realtime::LocalEventBus &events, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_admin(admin)
    , m_events(events)
{
    m_subscription = m_events.subscribe([this](const realtime::RealtimeEvent &event) {
        if (event.name == AdminService::maintenanceEvent())
            apply(MaintenanceState{event.payload.value(QStringLiteral("enabled")).toBool(),
                event.payload.value(QStringLiteral("message")).toString()});
    });
    connect(&m_refreshTimer, &QTimer::timeout, this, &MaintenanceGate::refresh);
    m_refreshTimer.start(refreshIntervalMs);
}

MaintenanceGate::~MaintenanceGate()
{
    m_events.unsubscribe(m_subscription);
}

void MaintenanceGate::apply(const MaintenanceState &state)
{
    if (state == m_state)
        return;
    m_state = state;
    emit changed(m_state);
}

bool MaintenanceGate::refuses(const HttpRequest &request, const HttpReply &reply) const
{
    if (!m_state.enabled || alwaysOpen(request.path))
        return false;
    // The token's level is enough here; the route checks the session in the database after.
    const auto claims
        = m_api.auth.verifyAccessToken(QString::fromLatin1(request.header("authorization")));
    if (claims && claims->accessLevel >= limits::levelAdmin)
        return false;
    if (claims)
        reply.setUserId(claims->userId);
    reply.error(m_state.refusal());
    return true;
}

void MaintenanceGate::refresh()
{
    QPointer<MaintenanceGate> self(this);
    m_api.workers.run<MaintenanceState>(
        [admin = &m_admin]() -> Result<MaintenanceState> { return admin->loadMaintenance(); },
        [self](Result<MaintenanceState> state) {
            if (self && state)
                self->apply(state.value());
        });
}

} // namespace kocmoc
