#include "mail/Mailer.h"
#include "mail/MessageFormat.h"

#include "LocalMailbox.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <functional>
#include <memory>
#include <vector>

using kocmoc::mail::Mailer;
using kocmoc::mail::MailMessage;
using namespace kocmoc::test;

namespace {

const QString testDir = QStringLiteral(KOCMOC_MAIL_TEST_DIR);
const QString from = QStringLiteral("kocmoc@example.org");
constexpr int deliveryTimeoutMs = 15000;

QString withCrlf(QString text)
{
    return text.replace(QStringLiteral("\n"), QStringLiteral("\r\n"));
}

QStringList capturedLogLines;
QtMessageHandler previousHandler = nullptr;

void captureMessages(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtInfoMsg && qstrcmp(context.category, "kocmoc.mail") == 0)
        capturedLogLines.append(message);
    if (previousHandler)
        previousHandler(type, context, message);
}

QByteArray standardReply(const QByteArray &command)
{
    if (command.startsWith("EHLO "))
        return "250-smtp.test greets you\r\n250-8BITMIME\r\n250 HELP\r\n";
    if (command.startsWith("HELO "))
        return "250 smtp.test\r\n";
    if (command.startsWith("MAIL FROM:") || command.startsWith("RCPT TO:"))
        return "250 OK\r\n";
    if (command == "DATA")
        return "354 End data with <CR><LF>.<CR><LF>\r\n";
    if (command == ".")
        return "250 queued\r\n";
    if (command == "QUIT")
        return "221 bye\r\n";
    return "500 unknown command\r\n";
}

// An SMTP server written out in the test, for dialogues aiosmtpd does not have: no
// EHLO, refusals. One connection at a time; reply answers each command.
class ScriptedSmtpServer
{
public:
    std::function<QByteArray(const QByteArray &command)> reply = standardReply;
    QByteArrayList commands; // as received, without CRLF; "." ends the data
    QByteArray data; // between DATA and the final ".", as on the wire

    bool listen()
    {
        if (!m_server.listen(QHostAddress::LocalHost, 0))
            return false;
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->write("220-smtp.test ESMTP\r\n220 ready\r\n");
                QObject::connect(socket, &QTcpSocket::readyRead, socket,
                    [this, socket] { onReadyRead(socket); });
            }
        });
        return true;
    }

    quint16 port() const { return m_server.serverPort(); }

private:
    void onReadyRead(QTcpSocket *socket)
    {
        m_buffer += socket->readAll();
        for (;;) {
            QByteArray command;
            if (m_inData) {
                const qsizetype end = m_buffer.indexOf("\r\n.\r\n");
                if (end < 0)
                    return;
                data = m_buffer.left(end + 2);
                m_buffer.remove(0, end + 5);
                m_inData = false;
                command = ".";
            } else {
                const qsizetype end = m_buffer.indexOf("\r\n");
                if (end < 0)
                    return;
                command = m_buffer.left(end);
                m_buffer.remove(0, end + 2);
            }
            commands.append(command);
            const QByteArray answer = reply(command);
            socket->write(answer);
            m_inData = answer.startsWith("354");
            if (command == "QUIT")
                socket->disconnectFromHost();
        }
    }

    QTcpServer m_server;
    QByteArray m_buffer;
    bool m_inData = false;
};

} // namespace

class TestMailer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void russianMessageArrives();
    void threeMessagesAtOnce();
    void authPlain();
    void authLoginOnly();
    void authWrongPasswordFailsWithoutLeakingIt();
    void authNotOfferedFailsWithoutLeakingIt();
    void startTls();
    void implicitTls();
    void untrustedCertificateFails();
    void connectionRefused();
    void silentServerTimesOut();
    void heloFallback();
    void refusedRecipientFails();
    void dotStuffing();
    void headerInjectionIsRefused();
    void loggingOnlyMode();

private:
    void useTestCertificate();

    QSslConfiguration m_defaultSslConfiguration;
};

void TestMailer::initTestCase()
{
    if (!QFileInfo::exists(aiosmtpd))
        QFAIL("/usr/bin/aiosmtpd is missing: scripts/install-deps.sh installs python3-aiosmtpd");
    m_defaultSslConfiguration = QSslConfiguration::defaultConfiguration();
}

