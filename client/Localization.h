#pragma once

#include <QLocale>
#include <QString>
#include <QTranslator>

// The language of the UI: the best match among the shipped translations for
// the language asked for, or for the system's preferred languages.
// English is the fallback and is loaded like any other translation, because
// the source texts carry plural placeholders ("%n minute(s)") that only a
// translation resolves.
class Localization
{
public:
    static QStringList shippedLanguages() { return {QStringLiteral("en"), QStringLiteral("ru")}; }

    ~Localization();

    // language is "ru", "en" or empty for the system's choice. May be called again
    // to switch languages while the app runs (then retranslate the QML engines);
    // the installed translation lives as long as this object.
    bool install(const QString &language);
    QLocale locale() const { return m_locale; }

    // The locale for dates and numbers shown in that language: the system's own
    // when it speaks the language (it keeps the region: 24-hour clocks, date order),
    // else the language's usual one.
    static QLocale localeFor(const QString &language);

private:
    QTranslator m_translator;
    QLocale m_locale;
    bool m_installed = false;
};
