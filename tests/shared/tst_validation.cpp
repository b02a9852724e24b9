#include <kocmoc/Validation.h>

#include <QTest>

using namespace kocmoc;

class ValidationTest : public QObject
{
    Q_OBJECT

private slots:
    void emails_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << "anna@example.org" << true;
        QTest::newRow("cyrillic domain") << "иван@почта.рф" << true;
        QTest::newRow("plus tag") << "a+b@mail.example.com" << true;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("no at") << "anna.example.org" << false;
        QTest::newRow("two ats") << "a@b@example.org" << false;
        QTest::newRow("no dot in domain") << "anna@localhost" << false;
        QTest::newRow("trailing dot") << "anna@example.org." << false;
        QTest::newRow("space") << "an na@example.org" << false;
        QTest::newRow("newline injection") << "anna@example.org\nBcc: x@y.z" << false;
        QTest::newRow("too long") << QString(250, QLatin1Char('a')) + "@x.org" << false;
    }

    void emails()
    {
        QFETCH(QString, email);
        QFETCH(bool, valid);
        const auto problem = validation::checkEmail(email);
        QCOMPARE(!problem.has_value(), valid);
        if (problem)
            QCOMPARE(problem->field, QStringLiteral("email"));
    }

    void passwordsCountCharactersNotBytes()
    {
        QVERIFY(validation::checkPassword(QStringLiteral("1234567")).has_value());
        QVERIFY(!validation::checkPassword(QStringLiteral("12345678")).has_value());
        // Eight Cyrillic letters are 16 UTF-8 bytes but eight characters.
        QVERIFY(!validation::checkPassword(QStringLiteral("абвгдеёж")).has_value());
        // Seven emoji are fourteen UTF-16 units but seven characters: too short.
        QVERIFY(validation::checkPassword(QStringLiteral("🚀🚀🚀🚀🚀🚀🚀")).has_value());
        QVERIFY(!validation::checkPassword(QString(128, QLatin1Char('x'))).has_value());
        QVERIFY(validation::checkPassword(QString(129, QLatin1Char('x'))).has_value());
        QCOMPARE(validation::checkPassword(QStringLiteral("short"), QStringLiteral("newPassword"))
                     ->field,
            QStringLiteral("newPassword"));
    }

    void usernames_data()
    {
        QTest::addColumn<QString>("username");
        QTest::addColumn<bool>("valid");
        QTest::newRow("letters digits underscore") << "Anna_2026" << true;
        QTest::newRow("three") << "abc" << true;
        QTest::newRow("thirty-two") << QString(32, QLatin1Char('a')) << true;
        QTest::newRow("two") << "ab" << false;
        QTest::newRow("thirty-three") << QString(33, QLatin1Char('a')) << false;
        QTest::newRow("cyrillic look-alike") << "аnna" << false; // the first letter is Cyrillic
        QTest::newRow("dot") << "anna.k" << false;
        QTest::newRow("space") << "an na" << false;
    }

    void usernames()
    {
        QFETCH(QString, username);
        QFETCH(bool, valid);
        QCOMPARE(!validation::checkUsername(username).has_value(), valid);
    }

    void displayNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("cyrillic") << "Макар Иванов" << true;
        QTest::newRow("emoji") << "Anna 🚀" << true;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("right-to-left override") << "abc\u202Etxt.exe" << false;
        QTest::newRow("isolate") << "abc\u2066x" << false;
        QTest::newRow("bell") << "a\u0007" << false;
        QTest::newRow("newline") << "a\nb" << false;
        QTest::newRow("sixty-four") << QString(64, QLatin1Char('n')) << true;
        QTest::newRow("sixty-five") << QString(65, QLatin1Char('n')) << false;
    }

    void displayNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QCOMPARE(!validation::checkDisplayName(validation::normalizedDisplayName(name)).has_value(),
            valid);
    }

    void normalisation()
    {
        QCOMPARE(validation::normalizedDisplayName(QStringLiteral("  \u0415\u0308ж ")),
            QStringLiteral("\u0401ж"));
        QCOMPARE(validation::normalizedEmail(QStringLiteral(" Anna@Example.ORG ")),
            QStringLiteral("anna@example.org"));
        QCOMPARE(validation::foldedForSearch(QStringLiteral("МАКАР")), QStringLiteral("макар"));
    }

    void emojiStatus()
    {
        QVERIFY(!validation::checkEmojiStatus(QStringLiteral("🚀")).has_value());
        QVERIFY(!validation::checkEmojiStatus(QStringLiteral("👩‍💻")).has_value());
        QVERIFY(!validation::checkEmojiStatus(QString()).has_value());
        QVERIFY(validation::checkEmojiStatus(QStringLiteral("busy")).has_value());
        QVERIFY(validation::checkEmojiStatus(QStringLiteral("🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀")).has_value());
    }
};

QTEST_APPLESS_MAIN(ValidationTest)
#include "tst_validation.moc"