void TestMailer::cleanup()
{
    QSslConfiguration::setDefaultConfiguration(m_defaultSslConfiguration);
}

void TestMailer::useTestCertificate()
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    const auto certificates
        = QSslCertificate::fromPath(testDir + QStringLiteral("/tls/localhost.crt"));
    QCOMPARE(certificates.size(), 1);
    configuration.addCaCertificates(certificates);
    QSslConfiguration::setDefaultConfiguration(configuration);
}

void TestMailer::russianMessageArrives()
{
    Mailbox mailbox;
    QVERIFY2(mailbox.start(), qPrintable(mailbox.server.output()));

    Mailer mailer(smtpUrl(QStringLiteral("smtp"), mailbox.port), from);
    QVERIFY(!mailer.isLoggingOnly());
    QSignalSpy sent(&mailer, &Mailer::sent);
    QSignalSpy failed(&mailer, &Mailer::failed);

    const QString subject = QStringLiteral("Код входа KOCMOC");
    const QString body = QStringLiteral("Ваш код: 123456\nНикому его не сообщайте.\n.\nKOCMOC");
    mailer.send({QStringLiteral("user@example.com"), subject, body});
    QCOMPARE(sent.size(), 0); // signals come after send() returns

    QTRY_COMPARE_WITH_TIMEOUT(sent.size() + failed.size(), 1, deliveryTimeoutMs);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(1).toString()));
    QCOMPARE(sent.at(0).at(0).toString(), QStringLiteral("user@example.com"));

    const std::vector<StoredMail> mails = readMaildir(mailbox.maildir());
    QCOMPARE(mails.size(), size_t(1));
    const StoredMail &mail = mails.front();
    QCOMPARE(mail.headers.value("x-rcptto"), QByteArray("user@example.com"));
    QCOMPARE(mail.headers.value("x-mailfrom"), from.toLatin1());
    QCOMPARE(mail.headers.value("to"), QByteArray("user@example.com"));
    QCOMPARE(mail.headers.value("from"), from.toLatin1());
    QVERIFY(mail.headers.value("subject").startsWith("=?UTF-8?B?"));
    QCOMPARE(mail.subject, subject);
    QVERIFY(mail.bodyDecoded);
    QCOMPARE(mail.body, withCrlf(body));
    for (const QByteArray &line : mail.bodyLines)
        QVERIFY(line.size() <= 76);
    QCOMPARE(mail.headers.value("mime-version"), QByteArray("1.0"));
    QCOMPARE(mail.headers.value("content-type"), QByteArray("text/plain; charset=utf-8"));
    QCOMPARE(mail.headers.value("content-transfer-encoding"), QByteArray("base64"));
    QVERIFY2(QRegularExpression(QStringLiteral("^<[0-9a-f]{32}@example\\.org>$"))
                 .match(QString::fromLatin1(mail.headers.value("message-id")))
                 .hasMatch(),
        mail.headers.value("message-id").constData());
    const QByteArray dateHeader = mail.headers.value("date");
    QVERIFY2(dateHeader.endsWith(" +0000"), dateHeader.constData());
    const QDateTime date = QDateTime::fromString(QString::fromLatin1(dateHeader), Qt::RFC2822Date);
    QVERIFY2(date.isValid(), dateHeader.constData());
    QVERIFY(qAbs(date.secsTo(QDateTime::currentDateTimeUtc())) < 300);

    // A second signal for the same message would show up within this short poll.
    QTest::qWait(200);
    QCOMPARE(sent.size(), 1);
    QCOMPARE(failed.size(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(mailer.findChildren<QObject *>().isEmpty(), 5000); // sessions clean up
}

void TestMailer::threeMessagesAtOnce()
{
    Mailbox mailbox;
    QVERIFY2(mailbox.start(), qPrintable(mailbox.server.output()));

    Mailer mailer(smtpUrl(QStringLiteral("smtp"), mailbox.port), from);
    QSignalSpy sent(&mailer, &Mailer::sent);
    QSignalSpy failed(&mailer, &Mailer::failed);

    // Plain ASCII, a long Russian subject that needs several encoded words, and one
    // that looks like an encoded word itself.
    const QList<MailMessage> messages{
        {QStringLiteral("one@example.com"), QStringLiteral("Login code"),
            QStringLiteral("Code: 111111")},
        {QStringLiteral("two@example.com"),
            QStringLiteral("Код входа KOCMOC: никому не сообщайте этот код, даже если вас "
                           "попросит сотрудник поддержки — мы никогда его не спрашиваем"),
            QStringLiteral("Ваш код: 222222")},
        {QStringLiteral("three@пример.рф"), QStringLiteral("=?UTF-8?B?AAAA?= Ёжик"),
            QStringLiteral("Ваш код: 333333")},
    };
    for (const MailMessage &message : messages)
        mailer.send(message);

    QTRY_COMPARE_WITH_TIMEOUT(sent.size() + failed.size(), 3, deliveryTimeoutMs);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(1).toString()));
    QStringList sentTo;
    for (const QList<QVariant> &arguments : sent)
        sentTo.append(arguments.at(0).toString());
    sentTo.sort();
    QStringList expectedTo{messages[0].to, messages[1].to, messages[2].to};
    expectedTo.sort();
    QCOMPARE(sentTo, expectedTo);

    const std::vector<StoredMail> mails = readMaildir(mailbox.maildir());
    QCOMPARE(mails.size(), size_t(3));
    const QHash<QByteArray, QByteArray> wireTo{{"one@example.com", "one@example.com"},
        {"two@example.com", "two@example.com"}, {"three@xn--e1afmkfd.xn--p1ai", "three@пример.рф"}};
    for (const StoredMail &mail : mails) {
        const QByteArray rcpt = mail.headers.value("x-rcptto");
        QVERIFY2(wireTo.contains(rcpt), rcpt.constData());
        const QString to = QString::fromUtf8(wireTo.value(rcpt));
        const auto message = std::find_if(messages.begin(), messages.end(),
            [&](const MailMessage &candidate) { return candidate.to == to; });
        QVERIFY(message != messages.end());
        QCOMPARE(mail.headers.value("to"), rcpt);
        QCOMPARE(mail.subject, message->subject);
        QCOMPARE(mail.body, message->body);
    }
    QTest::qWait(200);
    QCOMPARE(sent.size(), 3);
    QTRY_VERIFY_WITH_TIMEOUT(mailer.findChildren<QObject *>().isEmpty(), 5000); // sessions clean up
}

