#include <security/PasswordHasher.h>

#include <QElapsedTimer>
#include <QTest>

#include <limits>

using kocmoc::security::PasswordHasher;

class TestPasswordHasher : public QObject
{
    Q_OBJECT

private slots:
    void hashUsesOwaspArgon2idParameters();
    void samePasswordGetsDifferentSalts();
    void verifiesOnlyTheRightPassword_data();
    void verifiesOnlyTheRightPassword();
    void malformedHashesNeverVerify_data();
    void malformedHashesNeverVerify();
    void unknownAccountsCostAVerification();
};

void TestPasswordHasher::hashUsesOwaspArgon2idParameters()
{
    const QString hash = PasswordHasher::hash(QStringLiteral("correct horse battery staple"));
    QVERIFY2(
        hash.startsWith(QLatin1StringView("$argon2id$v=19$m=19456,t=2,p=1$")), qPrintable(hash));
}

void TestPasswordHasher::samePasswordGetsDifferentSalts()
{
    const QString password = QStringLiteral("same password twice");
    const QString first = PasswordHasher::hash(password);
    const QString second = PasswordHasher::hash(password);
    QVERIFY(first != second);
    QVERIFY(PasswordHasher::verify(first, password));
    QVERIFY(PasswordHasher::verify(second, password));
}

void TestPasswordHasher::verifiesOnlyTheRightPassword_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("attempt");
    QTest::addColumn<bool>("accepted");

    const QString latin = QStringLiteral("Tr0ub4dor&3");
    const QString cyrillic = QStringLiteral("пароль-Космос-2024");
    QTest::newRow("right") << latin << latin << true;
    QTest::newRow("wrong") << latin << QStringLiteral("Tr0ub4dor&4") << false;
    QTest::newRow("other case") << latin << latin.toUpper() << false;
    QTest::newRow("empty") << latin << QString() << false;
    QTest::newRow("prefix") << latin << latin.left(latin.size() - 1) << false;
    QTest::newRow("cyrillic right") << cyrillic << cyrillic << true;
    QTest::newRow("cyrillic wrong case")
        << cyrillic << QStringLiteral("ПАРОЛЬ-Космос-2024") << false;
    // Latin "o" in place of Cyrillic "о": looks the same, is another password.
    QTest::newRow("cyrillic homoglyph")
        << cyrillic << QString(cyrillic).replace(QChar(0x043E), QLatin1Char('o')) << false;
}

void TestPasswordHasher::verifiesOnlyTheRightPassword()
{
    QFETCH(QString, password);
    QFETCH(QString, attempt);
    QFETCH(bool, accepted);
    const QString hash = PasswordHasher::hash(password);
    QCOMPARE(PasswordHasher::verify(hash, attempt), accepted);
}

void TestPasswordHasher::malformedHashesNeverVerify_data()
{
    QTest::addColumn<QString>("hash");

    const QString good = PasswordHasher::hash(QStringLiteral("password"));
    QTest::newRow("empty") << QString();
    QTest::newRow("garbage") << QStringLiteral("not a hash at all");
    QTest::newRow("prefix only") << QStringLiteral("$argon2id$v=19$m=19456,t=2,p=1$");
    QTest::newRow("truncated") << good.left(good.size() - 5);
    QTest::newRow("cleartext password") << QStringLiteral("password");
    QTest::newRow("too long") << good + QString(200, QLatin1Char('A'));
    QTest::newRow("embedded nul") << good + QChar(u'\0') + QStringLiteral("tail");
    QTest::newRow("non latin1") << good.left(good.size() - 1) + QStringLiteral("ж");
}

void TestPasswordHasher::malformedHashesNeverVerify()
{
    QFETCH(QString, hash);
    QVERIFY(!PasswordHasher::verify(hash, QStringLiteral("password")));
}

void TestPasswordHasher::unknownAccountsCostAVerification()
{
    const QString password = QStringLiteral("some password");
    const QString hash = PasswordHasher::hash(password);
    PasswordHasher::spendVerifyTime(password); // computes the dummy hash once

    // Best of three with loose bounds: the point is that a real argon2id verification runs.
    qint64 realMs = std::numeric_limits<qint64>::max();
    qint64 dummyMs = std::numeric_limits<qint64>::max();
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer timer;
        timer.start();
        QVERIFY(PasswordHasher::verify(hash, password));
        realMs = qMin(realMs, timer.restart());
        PasswordHasher::spendVerifyTime(password);
        dummyMs = qMin(dummyMs, timer.elapsed());
    }
    QVERIFY2(
        dummyMs * 4 >= realMs, qPrintable(QStringLiteral("%1 vs %2 ms").arg(dummyMs).arg(realMs)));
}

QTEST_APPLESS_MAIN(TestPasswordHasher)
#include "tst_passwordhasher.moc"
