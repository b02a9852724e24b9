#include "Localization.h"

#include <QCoreApplication>

namespace {

const QString fileName = QStringLiteral("kocmoc");
const QString prefix = QStringLiteral("_");
const QString directory = QStringLiteral(":/i18n");

} // namespace

Localization::~Localization()
{
    if (m_installed)
        QCoreApplication::removeTranslator(&m_translator);
}

QLocale Localization::localeFor(const QString &language)
{
    const QLocale system = QLocale::system();
    if (language.isEmpty())
        return system;
    const QLocale wanted(language);
    return wanted.language() == system.language() ? system : wanted;
}

bool Localization::install(const QString &language)
{
    // A translator is read again only while it is not installed.
    if (m_installed) {
        QCoreApplication::removeTranslator(&m_translator);
        m_installed = false;
    }
    const QLocale wanted = localeFor(language);
    // QTranslator tries each of the locale's UI languages in order, e.g. ru-RU, then ru.
    if (m_translator.load(wanted, fileName, prefix, directory)) {
        m_locale = wanted;
    } else if (m_translator.load(QLocale(QLocale::English), fileName, prefix, directory)) {
        m_locale = QLocale(QLocale::English);
    } else {
        return false;
    }
    // Numbers and dates follow the language of the words around them.
    QLocale::setDefault(m_locale);
    m_installed = QCoreApplication::installTranslator(&m_translator);
    return m_installed;
}
