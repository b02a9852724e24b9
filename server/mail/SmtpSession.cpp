#include "SmtpSession.h"

#include "MailLog.h"
#include "MessageFormat.h"

#include <QHostAddress>
#include <QSslSocket>
#include <QSysInfo>
#include <QTcpSocket>
#include <QUrl>

#include <algorithm>

namespace kocmoc::mail {

namespace {

// RFC 5321 allows 512 octets per reply line; the slack tolerates chatty servers while
// a hostile one still cannot make us buffer without bound.
constexpr qsizetype maxReplyLineLength = 4096;
constexpr qsizetype maxReplyLines = 256;
constexpr qsizetype maxQuotedReplyLength = 300;

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

} // namespace

SmtpSession::SmtpSession(const SmtpSettings &settings, const QByteArray &from, const QByteArray &to,
    const QByteArray &message, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_from(from)
    , m_to(to)
    , m_message(message)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(m_settings.timeoutMs);
    connect(&m_timer, &QTimer::timeout, this, &SmtpSession::onTimeout);
}

SmtpSession::~SmtpSession()
{
    // The socket, a child, outlives this destructor: its last signals must not reach us.
    if (m_socket)
        m_socket->disconnect(this);
}

void SmtpSession::start()
{
    if (QSslSocket::supportsSsl()) {
        auto *ssl = new QSslSocket(this);
        connect(ssl, &QSslSocket::encrypted, this, &SmtpSession::onEncrypted);
        connect(ssl, &QSslSocket::encryptedBytesWritten, this, &SmtpSession::onProgress);
        connect(ssl, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
            QStringList texts;
            for (const QSslError &error : errors)
                texts.append(error.errorString());
            m_tlsErrors = texts.join(QStringLiteral("; "));
        });
        m_socket = ssl;
    } else if (m_settings.implicitTls) {
        fail(QStringLiteral("smtps:// needs TLS, and this Qt has no TLS backend"));
        return;
    } else {
        m_socket = new QTcpSocket(this);
    }
    connect(m_socket, &QAbstractSocket::connected, this, &SmtpSession::onProgress);
    connect(m_socket, &QAbstractSocket::bytesWritten, this, &SmtpSession::onProgress);
    connect(m_socket, &QAbstractSocket::readyRead, this, &SmtpSession::onReadyRead);
    connect(m_socket, &QAbstractSocket::errorOccurred, this, &SmtpSession::onSocketError);
    connect(m_socket, &QAbstractSocket::disconnected, this, &SmtpSession::onDisconnected);

    m_state = State::Greeting;
    m_timer.start();
    if (m_settings.implicitTls)
        static_cast<QSslSocket *>(m_socket)->connectToHostEncrypted(
            m_settings.host, m_settings.port);
    else
        m_socket->connectToHost(m_settings.host, m_settings.port);
}

void SmtpSession::onProgress()
{
    if (m_state != State::Closed)
        m_timer.start();
}

void SmtpSession::onReadyRead()
{
    if (m_state == State::Closed)
        return;
    m_timer.start();
    m_buffer += m_socket->readAll();
    while (m_state != State::Closed) {
        const qsizetype newline = m_buffer.indexOf('\n');
        if (newline < 0) {
            if (m_buffer.size() > maxReplyLineLength)
                fail(QStringLiteral("the server sent a reply line that is too long"));
            return;
        }
        QByteArray line = m_buffer.left(newline);
        m_buffer.remove(0, newline + 1);
        if (line.endsWith('\r'))
            line.chop(1);

        const bool wellFormed = line.size() >= 3 && line.size() <= maxReplyLineLength
            && isDigit(line[0]) && isDigit(line[1]) && isDigit(line[2])
            && (line.size() == 3 || line[3] == ' ' || line[3] == '-');
        const int code = wellFormed ? line.left(3).toInt() : 0;
        if (!wellFormed || (!m_replyLines.isEmpty() && code != m_replyCode)
            || m_replyLines.size() >= maxReplyLines) {
            fail(QStringLiteral("malformed reply from the server: %1")
                     .arg(printable(QString::fromUtf8(line.left(maxQuotedReplyLength)))));
            return;
        }
        m_replyCode = code;
        m_replyLines.append(line.mid(4));
        if (line.size() > 3 && line[3] == '-')
            continue;

        handleReply(code, std::exchange(m_replyLines, {}));
        if (m_state == State::Handshake) {
            // Anything sent before the handshake would be read as if it came over TLS
            // (the STARTTLS command injection attack), so it ends the session.
            if (!m_buffer.isEmpty()) {
                fail(QStringLiteral("the server sent data after its STARTTLS reply"));
                return;
            }
            static_cast<QSslSocket *>(m_socket)->startClientEncryption();
            return;
        }
    }
}

