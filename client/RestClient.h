#pragma once

#include "RestResponse.h"
#include "SessionTokens.h"

#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>

// Talks JSON to the KOCMOC REST API on the thread it lives on (the GUI thread):
// every call returns at once and its handler runs when the answer is in.
// It holds the session's tokens, signs requests that need them, and when the
// server says an access token has expired, refreshes it once and repeats the
// request, so callers never see token_expired. A session resumed from the
// keychain starts with a refresh token only: the first call renews it.
class RestClient : public QObject
{
    Q_OBJECT

public:
    enum class Auth { None, Bearer };
    using Handler = std::function<void(const RestResponse &)>;

    explicit RestClient(QObject *parent = nullptr);

    QUrl baseUrl() const { return m_baseUrl; }
    void setBaseUrl(const QUrl &url) { m_baseUrl = url; }
    // The server's URL with path ("/api/…", maybe with a query) appended.
    static QUrl urlFor(const QUrl &server, const QString &path);

    bool hasSession() const { return !m_tokens.isEmpty(); }
    QString accessToken() const { return m_tokens.accessToken; }
    void startSession(const SessionTokens &tokens);
    // Forgets the tokens; answers still on their way are delivered but cannot renew them.
    void endSession();
    // Trades the refresh token for new tokens now (before the access token expires, or
    // after the realtime connection was refused). Does nothing while a renewal is under way.
    void renewNow();
    bool renewing() const { return m_renewing; }

    // The handler runs only while context lives. body is sent as JSON unless it is undefined.
    void send(const QByteArray &method, const QString &path, const QJsonValue &body, Auth auth,
        QObject *context, Handler handler);

    // For what JSON calls cannot do (tus uploads): the request's own headers and raw body,
    // the answer's headers, upload progress. Signed with the current access token but not
    // renewed here: on token_expired the caller calls renewNow() and tries again. The reply
    // belongs to the network manager and is deleted after finished, so it completes even
    // when the caller is gone (the DELETE of a cancelled upload).
    QNetworkReply *sendRaw(const QByteArray &method, const QString &path,
        const QList<std::pair<QByteArray, QByteArray>> &headers, const QByteArray &body, Auth auth);

signals:
    // The server no longer accepts this session (signed out elsewhere, revoked,
    // banned, refresh refused): only signing in again helps.
    void sessionLost(const kocmoc::ApiError &reason);
    // New tokens replaced the old ones; the refresh token rotated with them.
    void tokensRenewed(const SessionTokens &tokens);
    // A renewal got no usable answer (no connection, a server fault): the session may
    // still be good, so it is kept and the next call or renewNow() tries again.
    void renewalFailed();

private:
    struct Call
    {
        QByteArray method;
        QString path;
        QJsonValue body;
        Auth auth = Auth::None;
        bool renewed = false; // already repeated after a refresh
        quint64 sessionGeneration = 0; // of the session whose token it carried
        QString sentToken;
        QPointer<QObject> context;
        Handler handler;
    };

    // A call that met token_expired, with that answer for when no renewal can follow.
    struct ExpiredCall
    {
        Call call;
        RestResponse answer;
    };

    void dispatch(Call call);
    void finish(Call call, const RestResponse &response);
    static void deliver(const Call &call, const RestResponse &response);
    void renewSession();
    void loseSession(const kocmoc::ApiError &reason);
    QNetworkRequest request(const QString &path, Auth auth) const;

    QNetworkAccessManager m_network;
    QUrl m_baseUrl;
    SessionTokens m_tokens;
    // Bumped whenever the session changes, so that an answer for an older
    // session cannot touch the new one.
    quint64 m_sessionGeneration = 0;
    bool m_renewing = false;
    QList<ExpiredCall> m_waitingForRenewal;
};