void TestMailer::authPlain()
{
    const QString password = QStringLiteral("Пароль:p@ss/w%rd");
    Mailbox mailbox;
    QVERIFY2(mailbox.startWithAuth(testDir + QStringLiteral("/auth_smtpd.py"),
                 QStringLiteral("kocmoc"), password, QStringLiteral("PLAIN,LOGIN")),
        qPrintable(mailbox.server.output()));

    QUrl url = smtpUrl(QStringLiteral("smtp"), mailbox.port);
    url.setUserName(QStringLiteral("kocmoc"));
    url.setPassword(password);
    Mailer mailer(url, from);
    QSignalSpy sent(&mailer, &Mailer::sent);
    QSignalSpy failed(&mailer, &Mailer::failed);
    mailer.send({QStringLiteral("user@example.com"), QStringLiteral("Код"),
        QStringLiteral("Ваш код: 424242")});

    QTRY_COMPARE_WITH_TIMEOUT(sent.size() + failed.size(), 1, deliveryTimeoutMs);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(1).toString()));
    const auto mails = readMaildir(mailbox.maildir());
    QCOMPARE(mails.size(), size_t(1));
    QCOMPARE(mails.front().body, QStringLiteral("Ваш код: 424242"));
}

void TestMailer::authLoginOnly()
{
    const QString password = QStringLiteral("secret-login-password");
    Mailbox mailbox;
    QVERIFY2(mailbox.startWithAuth(testDir + QStringLiteral("/auth_smtpd.py"),
                 QStringLiteral("kocmoc"), password, QStringLiteral("LOGIN")),
        qPrintable(mailbox.server.output()));

    QUrl url = smtpUrl(QStringLiteral("smtp"), mailbox.port);
    url.setUserName(QStringLiteral("kocmoc"));
    url.setPassword(password);
    Mailer mailer(url, from);
    QSignalSpy sent(&mailer, &Mailer::sent);
    QSignalSpy failed(&mailer, &Mailer::failed);
    mailer.send({QStringLiteral("user@example.com"), QStringLiteral("Код"),
        QStringLiteral("Ваш код: 434343")});

    QTRY_COMPARE_WITH_TIMEOUT(sent.size() + failed.size(), 1, deliveryTimeoutMs);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(1).toString()));
    QCOMPARE(countMaildir(mailbox.maildir()), 1);
}

