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

signals:
    void sent(const QString &to);
    void failed(const QString &to, const QString &reason);

private:
    QUrl m_smtpUrl;
    QString m_from;
};

} // namespace kocmoc::mail
