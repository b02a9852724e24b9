#include "ErrorMessages.h"
#include "Localization.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Message
{
    QString context;
    QString source;
    bool numerus = false;
    QString type; // "unfinished", "vanished", "obsolete" or empty when done
    QStringList forms;
};

QList<Message> readTs(const QString &path, QString *language)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<Message> messages;
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("TS")) {
            *language = xml.attributes().value(QLatin1String("language")).toString();
        } else if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            message = Message{context, {},
                xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes"), {}, {}};
        } else if (name == QLatin1String("source")) {
            message.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            message.type = xml.attributes().value(QLatin1String("type")).toString();
            if (message.numerus) {
                while (xml.readNextStartElement())
                    message.forms.append(xml.readElementText());
            } else {
                message.forms.append(xml.readElementText());
            }
            messages.append(message);
        }
    }
    return xml.hasError() ? QList<Message>() : messages;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%(\\d|n)"));
    QStringList found;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        found.append(it.next().captured(0));
    found.sort();
    found.removeDuplicates();
    return found;
}

} // namespace

// The first users write Russian: every text must be translated, keep its
// placeholders, and have every plural form the language needs.
class TranslationsTest : public QObject
{
    Q_OBJECT

private slots:
    void everyMessageIsTranslated_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("pluralForms");
        QTest::newRow("ru") << QStringLiteral(KOCMOC_TRANSLATIONS_DIR "/kocmoc_ru.ts") << 3;
        QTest::newRow("en") << QStringLiteral(KOCMOC_TRANSLATIONS_DIR "/kocmoc_en.ts") << 2;
    }

    void everyMessageIsTranslated()
    {
        QFETCH(QString, path);
        QFETCH(int, pluralForms);
        QString language;
        const QList<Message> messages = readTs(path, &language);
        QVERIFY2(!messages.isEmpty(), qPrintable(path));
        QVERIFY(!language.isEmpty());
        for (const Message &message : messages) {
            const QString where = message.context + QStringLiteral(": ") + message.source;
            QVERIFY2(
                message.type.isEmpty(), qPrintable(where + QStringLiteral(" is ") + message.type));
            QCOMPARE(message.forms.size(), message.numerus ? pluralForms : 1);
            for (const QString &form : message.forms) {
                QVERIFY2(!form.trimmed().isEmpty(), qPrintable(where));
                QCOMPARE(placeholders(form), placeholders(message.source));
            }
        }
    }

    void russianIsLoadedWithItsPlurals()
    {
        Localization localization;
        QVERIFY(localization.install(QStringLiteral("ru")));
        QCOMPARE(localization.locale().language(), QLocale::Russian);

        kocmoc::ApiError locked{429, QStringLiteral("locked"), {}, {}, 0};
        locked.retryAfterSeconds = 15 * 60;
        QCOMPARE(ErrorMessages::forApiError(locked),
            QStringLiteral("Слишком много неудачных попыток. Попробуйте снова через 15 минут."));
        locked.retryAfterSeconds = 60;
        QCOMPARE(ErrorMessages::forApiError(locked),
            QStringLiteral("Слишком много неудачных попыток. Попробуйте снова через 1 минуту."));
        locked.retryAfterSeconds = 3 * 60;
        QCOMPARE(ErrorMessages::forApiError(locked),
            QStringLiteral("Слишком много неудачных попыток. Попробуйте снова через 3 минуты."));

        const kocmoc::ApiError taken{
            409, QStringLiteral("username_taken"), {}, QStringLiteral("username"), 0};
        QCOMPARE(ErrorMessages::forApiError(taken, QStringLiteral("alice")),
            QStringLiteral("Имя пользователя @alice уже занято."));
    }

    void englishResolvesPlurals()
    {
        Localization localization;
        QVERIFY(localization.install(QStringLiteral("en")));
        const kocmoc::ApiError limited{429, QStringLiteral("rate_limited"), {}, {}, 1};
        QCOMPARE(ErrorMessages::forApiError(limited),
            QStringLiteral("Too many requests. Wait 1 second and try again."));
    }
};

QTEST_GUILESS_MAIN(TranslationsTest)
#include "tst_translations.moc"