void TestMailer::authWrongPasswordFailsWithoutLeakingIt()
{
    Mailbox mailbox;
    QVERIFY2(
        mailbox.startWithAuth(testDir + QStringLiteral("/auth_smtpd.py"), QStringLiteral("kocmoc"),
            QStringLiteral("the-right-one"), QStringLiteral("PLAIN,LOGIN")),
        qPrintable(mailbox.server.output()));

    const QString password = QStringLiteral("wrong-password-Ж");
    QUrl url = smtpUrl(QStringLiteral("smtp"), mailbox.port);
    url.setUserName(QStringLiteral("kocmoc"));
    url.setPassword(password);
    Mailer mailer(url, from);
    QSignalSpy sent(&mailer, &Mailer::sent);
    QSignalSpy failed(&mailer, &Mailer::failed);
    mailer.send(
        {QStringLiteral("user@example.com"), QStringLiteral("Код"), QStringLiteral("Ваш код: 1")});

    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, deliveryTimeoutMs);
    QCOMPARE(sent.size(), 0);
    QCOMPARE(failed.at(0).at(0).toString(), QStringLiteral("user@example.com"));
    const QString reason = failed.at(0).at(1).toString();
    QVERIFY(!reason.isEmpty());
    QVERIFY2(!reason.contains(password), qPrintable(reason));
    QVERIFY2(
        !reason.contains(QString::fromLatin1(password.toUtf8().toBase64())), qPrintable(reason));
    QVERIFY2(reason.contains(QStringLiteral("authentication")), qPrintable(reason));
    QCOMPARE(countMaildir(mailbox.maildir()), 0);
    QTRY_VERIFY_WITH_TIMEOUT(mailer.findChildren<QObject *>().isEmpty(), 5000); // sessions clean up
}

void TestMailer::authNotOfferedFailsWithoutLeakingIt()
{
    Mailbox mailbox; // plain aiosmtpd offers no AUTH without TLS
    QVERIFY2(mailbox.start(), qPrintable(mailbox.server.output()));

    const QString password = QStringLiteral("do-not-print-me");
    QUrl url = smtpUrl(QStringLiteral("smtp"), mailbox.port);
    url.setUserName(QStringLiteral("kocmoc"));
    url.setPassword(password);
    Mailer mailer(url, from);
    QSignalSpy sent(&mailer, &Mailer::sent);
    QSignalSpy failed(&mailer, &Mailer::failed);
    mailer.send(
        {QStringLiteral("user@example.com"), QStringLiteral("Код"), QStringLiteral("Ваш код: 2")});

    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, deliveryTimeoutMs);
    QCOMPARE(sent.size(), 0);
    const QString reason = failed.at(0).at(1).toString();
    QVERIFY2(!reason.contains(password), qPrintable(reason));
    QVERIFY2(reason.contains(QStringLiteral("authentication")), qPrintable(reason));
    QCOMPARE(countMaildir(mailbox.maildir()), 0);
}

void TestMailer::startTls()
{
    if (!QSslSocket::supportsSsl())
        QFAIL("Qt has no TLS backend; install libssl3");
    useTestCertificate();
    Mailbox mailbox;
    // aiosmtpd requires STARTTLS before MAIL FROM here, so arrival proves the upgrade.
    QVERIFY2(
        mailbox.start({QStringLiteral("--tlscert"), testDir + QStringLiteral("/tls/localhost.crt"),
            QStringLiteral("--tlskey"), testDir + QStringLiteral("/tls/localhost.key")}),
        qPrintable(mailbox.server.output()));

    Mailer mailer(smtpUrl(QStringLiteral("smtp"), mailbox.port), from);
    QSignalSpy sent(&mailer, &Mailer::sent);
    QSignalSpy failed(&mailer, &Mailer::failed);
    mailer.send(
        {QStringLiteral("user@example.com"), QStringLiteral("Код"), QStringLiteral("Ваш код: 3")});

    QTRY_COMPARE_WITH_TIMEOUT(sent.size() + failed.size(), 1, deliveryTimeoutMs);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(1).toString()));
    QCOMPARE(countMaildir(mailbox.maildir()), 1);
}

