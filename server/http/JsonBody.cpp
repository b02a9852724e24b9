#include "JsonBody.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>

namespace kocmoc::http {

namespace {

ApiError wrongType(const QString &name, const QString &expected)
{
    return ApiError::badRequest(QStringLiteral("invalid_type"),
        QStringLiteral("The field '%1' must be %2.").arg(name, expected), name);
}

} // namespace

Result<JsonBody> JsonBody::parse(const HttpRequest &request)
{
    const QByteArray contentType
        = request.header("content-type").split(';').first().trimmed().toLower();
    if (contentType != "application/json")
        return ApiError{415, QStringLiteral("unsupported_media_type"),
            QStringLiteral("Send the body as application/json."), {}, 0};
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return ApiError::badRequest(QStringLiteral("invalid_json"),
            QStringLiteral("The body is not valid JSON (%1 at offset %2).")
                .arg(parseError.errorString())
                .arg(parseError.offset));
    if (!document.isObject())
        return ApiError::badRequest(
            QStringLiteral("invalid_json"), QStringLiteral("The body must be a JSON object."));
    return JsonBody(document.object());
}

void JsonBody::fail(ApiError error)
{
    if (!m_error)
        m_error = std::move(error);
}

bool JsonBody::isNull(const QString &name) const
{
    return m_object.contains(name) && m_object.value(name).isNull();
}

void JsonBody::failMissing(const QString &name)
{
    fail(ApiError::badRequest(QStringLiteral("missing_field"),
        QStringLiteral("The field '%1' is required.").arg(name), name));
}

std::optional<qint64> JsonBody::requiredInteger(const QString &name)
{
    const auto value = optionalInteger(name);
    if (!value && !m_error)
        failMissing(name);
    return value;
}

std::optional<QStringList> JsonBody::requiredStringList(const QString &name)
{
    const auto value = optionalStringList(name);
    if (!value && !m_error)
        failMissing(name);
    return value;
}

QString JsonBody::requiredString(const QString &name)
{
    const QJsonValue value = m_object.value(name);
    if (value.isUndefined() || value.isNull()) {
        failMissing(name);
        return {};
    }
    if (!value.isString()) {
        fail(wrongType(name, QStringLiteral("a string")));
        return {};
    }
    return value.toString();
}

std::optional<QString> JsonBody::optionalString(const QString &name)
{
    const QJsonValue value = m_object.value(name);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isString()) {
        fail(wrongType(name, QStringLiteral("a string")));
        return std::nullopt;
    }
    return value.toString();
}

std::optional<bool> JsonBody::optionalBool(const QString &name)
{
    const QJsonValue value = m_object.value(name);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isBool()) {
        fail(wrongType(name, QStringLiteral("true or false")));
        return std::nullopt;
    }
    return value.toBool();
}

std::optional<qint64> JsonBody::optionalInteger(const QString &name)
{
    const QJsonValue value = m_object.value(name);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    const double number = value.toDouble(std::nan(""));
    // Integers beyond 2^53 lose precision in a double, so they are refused rather than rounded.
    if (!value.isDouble() || std::trunc(number) != number
        || std::abs(number) > 9007199254740991.0) {
        fail(wrongType(name, QStringLiteral("an integer")));
        return std::nullopt;
    }
    return qint64(number);
}

std::optional<QStringList> JsonBody::optionalStringList(const QString &name)
{
    const QJsonValue value = m_object.value(name);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isArray()) {
        fail(wrongType(name, QStringLiteral("an array of strings")));
        return std::nullopt;
    }
    QStringList list;
    for (const QJsonValue item : value.toArray()) {
        if (!item.isString()) {
            fail(wrongType(name, QStringLiteral("an array of strings")));
            return std::nullopt;
        }
        list.append(item.toString());
    }
    return list;
}

} // namespace kocmoc::http
