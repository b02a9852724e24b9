#pragma once

#include <QByteArray>
#include <QString>

// Everything random comes from libsodium's CSPRNG.
namespace kocmoc::security::random {

QByteArray bytes(int count);
QString token(int byteCount); // base64url without padding
QString uuid(); // RFC 4122 version 4, lower-case
QString digits(int count); // each digit uniform, for email codes

} // namespace kocmoc::security::random