void TestMailer::implicitTls()
{
    if (!QSslSocket::supportsSsl())
        QFAIL("Qt has no TLS backend; install libssl3");
    useTestCertificate();
    Mailbox mailbox;
    QVERIFY2(mailbox.start(
                 {QStringLiteral("--smtpscert"), testDir + QStringLiteral("/tls/localhost.crt"),
                     QStringLiteral("--smtpskey"), testDir + QStringLiteral("/tls/localhost.key")}),
        qPrintable(mailbox.server.output()));

    Mailer mailer(smtpUrl(QStringLiteral("smtps"), mailbox.port), from);
    QSignalSpy sent(&mailer, &Mailer::sent);
    QSignalSpy failed(&mailer, &Mailer::failed);
    mailer.send(
        {QStringLiteral("user@example.com"), QStringLiteral("Код"), QStringLiteral("Ваш код: 4")});

    QTRY_COMPARE_WITH_TIMEOUT(sent.size() + failed.size(), 1, deliveryTimeoutMs);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(1).toString()));
    const auto mails = readMaildir(mailbox.maildir());
    QCOMPARE(mails.size(), size_t(1));
    QCOMPARE(mails.front().body, QStringLiteral("Ваш код: 4"));
}

void TestMailer::untrustedCertificateFails()
{
    if (!QSslSocket::supportsSsl())
        QFAIL("Qt has no TLS backend; install libssl3");
    Mailbox mailbox; // the test certificate is not trusted in this case
    QVERIFY2(mailbox.start(
                 {QStringLiteral("--smtpscert"), testDir + QStringLiteral("/tls/localhost.crt"),
                     QStringLiteral("--smtpskey"), testDir + QStringLiteral("/tls/localhost.key")}),
        qPrintable(mailbox.server.output()));

    Mailer mailer(smtpUrl(QStringLiteral("smtps"), mailbox.port), from);
    QSignalSpy sent(&mailer, &Mailer::sent);
    QSignalSpy failed(&mailer, &Mailer::failed);
    mailer.send(
        {QStringLiteral("user@example.com"), QStringLiteral("Код"), QStringLiteral("Ваш код: 5")});

    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, deliveryTimeoutMs);
    QCOMPARE(sent.size(), 0);
    QVERIFY2(failed.at(0).at(1).toString().contains(QStringLiteral("TLS")),
        qPrintable(failed.at(0).at(1).toString()));
    QCOMPARE(countMaildir(mailbox.maildir()), 0);
    QTRY_VERIFY_WITH_TIMEOUT(mailer.findChildren<QObject *>().isEmpty(), 5000); // sessions clean up
}

void TestMailer::connectionRefused()
{
    const quint16 port = freePort();
    QVERIFY(port != 0);
    Mailer mailer(smtpUrl(QStringLiteral("smtp"), port), from);
    QSignalSpy sent(&mailer, &Mailer::sent);
    QSignalSpy failed(&mailer, &Mailer::failed);
    mailer.send(
        {QStringLiteral("user@example.com"), QStringLiteral("Код"), QStringLiteral("Ваш код: 6")});

    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 5000);
    QCOMPARE(sent.size(), 0);
    QCOMPARE(failed.at(0).at(0).toString(), QStringLiteral("user@example.com"));
    QVERIFY(!failed.at(0).at(1).toString().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(mailer.findChildren<QObject *>().isEmpty(), 5000); // sessions clean up
}

