#include <security/Random.h>

#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QUuid>

// Not an alias named "random": that would clash with ::random() from <stdlib.h>.
using namespace kocmoc::security;

class TestRandom : public QObject
{
    Q_OBJECT

private slots:
    void bytesHaveTheAskedLength_data();
    void bytesHaveTheAskedLength();
    void bytesDifferBetweenCalls();
    void tokenIsUnpaddedBase64Url_data();
    void tokenIsUnpaddedBase64Url();
    void uuidIsVersion4();
    void uuidsAreUnique();
    void digitsAreOnlyDigits_data();
    void digitsAreOnlyDigits();
    void digitsUseEveryDigit();
};

void TestRandom::bytesHaveTheAskedLength_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("expected");
    QTest::newRow("negative") << -1 << 0;
    QTest::newRow("zero") << 0 << 0;
    QTest::newRow("one") << 1 << 1;
    QTest::newRow("key") << 32 << 32;
    QTest::newRow("large") << 4096 << 4096;
}

void TestRandom::bytesHaveTheAskedLength()
{
    QFETCH(int, count);
    QFETCH(int, expected);
    QCOMPARE(random::bytes(count).size(), expected);
}

void TestRandom::bytesDifferBetweenCalls()
{
    QVERIFY(random::bytes(32) != random::bytes(32));
    QVERIFY(random::bytes(32) != QByteArray(32, '\0'));
}

void TestRandom::tokenIsUnpaddedBase64Url_data()
{
    QTest::addColumn<int>("byteCount");
    QTest::addColumn<int>("chars");
    QTest::newRow("zero") << 0 << 0;
    QTest::newRow("1 byte") << 1 << 2;
    QTest::newRow("2 bytes") << 2 << 3;
    QTest::newRow("3 bytes") << 3 << 4;
    QTest::newRow("refresh token") << 32 << 43;
    QTest::newRow("64 bytes") << 64 << 86;
}

void TestRandom::tokenIsUnpaddedBase64Url()
{
    QFETCH(int, byteCount);
    QFETCH(int, chars);
    static const QRegularExpression alphabet(QStringLiteral("^[A-Za-z0-9_-]*$"));
    for (int i = 0; i < 50; ++i) {
        const QString token = random::token(byteCount);
        QCOMPARE(token.size(), chars);
        QVERIFY2(alphabet.match(token).hasMatch(), qPrintable(token));
        const auto decoded = QByteArray::fromBase64Encoding(token.toLatin1(),
            QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
        QVERIFY(decoded);
        QCOMPARE(decoded.decoded.size(), byteCount);
    }
}

void TestRandom::uuidIsVersion4()
{
    static const QRegularExpression format(
        QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
    for (int i = 0; i < 200; ++i) {
        const QString uuid = random::uuid();
        QVERIFY2(format.match(uuid).hasMatch(), qPrintable(uuid));
        const QUuid parsed(uuid);
        QCOMPARE(parsed.version(), QUuid::Random);
        QCOMPARE(parsed.variant(), QUuid::DCE);
    }
}

void TestRandom::uuidsAreUnique()
{
    QSet<QString> seen;
    for (int i = 0; i < 1000; ++i)
        seen.insert(random::uuid());
    QCOMPARE(seen.size(), 1000);
}

void TestRandom::digitsAreOnlyDigits_data()
{
    QTest::addColumn<int>("count");
    QTest::newRow("zero") << 0;
    QTest::newRow("one") << 1;
    QTest::newRow("email code") << 6;
    QTest::newRow("long") << 100;
}

void TestRandom::digitsAreOnlyDigits()
{
    QFETCH(int, count);
    static const QRegularExpression onlyDigits(QStringLiteral("^[0-9]*$"));
    for (int i = 0; i < 50; ++i) {
        const QString code = random::digits(count);
        QCOMPARE(code.size(), count);
        QVERIFY2(onlyDigits.match(code).hasMatch(), qPrintable(code));
    }
}

void TestRandom::digitsUseEveryDigit()
{
    // 10,000 uniform digits: each count is 1000 ± 30 (one sigma); ±200 only fails on a biased
    // source.
    const QString sample = random::digits(10'000);
    int counts[10] = {};
    for (const QChar c : sample)
        ++counts[c.digitValue()];
    for (int digit = 0; digit < 10; ++digit)
        QVERIFY2(counts[digit] > 800 && counts[digit] < 1200,
            qPrintable(QStringLiteral("%1 appeared %2 times").arg(digit).arg(counts[digit])));
}

QTEST_APPLESS_MAIN(TestRandom)
#include "tst_random.moc"
