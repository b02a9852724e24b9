#include "LocalMailbox.h"
#include "ServerTestCase.h"
#include "app/RotatingLogFile.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>

using namespace kocmoc;
using namespace kocmoc::test;

// The log: the request line's fields, the log file and its rotation, and no secret in it.
class LoggingTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { KOCMOC_REQUIRE_DATABASE(); }

    void logSettingsAreChecked()
    {
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("KOCMOC_LOG_KEEP"), QStringLiteral("2"));
        const auto loaded = ServerConfig::load(
            {"kocmoc-server", "--log-file", "relative.log", "--log-max-mb", "7"}, environment);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->logFile, QFileInfo(QStringLiteral("relative.log")).absoluteFilePath());
        QCOMPARE(loaded->logMaxMb, 7);
        QCOMPARE(loaded->logKeep, 2);
        const auto defaults = ServerConfig::load({"kocmoc-server"}, {});
        QVERIFY(defaults->logFile.isEmpty());
        QCOMPARE(defaults->logMaxMb, 50);
        QCOMPARE(defaults->logKeep, 5);
        const auto wrong = ServerConfig::load({"kocmoc-server", "--log-max-mb", "0"}, {});
        QVERIFY(!wrong.ok());
        QVERIFY(wrong.error().message.contains(QLatin1String("log-max-mb")));
    }

    void rotationKeepsTheNewestFiles()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("kocmoc.log"));
        RotatingLogFile log(path, 1000, 2);
        QVERIFY(log.open());
        for (int i = 0; i < 100; ++i)
            log.write(QStringLiteral("line %1 ").arg(i, 3, 10, QLatin1Char('0')).toUtf8()
                + QByteArray(40, 'x') + '\n');
        QStringList files = QDir(dir.path()).entryList(QDir::Files, QDir::Name);
        QCOMPARE(files, QStringList({"kocmoc.log", "kocmoc.log.1", "kocmoc.log.2"}));
        for (const QString &name : files)
            QVERIFY(QFileInfo(dir.filePath(name)).size() <= 1000);
        const auto contents = [&](const QString &name) {
            QFile file(dir.filePath(name));
            return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        };
        QVERIFY(contents("kocmoc.log").contains("line 099"));
        // Older lines move to .1 and then .2; the oldest are gone.
        const int newestInFirst = contents("kocmoc.log.1").split('\n').size();
        QVERIFY(newestInFirst > 1);
        QVERIFY(!contents("kocmoc.log.2").contains("line 000"));
        QVERIFY(contents("kocmoc.log.2").mid(5, 3).toInt()
            < contents("kocmoc.log.1").mid(5, 3).toInt());
        // Reopening appends to what is there.
        RotatingLogFile again(path, 100000, 2);
        QVERIFY(again.open());
        again.write("after a restart\n");
        QVERIFY(contents("kocmoc.log").contains("line 099"));
        QVERIFY(contents("kocmoc.log").endsWith("after a restart\n"));
    }

    void theServerWritesItsLogFile()
    {
        TestServer holder; // its data folder and database; never started itself
        const QString logPath = QDir(holder.dataDir()).filePath(QStringLiteral("logs/server.log"));
        QDir().mkpath(QFileInfo(logPath).path());
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert("KOCMOC_DATABASE", holder.config().databaseUrl());
        environment.insert("KOCMOC_DATA_DIR", holder.dataDir());
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(KOCMOC_SERVER_BINARY),
            {"--port", "0", "--log-file", logPath, "--log-max-mb", "1", "--log-keep", "3"});
        const auto logText = [&] {
            QFile file(logPath);
            return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
        };
        static const QRegularExpression listening(
            QStringLiteral("listening on http://[^:]+:(\\d+)"));
        QTRY_VERIFY_WITH_TIMEOUT(listening.match(logText()).hasMatch(), 30'000);
        HttpClient http(quint16(listening.match(logText()).captured(1).toUInt()));
        const QJsonObject grant = http.call("POST", "/api/auth/register",
                                          QJsonObject{{"email", "logged@example.org"},
                                              {"password", "correct horse battery"},
                                              {"username", "logged"}, {"displayName", "Logged"}})
                                      .object();
        const QString userId = grant.value("user").toObject().value("id").toString();
        QCOMPARE(
            http.call("GET", "/api/users/me", {}, grant.value("accessToken").toString()).status,
            200);
        process.terminate();
        QVERIFY(process.waitForFinished(20'000));
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(process.readAllStandardError().isEmpty()); // everything went to the file
        const QString text = logText();
        static const QRegularExpression requestLine(
            QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z info "
                           "kocmoc\\.http: rid=\\S+ GET "
                           "/api/users/me 200 [0-9.]+ms route=/api/users/me user=(\\S+)$"),
            QRegularExpression::MultilineOption);
        const auto match = requestLine.match(text);
        QVERIFY2(match.hasMatch(), qPrintable(text));
        QCOMPARE(match.captured(1), userId);
        QVERIFY(text.contains(QLatin1String("stopped")));
        QCOMPARE(
            QFileInfo(logPath).permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
            QFileDevice::Permissions());
    }

    void secretsNeverReachTheLog()
    {
        if (!QFileInfo::exists(aiosmtpd))
            QFAIL("/usr/bin/aiosmtpd is missing: scripts/install-deps.sh --test installs "
                  "python3-aiosmtpd");
        Mailbox mailbox;
        QVERIFY(mailbox.start());
        TestServer server([&](ServerConfig &config) {
            config.smtpUrl = smtpUrl(QStringLiteral("smtp"), mailbox.port);
            config.logLevel = QStringLiteral("debug");
        });
        KOCMOC_START(server);
        LogCapture log;
        QStringList secrets;
        const auto keep = [&](const QJsonObject &grant) {
            for (const char *name : {"accessToken", "refreshToken"}) {
                const QString value = grant.value(QLatin1String(name)).toString();
                QVERIFY(!value.isEmpty());
                secrets << value << value.section(QLatin1Char('.'), -1); // the secret part alone
            }
        };
        const QString email = QStringLiteral("secretive@example.org");
        const QString password = QStringLiteral("first secret password");
        const QString newPassword = QStringLiteral("second secret password");
        secrets << password << newPassword;

        const Response registered = server.call("POST", "/api/auth/register",
            QJsonObject{{"email", email}, {"password", password}, {"username", "secretive"},
                {"displayName", "Secretive"}});
        QCOMPARE(registered.status, 201);
        keep(registered.object());
        const Response signedIn = server.call(
            "POST", "/api/auth/login", QJsonObject{{"email", email}, {"password", password}});
        QCOMPARE(signedIn.status, 200);
        keep(signedIn.object());
        const Response wrong = server.call("POST", "/api/auth/login",
            QJsonObject{{"email", email}, {"password", QStringLiteral("a wrong guess here")}});
        QCOMPARE(wrong.status, 401);
        secrets << QStringLiteral("a wrong guess here");
        const Response refreshed = server.call("POST", "/api/auth/refresh",
            QJsonObject{{"refreshToken", signedIn.object().value("refreshToken")}});
        QCOMPARE(refreshed.status, 200);
        keep(refreshed.object());

        static const QRegularExpression digits(QStringLiteral("(\\d{6})"));
        for (const char *purpose : {"verify", "login"}) {
            const qsizetype before = countMaildir(mailbox.maildir());
            QStringList earlier;
            for (const StoredMail &mail : readMaildir(mailbox.maildir()))
                earlier << digits.match(mail.body).captured(1);
            QCOMPARE(server
                         .call("POST", "/api/auth/send-code",
                             QJsonObject{{"email", email}, {"purpose", purpose}})
                         .status,
                202);
            QTRY_COMPARE_WITH_TIMEOUT(countMaildir(mailbox.maildir()), before + 1, 15'000);
            QString code; // the new mail's: a new code retires the earlier ones
            for (const StoredMail &mail : readMaildir(mailbox.maildir())) {
                if (!earlier.contains(digits.match(mail.body).captured(1)))
                    code = digits.match(mail.body).captured(1);
            }
            QCOMPARE(code.size(), 6);
            const Response verified = server.call(
                "POST", "/api/auth/verify-code", QJsonObject{{"email", email}, {"code", code}});
            QCOMPARE(verified.status, 200);
            if (verified.object().contains("accessToken"))
                keep(verified.object());
        }
        for (const StoredMail &mail : readMaildir(mailbox.maildir()))
            secrets << digits.match(mail.body).captured(1);
        const QString token = refreshed.object().value("accessToken").toString();
        QCOMPARE(
            server
                .call("POST", "/api/auth/password",
                    QJsonObject{{"currentPassword", password}, {"newPassword", newPassword}}, token)
                .status,
            204);
        QCOMPARE(server.call("GET", "/api/auth/sessions", {}, token).status, 200);
        QCOMPARE(server.call("POST", "/api/auth/logout", QJsonObject{}, token).status, 204);

        const QStringList lines = log.lines();
        QVERIFY(lines.size() > 10);
        for (const QString &secret : std::as_const(secrets)) {
            QVERIFY(secret.size() >= 6);
            for (const QString &line : lines)
                QVERIFY2(
                    !line.contains(secret), qPrintable(secret + QStringLiteral(" in: ") + line));
        }
    }
};

QTEST_MAIN(LoggingTest)
#include "tst_logging.moc"