void SmtpSession::handleReply(int code, const QByteArrayList &lines)
{
    switch (m_state) {
    case State::Greeting:
        if (code != 220)
            return expectFailed(code, lines, QStringLiteral("greeting"));
        return sendEhlo();
    case State::Ehlo:
        if (code == 250)
            return afterHello(lines.mid(1));
        // An old server that does not know EHLO; after STARTTLS it must know it.
        if (code >= 500 && !m_triedHelo && !isEncrypted()) {
            m_triedHelo = true;
            return send(State::Helo, "HELO " + helloName());
        }
        return expectFailed(code, lines, QStringLiteral("EHLO"));
    case State::Helo:
        if (code != 250)
            return expectFailed(code, lines, QStringLiteral("HELO"));
        return afterHello({});
    case State::StartTls:
        if (code != 220)
            return expectFailed(code, lines, QStringLiteral("STARTTLS"));
        m_state = State::Handshake;
        return;
    case State::AuthPlain:
    case State::AuthLoginPassword:
        if (code != 235)
            return expectFailed(code, lines, QStringLiteral("authentication"));
        return sendMailFrom();
    case State::AuthLogin:
        if (code != 334)
            return expectFailed(code, lines, QStringLiteral("AUTH LOGIN"));
        return send(State::AuthLoginUser, m_settings.user.toUtf8().toBase64());
    case State::AuthLoginUser:
        if (code != 334)
            return expectFailed(code, lines, QStringLiteral("authentication"));
        return send(State::AuthLoginPassword, m_settings.password.toUtf8().toBase64());
    case State::MailFrom:
        if (code != 250)
            return expectFailed(code, lines, QStringLiteral("MAIL FROM"));
        return send(State::RcptTo, "RCPT TO:<" + m_to + '>');
    case State::RcptTo:
        if (code != 250 && code != 251)
            return expectFailed(code, lines, QStringLiteral("RCPT TO"));
        return send(State::Data, "DATA");
    case State::Data:
        if (code != 354)
            return expectFailed(code, lines, QStringLiteral("DATA"));
        m_state = State::Body;
        m_socket->write(dataSection(m_message));
        return;
    case State::Body:
        if (code != 250)
            return expectFailed(code, lines, QStringLiteral("message"));
        return succeed();
    case State::Quit:
        return close();
    case State::Handshake:
    case State::Closed:
        return fail(QStringLiteral("unexpected reply from the server"));
    }
}

void SmtpSession::sendEhlo()
{
    send(State::Ehlo, "EHLO " + helloName());
}

void SmtpSession::afterHello(const QByteArrayList &capabilities)
{
    bool startTls = false;
    QByteArrayList mechanisms;
    for (const QByteArray &capability : capabilities) {
        const QByteArray upper = capability.simplified().toUpper();
        if (upper == "STARTTLS")
            startTls = true;
        else if (upper.startsWith("AUTH ") || upper.startsWith("AUTH=")) // "AUTH=" is pre-RFC 4954
            mechanisms += upper.mid(5).split(' ');
    }

    if (startTls && !m_settings.implicitTls && !isEncrypted()) {
        if (qobject_cast<QSslSocket *>(m_socket))
            return send(State::StartTls, "STARTTLS");
        qCWarning(lcMail) << "the SMTP server offers STARTTLS, but this Qt has no TLS backend;"
                          << "continuing without TLS";
    }

    if (m_settings.user.isEmpty())
        return sendMailFrom();
    const bool plain = mechanisms.contains("PLAIN");
    if (!plain && !mechanisms.contains("LOGIN")) {
        if (mechanisms.isEmpty())
            return fail(QStringLiteral(
                "the SMTP URL has a user name, but the server offers no authentication"));
        return fail(QStringLiteral(
            "the server offers no supported authentication mechanism (PLAIN, LOGIN), only %1")
                        .arg(printable(QString::fromLatin1(mechanisms.join(' ')))));
    }
    if (!isEncrypted())
        qCWarning(lcMail).noquote()
            << QStringLiteral("sending SMTP credentials to %1 without TLS").arg(m_settings.host);
    if (!plain)
        return send(State::AuthLogin, "AUTH LOGIN");
    const QByteArray token = '\0' + m_settings.user.toUtf8() + '\0' + m_settings.password.toUtf8();
    send(State::AuthPlain, "AUTH PLAIN " + token.toBase64());
}

void SmtpSession::sendMailFrom()
{
    send(State::MailFrom, "MAIL FROM:<" + m_from + '>');
}

void SmtpSession::send(State next, const QByteArray &command)
{
    m_state = next;
    m_socket->write(command + "\r\n");
}

