#pragma once

#include <QString>

namespace kocmoc::security {

// argon2id through libsodium with OWASP's parameters (19 MiB, 2 passes, 1 lane).
// Slow on purpose: call it on a worker thread, never on the server's event loop.
class PasswordHasher
{
public:
    // "$argon2id$v=19$m=19456,t=2,p=1$..."; empty only if the 19 MiB cannot be allocated.
    static QString hash(const QString &password);
    static bool verify(const QString &hash, const QString &password);
    // Verifies against a fixed hash, so a login for an unknown account takes as long as a real one.
    static void spendVerifyTime(const QString &password);
};

} // namespace kocmoc::security
