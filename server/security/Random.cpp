#include "Random.h"

#include "SodiumInit.h"

namespace kocmoc::security::random {

QByteArray bytes(int count)
{
    if (count <= 0)
        return {};
    detail::ensureSodium();
    QByteArray out(count, Qt::Uninitialized);
    randombytes_buf(out.data(), size_t(count));
    return out;
}

QString token(int byteCount)
{
    return QString::fromLatin1(
        bytes(byteCount).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString uuid()
{
    QByteArray raw = bytes(16);
    raw[6] = char((raw[6] & 0x0f) | 0x40); // version 4
    raw[8] = char((raw[8] & 0x3f) | 0x80); // RFC 4122 variant
    const QByteArray hex = raw.toHex();
    QString out;
    out.reserve(36);
    out += QLatin1StringView(hex.mid(0, 8));
    out += QLatin1Char('-');
    out += QLatin1StringView(hex.mid(8, 4));
    out += QLatin1Char('-');
    out += QLatin1StringView(hex.mid(12, 4));
    out += QLatin1Char('-');
    out += QLatin1StringView(hex.mid(16, 4));
    out += QLatin1Char('-');
    out += QLatin1StringView(hex.mid(20, 12));
    return out;
}

QString digits(int count)
{
    if (count <= 0)
        return {};
    detail::ensureSodium();
    QString out(count, Qt::Uninitialized);
    for (int i = 0; i < count; ++i)
        out[i] = QLatin1Char(char('0' + randombytes_uniform(10)));
    return out;
}

} // namespace kocmoc::security::random
