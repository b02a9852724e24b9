#include "Server.h"

#include "app/DemoData.h"
#include "db/Migrations.h"
#include "files/FileUrls.h"
#include "security/Random.h"

#include <kocmoc/Limits.h>

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QImageReader>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcServer, "kocmoc.server")

namespace kocmoc {

Server::Server(ServerConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
{ }

Server::~Server()
{
    fileUrls::setClock(nullptr);
    m_presence.setSource(nullptr);
    m_http.reset();
    m_workers.reset(); // finishes in-flight jobs and closes the workers' connections while the
                       // database exists
}

Result<QByteArray> Server::loadTokenSecret()
{
    if (!m_config.tokenSecret.isEmpty())
        return m_config.tokenSecret.toUtf8();
    QFile file(QDir(m_config.dataDir).filePath(QStringLiteral("token-secret")));
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly))
            return ApiError::badRequest(QStringLiteral("token_secret"),
                QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString()));
        const QByteArray secret = file.readAll().trimmed();
        if (secret.size() < limits::minTokenSecretBytes)
            return ApiError::badRequest(QStringLiteral("token_secret"),
                QStringLiteral("%1 holds fewer than 32 bytes").arg(file.fileName()));
        return secret;
    }
    // 48 random bytes, base64url: 384 bits, kept so tokens survive a restart.
    const QByteArray secret = security::random::token(48).toLatin1();
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly)
        || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || file.write(secret + '\n') < 0 || !file.flush())
        return ApiError::badRequest(QStringLiteral("token_secret"),
            QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString()));
    qCInfo(lcServer).noquote() << "generated a new token secret in" << file.fileName();
    return secret;
}

