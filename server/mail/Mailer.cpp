#include "Mailer.h"

#include "MailLog.h"
#include "MessageFormat.h"
#include "SmtpSession.h"

#include <QDateTime>

namespace kocmoc::mail {

namespace {

constexpr quint16 smtpPort = 25;
constexpr quint16 smtpsPort = 465;

} // namespace

Mailer::Mailer(const QUrl &smtpUrl, const QString &fromAddress, QObject *parent)
    : QObject(parent)
    , m_smtpUrl(smtpUrl)
    , m_from(fromAddress)
{ }

bool Mailer::isLoggingOnly() const
{
    return m_smtpUrl.isEmpty();
}

void Mailer::setTimeoutMs(int milliseconds)
{
    m_timeoutMs = milliseconds;
}

void Mailer::send(const MailMessage &message)
{
    // Checked in log-only mode too, so development behaves like production.
    const std::optional<QByteArray> to = wireAddress(message.to);
    if (!to)
        return reject(message.to, QStringLiteral("invalid recipient address"));

    if (isLoggingOnly()) {
        qCInfo(lcMail).noquote() << QStringLiteral(
            "no SMTP server configured, mail logged instead: to: %1 | subject: %2 | body: %3")
                                        .arg(printable(message.to), printable(message.subject),
                                            printable(message.body));
        QMetaObject::invokeMethod(
            this, [this, recipient = message.to] { emit sent(recipient); }, Qt::QueuedConnection);
        return;
    }

    const std::optional<QByteArray> from = wireAddress(m_from);
    if (!from)
        return reject(message.to, QStringLiteral("invalid sender address in the configuration"));
    const QString scheme = m_smtpUrl.scheme().toLower();
    if (!m_smtpUrl.isValid() || m_smtpUrl.host().isEmpty()
        || (scheme != QLatin1String("smtp") && scheme != QLatin1String("smtps")))
        return reject(
            message.to, QStringLiteral("the SMTP URL is not smtp://host or smtps://host"));

    SmtpSettings settings;
    settings.host = m_smtpUrl.host();
    settings.implicitTls = scheme == QLatin1String("smtps");
    settings.port
        = static_cast<quint16>(m_smtpUrl.port(settings.implicitTls ? smtpsPort : smtpPort));
    settings.user = m_smtpUrl.userName();
    settings.password = m_smtpUrl.password();
    settings.timeoutMs = m_timeoutMs;

    auto *session = new SmtpSession(settings, *from, *to,
        formatMessage(*from, *to, message.subject, message.body, QDateTime::currentDateTimeUtc()),
        this);
    // Queued: a receiver may delete this Mailer, and with it the session, from its slot.
    connect(
        session, &SmtpSession::finished, this,
        [this, recipient = message.to](bool ok, const QString &reason) {
            if (ok) {
                qCDebug(lcMail).noquote()
                    << QStringLiteral("mail to %1 sent").arg(printable(recipient));
                emit sent(recipient);
            } else {
                qCWarning(lcMail).noquote()
                    << QStringLiteral("mail to %1 failed: %2").arg(printable(recipient), reason);
                emit failed(recipient, reason);
            }
        },
        Qt::QueuedConnection);
    session->start();
}

void Mailer::reject(const QString &to, const QString &reason)
{
    QMetaObject::invokeMethod(
        this,
        [this, to, reason] {
            qCWarning(lcMail).noquote()
                << QStringLiteral("mail to %1 failed: %2").arg(printable(to), reason);
            emit failed(to, reason);
        },
        Qt::QueuedConnection);
}

} // namespace kocmoc::mail
