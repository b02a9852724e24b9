#pragma once

#include <QJsonObject>
#include <QString>

namespace kocmoc {

// The error body of the wire contract:
// {"error": {"code": "snake_case", "message": "readable text", "field": "name"}}
struct ApiError
{
    int status = 500;
    QString code;
    QString message;
    QString field; // only when one field is at fault
    int retryAfterSeconds = 0; // sent as Retry-After when > 0

    QJsonObject toJson() const;
    static ApiError fromJson(int status, const QJsonObject &body);

    static ApiError badRequest(
        const QString &code, const QString &message, const QString &field = {});
    static ApiError invalidField(const QString &field, const QString &message);
    static ApiError unauthorized(const QString &message = QStringLiteral("Sign in first."));
    static ApiError forbidden(const QString &message);
    static ApiError notFound(const QString &message = QStringLiteral("Not found."));
    static ApiError conflict(
        const QString &code, const QString &message, const QString &field = {});
    static ApiError tooManyRequests(
        const QString &code, const QString &message, int retryAfterSeconds);
    static ApiError unavailable(const QString &code, const QString &message, int retryAfterSeconds);
    static ApiError internal();
};

} // namespace kocmoc