Result<Done> Server::start()
{
    const auto failed = [](const QString &message) {
        return ApiError::badRequest(QStringLiteral("startup"), message);
    };
    if (!QDir().mkpath(m_config.dataDir))
        return failed(QStringLiteral("cannot create the data folder %1").arg(m_config.dataDir));
    QFile::setPermissions(
        m_config.dataDir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    const auto secret = loadTokenSecret();
    if (!secret)
        return secret.error();
    const auto settings = db::DatabaseSettings::fromUrl(m_config.databaseUrl());
    if (!settings)
        return failed(settings.error().message);

    m_database = std::make_unique<db::Database>(settings.value());
    m_tokens = std::make_unique<security::TokenService>(secret.value());
    m_mailer = std::make_unique<mail::Mailer>(m_config.smtpUrl, m_config.smtpFrom);
    m_auth = std::make_unique<AuthService>(
        *m_database, *m_tokens, m_clock, AuthService::Settings{m_config.inviteOnly});
    m_users = std::make_unique<UserService>(*m_database, m_clock, m_presence);
    m_admin = std::make_unique<AdminService>(*m_database, *m_auth, m_clock);
    m_events = std::make_unique<realtime::LocalEventBus>();
    // With PostgreSQL, events also reach the other server processes on the same database.
    if (m_database->isPostgres())
        m_clusterEvents
            = std::make_unique<realtime::PostgresEventBus>(m_database->settings(), *m_events);
    realtime::EventBus &events = m_clusterEvents
        ? static_cast<realtime::EventBus &>(*m_clusterEvents)
        : static_cast<realtime::EventBus &>(*m_events);
    m_auth->setEventBus(&events);
    m_admin->setEventBus(&events);
    m_chats = std::make_unique<ChatService>(*m_database, m_clock, events, m_presence);
    m_messages = std::make_unique<MessageService>(*m_database, m_clock, events, m_presence,
        MessageService::Settings{m_config.sendIntervalMs});
    m_sync = std::make_unique<SyncService>(*m_database, m_presence);
    fileUrls::setKey(secret.value());
    fileUrls::setClock(&m_clock);
    m_fileStore = std::make_unique<FileStore>(m_config.dataDir);
    if (const auto opened = m_fileStore->open(); !opened)
        return failed(opened.error().message);
    m_files = std::make_unique<FileService>(*m_database, m_clock, *m_fileStore,
        FileService::Settings{m_config.maxBodyBytes, m_config.quotaBytes});
    m_stories = std::make_unique<StoryService>(*m_database, m_clock, events, m_presence, *m_files);
    m_uploads = std::make_unique<UploadService>(*m_database, m_clock, *m_files);
    // Thumbnails of photos up to limits::maxImagePixels decode whole (4 bytes a pixel).
    QImageReader::setAllocationLimit(int(limits::maxImagePixels * 4 / (1024 * 1024)) + 16);
    m_workers = std::make_unique<WorkerPool>(m_config.workerThreads,
        [database = m_database.get()] { database->closeThreadConnection(); });

    // Before listening nothing else waits on this thread, so migrations may run on it.
    MaintenanceState maintenance;
    try {
        m_database->migrate();
        m_files->installStickers();
        m_uploads->removeOrphans();
        if (m_config.demo) {
            const int added = DemoData::load(*m_database, m_clock);
            qCInfo(lcServer) << "demo data: added" << added << "users";
        }
        if (!m_config.maintenanceMessage.isEmpty())
            m_admin->storeMaintenance(MaintenanceState{true, m_config.maintenanceMessage});
        maintenance = m_admin->loadMaintenance();
    } catch (const db::DatabaseError &e) {
        m_database->closeThreadConnection();
        return failed(QString::fromUtf8(e.what()));
    }
    m_database->closeThreadConnection();
    qCInfo(lcServer).noquote() << "database:" << m_database->settings().describe() << "schema"
                               << db::latestSchemaVersion();
    if (m_mailer->isLoggingOnly())
        qCInfo(lcServer) << "no SMTP server configured: email codes are written to this log";

    m_api = std::make_unique<ApiContext>(ApiContext{m_config, m_clock, *m_database, *m_workers,
        m_rateLimiter, *m_mailer, *m_auth, *m_users, m_clock.nowMs()});
    m_authRoutes = std::make_unique<AuthRoutes>(*m_api);
    m_userRoutes = std::make_unique<UserRoutes>(*m_api);
    m_maintenance = std::make_unique<MaintenanceGate>(*m_api, *m_admin, *m_events);
    m_maintenance->apply(maintenance);
    m_api->maintenance = &m_maintenance->state();
    if (maintenance.enabled)
        qCWarning(lcServer).noquote() << "maintenance mode is on:" << maintenance.message;
    m_healthRoutes = std::make_unique<HealthRoutes>(*m_api, *m_maintenance);
    m_adminRoutes = std::make_unique<AdminRoutes>(*m_api, *m_admin, *m_maintenance);
    m_chatRoutes = std::make_unique<ChatRoutes>(*m_api, *m_chats);
    m_messageRoutes = std::make_unique<MessageRoutes>(*m_api, *m_messages);
    m_syncRoutes = std::make_unique<SyncRoutes>(*m_api, *m_sync);
    m_fileRoutes = std::make_unique<FileRoutes>(*m_api, *m_files);
    m_uploadRoutes = std::make_unique<UploadRoutes>(*m_api, *m_uploads);
    m_storyRoutes = std::make_unique<StoryRoutes>(*m_api, *m_stories);
    m_authRoutes->addTo(m_router);
    m_userRoutes->addTo(m_router);
    m_healthRoutes->addTo(m_router);
    m_adminRoutes->addTo(m_router);
    m_metricsRoutes = std::make_unique<MetricsRoutes>(m_metrics, m_config.metricsAllow);
    m_metricsRoutes->addTo(m_router);
    m_router.setGate([this](const http::HttpRequest &request, const http::HttpReply &reply) {
        if (m_stopping) {
            reply.error(ApiError::unavailable(QStringLiteral("shutting_down"),
                QStringLiteral("The server is restarting; try again in a moment."), 5));
            return true;
        }
        return m_maintenance->refuses(request, reply);
    });
    m_chatRoutes->addTo(m_router);
    m_messageRoutes->addTo(m_router);
    m_syncRoutes->addTo(m_router);
    m_fileRoutes->addTo(m_router);
    m_uploadRoutes->addTo(m_router);
    m_storyRoutes->addTo(m_router);

    http::ConnectionGuard::Limits limits;
    limits.maxBodyBytes = m_config.maxBodyBytes;
    // Only uploads may be large; JSON and polling bodies are small.
    limits.bodyLimit
        = [maxUpload = m_config.maxBodyBytes](QByteArrayView method, QByteArrayView target) {
              const QByteArrayView path
                  = target.first(target.indexOf('?') < 0 ? target.size() : target.indexOf('?'));
              if (method == "POST" && path == "/api/upload/file")
                  return maxUpload;
              if (method == "PATCH" && path.startsWith("/api/uploads/"))
                  return qMin(maxUpload, limits::uploadChunkMaxBytes);
              return limits::maxJsonBodyBytes;
          };
    m_http = std::make_unique<http::HttpServer>(m_router,
        http::HttpServer::Options{limits, m_config.corsOrigins,
            http::AddressList::parse(m_config.trustedProxies).value_or(http::AddressList()),
            &m_metrics});
    const QHostAddress address = m_config.host == QLatin1String("localhost")
        ? QHostAddress(QHostAddress::LocalHost)
        : QHostAddress(m_config.host);
    m_socketio = std::make_unique<socketio::Server>();
    m_socketio->attach(m_router, *m_http);
    m_hub = std::make_unique<realtime::RealtimeHub>(m_socketio->of(QStringLiteral("/")), *m_events,
        events, *m_workers, *m_database, *m_auth, *m_messages, m_clock,
        realtime::RealtimeHub::Settings{});
    m_hub->followMaintenance(*m_maintenance);
    socketio::Namespace &realtimeSockets = m_socketio->of(QStringLiteral("/"));
    m_metrics.setSources(
        Metrics::Sources{[&realtimeSockets] { return qint64(realtimeSockets.socketCount()); },
            [&realtimeSockets] { return realtimeSockets.eventsSent(); },
            [workers = m_workers.get()] { return qint64(workers->busyWorkers()); },
            [workers = m_workers.get()] { return qint64(workers->queuedJobs()); },
            [messages = m_messages.get()] { return messages->storedCount(); },
            [files = m_files.get()] { return files->storedCount(); }});
    m_presence.setSource(&m_hub->presence());
    m_port = m_http->listenOn(address, m_config.port);
    if (m_port == 0)
        return failed(QStringLiteral("cannot listen on %1:%2: %3")
                          .arg(m_config.host)
                          .arg(m_config.port)
                          .arg(m_http->errorString()));

    connect(
        &m_pruneTimer, &QTimer::timeout, this, [this] { m_rateLimiter.prune(m_clock.nowMs()); });
    m_pruneTimer.start(60'000);
    // Expired stories go (with their files), and abandoned uploads, on a worker: never SQL on
    // this thread.
    connect(&m_cleanupTimer, &QTimer::timeout, this, [this] {
        if (m_cleanupRunning || m_stopping)
            return;
        m_cleanupRunning = true;
        m_workers->run<int>(
            [stories = m_stories.get(), uploads = m_uploads.get()]() -> Result<int> {
                uploads->removeExpired();
                return stories->removeExpired();
            },
            [this](Result<int> removed) {
                m_cleanupRunning = false;
                if (!removed)
                    qCWarning(lcServer).noquote() << "cleanup failed:" << removed.error().message;
            });
    });
    m_cleanupTimer.start(m_config.cleanupIntervalMs);
    qCInfo(lcServer).noquote()
        << QStringLiteral("listening on http://%1:%2").arg(m_config.host).arg(m_port);
    return Done{};
}

void Server::shutDown()
{
    if (m_stopping || !m_http)
        return;
    m_stopping = true;
    if (m_http->guard())
        m_http->guard()->close(); // no new connections; those open get 503 from the gate
    const int unfinished = m_workers->unfinishedJobs();
    qCInfo(lcServer) << "shutting down: waiting for" << unfinished << "jobs in flight, at most"
                     << m_config.shutdownGraceSeconds << "s";
    QDeadlineTimer deadline(qint64(m_config.shutdownGraceSeconds) * 1000);
    m_drainTimer.setInterval(20);
    connect(&m_drainTimer, &QTimer::timeout, this, [this, deadline] {
        const bool drained = m_workers->unfinishedJobs() == 0;
        if (!drained && !deadline.hasExpired())
            return;
        m_drainTimer.stop();
        if (!drained)
            qCWarning(lcServer) << "grace period over with" << m_workers->unfinishedJobs()
                                << "jobs unfinished; their clients get no answer";
        closeSockets();
    });
    m_drainTimer.start();
}

void Server::closeSockets()
{
    m_socketio->engine().closeAllGoingAway();
    // The close frames leave on the event loop; a peer that does not answer is not waited for.
    QTimer::singleShot(250, this, [this] {
        qCInfo(lcServer) << "stopped";
        emit stopped();
    });
}

} // namespace kocmoc
