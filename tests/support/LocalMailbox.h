#pragma once

#include <QByteArrayList>
#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <vector>

// A real SMTP server for tests: Debian's aiosmtpd writing to a Maildir, and a
// reader for what arrived there.
namespace kocmoc::test {

inline const QString aiosmtpd = QStringLiteral("/usr/bin/aiosmtpd");
// aiosmtpd's own interpreter: python3 on PATH may be another one without the module.
inline const QString systemPython = QStringLiteral("/usr/bin/python3");

quint16 freePort();
QUrl smtpUrl(const QString &scheme, quint16 port);

// A local SMTP server process; the destructor kills it whatever happened in the test.
class SmtpServerProcess
{
public:
    ~SmtpServerProcess() { stop(); }

    // Starts the program and waits, bounded, until the port accepts connections.
    bool start(const QString &program, const QStringList &arguments, quint16 port)
    {
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(program, arguments);
        if (!m_process.waitForStarted(5000))
            return false;
        QElapsedTimer elapsed;
        elapsed.start();
        while (elapsed.elapsed() < 15000) {
            QTcpSocket probe;
            probe.connectToHost(QHostAddress::LocalHost, port);
            if (probe.waitForConnected(250)) {
                probe.abort();
                return true;
            }
            if (m_process.state() == QProcess::NotRunning)
                return false;
            QTest::qWait(50);
        }
        return false;
    }

    void stop()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    QString output() { return QString::fromUtf8(m_process.readAll()); }

private:
    QProcess m_process;
};

// aiosmtpd with the Maildir handler, each test on its own port and directory.
struct Mailbox
{
    QTemporaryDir dir;
    quint16 port = 0;
    SmtpServerProcess server;

    QString maildir() const { return dir.filePath(QStringLiteral("maildir")); }

    bool start(const QStringList &extraArguments = {})
    {
        port = freePort();
        if (!dir.isValid() || port == 0)
            return false;
        QStringList arguments{QStringLiteral("-n"), QStringLiteral("-l"),
            QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("-c"),
            QStringLiteral("aiosmtpd.handlers.Mailbox")};
        arguments += extraArguments;
        arguments += maildir();
        return server.start(aiosmtpd, arguments, port);
    }

    // script: a Python SMTP server with user/password checking (see tests/mail/auth_smtpd.py).
    bool startWithAuth(const QString &script, const QString &user, const QString &password,
        const QString &mechanisms)
    {
        port = freePort();
        if (!dir.isValid() || port == 0)
            return false;
        return server.start(systemPython,
            {script, QString::number(port), maildir(), user, password, mechanisms}, port);
    }
};

struct StoredMail
{
    QHash<QByteArray, QByteArray> headers; // lower-case names, unfolded values
    QByteArrayList bodyLines;
    QString subject;
    QString body;
    bool bodyDecoded = false;
};

// RFC 2047: encoded words, and the whitespace between two of them dropped.
QString decodeHeader(const QByteArray &value);
StoredMail parseMail(const QByteArray &raw);
std::vector<StoredMail> readMaildir(const QString &maildir);
qsizetype countMaildir(const QString &maildir);

} // namespace kocmoc::test
