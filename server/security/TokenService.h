#pragma once

#include <kocmoc/Result.h>

#include <QByteArray>
#include <QString>

namespace kocmoc::security {

struct AccessClaims
{
    QString userId; // "sub"
    QString sessionId; // "sid"
    int accessLevel = 1; // "lvl"
    qint64 issuedAtMs = 0; // "iat", whole seconds on the wire
    qint64 expiresAtMs = 0; // "exp"
};

// HS256 JSON Web Tokens, and the server's keyed hash for secrets kept in the
// database (refresh tokens, email codes). Only HS256 is ever accepted.
class TokenService
{
public:
    explicit TokenService(QByteArray secret); // at least limits::minTokenSecretBytes bytes

    QString issueAccessToken(const AccessClaims &claims) const;
    // 401 "invalid_token" for anything malformed, forged or of another algorithm,
    // 401 "token_expired" past "exp"; "nbf" and "iat" in the future are invalid.
    Result<AccessClaims> verifyAccessToken(const QString &token, qint64 nowMs) const;

    QByteArray keyedHash(const QByteArray &data) const; // HMAC-SHA256 with the secret, hex

private:
    QByteArray m_secret;
};

} // namespace kocmoc::security
