#pragma once

#include <QtGlobal>

#include <sodium.h>

namespace kocmoc::security::detail {

// libsodium is unsafe to use before sodium_init(); the static runs it once, thread-safely.
inline void ensureSodium()
{
    static const bool ready = [] {
        if (sodium_init() < 0)
            qFatal("libsodium could not be initialised");
        return true;
    }();
    Q_UNUSED(ready);
}

} // namespace kocmoc::security::detail
