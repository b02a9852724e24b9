#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

namespace kocmoc::mail {

struct MailMessage
{
    QString to;
    QString subject;
    QString body; // plain text, UTF-8
};

// Sends mail through the configured SMTP server; with none configured it
// writes the message to the log (development mode) instead of dropping it.
// Runs on the thread it lives in, without blocking it.
class Mailer : public QObject
{
    Q_OBJECT
public:
    // smtpUrl: empty (log only), smtp://[user:password@]host[:port] (STARTTLS when offered)
    // or smtps://[user:password@]host[:port] (TLS from the start).
    explicit Mailer(const QUrl &smtpUrl, const QString &fromAddress, QObject *parent = nullptr);

    bool isLoggingOnly() const;
    void send(const MailMessage &message);

    // A send fails when the server makes no progress for this long (default 30 s, must be
    // positive); tests shorten it. Applies to sends started afterwards.
    void setTimeoutMs(int milliseconds);

signals:
    void sent(const QString &to);
    void failed(const QString &to, const QString &reason);

private:
    void reject(const QString &to, const QString &reason);

    QUrl m_smtpUrl;
    QString m_from;
    int m_timeoutMs = 30000;
};

} // namespace kocmoc::mail
