#pragma once

#include <QString>

// The pair the server grants on sign-in: a short-lived access token sent with
// every request, and the refresh token that buys the next one. The access token
// lives in memory only; the refresh token is also kept in the keychain
// (TokenStore) so that a restart resumes the session.
struct SessionTokens
{
    QString accessToken;
    QString refreshToken;
    int expiresInSeconds = 0; // of the access token, as the grant said; 0: unknown

    bool isEmpty() const { return accessToken.isEmpty() && refreshToken.isEmpty(); }
};
