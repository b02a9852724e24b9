#include <security/RateLimiter.h>

#include <QTest>

using kocmoc::security::RateLimiter;

namespace {

// A multiple of every window below, so each test starts at the beginning of a window.
constexpr qint64 t0 = 1'700'006'400'000;

} // namespace

class TestRateLimiter : public QObject
{
    Q_OBJECT

private slots:
    void allowsTheLimitThenRefuses_data();
    void allowsTheLimitThenRefuses();
    void retryAfterIsExact_data();
    void retryAfterIsExact();
    void fullQuotaAfterTheWindowPasses();
    void noDoubleBurstAtTheWindowEdge();
    void previousWindowFades();
    void keysAreIndependent();
    void limitZeroNeverRefuses();
    void pruneDropsOnlyPastKeys();
};

void TestRateLimiter::allowsTheLimitThenRefuses_data()
{
    QTest::addColumn<int>("limit");
    QTest::addColumn<qint64>("windowMs");
    QTest::newRow("1 per second") << 1 << qint64(1'000);
    QTest::newRow("5 per minute") << 5 << qint64(60'000);
    QTest::newRow("100 per hour") << 100 << qint64(3'600'000);
}

void TestRateLimiter::allowsTheLimitThenRefuses()
{
    QFETCH(int, limit);
    QFETCH(qint64, windowMs);
    RateLimiter limiter;
    const RateLimiter::Rule rule{limit, windowMs};
    for (int i = 0; i < limit; ++i)
        QCOMPARE(limiter.hit(QStringLiteral("ip:1"), rule, t0 + i), 0);
    const int retryAfter = limiter.hit(QStringLiteral("ip:1"), rule, t0 + limit);
    QVERIFY(retryAfter >= 1);
    // Never more than two windows: by then both counted windows are gone.
    QVERIFY(retryAfter <= 2 * windowMs / 1000);
}

void TestRateLimiter::retryAfterIsExact_data()
{
    QTest::addColumn<int>("limit");
    QTest::addColumn<qint64>("windowMs");
    QTest::addColumn<qint64>("firstHitOffsetMs");
    QTest::addColumn<qint64>("spacingMs");
    QTest::newRow("burst at window start") << 3 << qint64(60'000) << qint64(0) << qint64(0);
    QTest::newRow("burst mid window") << 3 << qint64(60'000) << qint64(30'000) << qint64(0);
    QTest::newRow("burst at window end") << 10 << qint64(60'000) << qint64(59'900) << qint64(1);
    QTest::newRow("spread over a window") << 10 << qint64(60'000) << qint64(0) << qint64(6'500);
    QTest::newRow("one per hour") << 1 << qint64(3'600'000) << qint64(1'234'567) << qint64(0);
}

// Retry-After seconds later a hit is allowed, one second earlier it is not.
void TestRateLimiter::retryAfterIsExact()
{
    QFETCH(int, limit);
    QFETCH(qint64, windowMs);
    QFETCH(qint64, firstHitOffsetMs);
    QFETCH(qint64, spacingMs);
    RateLimiter limiter;
    const RateLimiter::Rule rule{limit, windowMs};
    const QString key = QStringLiteral("login:alice");
    qint64 now = t0 + firstHitOffsetMs;
    for (int i = 0; i < limit; ++i) {
        QCOMPARE(limiter.hit(key, rule, now), 0);
        now += spacingMs;
    }
    const int retryAfter = limiter.hit(key, rule, now);
    QVERIFY(retryAfter >= 1);
    QVERIFY(retryAfter <= 2 * windowMs / 1000);

    // Refused hits are not counted, so hammering does not push the answer further away.
    for (qint64 step = 0; step < qint64(retryAfter - 1) * 1000; step += 250) {
        const int again = limiter.hit(key, rule, now + step);
        QVERIFY(again > 0);
        QVERIFY(again <= retryAfter - step / 1000);
    }
    QVERIFY(limiter.hit(key, rule, now + qint64(retryAfter - 1) * 1000) > 0);
    QCOMPARE(limiter.hit(key, rule, now + qint64(retryAfter) * 1000), 0);
}

void TestRateLimiter::fullQuotaAfterTheWindowPasses()
{
    RateLimiter limiter;
    const RateLimiter::Rule rule{5, 60'000};
    const QString key = QStringLiteral("ip:1");
    for (int i = 0; i < 5; ++i)
        QCOMPARE(limiter.hit(key, rule, t0), 0);
    QVERIFY(limiter.hit(key, rule, t0) > 0);
    // Two windows on, nothing from the burst is weighted any more.
    for (int i = 0; i < 5; ++i)
        QCOMPARE(limiter.hit(key, rule, t0 + 120'000), 0);
    QVERIFY(limiter.hit(key, rule, t0 + 120'000) > 0);
    // And much later, too.
    QCOMPARE(limiter.hit(key, rule, t0 + 24 * 3'600'000), 0);
}

void TestRateLimiter::noDoubleBurstAtTheWindowEdge()
{
    // A fixed-window counter would allow 10 hits at 59.9 s and 10 more at 60 s.
    RateLimiter limiter;
    const RateLimiter::Rule rule{10, 60'000};
    const QString key = QStringLiteral("ip:1");
    for (int i = 0; i < 10; ++i)
        QCOMPARE(limiter.hit(key, rule, t0 + 59'900), 0);
    QVERIFY(limiter.hit(key, rule, t0 + 60'000) > 0);
    QVERIFY(limiter.hit(key, rule, t0 + 60'100) > 0);
}

void TestRateLimiter::previousWindowFades()
{
    RateLimiter limiter;
    const RateLimiter::Rule rule{10, 60'000};
    const QString key = QStringLiteral("ip:1");
    for (int i = 0; i < 10; ++i)
        QCOMPARE(limiter.hit(key, rule, t0 + 59'000), 0);
    // Halfway into the next window the 10 earlier hits weigh 5: five more fit, the sixth does not.
    for (int i = 0; i < 5; ++i)
        QCOMPARE(limiter.hit(key, rule, t0 + 90'000), 0);
    QVERIFY(limiter.hit(key, rule, t0 + 90'000) > 0);
}

void TestRateLimiter::keysAreIndependent()
{
    RateLimiter limiter;
    const RateLimiter::Rule rule{2, 60'000};
    QCOMPARE(limiter.hit(QStringLiteral("ip:1"), rule, t0), 0);
    QCOMPARE(limiter.hit(QStringLiteral("ip:1"), rule, t0), 0);
    QVERIFY(limiter.hit(QStringLiteral("ip:1"), rule, t0) > 0);
    QCOMPARE(limiter.hit(QStringLiteral("ip:2"), rule, t0), 0);
    QCOMPARE(limiter.hit(QStringLiteral("ip:2"), rule, t0), 0);
    QVERIFY(limiter.hit(QStringLiteral("ip:2"), rule, t0) > 0);
    QCOMPARE(limiter.hit(QStringLiteral("IP:1"), rule, t0), 0);
    QCOMPARE(limiter.size(), 3);
}

void TestRateLimiter::limitZeroNeverRefuses()
{
    RateLimiter limiter;
    const RateLimiter::Rule off{0, 60'000};
    for (int i = 0; i < 10'000; ++i)
        QCOMPARE(limiter.hit(QStringLiteral("ip:1"), off, t0), 0);
}

void TestRateLimiter::pruneDropsOnlyPastKeys()
{
    RateLimiter limiter;
    const RateLimiter::Rule minute{1, 60'000};
    const RateLimiter::Rule hour{1, 3'600'000};
    limiter.hit(QStringLiteral("old"), minute, t0);
    limiter.hit(QStringLiteral("recent"), minute, t0 + 90'000);
    limiter.hit(QStringLiteral("hourly"), hour, t0);
    QCOMPARE(limiter.size(), 3);

    limiter.prune(t0 + 60'000); // "old" still weighs as the previous window
    QCOMPARE(limiter.size(), 3);
    limiter.prune(t0 + 120'000);
    QCOMPARE(limiter.size(), 2);
    QCOMPARE(limiter.hit(QStringLiteral("old"), minute, t0 + 120'000), 0);
    QVERIFY(limiter.hit(QStringLiteral("recent"), minute, t0 + 120'000) > 0);

    limiter.prune(t0 + 2 * 3'600'000);
    QCOMPARE(limiter.size(), 0);
}

QTEST_APPLESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
