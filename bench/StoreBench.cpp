// kocmoc-store-bench: the server's message writer pushed alone (docs/performance.md).
// The real services on the given database, no network and no fan-out: people and
// groups are made through AuthService and ChatService, then MessageWriter gets more
// sends than it can store, as the realtime hub hands them over, for a fixed time.
// Prints one JSON object: messages stored per second, batches, and the rows counted.

#include "app/Clock.h"
#include "app/WorkerPool.h"
#include "db/Database.h"
#include "db/Sql.h"
#include "eventloop/EventDispatchers.h"
#include "realtime/LocalEventBus.h"
#include "security/TokenService.h"
#include "services/AuthService.h"
#include "services/ChatService.h"
#include "services/MessageService.h"
#include "services/MessageWriter.h"
#include "services/PresenceSource.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTimer>

#include <cstdio>

using namespace kocmoc;

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "kocmoc-store-bench: %s\n", qPrintable(message));
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    if (QAbstractEventDispatcher *dispatcher = eventloop::createEventDispatcher())
        QCoreApplication::setEventDispatcher(dispatcher);
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The server's message writer alone: how many messages it stores per second."));
    parser.addHelpOption();
    const QCommandLineOption databaseOption(QStringLiteral("database"),
        QStringLiteral("postgres://… or sqlite:…"), QStringLiteral("url"));
    const QCommandLineOption groupsOption(QStringLiteral("groups"), QStringLiteral("Groups."),
        QStringLiteral("n"), QStringLiteral("200"));
    const QCommandLineOption membersOption(QStringLiteral("members"),
        QStringLiteral("People, all in every group."), QStringLiteral("n"), QStringLiteral("50"));
    const QCommandLineOption secondsOption(QStringLiteral("seconds"),
        QStringLiteral("Seconds of sending."), QStringLiteral("s"), QStringLiteral("10"));
    const QCommandLineOption workersOption(QStringLiteral("workers"),
        QStringLiteral("Worker threads, as the server's."), QStringLiteral("n"),
        QStringLiteral("8"));
    // Pushed: two full batches in flight and as many waiting, so the writer never waits.
    const QCommandLineOption queueOption(QStringLiteral("queue"),
        QStringLiteral("Sends kept waiting for the writer."), QStringLiteral("n"),
        QString::number(4 * MessageWriter::maxBatch));
    parser.addOptions(
        {databaseOption, groupsOption, membersOption, secondsOption, workersOption, queueOption});
    parser.process(app);

    const auto settings = db::DatabaseSettings::fromUrl(parser.value(databaseOption));
    if (!settings)
        return fail(settings.error().message);
    db::Database database(settings.value());
    database.migrate();
    Clock clock;
    realtime::LocalEventBus events;
    PresenceHook presence;
    const security::TokenService tokens(QByteArray(64, 'k'));
    AuthService auth(database, tokens, clock, AuthService::Settings{});
    ChatService chats(database, clock, events, presence);
    MessageService messages(database, clock, events, presence, MessageService::Settings{0});

    // The people (argon2id makes this the slow part) and their groups.
    const QString run = QString::number(QDateTime::currentMSecsSinceEpoch(), 36);
    QStringList people;
    for (int i = 0; i < parser.value(membersOption).toInt(); ++i) {
        const auto grant = auth.registerUser(
            RegisterInput{QStringLiteral("s%1_%2@example.org").arg(run).arg(i),
                QStringLiteral("store-bench-password"), QStringLiteral("s%1_%2").arg(run).arg(i),
                QStringLiteral("Store %1").arg(i), {}},
            ClientInfo{QStringLiteral("127.0.0.1"), QStringLiteral("kocmoc-store-bench")});
        if (!grant)
            return fail(grant.error().message);
        people.append(grant->user.user.id);
    }
    QStringList groups;
    for (int i = 0; i < parser.value(groupsOption).toInt(); ++i) {
        const auto group
            = chats.createGroup(people.first(), QStringLiteral("Store %1").arg(i), people.mid(1));
        if (!group)
            return fail(group.error().message);
        groups.append(group->id);
    }

    WorkerPool workers(
        parser.value(workersOption).toInt(), [&] { database.closeThreadConnection(); });
    MessageWriter writer(workers, messages);
    const int queue = parser.value(queueOption).toInt();
    const qint64 durationMs = parser.value(secondsOption).toLongLong() * 1000;
    auto *random = QRandomGenerator::global();
    const quint64 storedBefore = messages.storedCount();
    qint64 sent = 0;
    qint64 finished = 0;
    qint64 errors = 0;
    bool sending = true;
    QElapsedTimer clockRun;
    std::function<void()> sendOne;
    sendOne = [&] {
        SendInput input;
        input.chatId = groups.at(random->bounded(int(groups.size())));
        input.clientId = QStringLiteral("store-%1-%2").arg(run).arg(++sent);
        input.text = QStringLiteral("Hello from the store bench, message %1").arg(sent);
        writer.send(people.at(random->bounded(int(people.size()))), input,
            [&](Result<SentMessage> outcome) {
                ++finished;
                errors += outcome ? 0 : 1;
                if (sending)
                    sendOne();
                else if (finished == sent)
                    app.quit();
            });
    };
    clockRun.start();
    for (int i = 0; i < queue; ++i)
        sendOne();
    QTimer::singleShot(durationMs, &app, [&] { sending = false; });
    app.exec();
    const double seconds = double(clockRun.nsecsElapsed()) / 1e9;
    const quint64 stored = messages.storedCount() - storedBefore;

    const qint64 rows = database.read([&](QSqlDatabase &db) {
        db::Sql count(db, QStringLiteral("SELECT COUNT(*) FROM messages WHERE client_id LIKE ?"));
        count.bind(QStringLiteral("store-%1-%").arg(run)).exec();
        return count.next() ? count.integer(0) : qint64(-1);
    });
    const QJsonObject result{
        {QStringLiteral("seconds"), seconds},
        {QStringLiteral("sent"), sent},
        {QStringLiteral("stored"), qint64(stored)},
        {QStringLiteral("rows"), rows},
        {QStringLiteral("errors"), errors},
        {QStringLiteral("storedPerSecond"), double(stored) / seconds},
        {QStringLiteral("groups"), int(groups.size())},
        {QStringLiteral("members"), int(people.size())},
        {QStringLiteral("workers"), parser.value(workersOption).toInt()},
    };
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return errors == 0 && rows == qint64(stored) ? 0 : 1;
}
