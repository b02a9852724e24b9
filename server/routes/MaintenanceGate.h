#pragma once

#include "ApiContext.h"
#include "http/Router.h"
#include "realtime/LocalEventBus.h"
#include "services/AdminService.h"

#include <QObject>
#include <QTimer>

namespace kocmoc {

// Maintenance mode as this process knows it, on the server thread. While it is on, the
// router's gate answers 503 "maintenance" to every API request but an admin's, sign-in
// and health. It follows the stored state: changes by this process at once, by other
// processes through the event bus, and a re-read every refreshIntervalMs in case an
// event was lost.
class MaintenanceGate : public QObject
{
    Q_OBJECT
public:
    static constexpr int refreshIntervalMs = 30'000;

    MaintenanceGate(ApiContext &api, AdminService &admin, realtime::LocalEventBus &events,
        QObject *parent = nullptr);
    ~MaintenanceGate() override;

    // For the router's gate: answers 503 and returns true when the request must wait.
    bool refuses(const http::HttpRequest &request, const http::HttpReply &reply) const;
    const MaintenanceState &state() const { return m_state; }
    void apply(const MaintenanceState &state);

signals:
    void changed(const kocmoc::MaintenanceState &state);

private:
    void refresh();

    ApiContext &m_api;
    AdminService &m_admin;
    realtime::LocalEventBus &m_events;
    int m_subscription = 0;
    MaintenanceState m_state;
    QTimer m_refreshTimer;
};

} // namespace kocmoc
