#include "PasswordHasher.h"

#include "Random.h"
#include "SodiumInit.h"

#include <QByteArray>

#include <cstring>

namespace kocmoc::security {

namespace {

constexpr unsigned long long opsLimit = 2;
constexpr size_t memLimit = 19 * 1024 * 1024;

bool verifyUtf8(const QByteArray &hash, const QByteArray &password)
{
    detail::ensureSodium();
    if (hash.isEmpty() || hash.size() >= qsizetype(crypto_pwhash_STRBYTES) || hash.contains('\0'))
        return false;
    // libsodium's prototype takes a buffer of crypto_pwhash_STRBYTES, so never hand it a shorter
    // one.
    char stored[crypto_pwhash_STRBYTES] = {};
    std::memcpy(stored, hash.constData(), size_t(hash.size()));
    return crypto_pwhash_str_verify(
               stored, password.constData(), static_cast<unsigned long long>(password.size()))
        == 0;
}

} // namespace

QString PasswordHasher::hash(const QString &password)
{
    detail::ensureSodium();
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES] = {};
    if (crypto_pwhash_str_alg(out, utf8.constData(), static_cast<unsigned long long>(utf8.size()),
            opsLimit, memLimit, crypto_pwhash_ALG_ARGON2ID13)
        != 0) {
        return {}; // only when the 19 MiB cannot be allocated
    }
    return QString::fromLatin1(out);
}

bool PasswordHasher::verify(const QString &hash, const QString &password)
{
    return verifyUtf8(hash.toLatin1(), password.toUtf8());
}

void PasswordHasher::spendVerifyTime(const QString &password)
{
    // A random password nobody knows, hashed with the same parameters as real accounts.
    static const QByteArray dummyHash = hash(random::token(32)).toLatin1();
    verifyUtf8(dummyHash, password.toUtf8());
}

} // namespace kocmoc::security
