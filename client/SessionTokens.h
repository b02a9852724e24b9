#pragma once

#include <QString>

// The pair the server grants on sign-in: a short-lived access token sent with
// every request, and the refresh token that buys the next one. Both live in
// memory only.
struct SessionTokens
{
    QString accessToken;
    QString refreshToken;

    bool isEmpty() const { return accessToken.isEmpty() && refreshToken.isEmpty(); }
};