void SmtpSession::expectFailed(int code, const QByteArrayList &lines, const QString &step)
{
    const QString text = QString::fromUtf8(lines.join(' ')).left(maxQuotedReplyLength);
    fail(
        QStringLiteral("%1 refused by the server: %2 %3").arg(step).arg(code).arg(printable(text)));
}

void SmtpSession::onEncrypted()
{
    // smtps:// is encrypted before the greeting; only STARTTLS waits here.
    if (m_state == State::Handshake)
        sendEhlo();
}

void SmtpSession::onSocketError()
{
    if (m_finished || m_state == State::Closed)
        return close();
    const auto error = m_socket->error();
    QString reason = m_socket->errorString();
    if (!m_tlsErrors.isEmpty())
        reason = QStringLiteral("TLS handshake failed: %1").arg(m_tlsErrors);
    else if (error == QAbstractSocket::SslHandshakeFailedError
        || error == QAbstractSocket::SslInternalError
        || error == QAbstractSocket::SslInvalidUserDataError)
        reason = QStringLiteral("TLS error: %1").arg(reason);
    fail(QStringLiteral("%1:%2: %3").arg(m_settings.host).arg(m_settings.port).arg(reason));
}

void SmtpSession::onDisconnected()
{
    if (m_finished)
        return close();
    fail(QStringLiteral("%1:%2: the server closed the connection")
             .arg(m_settings.host)
             .arg(m_settings.port));
}

void SmtpSession::onTimeout()
{
    if (m_finished)
        return close();
    fail(QStringLiteral("%1:%2: no progress for %3 ms while waiting for %4")
             .arg(m_settings.host)
             .arg(m_settings.port)
             .arg(m_settings.timeoutMs)
             .arg(awaited()));
}

void SmtpSession::fail(const QString &reason)
{
    if (!m_finished) {
        m_finished = true;
        emit finished(false, redacted(reason));
    }
    close();
}

void SmtpSession::succeed()
{
    m_finished = true;
    emit finished(true, QString());
    send(State::Quit, "QUIT");
}

void SmtpSession::close()
{
    if (m_state == State::Closed)
        return;
    m_state = State::Closed;
    m_timer.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
    deleteLater();
}

QString SmtpSession::redacted(const QString &text) const
{
    const QString &password = m_settings.password;
    if (password.isEmpty())
        return text;
    const QByteArray utf8 = password.toUtf8();
    const QString forms[] = {
        password,
        printable(password),
        QString::fromLatin1(utf8.toBase64()),
        QString::fromLatin1(('\0' + m_settings.user.toUtf8() + '\0' + utf8).toBase64()),
        QString::fromLatin1(QUrl::toPercentEncoding(password)),
    };
    QString out = text;
    for (const QString &form : forms)
        out.replace(form, QStringLiteral("***"));
    return out;
}

QByteArray SmtpSession::helloName() const
{
    // EHLO wants a fully qualified name; without one, the address literal is the honest answer.
    const QByteArray name = QUrl::toAce(QSysInfo::machineHostName());
    const bool qualified = name.contains('.') && !name.startsWith('.') && !name.endsWith('.')
        && std::all_of(name.begin(), name.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '-'
                   || c == '.';
           });
    if (qualified)
        return name;
    QHostAddress local = m_socket->localAddress();
    local.setScopeId(QString());
    if (local.protocol() == QAbstractSocket::IPv6Protocol)
        return "[IPv6:" + local.toString().toLatin1() + ']';
    return '[' + local.toString().toLatin1() + ']';
}

QString SmtpSession::awaited() const
{
    switch (m_state) {
    case State::Greeting:
        return m_socket->state() == QAbstractSocket::ConnectedState
            ? QStringLiteral("the greeting")
            : QStringLiteral("the connection");
    case State::Ehlo:
        return QStringLiteral("the EHLO reply");
    case State::Helo:
        return QStringLiteral("the HELO reply");
    case State::StartTls:
        return QStringLiteral("the STARTTLS reply");
    case State::Handshake:
        return QStringLiteral("the TLS handshake");
    case State::AuthPlain:
    case State::AuthLogin:
    case State::AuthLoginUser:
    case State::AuthLoginPassword:
        return QStringLiteral("the authentication reply");
    case State::MailFrom:
        return QStringLiteral("the MAIL FROM reply");
    case State::RcptTo:
        return QStringLiteral("the RCPT TO reply");
    case State::Data:
        return QStringLiteral("the DATA reply");
    case State::Body:
        return QStringLiteral("the reply to the message");
    case State::Quit:
    case State::Closed:
        break;
    }
    return QStringLiteral("the server");
}

bool SmtpSession::isEncrypted() const
{
    const auto *ssl = qobject_cast<const QSslSocket *>(m_socket);
    return ssl && ssl->isEncrypted();
}

} // namespace kocmoc::mail
