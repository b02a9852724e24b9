#include "ServerTestCase.h"

#include <QFile>
#include <QProcess>
#include <QTcpServer>

using namespace kocmoc;
using namespace kocmoc::test;

class ConfigTest : public QObject
{
    Q_OBJECT

private:
    static Result<ServerConfig> load(
        const QStringList &flags, const QHash<QString, QString> &environment = {})
    {
        QProcessEnvironment env;
        for (auto it = environment.cbegin(); it != environment.cend(); ++it)
            env.insert(it.key(), it.value());
        return ServerConfig::load(QStringList{QStringLiteral("kocmoc-server")} + flags, env);
    }

    static quint16 freePort()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        return probe.serverPort();
    }

private slots:
    void initTestCase() { KOCMOC_REQUIRE_DATABASE(); }

    void defaults()
    {
        const auto config = load({});
        QVERIFY(config.ok());
        QCOMPARE(config->host, QStringLiteral("127.0.0.1"));
        QCOMPARE(config->port, quint16(8080));
        QVERIFY(config->databaseUrl().startsWith(QLatin1String("sqlite:")));
        QVERIFY(config->databaseUrl().endsWith(QLatin1String("/kocmoc.db")));
        QVERIFY(config->smtpUrl.isEmpty());
        QCOMPARE(config->maxBodyBytes, 50LL * 1024 * 1024);
        QCOMPARE(config->demo, false);
    }

    void fileThenEnvironmentThenFlags()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("kocmoc.ini"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("port = 9000\nhost = 0.0.0.0\nlog-level = debug\ncors-origins = "
                   "https://a.example, https://b.example\n"
                   "smtp-url = smtp://mailer:secret@mail.example:2525\n");
        file.close();

        auto config = load({QStringLiteral("--config"), path});
        QVERIFY(config.ok());
        QCOMPARE(config->port, quint16(9000));
        QCOMPARE(config->host, QStringLiteral("0.0.0.0"));
        QCOMPARE(config->logLevel, QStringLiteral("debug"));
        QCOMPARE(config->corsOrigins,
            (QStringList{
                QStringLiteral("https://a.example"), QStringLiteral("https://b.example")}));
        QCOMPARE(config->smtpUrl.host(), QStringLiteral("mail.example"));

        config = load({QStringLiteral("--config"), path},
            {{QStringLiteral("KOCMOC_PORT"), QStringLiteral("9100")}});
        QCOMPARE(config->port, quint16(9100));
        config = load(
            {QStringLiteral("--config"), path, QStringLiteral("--port"), QStringLiteral("9200")},
            {{QStringLiteral("KOCMOC_PORT"), QStringLiteral("9100")}});
        QCOMPARE(config->port, quint16(9200));
        config
            = load({QStringLiteral("--demo")}, {{QStringLiteral("KOCMOC_DATA_DIR"), dir.path()}});
        QCOMPARE(config->demo, true);
        QCOMPARE(config->dataDir, dir.path());
        QCOMPARE(config->databaseUrl(),
            QStringLiteral("sqlite:") + dir.path() + QStringLiteral("/kocmoc.db"));
    }

    void badSettingsAreNamed_data()
    {
        QTest::addColumn<QStringList>("flags");
        QTest::addColumn<QString>("named");
        QTest::newRow("port not a number") << QStringList{"--port", "eighty"} << "port";
        QTest::newRow("port too large") << QStringList{"--port", "70000"} << "port";
        QTest::newRow("host not an address") << QStringList{"--host", "my host"} << "host";
        QTest::newRow("short secret")
            << QStringList{"--token-secret", "tooshort"} << "token-secret";
        QTest::newRow("bad smtp url") << QStringList{"--smtp-url", "http://mail"} << "smtp-url";
        QTest::newRow("bad log level") << QStringList{"--log-level", "loud"} << "log-level";
        QTest::newRow("unknown flag") << QStringList{"--colour", "red"} << "colour";
        QTest::newRow("missing config file")
            << QStringList{"--config", "/nonexistent/kocmoc.ini"} << "config";
    }

    void badSettingsAreNamed()
    {
        QFETCH(QStringList, flags);
        QFETCH(QString, named);
        const auto config = load(flags);
        QVERIFY(!config.ok());
        QVERIFY2(config.error().message.contains(named), qPrintable(config.error().message));
    }

    void helpListsEverySetting()
    {
        QProcess process;
        process.start(QStringLiteral(KOCMOC_SERVER_BINARY), {QStringLiteral("--help")});
        QVERIFY(process.waitForFinished(10'000));
        QCOMPARE(process.exitCode(), 0);
        const QString help = QString::fromUtf8(process.readAllStandardOutput());
        for (const ServerConfig::Option &option : ServerConfig::options()) {
            QVERIFY2(help.contains(QStringLiteral("--") + option.key), qPrintable(option.key));
            QVERIFY2(
                help.contains(ServerConfig::environmentName(option.key)), qPrintable(option.key));
        }
    }

    void badFlagExitsWithAClearMessage()
    {
        QProcess process;
        process.start(
            QStringLiteral(KOCMOC_SERVER_BINARY), {QStringLiteral("--port"), QStringLiteral("x")});
        QVERIFY(process.waitForFinished(10'000));
        QCOMPARE(process.exitCode(), 2);
        QVERIFY(process.readAllStandardError().contains("port"));
    }

    void tokenSecretIsGeneratedOnceAndKept()
    {
        TestServer server;
        KOCMOC_START(server);
        QFile secret(server.dataDir() + QStringLiteral("/token-secret"));
        QVERIFY(secret.open(QIODevice::ReadOnly));
        const QByteArray first = secret.readAll().trimmed();
        secret.close();
        QVERIFY(first.size() >= 32);
        QCOMPARE(secret.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
            QFileDevice::Permissions());
        const QString token
            = server.registerUser(QStringLiteral("persistent")).value("accessToken").toString();

        server.stop();
        KOCMOC_START(server);
        QVERIFY(secret.open(QIODevice::ReadOnly));
        QCOMPARE(secret.readAll().trimmed(), first);
        // Tokens issued before a restart still work after it.
        QCOMPARE(server.call("GET", QStringLiteral("/api/users/me"), QJsonValue::Undefined, token)
                     .status,
            200);
    }

    void theServerBinaryServesWithDemoData()
    {
        QTemporaryDir dir;
        const quint16 port = freePort();
        QProcess process;
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QStringList arguments{QStringLiteral("--port"), QString::number(port),
            QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--demo")};
        std::unique_ptr<TestServer> databaseOwner; // lends a fresh database of the test cluster
        if (usingPostgres()) {
            databaseOwner = std::make_unique<TestServer>();
            arguments << QStringLiteral("--database") << databaseOwner->config().database;
        }
        process.start(QStringLiteral(KOCMOC_SERVER_BINARY), arguments);
        QVERIFY(process.waitForStarted());
        QNetworkAccessManager network;
        int status = 0;
        QByteArray body;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                QNetworkRequest request(
                    QUrl(QStringLiteral("http://127.0.0.1:%1/api/auth/login").arg(port)));
                request.setHeader(
                    QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
                QNetworkReply *reply = network.post(
                    request, QByteArray(R"({"username":"alice","password":"kocmoc-demo"})"));
                QEventLoop loop;
                connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
                loop.exec();
                status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                body = reply->readAll();
                reply->deleteLater();
                return status != 0;
            }(),
            20'000);
        QCOMPARE(status, 200);
        QCOMPARE(QJsonDocument::fromJson(body)
                     .object()
                     .value("user")
                     .toObject()
                     .value("displayName")
                     .toString(),
            QStringLiteral("Алиса Смирнова"));
        process.terminate();
        QVERIFY(process.waitForFinished(10'000));
    }
};

QTEST_GUILESS_MAIN(ConfigTest)
#include "tst_config.moc"
