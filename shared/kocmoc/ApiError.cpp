#include "ApiError.h"

namespace kocmoc {

QJsonObject ApiError::toJson() const
{
    QJsonObject error{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
    if (!field.isEmpty())
        error.insert(QStringLiteral("field"), field);
    return QJsonObject{{QStringLiteral("error"), error}};
}

ApiError ApiError::fromJson(int status, const QJsonObject &body)
{
    const QJsonObject error = body.value(QStringLiteral("error")).toObject();
    return ApiError{status, error.value(QStringLiteral("code")).toString(),
        error.value(QStringLiteral("message")).toString(),
        error.value(QStringLiteral("field")).toString(), 0};
}

ApiError ApiError::badRequest(const QString &code, const QString &message, const QString &field)
{
    return ApiError{400, code, message, field, 0};
}

ApiError ApiError::invalidField(const QString &field, const QString &message)
{
    return ApiError{400, QStringLiteral("invalid_field"), message, field, 0};
}

ApiError ApiError::unauthorized(const QString &message)
{
    return ApiError{401, QStringLiteral("unauthorized"), message, {}, 0};
}

ApiError ApiError::forbidden(const QString &message)
{
    return ApiError{403, QStringLiteral("forbidden"), message, {}, 0};
}

ApiError ApiError::notFound(const QString &message)
{
    return ApiError{404, QStringLiteral("not_found"), message, {}, 0};
}

ApiError ApiError::conflict(const QString &code, const QString &message, const QString &field)
{
    return ApiError{409, code, message, field, 0};
}

ApiError ApiError::tooManyRequests(
    const QString &code, const QString &message, int retryAfterSeconds)
{
    return ApiError{429, code, message, {}, qMax(1, retryAfterSeconds)};
}

ApiError ApiError::unavailable(const QString &code, const QString &message, int retryAfterSeconds)
{
    return ApiError{503, code, message, {}, qMax(1, retryAfterSeconds)};
}

ApiError ApiError::internal()
{
    return ApiError{500, QStringLiteral("internal_error"),
        QStringLiteral("Something went wrong on the server."), {}, 0};
}

} // namespace kocmoc
