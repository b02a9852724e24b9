#pragma once

#include "HttpRequest.h"

#include <kocmoc/Result.h>

#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace kocmoc::http {

// Reads a JSON request body field by field. The first problem is kept and
// becomes the 400 that names the field; later reads after a problem are harmless.
class JsonBody
{
public:
    // 415 when the body is not application/json, 400 "invalid_json" when it is not a JSON object.
    static Result<JsonBody> parse(const HttpRequest &request);
    explicit JsonBody(QJsonObject object)
        : m_object(std::move(object))
    { }

    QString requiredString(const QString &name);
    std::optional<QString> optionalString(const QString &name); // null counts as absent
    std::optional<bool> optionalBool(const QString &name);
    std::optional<qint64> optionalInteger(const QString &name);
    std::optional<QStringList> optionalStringList(const QString &name);
    std::optional<qint64> requiredInteger(const QString &name);
    std::optional<QStringList> requiredStringList(const QString &name);
    bool has(const QString &name) const { return m_object.contains(name); }
    bool isNull(const QString &name) const;

    const std::optional<ApiError> &error() const { return m_error; }
    const QJsonObject &object() const { return m_object; }

private:
    void fail(ApiError error);
    void failMissing(const QString &name);

    QJsonObject m_object;
    std::optional<ApiError> m_error;
};

} // namespace kocmoc::http
