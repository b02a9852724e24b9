#include "AuthService.h"

#include "repositories/EmailCodeRepository.h"
#include "repositories/InviteKeyRepository.h"
#include "repositories/LoginFailureRepository.h"
#include "repositories/SessionRepository.h"
#include "security/PasswordHasher.h"
#include "security/Random.h"

#include <kocmoc/Limits.h>
#include <kocmoc/Validation.h>

#include <QJsonArray>

namespace kocmoc {

using security::PasswordHasher;

namespace {

ApiError invalidCredentials()
{
    return ApiError{401, QStringLiteral("invalid_credentials"),
        QStringLiteral("Wrong email, username or password."), {}, 0};
}

ApiError invalidCode()
{
    return ApiError::badRequest(QStringLiteral("invalid_code"),
        QStringLiteral("The code is wrong or has expired; ask for a new one."),
        QStringLiteral("code"));
}

ApiError lockedUntil(qint64 untilMs, qint64 nowMs)
{
    return ApiError::tooManyRequests(QStringLiteral("locked"),
        QStringLiteral("Too many failed attempts. Sign-in is locked for a while."),
        int((untilMs - nowMs + 999) / 1000));
}

ApiError bannedError()
{
    return ApiError{
        403, QStringLiteral("banned"), QStringLiteral("This account has been banned."), {}, 0};
}

ApiError sessionEnded()
{
    return ApiError{401, QStringLiteral("session_revoked"),
        QStringLiteral("This session has ended; sign in again."), {}, 0};
}

QString userSubject(const QString &userId)
{
    return QStringLiteral("user:") + userId;
}

QString clipped(const QString &text, int maxChars)
{
    return text.size() > maxChars ? text.left(maxChars) : text;
}

} // namespace

QJsonObject AuthGrant::toJson() const
{
    return QJsonObject{{QStringLiteral("accessToken"), accessToken},
        {QStringLiteral("refreshToken"), refreshToken},
        {QStringLiteral("tokenType"), QStringLiteral("Bearer")},
        {QStringLiteral("expiresIn"), expiresInSeconds},
        {QStringLiteral("user"), user.ownProfileJson()}};
}

AuthService::AuthService(db::Database &database, const security::TokenService &tokens,
    const Clock &clock, Settings settings)
    : m_database(database)
    , m_tokens(tokens)
    , m_clock(clock)
    , m_settings(settings)
{ }

QString AuthService::codeHash(const QString &emailKey, const QString &code) const
{
    return QString::fromLatin1(m_tokens.keyedHash(
        (QStringLiteral("code:") + emailKey + QLatin1Char(':') + code).toUtf8()));
}

AuthGrant AuthService::grantSession(
    QSqlDatabase &db, const UserRecord &user, const ClientInfo &client)
{
    const qint64 now = m_clock.nowMs();
    const QString secret = security::random::token(32);
    SessionRecord session;
    session.id = security::random::uuid();
    session.userId = user.user.id;
    session.refreshHash = QString::fromLatin1(m_tokens.keyedHash(secret.toLatin1()));
    session.device = clipped(client.device, limits::deviceNameMaxChars);
    session.ip = client.ip;
    session.createdAtMs = now;
    session.lastUsedAtMs = now;
    session.expiresAtMs = now + limits::refreshTokenLifetimeMs;
    SessionRepository(db).insert(session);
    UserRepository(db).touchLastSeen(user.user.id, now);
    return makeGrant(user, session.id, secret, now);
}

AuthGrant AuthService::makeGrant(
    const UserRecord &user, const QString &sessionId, const QString &secret, qint64 nowMs) const
{
    AuthGrant grant;
    grant.accessToken = m_tokens.issueAccessToken({user.user.id, sessionId, user.user.accessLevel,
        nowMs, nowMs + limits::accessTokenLifetimeMs});
    grant.refreshToken = sessionId + QLatin1Char('.') + secret;
    grant.expiresInSeconds = limits::accessTokenLifetimeMs / 1000;
    grant.user = user;
    grant.user.user.lastSeenAtMs = nowMs;
    return grant;
}

ApiError AuthService::failure(QSqlDatabase &db, const QString &subject, const ApiError &wrong)
{
    const qint64 now = m_clock.nowMs();
    const qint64 until = LoginFailureRepository(db).recordFailure(subject, now,
        limits::lockoutFailures, limits::lockoutDurationMs, limits::lockoutDurationMs);
    return until > 0 ? lockedUntil(until, now) : wrong;
}

Result<AuthGrant> AuthService::registerUser(const RegisterInput &input, const ClientInfo &client)
{
    const QString displayName = validation::normalizedDisplayName(input.displayName);
    for (const auto &problem :
        {validation::checkEmail(input.email.trimmed()), validation::checkPassword(input.password),
            validation::checkUsername(input.username), validation::checkDisplayName(displayName)}) {
        if (problem)
            return *problem;
    }
    if (m_settings.inviteOnly && input.inviteKey.isEmpty())
        return ApiError{403, QStringLiteral("invite_required"),
            QStringLiteral("Registration on this server needs an invite key."),
            QStringLiteral("inviteKey"), 0};

    const ApiError emailTaken = ApiError::conflict(QStringLiteral("email_taken"),
        QStringLiteral("An account with this email already exists."), QStringLiteral("email"));
    const ApiError usernameTaken = ApiError::conflict(QStringLiteral("username_taken"),
        QStringLiteral("This username is taken."), QStringLiteral("username"));
    // Checked before hashing so a taken name costs no argon2 time; checked again by the insert.
    const auto taken = m_database.transaction([&](QSqlDatabase &db) -> std::optional<ApiError> {
        UserRepository users(db);
        if (users.emailTaken(input.email))
            return emailTaken;
        if (users.usernameTaken(input.username))
            return usernameTaken;
        return std::nullopt;
    });
    if (taken)
        return *taken;

    const QString passwordHash = PasswordHasher::hash(input.password);
    if (passwordHash.isEmpty())
        return ApiError::internal(); // argon2id could not get its memory
    return m_database.transaction([&](QSqlDatabase &db) -> Result<AuthGrant> {
        const qint64 now = m_clock.nowMs();
        if (!input.inviteKey.isEmpty()
            && !InviteKeyRepository(db).consume(
                QString::fromLatin1(m_tokens.keyedHash(input.inviteKey.toUtf8())), now))
            return ApiError::badRequest(QStringLiteral("invalid_invite_key"),
                QStringLiteral("This invite key is unknown, used up or expired."),
                QStringLiteral("inviteKey"));
        UserRepository users(db);
        const NewUser user{
            security::random::uuid(), input.email, input.username, displayName, passwordHash, now};
        if (!users.insert(user))
            return users.emailTaken(input.email) ? emailTaken : usernameTaken;
        return grantSession(db, *users.findById(user.id), client);
    });
}

Result<AuthGrant> AuthService::login(const QString &email, const QString &username,
    const QString &password, const ClientInfo &client)
{
    const bool byEmail = !email.trimmed().isEmpty();
    QString subject = QStringLiteral("login:")
        + (byEmail ? UserRepository::emailKey(email)
                   : UserRepository::usernameKey(username.trimmed()));
    const auto found
        = m_database.transaction([&](QSqlDatabase &db) -> Result<std::optional<UserRecord>> {
              UserRepository users(db);
              const auto user
                  = byEmail ? users.findByEmail(email) : users.findByUsername(username.trimmed());
              if (user)
                  subject = userSubject(user->user.id);
              const qint64 now = m_clock.nowMs();
              if (const qint64 until = LoginFailureRepository(db).lockedUntil(subject, now))
                  return lockedUntil(until, now);
              return user;
          });
    if (!found)
        return found.error();
    const std::optional<UserRecord> &user = found.value();

    // An unknown account costs the same time and gets the same answer as a wrong password.
    bool passwordMatches = false;
    if (user)
        passwordMatches = PasswordHasher::verify(user->passwordHash, password);
    else
        PasswordHasher::spendVerifyTime(password);

    return m_database.transaction([&](QSqlDatabase &db) -> Result<AuthGrant> {
        if (!passwordMatches)
            return failure(db, subject, invalidCredentials());
        LoginFailureRepository(db).clear(subject);
        if (user->banned)
            return bannedError();
        return grantSession(db, *user, client);
    });
}

Result<std::optional<mail::MailMessage>> AuthService::issueCode(
    const QString &email, const QString &purpose)
{
    if (const auto problem = validation::checkEmail(email.trimmed()))
        return *problem;
    if (purpose != QLatin1String("verify") && purpose != QLatin1String("login"))
        return ApiError::invalidField(
            QStringLiteral("purpose"), QStringLiteral("The purpose is \"verify\" or \"login\"."));
    return m_database.transaction(
        [&](QSqlDatabase &db) -> Result<std::optional<mail::MailMessage>> {
            const auto user = UserRepository(db).findByEmail(email);
            if (!user || user->banned)
                return std::optional<mail::MailMessage>();
            const qint64 now = m_clock.nowMs();
            const QString emailKey = UserRepository::emailKey(email);
            const QString code = security::random::digits(limits::codeDigits);
            EmailCodeRepository codes(db);
            codes.retireUnused(emailKey, now);
            codes.insert({security::random::uuid(), emailKey, purpose, codeHash(emailKey, code), 0,
                now, now + limits::codeLifetimeMs});
            const QString subject = purpose == QLatin1String("login")
                ? QStringLiteral("KOCMOC: код для входа / sign-in code %1").arg(code)
                : QStringLiteral("KOCMOC: код подтверждения / verification code %1").arg(code);
            const QString body
                = QStringLiteral("Ваш код: %1\nYour code: %1\n\n"
                                 "Код действует 10 минут. The code is valid for 10 minutes.\n"
                                 "Если вы его не запрашивали, просто удалите это письмо.\n"
                                 "If you did not ask for it, ignore this email.\n")
                      .arg(code);
            return std::optional<mail::MailMessage>(mail::MailMessage{user->email, subject, body});
        });
}

Result<std::optional<AuthGrant>> AuthService::verifyCode(
    const QString &email, const QString &code, const ClientInfo &client)
{
    if (const auto problem = validation::checkEmail(email.trimmed()))
        return *problem;
    const bool wellFormed = code.size() == limits::codeDigits
        && std::all_of(code.begin(), code.end(),
            [](QChar c) { return c >= QLatin1Char('0') && c <= QLatin1Char('9'); });
    return m_database.transaction([&](QSqlDatabase &db) -> Result<std::optional<AuthGrant>> {
        const qint64 now = m_clock.nowMs();
        const QString emailKey = UserRepository::emailKey(email);
        UserRepository users(db);
        const auto user = users.findByEmail(email);
        const QString subject
            = user ? userSubject(user->user.id) : QStringLiteral("login:") + emailKey;
        LoginFailureRepository failures(db);
        if (const qint64 until = failures.lockedUntil(subject, now))
            return lockedUntil(until, now);
        EmailCodeRepository codes(db);
        const auto stored = codes.latestUsable(emailKey, now);
        if (!stored || !user)
            return failure(db, subject, invalidCode());
        if (!wellFormed || codeHash(emailKey, code) != stored->codeHash) {
            // A code dies after its allowed attempts, whatever the lockout says.
            if (codes.addAttempt(stored->id) >= limits::codeMaxAttempts)
                codes.markUsed(stored->id, now);
            return failure(db, subject, invalidCode());
        }
        codes.markUsed(stored->id, now);
        failures.clear(subject);
        if (user->banned)
            return bannedError();
        users.markEmailVerified(user->user.id, now);
        if (stored->purpose != QLatin1String("login"))
            return std::optional<AuthGrant>();
        UserRecord verified = *user;
        verified.emailVerified = true;
        return std::optional<AuthGrant>(grantSession(db, verified, client));
    });
}

Result<AuthGrant> AuthService::refresh(const QString &refreshToken, const ClientInfo &client)
{
    const ApiError invalid{401, QStringLiteral("invalid_refresh_token"),
        QStringLiteral("The refresh token is not valid; sign in again."), {}, 0};
    const qsizetype dot = refreshToken.indexOf(QLatin1Char('.'));
    if (dot <= 0 || dot == refreshToken.size() - 1 || refreshToken.size() > 200)
        return invalid;
    const QString sessionId = refreshToken.left(dot);
    const QByteArray presentedHash = m_tokens.keyedHash(refreshToken.mid(dot + 1).toLatin1());

    bool ended = false;
    QString userId;
    auto grant = m_database.transaction([&](QSqlDatabase &db) -> Result<AuthGrant> {
        const qint64 now = m_clock.nowMs();
        SessionRepository sessions(db);
        const auto session = sessions.find(sessionId);
        if (!session || !session->isActive(now))
            return invalid;
        if (QString::fromLatin1(presentedHash) == session->previousRefreshHash) {
            // A rotated token used again means it leaked: end the session for both holders.
            ended = sessions.revoke(session->id, session->userId, now);
            userId = session->userId;
            return ApiError{401, QStringLiteral("refresh_token_reused"),
                QStringLiteral("This refresh token was already used; the session has been ended."),
                {}, 0};
        }
        if (QString::fromLatin1(presentedHash) != session->refreshHash)
            return invalid;
        UserRepository users(db);
        const auto user = users.findById(session->userId);
        if (!user)
            return invalid;
        if (user->banned) {
            ended = sessions.revoke(session->id, session->userId, now);
            userId = session->userId;
            return bannedError();
        }
        const QString secret = security::random::token(32);
        sessions.rotate(session->id, QString::fromLatin1(m_tokens.keyedHash(secret.toLatin1())),
            session->refreshHash, now, now + limits::refreshTokenLifetimeMs, client.ip);
        users.touchLastSeen(user->user.id, now);
        return makeGrant(*user, session->id, secret, now);
    });
    if (ended)
        announceEnded(userId, {{QStringLiteral("sessionIds"), QJsonArray{sessionId}}});
    return grant;
}

Result<security::AccessClaims> AuthService::verifyAccessToken(
    const QString &authorizationHeader) const
{
    static const QString prefix = QStringLiteral("Bearer ");
    if (!authorizationHeader.startsWith(prefix, Qt::CaseInsensitive))
        return ApiError::unauthorized(
            QStringLiteral("Send the access token as \"Authorization: Bearer <token>\"."));
    return verifyToken(authorizationHeader.mid(prefix.size()).trimmed());
}

Result<security::AccessClaims> AuthService::verifyToken(const QString &accessToken) const
{
    return m_tokens.verifyAccessToken(accessToken, m_clock.nowMs());
}

void AuthService::announceEnded(const QString &userId, const QJsonObject &which)
{
    if (m_events)
        m_events->publish(
            realtime::RealtimeEvent{QStringLiteral("session:revoked"), which, {userId}, {}});
}

void AuthService::announceAllSessionsEnded(const QString &userId)
{
    announceEnded(userId, {{QStringLiteral("allSessions"), true}});
}

Result<AuthContext> AuthService::authorize(const security::AccessClaims &claims)
{
    const SessionStanding standing = m_database.read([&](QSqlDatabase &db) {
        return SessionRepository(db).standing(claims.sessionId, claims.userId, m_clock.nowMs());
    });
    if (!standing.active)
        return sessionEnded();
    if (standing.banned)
        return bannedError();
    return AuthContext{claims.userId, claims.sessionId, standing.accessLevel};
}

Result<Done> AuthService::logout(const AuthContext &caller)
{
    m_database.transaction([&](QSqlDatabase &db) {
        SessionRepository(db).revoke(caller.sessionId, caller.userId, m_clock.nowMs());
    });
    announceEnded(caller.userId, {{QStringLiteral("sessionIds"), QJsonArray{caller.sessionId}}});
    return Done{};
}

Result<QList<Session>> AuthService::sessions(const AuthContext &caller)
{
    return m_database.read([&](QSqlDatabase &db) {
        return SessionRepository(db).listActive(caller.userId, caller.sessionId, m_clock.nowMs());
    });
}

Result<Done> AuthService::revokeSession(const AuthContext &caller, const QString &sessionId)
{
    const bool revoked = m_database.transaction([&](QSqlDatabase &db) {
        return SessionRepository(db).revoke(sessionId, caller.userId, m_clock.nowMs());
    });
    if (!revoked)
        return ApiError::notFound(QStringLiteral("There is no such session."));
    announceEnded(caller.userId, {{QStringLiteral("sessionIds"), QJsonArray{sessionId}}});
    return Done{};
}

Result<int> AuthService::revokeOtherSessions(const AuthContext &caller)
{
    const int revoked = m_database.transaction([&](QSqlDatabase &db) {
        return SessionRepository(db).revokeAllExcept(
            caller.userId, caller.sessionId, m_clock.nowMs());
    });
    announceEnded(caller.userId, {{QStringLiteral("exceptSessionId"), caller.sessionId}});
    return revoked;
}

Result<Done> AuthService::changePassword(
    const AuthContext &caller, const QString &currentPassword, const QString &newPassword)
{
    if (const auto problem = validation::checkPassword(newPassword, QStringLiteral("newPassword")))
        return *problem;
    const auto user = m_database.transaction([&](QSqlDatabase &db) -> Result<UserRecord> {
        const qint64 now = m_clock.nowMs();
        if (const qint64 until
            = LoginFailureRepository(db).lockedUntil(userSubject(caller.userId), now))
            return lockedUntil(until, now);
        const auto record = UserRepository(db).findById(caller.userId);
        if (!record)
            return sessionEnded();
        return *record;
    });
    if (!user)
        return user.error();
    if (!PasswordHasher::verify(user->passwordHash, currentPassword)) {
        return m_database.transaction([&](QSqlDatabase &db) -> Result<Done> {
            return failure(db, userSubject(caller.userId),
                ApiError::badRequest(QStringLiteral("wrong_password"),
                    QStringLiteral("The current password is wrong."),
                    QStringLiteral("currentPassword")));
        });
    }
    const QString newHash = PasswordHasher::hash(newPassword);
    if (newHash.isEmpty())
        return ApiError::internal();
    m_database.transaction([&](QSqlDatabase &db) {
        const qint64 now = m_clock.nowMs();
        UserRepository(db).updatePasswordHash(caller.userId, newHash, now);
        SessionRepository(db).revokeAllExcept(caller.userId, caller.sessionId, now);
        LoginFailureRepository(db).clear(userSubject(caller.userId));
    });
    announceEnded(caller.userId, {{QStringLiteral("exceptSessionId"), caller.sessionId}});
    return Done{};
}

QString AuthService::createInviteKey(int uses, qint64 expiresAtMs, const QString &createdBy)
{
    const QString key = security::random::token(18);
    m_database.transaction([&](QSqlDatabase &db) {
        InviteKeyRepository(db).insert(QString::fromLatin1(m_tokens.keyedHash(key.toUtf8())), uses,
            expiresAtMs, createdBy, m_clock.nowMs());
    });
    return key;
}

} // namespace kocmoc
