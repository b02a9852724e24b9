#include "ErrorMessages.h"

#include <kocmoc/Limits.h>
#include <kocmoc/Validation.h>

namespace {

bool is(const QString &code, const char *expected)
{
    return code == QLatin1String(expected);
}

QString hostOf(const QUrl &server)
{
    return server.port() > 0 ? QStringLiteral("%1:%2").arg(server.host()).arg(server.port())
                             : server.host();
}

} // namespace

QString ErrorMessages::forResponse(
    const RestResponse &response, const QUrl &server, const QString &fieldValue)
{
    if (!response.reachedServer())
        return forNetworkError(response.networkError, server);
    return forApiError(response.error, fieldValue);
}

QString ErrorMessages::sessionEnded()
{
    return tr("Your session has ended. Please sign in again.");
}

QString ErrorMessages::unreadableAnswer()
{
    return tr(
        "The server sent an answer this app does not understand. Is the server address right?");
}

QString ErrorMessages::forApiError(const kocmoc::ApiError &error, const QString &fieldValue)
{
    const QString &code = error.code;
    if (is(code, "invalid_field") || is(code, "missing_field"))
        return forField(error, fieldValue);
    if (is(code, "invalid_credentials"))
        return tr("Wrong username, email or password.");
    if (is(code, "locked")) {
        if (error.retryAfterSeconds <= 0)
            return tr("Too many failed attempts. Try again later.");
        const int minutes = (error.retryAfterSeconds + 59) / 60;
        return tr("Too many failed attempts. Try again in %n minute(s).", nullptr, minutes);
    }
    if (is(code, "rate_limited")) {
        if (error.retryAfterSeconds > 60)
            return tr("Too many requests. Wait %n minute(s) and try again.", nullptr,
                (error.retryAfterSeconds + 59) / 60);
        return tr("Too many requests. Wait %n second(s) and try again.", nullptr,
            qMax(1, error.retryAfterSeconds));
    }
    if (is(code, "email_taken"))
        return tr("An account with this email already exists.");
    if (is(code, "username_taken"))
        return fieldValue.isEmpty() ? tr("This username is already taken.")
                                    : tr("The username @%1 is already taken.").arg(fieldValue);
    if (is(code, "banned"))
        return tr("This account has been blocked.");
    if (is(code, "session_revoked") || is(code, "invalid_refresh_token")
        || is(code, "refresh_token_reused") || is(code, "token_expired")
        || is(code, "invalid_token") || is(code, "unauthorized"))
        return sessionEnded();
    if (is(code, "invite_required"))
        return tr("Registration on this server is by invitation only.");
    if (is(code, "invalid_invite_key"))
        return tr("This invite key is unknown, used up or expired.");
    if (is(code, "last_owner"))
        return tr("You are the group's only owner. Make someone else an owner first, or delete "
                  "the group.");
    if (is(code, "forbidden"))
        return tr("Only the group's owners and admins can do that.");
    if (is(code, "message_deleted"))
        return tr("This message has been deleted.");
    if (error.status == 503)
        return tr("The server is temporarily unavailable. Please try again in a moment.");
    if (error.status >= 500)
        return tr("Something went wrong on the server. Please try again later.");
    if (code.isEmpty())
        return tr("Unexpected answer from the server (HTTP %1).").arg(error.status);
    // A code this version does not know yet: the server's own words beat saying nothing.
    return error.message.isEmpty() ? tr("The request failed (%1).").arg(code) : error.message;
}

QString ErrorMessages::forField(const kocmoc::ApiError &error, const QString &value)
{
    using namespace kocmoc;
    const QString &field = error.field;
    const int length = validation::codePointCount(value);
    if (field == QLatin1String("email")) {
        if (value.isEmpty())
            return tr("Enter your email address.");
        if (value.size() > limits::emailMaxChars)
            return tr("This email address is too long.");
        return tr("This does not look like an email address.");
    }
    if (field == QLatin1String("password")) {
        if (value.isEmpty())
            return tr("Enter your password.");
        if (length > limits::passwordMaxChars)
            return tr(
                "A password can have at most %n character(s).", nullptr, limits::passwordMaxChars);
        return tr("A password needs at least %n character(s).", nullptr, limits::passwordMinChars);
    }
    if (field == QLatin1String("username")) {
        if (value.isEmpty())
            return tr("Enter a username.");
        if (value.size() < limits::usernameMinChars || value.size() > limits::usernameMaxChars)
            return tr("A username has %1 to %2 characters.")
                .arg(limits::usernameMinChars)
                .arg(limits::usernameMaxChars);
        return tr("A username can only have Latin letters, digits and underscores.");
    }
    if (field == QLatin1String("displayName")) {
        if (value.trimmed().isEmpty())
            return tr("Enter your name.");
        if (length > limits::displayNameMaxChars)
            return tr(
                "A name can have at most %n character(s).", nullptr, limits::displayNameMaxChars);
        return tr("The name has characters that are not allowed.");
    }
    return error.message.isEmpty() ? tr("Check the field “%1”.").arg(field) : error.message;
}

QString ErrorMessages::forNetworkError(QNetworkReply::NetworkError error, const QUrl &server)
{
    const QString host = hostOf(server);
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
        return tr("Cannot connect to %1. Is the server running?").arg(host);
    case QNetworkReply::HostNotFoundError:
        return tr("Server %1 was not found. Check the address.").arg(host);
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
        return tr("The server did not answer in time. Check your connection and try again.");
    case QNetworkReply::RemoteHostClosedError:
        return tr("The server closed the connection. Please try again.");
    case QNetworkReply::SslHandshakeFailedError:
        return tr("A secure connection to %1 could not be established.").arg(host);
    default:
        return tr("Cannot reach %1. Check your internet connection.").arg(host);
    }
}
