#pragma once

#include "app/Clock.h"
#include "app/Metrics.h"
#include "app/ServerConfig.h"
#include "app/WorkerPool.h"
#include "db/Database.h"
#include "http/HttpServer.h"
#include "mail/Mailer.h"
#include "realtime/LocalEventBus.h"
#include "realtime/PostgresEventBus.h"
#include "realtime/RealtimeHub.h"
#include "routes/AdminRoutes.h"
#include "routes/ApiContext.h"
#include "routes/AuthRoutes.h"
#include "routes/ChatRoutes.h"
#include "routes/FileRoutes.h"
#include "routes/UploadRoutes.h"
#include "routes/HealthRoutes.h"
#include "routes/MaintenanceGate.h"
#include "routes/MessageRoutes.h"
#include "routes/MetricsRoutes.h"
#include "routes/StoryRoutes.h"
#include "routes/SyncRoutes.h"
#include "routes/UserRoutes.h"
#include "security/RateLimiter.h"
#include "security/TokenService.h"
#include "services/AdminService.h"
#include "services/AuthService.h"
#include "services/ChatService.h"
#include "services/FileService.h"
#include "services/UploadService.h"
#include "services/MessageService.h"
#include "services/PresenceSource.h"
#include "services/StoryService.h"
#include "services/SyncService.h"
#include "services/UserService.h"
#include "socketio/Server.h"

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
    // A graceful stop (SIGTERM): stops listening, refuses new requests with 503, lets the work in
    // flight finish within shutdown-grace-seconds, closes the sockets with 1001 "going away" and
    // emits stopped(). Destroying the server after that drains the workers and closes the database.
    void shutDown();
    bool isStopping() const { return m_stopping; }

    Clock &clock() { return m_clock; }
    const ServerConfig &config() const { return m_config; }
    db::Database &database() { return *m_database; }
    mail::Mailer &mailer() { return *m_mailer; }
    AuthService &auth() { return *m_auth; }
    AdminService &admin() { return *m_admin; }
    MaintenanceGate &maintenance() { return *m_maintenance; }
    // For the realtime hub: the events services publish, who is online, message:send.
    realtime::LocalEventBus &events() { return *m_events; }
    PresenceHook &presence() { return m_presence; }
    ChatService &chats() { return *m_chats; }
    MessageService &messages() { return *m_messages; }
    FileService &files() { return *m_files; }
    UploadService &uploads() { return *m_uploads; }
    realtime::RealtimeHub &hub() { return *m_hub; }
    Metrics &metrics() { return m_metrics; }

signals:
    void stopped();

private:
    Result<QByteArray> loadTokenSecret();
    void closeSockets();

    ServerConfig m_config;
    Clock m_clock;
    quint16 m_port = 0;
    Metrics m_metrics; // outlives the HTTP server, which reports to it
    // Declared in the order they are needed; destroyed in reverse, so the HTTP
    // server goes first and the workers finish before the database closes.
    std::unique_ptr<db::Database> m_database;
    std::unique_ptr<security::TokenService> m_tokens;
    std::unique_ptr<mail::Mailer> m_mailer;
    security::RateLimiter m_rateLimiter;
    std::unique_ptr<AuthService> m_auth;
    std::unique_ptr<UserService> m_users;
    std::unique_ptr<AdminService> m_admin;
    PresenceHook m_presence;
    std::unique_ptr<realtime::LocalEventBus> m_events;
    std::unique_ptr<realtime::PostgresEventBus> m_clusterEvents; // with PostgreSQL only
    std::unique_ptr<ChatService> m_chats;
    std::unique_ptr<MessageService> m_messages;
    std::unique_ptr<SyncService> m_sync;
    std::unique_ptr<FileStore> m_fileStore;
    std::unique_ptr<FileService> m_files;
    std::unique_ptr<UploadService> m_uploads;
    std::unique_ptr<StoryService> m_stories;
    std::unique_ptr<WorkerPool> m_workers;
    std::unique_ptr<ApiContext> m_api;
    std::unique_ptr<AuthRoutes> m_authRoutes;
    std::unique_ptr<UserRoutes> m_userRoutes;
    std::unique_ptr<ChatRoutes> m_chatRoutes;
    std::unique_ptr<MessageRoutes> m_messageRoutes;
    std::unique_ptr<SyncRoutes> m_syncRoutes;
    std::unique_ptr<FileRoutes> m_fileRoutes;
    std::unique_ptr<UploadRoutes> m_uploadRoutes;
    std::unique_ptr<StoryRoutes> m_storyRoutes;
    std::unique_ptr<HealthRoutes> m_healthRoutes;
    std::unique_ptr<MaintenanceGate> m_maintenance;
    std::unique_ptr<AdminRoutes> m_adminRoutes;
    std::unique_ptr<MetricsRoutes> m_metricsRoutes;
    http::Router m_router;
    std::unique_ptr<socketio::Server> m_socketio;
    std::unique_ptr<realtime::RealtimeHub> m_hub; // before m_socketio goes: it holds the namespace
    std::unique_ptr<http::HttpServer> m_http;
    QTimer m_pruneTimer;
    QTimer m_cleanupTimer; // expired stories, on a worker
    bool m_cleanupRunning = false; // a slow run is not overtaken by the next
    bool m_stopping = false;
    QTimer m_drainTimer;
};

} // namespace kocmoc
