#pragma once

#include "RestClient.h"
#include "TokenStore.h"
#include "UserProfile.h"

#include <kocmoc/ApiError.h>

#include <QObject>
#include <QString>
#include <QTimer>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

// The signed-in state of the app and the account operations on it, as QML sees
// them. One instance lives as long as the window; pages get it as a required
// property, so a test can hand them one pointed at any server.
//
// Every operation returns at once; progress shows in busy, the outcome in
// signedIn/currentUser or in errorMessage. Input is checked with the rules the
// server uses (kocmoc::validation) before anything is sent.
//
// The session outlives the app: the refresh token and the profile go to the
// keychain (TokenStore), and restoreSession() resumes them at the next start,
// signed in at once, even without a network, so the cached chats can show.
// The access token is renewed before it expires and whenever the server says it
// has; a session the server ended (signed out elsewhere, revoked, banned) signs
// out here with a message.
class ApiClient : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QUrl serverUrl READ serverUrl WRITE setServerUrl NOTIFY serverUrlChanged)
    Q_PROPERTY(bool signedIn READ signedIn NOTIFY signedInChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    // True while restoreSession() reads the keychain, so the UI can wait before it
    // shows the sign-in form.
    Q_PROPERTY(bool restoring READ restoring NOTIFY restoringChanged)
    Q_PROPERTY(UserProfile currentUser READ currentUser NOTIFY currentUserChanged)
    // Readable and localised; empty when the last operation went well.
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorChanged)
    // The parameter of the failed call the error is about ("identifier",
    // "email", "password", "username", "displayName"), or empty when it is
    // about the whole request, so a form can show it under the right field.
    Q_PROPERTY(QString errorField READ errorField NOTIFY errorChanged)

public:
    explicit ApiClient(QObject *parent = nullptr);

    static QUrl defaultServerUrl() { return QUrl(QStringLiteral("http://localhost:8080")); }

    QUrl serverUrl() const { return m_rest.baseUrl(); }
    // Changing servers signs out: the tokens belong to the old one.
    void setServerUrl(const QUrl &url);
    bool signedIn() const { return m_currentUser.isValid(); }
    bool busy() const { return m_pendingOperations > 0; }
    UserProfile currentUser() const { return m_currentUser; }
    QString errorMessage() const { return m_errorMessage; }
    QString errorField() const { return m_errorField; }
    bool restoring() const { return m_restoring; }
    // For the C++ side only (realtime, media): QML has no use for the token.
    QString accessToken() const { return m_rest.accessToken(); }
    RestClient &rest() { return m_rest; }
    TokenStore &tokenStore() { return m_tokenStore; }

    // A file's URL as the server gives it (relative and signed: an avatar, a photo)
    // made absolute, for an Image; empty for an empty path.
    Q_INVOKABLE QUrl fileUrl(const QString &path) const;

    // Resumes the session kept from the last run, if there is one for this server.
    Q_INVOKABLE void restoreSession();
    // The server ended this session (the realtime event session:revoked): signs out
    // with the same message as a refused token.
    void endRevokedSession();
    // Renews the access token now, e.g. when the realtime connection refused it.
    void renewAccessToken() { m_rest.renewNow(); }

    // identifier is an email when it holds '@', a username otherwise.
    Q_INVOKABLE void login(const QString &identifier, const QString &password);
    Q_INVOKABLE void registerAccount(const QString &email, const QString &password,
        const QString &username, const QString &displayName);
    // Ends the session on the server, then here; here even when the server cannot be reached.
    Q_INVOKABLE void logout();
    Q_INVOKABLE void refreshProfile();
    // PATCH /api/users/me with any of displayName, bio, emojiStatus, avatarFileId
    // (docs/api.md, Users): on success currentUser (and the kept profile) becomes the
    // server's answer. done gets the answer either way, for the caller's own message;
    // errorMessage stays as it is.
    void updateProfile(const QJsonObject &changes, QObject *context, RestClient::Handler done);
    Q_INVOKABLE void clearError();

signals:
    void serverUrlChanged();
    void signedInChanged();
    void busyChanged();
    void restoringChanged();
    // A new access token (sign-in, renewal): realtime reconnects with it.
    void accessTokenChanged();
    void currentUserChanged();
    void errorChanged();

private:
    void call(const QByteArray &method, const QString &path, const QJsonValue &body,
        RestClient::Auth auth, RestClient::Handler handler);
    void startSession(const RestResponse &grant);
    void forgetSession();
    void setCurrentUser(const UserProfile &user);
    void keepSession(const SessionTokens &tokens);
    void scheduleRenewal(int expiresInSeconds);
    void setRestoring(bool restoring);
    void setError(const QString &message, const QString &field = {});
    void refuse(const kocmoc::ApiError &problem, const QString &value, const QString &field);
    void showFailure(const RestResponse &response, const QString &fieldValue, const QString &field);

    RestClient m_rest;
    TokenStore m_tokenStore;
    SessionTokens m_keptTokens; // what keepSession() last saved, to save a new profile with
    QTimer m_renewalTimer;
    bool m_restoring = false;
    UserProfile m_currentUser;
    int m_pendingOperations = 0;
    bool m_signingOut = false;
    QString m_errorMessage;
    QString m_errorField;
};