void TestMailer::silentServerTimesOut()
{
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    std::vector<std::unique_ptr<QTcpSocket>> accepted; // held open, never written to
    connect(&silent, &QTcpServer::newConnection, &silent, [&] {
        while (QTcpSocket *socket = silent.nextPendingConnection())
            accepted.emplace_back(socket);
    });

    Mailer mailer(smtpUrl(QStringLiteral("smtp"), silent.serverPort()), from);
    mailer.setTimeoutMs(500);
    QSignalSpy sent(&mailer, &Mailer::sent);
    QSignalSpy failed(&mailer, &Mailer::failed);
    QElapsedTimer elapsed;
    elapsed.start();
    mailer.send(
        {QStringLiteral("user@example.com"), QStringLiteral("Код"), QStringLiteral("Ваш код: 7")});

    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
    QVERIFY(elapsed.elapsed() >= 450);
    QCOMPARE(sent.size(), 0);
    QCOMPARE(accepted.size(), size_t(1));
    QVERIFY2(failed.at(0).at(1).toString().contains(
                 QStringLiteral("no progress for 500 ms while waiting for the greeting")),
        qPrintable(failed.at(0).at(1).toString()));
    // The session hung up on the silent server.
    QTRY_COMPARE_WITH_TIMEOUT(accepted.front()->state(), QAbstractSocket::UnconnectedState, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(mailer.findChildren<QObject *>().isEmpty(), 5000); // sessions clean up
}

void TestMailer::heloFallback()
{
    ScriptedSmtpServer server;
    server.reply = [](const QByteArray &command) -> QByteArray {
        if (command.startsWith("EHLO "))
            return "502 5.5.2 Error: command not recognized\r\n";
        return standardReply(command);
    };
    QVERIFY(server.listen());

    Mailer mailer(smtpUrl(QStringLiteral("smtp"), server.port()), from);
    QSignalSpy sent(&mailer, &Mailer::sent);
    QSignalSpy failed(&mailer, &Mailer::failed);
    mailer.send(
        {QStringLiteral("user@example.com"), QStringLiteral("Код"), QStringLiteral("Ваш код: 10")});

    QTRY_COMPARE_WITH_TIMEOUT(sent.size() + failed.size(), 1, deliveryTimeoutMs);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(1).toString()));
    QTRY_COMPARE_WITH_TIMEOUT(
        server.commands.value(server.commands.size() - 1), QByteArray("QUIT"), 5000);
    QCOMPARE(server.commands.size(), 7);
    QVERIFY(server.commands.at(0).startsWith("EHLO "));
    QVERIFY(server.commands.at(1).startsWith("HELO "));
    QCOMPARE(server.commands.at(2), QByteArray("MAIL FROM:<kocmoc@example.org>"));
    QCOMPARE(server.commands.at(3), QByteArray("RCPT TO:<user@example.com>"));
    QCOMPARE(server.commands.at(4), QByteArray("DATA"));
    QCOMPARE(server.commands.at(5), QByteArray("."));
    // Every line of the message ends in CRLF, none is longer than RFC 5322 allows.
    QCOMPARE(server.data.count('\n'), server.data.count("\r\n"));
    QCOMPARE(server.data.count('\r'), server.data.count("\r\n"));
    for (const QByteArray &line : server.data.split('\n'))
        QVERIFY(line.size() <= 998);
    QCOMPARE(parseMail(server.data).body, QStringLiteral("Ваш код: 10"));
    QTRY_VERIFY_WITH_TIMEOUT(mailer.findChildren<QObject *>().isEmpty(), 5000); // sessions clean up
}

void TestMailer::refusedRecipientFails()
{
    ScriptedSmtpServer server;
    server.reply = [](const QByteArray &command) -> QByteArray {
        if (command.startsWith("RCPT TO:"))
            return "550 5.1.1 <user@example.com>: Recipient address rejected\r\n";
        return standardReply(command);
    };
    QVERIFY(server.listen());

    Mailer mailer(smtpUrl(QStringLiteral("smtp"), server.port()), from);
    QSignalSpy sent(&mailer, &Mailer::sent);
    QSignalSpy failed(&mailer, &Mailer::failed);
    mailer.send(
        {QStringLiteral("user@example.com"), QStringLiteral("Код"), QStringLiteral("Ваш код: 11")});

    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, deliveryTimeoutMs);
    QCOMPARE(sent.size(), 0);
    const QString reason = failed.at(0).at(1).toString();
    QVERIFY2(reason.contains(QStringLiteral("RCPT TO")) && reason.contains(QStringLiteral("550")),
        qPrintable(reason));
    QVERIFY(!server.commands.contains("DATA"));
    QTRY_VERIFY_WITH_TIMEOUT(mailer.findChildren<QObject *>().isEmpty(), 5000); // sessions clean up
}

