#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QObject>
#include <QString>
#include <QTimer>

class QTcpSocket;

namespace kocmoc::mail {

struct SmtpSettings
{
    QString host;
    quint16 port = 25;
    bool implicitTls = false; // smtps://
    QString user; // empty: no AUTH
    QString password;
    int timeoutMs = 30000;
};

// One message over one connection, driven by socket signals; deletes itself once it
// is over. Emits finished exactly once; the reason never holds the password.
class SmtpSession : public QObject
{
    Q_OBJECT
public:
    SmtpSession(const SmtpSettings &settings, const QByteArray &from, const QByteArray &to,
        const QByteArray &message, QObject *parent);
    ~SmtpSession() override;

    void start();

signals:
    void finished(bool ok, const QString &reason);

private:
    enum class State {
        Greeting,
        Ehlo,
        Helo,
        StartTls,
        Handshake,
        AuthPlain,
        AuthLogin,
        AuthLoginUser,
        AuthLoginPassword,
        MailFrom,
        RcptTo,
        Data,
        Body,
        Quit,
        Closed,
    };

    void onReadyRead();
    void onEncrypted();
    void onSocketError();
    void onDisconnected();
    void onTimeout();
    void onProgress();

    void handleReply(int code, const QByteArrayList &lines);
    void sendEhlo();
    void afterHello(const QByteArrayList &capabilities);
    void sendMailFrom();
    void send(State next, const QByteArray &command);
    void expectFailed(int code, const QByteArrayList &lines, const QString &step);

    void fail(const QString &reason);
    void succeed();
    void close();
    QString redacted(const QString &text) const;
    QByteArray helloName() const;
    QString awaited() const; // for the timeout message
    bool isEncrypted() const;

    SmtpSettings m_settings;
    QByteArray m_from;
    QByteArray m_to;
    QByteArray m_message;
    QTcpSocket *m_socket = nullptr;
    QTimer m_timer;
    QByteArray m_buffer;
    QByteArrayList m_replyLines;
    int m_replyCode = 0;
    QString m_tlsErrors;
    State m_state = State::Greeting;
    bool m_finished = false;
    bool m_triedHelo = false;
};

} // namespace kocmoc::mail
