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

    // language is "ru", "en" or empty for the system's choice. Call before any
    // text is shown; the installed translation lives as long as this object.
    bool install(const QString &language);
    QLocale locale() const { return m_locale; }

private:
    QTranslator m_translator;
    QLocale m_locale;
};