void TestMailer::dotStuffing()
{
    using kocmoc::mail::dataSection;
    QCOMPARE(dataSection("a\r\n.b\r\n..\r\n.\r\n"), QByteArray("a\r\n..b\r\n...\r\n..\r\n.\r\n"));
    QCOMPARE(dataSection(".first\r\nlast"), QByteArray("..first\r\nlast\r\n.\r\n"));
    QCOMPARE(dataSection(QByteArray()), QByteArray(".\r\n"));
}

void TestMailer::headerInjectionIsRefused()
{
    Mailbox mailbox;
    QVERIFY2(mailbox.start(), qPrintable(mailbox.server.output()));

    Mailer mailer(smtpUrl(QStringLiteral("smtp"), mailbox.port), from);
    QSignalSpy sent(&mailer, &Mailer::sent);
    QSignalSpy failed(&mailer, &Mailer::failed);
    const QStringList hostile{
        QStringLiteral("a@b.c\r\nBcc: evil@x.y"),
        QStringLiteral("a@b.c\nBcc: evil@x.y"),
        QStringLiteral("a@b.c>\r\nRCPT TO:<evil@x.y"),
        QStringLiteral("<evil@x.y>"),
        QStringLiteral("a@b.c, evil@x.y"),
        QStringLiteral("\"a b\"@b.c"),
        QStringLiteral("a@b.c\rBcc: evil@x.y"),
        QStringLiteral("no-at-sign"),
        QString(),
    };
    for (const QString &to : hostile)
        mailer.send({to, QStringLiteral("Код"), QStringLiteral("Ваш код: 8")});
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), hostile.size(), 5000);
    for (qsizetype i = 0; i < hostile.size(); ++i)
        QCOMPARE(failed.at(i).at(0).toString(), hostile.at(i));

    // A bad sender is refused the same way.
    Mailer badSender(smtpUrl(QStringLiteral("smtp"), mailbox.port),
        QStringLiteral("kocmoc@example.org>\r\nBcc: evil@x.y"));
    QSignalSpy badSenderFailed(&badSender, &Mailer::failed);
    badSender.send(
        {QStringLiteral("user@example.com"), QStringLiteral("Код"), QStringLiteral("Ваш код: 8")});
    QTRY_COMPARE_WITH_TIMEOUT(badSenderFailed.size(), 1, 5000);

    // One good message afterwards: once it is in, only it is in the mailbox.
    mailer.send(
        {QStringLiteral("user@example.com"), QStringLiteral("Код"), QStringLiteral("Ваш код: 9")});
    QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, deliveryTimeoutMs);
    const auto mails = readMaildir(mailbox.maildir());
    QCOMPARE(mails.size(), size_t(1));
    QCOMPARE(mails.front().headers.value("x-rcptto"), QByteArray("user@example.com"));
    QCOMPARE(failed.size(), hostile.size());
}

void TestMailer::loggingOnlyMode()
{
    Mailer mailer(QUrl(), from);
    QVERIFY(mailer.isLoggingOnly());
    QSignalSpy sent(&mailer, &Mailer::sent);
    QSignalSpy failed(&mailer, &Mailer::failed);

    capturedLogLines.clear();
    previousHandler = qInstallMessageHandler(captureMessages);
    const auto restore = qScopeGuard([] { qInstallMessageHandler(previousHandler); });
    mailer.send({QStringLiteral("dev@example.com"), QStringLiteral("Код входа KOCMOC"),
        QStringLiteral("Ваш код: 123456")});
    QCOMPARE(sent.size(), 0); // queued, after send() returns
    QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, 5000);
    QCOMPARE(sent.at(0).at(0).toString(), QStringLiteral("dev@example.com"));
    QCOMPARE(failed.size(), 0);

    QCOMPARE(capturedLogLines.size(), 1);
    const QString line = capturedLogLines.front();
    QVERIFY2(line.contains(QStringLiteral("dev@example.com")), qPrintable(line));
    QVERIFY2(line.contains(QStringLiteral("Код входа KOCMOC")), qPrintable(line));
    QVERIFY2(line.contains(QStringLiteral("Ваш код: 123456")), qPrintable(line));
    QVERIFY2(!line.contains(u'\n'), qPrintable(line));
}

QTEST_GUILESS_MAIN(TestMailer)
#include "tst_mailer.moc"
