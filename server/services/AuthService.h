#pragma once

#include "app/Clock.h"
#include "db/Database.h"
#include "mail/Mailer.h"
#include "realtime/EventBus.h"
#include "repositories/UserRepository.h"
#include "security/TokenService.h"

#include <kocmoc/Result.h>
#include <kocmoc/Session.h>

#include <QJsonObject>

#include <optional>

namespace kocmoc {

// Who is calling: the client's address and device, recorded on their session.
struct ClientInfo
{
    QString ip;
    QString device;
};

// The caller of an authenticated request, checked against the database.
struct AuthContext
{
    QString userId;
    QString sessionId;
    int accessLevel = 1;
};

// What sign-up and sign-in give a client: {accessToken, refreshToken, expiresIn, user}.
struct AuthGrant
{
    QString accessToken;
    QString refreshToken;
    qint64 expiresInSeconds = 0;
    UserRecord user;

    QJsonObject toJson() const;
};

struct RegisterInput
{
    QString email;
    QString password;
    QString username;
    QString displayName;
    QString inviteKey; // empty: none given
};

// The rules of accounts and sessions (API.md, Auth). Every method but
// verifyAccessToken does SQL or hashing: call it on a worker thread.
class AuthService
{
public:
    struct Settings
    {
        bool inviteOnly = false;
    };

    AuthService(db::Database &database, const security::TokenService &tokens, const Clock &clock,
        Settings settings);

    Result<AuthGrant> registerUser(const RegisterInput &input, const ClientInfo &client);
    Result<AuthGrant> login(const QString &email, const QString &username, const QString &password,
        const ClientInfo &client);
    // A code to mail, or nothing when the email has no account (the caller answers 202 either way).
    Result<std::optional<mail::MailMessage>> issueCode(
        const QString &email, const QString &purpose);
    // For "login": a grant; for "verify": an empty grant (the email is now verified).
    Result<std::optional<AuthGrant>> verifyCode(
        const QString &email, const QString &code, const ClientInfo &client);
    Result<AuthGrant> refresh(const QString &refreshToken, const ClientInfo &client);

    // Cheap and without SQL: runs on the server thread before a job is queued.
    Result<security::AccessClaims> verifyAccessToken(const QString &authorizationHeader) const;
    Result<security::AccessClaims> verifyToken(const QString &accessToken) const;
    // Where ended sessions are announced ("session:revoked"), so their sockets close at once.
    void setEventBus(realtime::EventBus *events) { m_events = events; }
    // The session still stands and the user is not banned: a revoked session stops at once.
    Result<AuthContext> authorize(const security::AccessClaims &claims);

    Result<Done> logout(const AuthContext &caller);
    Result<QList<Session>> sessions(const AuthContext &caller);
    Result<Done> revokeSession(const AuthContext &caller, const QString &sessionId);
    Result<int> revokeOtherSessions(const AuthContext &caller);
    Result<Done> changePassword(
        const AuthContext &caller, const QString &currentPassword, const QString &newPassword);

    QString createInviteKey(int uses, qint64 expiresAtMs, const QString &createdBy);
    // After every session of the user was revoked (a ban): their sockets close at once.
    void announceAllSessionsEnded(const QString &userId);

private:
    AuthGrant grantSession(QSqlDatabase &db, const UserRecord &user, const ClientInfo &client);
    AuthGrant makeGrant(const UserRecord &user, const QString &sessionId, const QString &secret,
        qint64 nowMs) const;
    QString codeHash(const QString &emailKey, const QString &code) const;
    // Counts a wrong password or code; the answer is `wrong`, or 429 "locked" when this failure
    // locks.
    ApiError failure(QSqlDatabase &db, const QString &subject, const ApiError &wrong);
    // {"sessionIds": [...]} ends those sessions; {"exceptSessionId": id} all of the user's but that
    // one.
    void announceEnded(const QString &userId, const QJsonObject &which);

    db::Database &m_database;
    const security::TokenService &m_tokens;
    const Clock &m_clock;
    Settings m_settings;
    realtime::EventBus *m_events = nullptr;
};

} // namespace kocmoc
