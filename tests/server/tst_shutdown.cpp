#include "RealtimeClient.h"
#include "ServerTestCase.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QWebSocket>

#include <csignal>

using namespace kocmoc;
using namespace kocmoc::test;

// The real kocmoc-server under SIGTERM: work in flight is stored and answered or refused,
// never answered and lost; sockets see 1001 "going away"; the process exits 0 in time.
class ShutdownTest : public QObject
{
    Q_OBJECT

private:
    static constexpr int graceSeconds = 5;

    // Starts the binary on the holder's database; returns its port, or 0.
    quint16 startServer(QProcess &process, const TestServer &holder)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert("KOCMOC_DATABASE", holder.config().databaseUrl());
        environment.insert("KOCMOC_DATA_DIR", holder.dataDir());
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(KOCMOC_SERVER_BINARY),
            {"--port", "0", "--workers", "2", "--send-interval-ms", "0", "--auth-rate", "100000",
                "--user-rate", "100000", "--shutdown-grace-seconds",
                QString::number(graceSeconds)});
        static const QRegularExpression listening(
            QStringLiteral("listening on http://[^:]+:(\\d+)"));
        QByteArray log;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 30'000 && process.state() != QProcess::NotRunning) {
            process.waitForReadyRead(100);
            log += process.readAllStandardError();
            const auto match = listening.match(QString::fromUtf8(log));
            if (match.hasMatch())
                return quint16(match.captured(1).toUInt());
        }
        qWarning().noquote() << "the server did not start:" << log;
        return 0;
    }

    static bool stopServer(QProcess &process, qint64 *elapsedMs = nullptr)
    {
        QElapsedTimer timer;
        timer.start();
        process.terminate(); // SIGTERM
        const bool finished = process.waitForFinished((graceSeconds + 10) * 1000);
        if (elapsedMs)
            *elapsedMs = timer.elapsed();
        return finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    }

private slots:
    void initTestCase() { KOCMOC_REQUIRE_DATABASE(); }

    void sigtermFinishesWhatIsInFlight()
    {
        TestServer holder; // its data folder and fresh database; never started itself
        QProcess process;
        const quint16 port = startServer(process, holder);
        QVERIFY(port != 0);
        HttpClient http(port);
        const auto signUp = [&](const QString &name) {
            return http
                .call("POST", "/api/auth/register",
                    QJsonObject{{"email", name + "@example.org"},
                        {"password", "correct horse battery"}, {"username", name},
                        {"displayName", name}})
                .object();
        };
        const QJsonObject anna = signUp("anna");
        const QJsonObject boris = signUp("boris");
        const QString annaToken = anna.value("accessToken").toString();
        const Response chat = http.call("POST", "/api/chats",
            QJsonObject{{"userId", boris.value("user").toObject().value("id")}}, annaToken);
        QVERIFY2(chat.status == 200 || chat.status == 201, chat.body.constData());
        const QString chatId = chat.object().value("id").toString();

        RealtimeClient phone;
        QVERIFY(phone.connectTo(port, annaToken));
        QWebSocket engineSocket;
        engineSocket.open(QUrl(
            QStringLiteral("ws://127.0.0.1:%1/socket.io/?EIO=4&transport=websocket").arg(port)));
        QTRY_VERIFY(engineSocket.state() == QAbstractSocket::ConnectedState);

        // Many sends at once; SIGTERM as soon as the first is answered, so the rest are in flight.
        QNetworkAccessManager network;
        QList<QNetworkReply *> replies;
        QHash<QNetworkReply *, QString> clientIds;
        for (int i = 0; i < 40; ++i) {
            QNetworkRequest request(QUrl(
                QStringLiteral("http://127.0.0.1:%1/api/chats/%2/messages").arg(port).arg(chatId)));
            request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
            request.setRawHeader("Authorization", "Bearer " + annaToken.toLatin1());
            const QString clientId = QStringLiteral("shutdown-%1").arg(i);
            QNetworkReply *reply = network.post(request,
                QJsonDocument(QJsonObject{{"clientId", clientId}, {"type", "text"},
                                  {"text", QStringLiteral("message %1").arg(i)}})
                    .toJson(QJsonDocument::Compact));
            replies.append(reply);
            clientIds.insert(reply, clientId);
        }
        QTRY_VERIFY(std::any_of(
            replies.begin(), replies.end(), [](QNetworkReply *r) { return r->isFinished(); }));
        qint64 elapsedMs = 0;
        QVERIFY(stopServer(process, &elapsedMs));
        QVERIFY2(elapsedMs < (graceSeconds + 2) * 1000, qPrintable(QString::number(elapsedMs)));

        QTRY_VERIFY(engineSocket.state() == QAbstractSocket::UnconnectedState);
        QCOMPARE(engineSocket.closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
        QVERIFY(phone.waitForClose());

        QSet<QString> acknowledged;
        int refused = 0;
        for (QNetworkReply *reply : replies) {
            QTRY_VERIFY(reply->isFinished());
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status == 200 || status == 201)
                acknowledged.insert(clientIds.value(reply));
            else
                ++refused; // 503 or a connection that closed: the client sends again
        }
        QVERIFY(!acknowledged.isEmpty());
        qInfo() << acknowledged.size() << "acknowledged," << refused << "refused";

        // Everything acknowledged was stored.
        QProcess again;
        const quint16 portAgain = startServer(again, holder);
        QVERIFY(portAgain != 0);
        http.setPort(portAgain);
        const QString token = http.call("POST", "/api/auth/login",
                                      QJsonObject{{"email", "anna@example.org"},
                                          {"password", "correct horse battery"}})
                                  .object()
                                  .value("accessToken")
                                  .toString();
        const Response history = http.call(
            "GET", QStringLiteral("/api/chats/%1/messages?limit=100").arg(chatId), {}, token);
        QCOMPARE(history.status, 200);
        QSet<QString> stored;
        for (const QJsonValue message : history.object().value("messages").toArray())
            stored.insert(message.toObject().value("clientId").toString());
        for (const QString &clientId : acknowledged)
            QVERIFY2(stored.contains(clientId), qPrintable(clientId));
        QVERIFY(stopServer(again));
    }

    void settingsAreChecked()
    {
        QCOMPARE(ServerConfig::load({"kocmoc-server"}, {})->shutdownGraceSeconds, 10);
        QCOMPARE(ServerConfig::load({"kocmoc-server", "--shutdown-grace-seconds", "3"}, {})
                     ->shutdownGraceSeconds,
            3);
        QVERIFY(!ServerConfig::load({"kocmoc-server", "--shutdown-grace-seconds", "-1"}, {}).ok());
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("KOCMOC_MAINTENANCE"), QStringLiteral(" Upgrading "));
        QCOMPARE(ServerConfig::load({"kocmoc-server"}, environment)->maintenanceMessage,
            QStringLiteral("Upgrading"));
    }

    void sigintStopsAnIdleServerAtOnce()
    {
        TestServer holder;
        QProcess process;
        QVERIFY(startServer(process, holder) != 0);
        QElapsedTimer timer;
        timer.start();
        ::kill(pid_t(process.processId()), SIGINT);
        QVERIFY(process.waitForFinished(10'000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(timer.elapsed() < 2000);
    }
};

QTEST_MAIN(ShutdownTest)
#include "tst_shutdown.moc"
