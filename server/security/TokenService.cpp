#include "TokenService.h"

#include "SodiumInit.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QMessageAuthenticationCode>

#include <cmath>
#include <limits>
#include <optional>
#include <utility>

namespace kocmoc::security {

namespace {

constexpr qint64 clockSkewMs = 5'000;
constexpr qsizetype signatureBytes = 32;
// Beyond any real date; keeps the conversion to milliseconds exact and overflow-free.
constexpr double maxEpochSeconds = 1e11;
constexpr auto base64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

ApiError invalidToken()
{
    return ApiError{401, QStringLiteral("invalid_token"),
        QStringLiteral("The access token is not valid."), {}, 0};
}

ApiError expiredToken()
{
    return ApiError{401, QStringLiteral("token_expired"),
        QStringLiteral("The access token has expired; refresh it."), {}, 0};
}

bool isBase64UrlChar(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
        || c == '_';
}

// Only the canonical unpadded spelling decodes, so a token cannot be re-spelled and still pass.
std::optional<QByteArray> decodeSegment(const QByteArray &segment)
{
    for (const char c : segment) {
        if (!isBase64UrlChar(c))
            return std::nullopt;
    }
    auto result = QByteArray::fromBase64Encoding(
        segment, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!result || result.decoded.toBase64(base64Url) != segment)
        return std::nullopt;
    return std::move(result.decoded);
}

std::optional<QJsonObject> decodeObject(const QByteArray &segment)
{
    const std::optional<QByteArray> json = decodeSegment(segment);
    if (!json)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(*json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

// Anything but exactly what issueAccessToken writes is refused: no "none", no other algorithm,
// no parameters such as "crit" or "kid" that would ask for behaviour we do not have.
bool isAcceptedHeader(const QJsonObject &header)
{
    for (auto it = header.begin(); it != header.end(); ++it) {
        if (it.key() == QLatin1StringView("alg")) {
            if (!it.value().isString() || it.value().toString() != QLatin1StringView("HS256"))
                return false;
        } else if (it.key() == QLatin1StringView("typ")) {
            if (!it.value().isString() || it.value().toString() != QLatin1StringView("JWT"))
                return false;
        } else {
            return false;
        }
    }
    return header.contains(QLatin1StringView("alg"));
}

std::optional<int> toInt(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (number != std::trunc(number) || number < std::numeric_limits<int>::min()
        || number > std::numeric_limits<int>::max()) {
        return std::nullopt;
    }
    return int(number);
}

// NumericDate: seconds since the epoch, fractions allowed by RFC 7519.
std::optional<qint64> toEpochMs(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double seconds = value.toDouble();
    if (!std::isfinite(seconds) || seconds < 0 || seconds > maxEpochSeconds)
        return std::nullopt;
    return qint64(std::floor(seconds * 1000));
}

QString stringOrEmpty(const QJsonValue &value)
{
    return value.isString() ? value.toString() : QString();
}

QByteArray sign(const QByteArray &signingInput, const QByteArray &secret)
{
    return QMessageAuthenticationCode::hash(signingInput, secret, QCryptographicHash::Sha256);
}

} // namespace

TokenService::TokenService(QByteArray secret)
    : m_secret(std::move(secret))
{
    detail::ensureSodium();
}

QString TokenService::issueAccessToken(const AccessClaims &claims) const
{
    static const QByteArray header
        = QByteArrayLiteral(R"({"alg":"HS256","typ":"JWT"})").toBase64(base64Url);
    const qint64 issuedAt = claims.issuedAtMs / 1000;
    const QJsonObject payload{
        {QStringLiteral("sub"), claims.userId},
        {QStringLiteral("sid"), claims.sessionId},
        {QStringLiteral("lvl"), claims.accessLevel},
        {QStringLiteral("iat"), issuedAt},
        {QStringLiteral("nbf"), issuedAt},
        {QStringLiteral("exp"), claims.expiresAtMs / 1000},
    };
    const QByteArray signingInput
        = header + '.' + QJsonDocument(payload).toJson(QJsonDocument::Compact).toBase64(base64Url);
    return QString::fromLatin1(
        signingInput + '.' + sign(signingInput, m_secret).toBase64(base64Url));
}

Result<AccessClaims> TokenService::verifyAccessToken(const QString &token, qint64 nowMs) const
{
    // Characters outside Latin-1 become '?', which no segment accepts.
    const QByteArray raw = token.toLatin1();
    const QList<QByteArray> segments = raw.split('.');
    if (segments.size() != 3)
        return invalidToken();

    const std::optional<QJsonObject> header = decodeObject(segments[0]);
    if (!header || !isAcceptedHeader(*header))
        return invalidToken();

    const std::optional<QByteArray> signature = decodeSegment(segments[2]);
    if (!signature || signature->size() != signatureBytes)
        return invalidToken();
    const QByteArray expected = sign(segments[0] + '.' + segments[1], m_secret);
    if (sodium_memcmp(signature->constData(), expected.constData(), size_t(signatureBytes)) != 0)
        return invalidToken();

    const std::optional<QJsonObject> payload = decodeObject(segments[1]);
    if (!payload)
        return invalidToken();
    AccessClaims claims;
    claims.userId = stringOrEmpty(payload->value(QLatin1StringView("sub")));
    claims.sessionId = stringOrEmpty(payload->value(QLatin1StringView("sid")));
    const std::optional<int> level = toInt(payload->value(QLatin1StringView("lvl")));
    const std::optional<qint64> issuedAtMs = toEpochMs(payload->value(QLatin1StringView("iat")));
    const std::optional<qint64> notBeforeMs = toEpochMs(payload->value(QLatin1StringView("nbf")));
    const std::optional<qint64> expiresAtMs = toEpochMs(payload->value(QLatin1StringView("exp")));
    if (claims.userId.isEmpty() || claims.sessionId.isEmpty() || !level || !issuedAtMs
        || !notBeforeMs || !expiresAtMs) {
        return invalidToken();
    }
    if (*notBeforeMs > nowMs + clockSkewMs || *issuedAtMs > nowMs + clockSkewMs)
        return invalidToken();
    if (*expiresAtMs <= nowMs)
        return expiredToken();

    claims.accessLevel = *level;
    claims.issuedAtMs = *issuedAtMs;
    claims.expiresAtMs = *expiresAtMs;
    return claims;
}

QByteArray TokenService::keyedHash(const QByteArray &data) const
{
    return sign(data, m_secret).toHex();
}

} // namespace kocmoc::security
