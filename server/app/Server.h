#pragma once

#include "app/Clock.h"
#include "app/ServerConfig.h"
#include "app/WorkerPool.h"
#include "db/Database.h"
#include "http/HttpServer.h"
#include "mail/Mailer.h"
#include "routes/ApiContext.h"
#include "routes/AuthRoutes.h"
#include "routes/HealthRoutes.h"
#include "routes/UserRoutes.h"
#include "security/RateLimiter.h"
#include "security/TokenService.h"
#include "services/AuthService.h"
#include "services/UserService.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace kocmoc {

// The whole server, wired: main() and the integration tests start the same object.
class Server : public QObject
{
    Q_OBJECT
public:
    explicit Server(ServerConfig config, QObject *parent = nullptr);
    ~Server() override;

    // Prepares the data folder and secret, migrates the database, loads demo data
    // when asked, and listens. The error says what to fix.
    Result<Done> start();
    quint16 port() const { return m_port; }

    Clock &clock() { return m_clock; }
    const ServerConfig &config() const { return m_config; }
    db::Database &database() { return *m_database; }
    mail::Mailer &mailer() { return *m_mailer; }
    AuthService &auth() { return *m_auth; }

private:
    Result<QByteArray> loadTokenSecret();

    ServerConfig m_config;
    Clock m_clock;
    quint16 m_port = 0;
    // Declared in the order they are needed; destroyed in reverse, so the HTTP
    // server goes first and the workers finish before the database closes.
    std::unique_ptr<db::Database> m_database;
    std::unique_ptr<security::TokenService> m_tokens;
    std::unique_ptr<mail::Mailer> m_mailer;
    security::RateLimiter m_rateLimiter;
    std::unique_ptr<AuthService> m_auth;
    std::unique_ptr<UserService> m_users;
    std::unique_ptr<WorkerPool> m_workers;
    std::unique_ptr<ApiContext> m_api;
    std::unique_ptr<AuthRoutes> m_authRoutes;
    std::unique_ptr<UserRoutes> m_userRoutes;
    std::unique_ptr<HealthRoutes> m_healthRoutes;
    http::Router m_router;
    std::unique_ptr<http::HttpServer> m_http;
    QTimer m_pruneTimer;
};

} // namespace kocmoc
