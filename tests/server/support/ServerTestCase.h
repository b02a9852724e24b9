#pragma once

#include "TestServer.h"

#include <QTest>

// Fails loudly when the PostgreSQL variant runs without the test script's cluster.
#define KOCMOC_REQUIRE_DATABASE()                                                                  \
    do {                                                                                           \
        if (kocmoc::test::usingPostgres() && kocmoc::test::postgresAdminUrl().isEmpty())           \
            QFAIL("KOCMOC_TEST_PG_URL is not set: run scripts/test.sh, which starts a private "    \
                  "PostgreSQL cluster");                                                           \
    } while (false)

#define KOCMOC_START(testServer)                                                                   \
    do {                                                                                           \
        const auto started_ = (testServer).start();                                                \
        QVERIFY2(started_.ok(), qPrintable(started_.ok() ? QString() : started_.error().message)); \
    } while (false)
