#include "Localization.h"

#include <QCoreApplication>

namespace {

const QString fileName = QStringLiteral("kocmoc");
const QString prefix = QStringLiteral("_");
const QString directory = QStringLiteral(":/i18n");

} // namespace

bool Localization::install(const QString &language)
{
    const QLocale wanted = language.isEmpty() ? QLocale::system() : QLocale(language);
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
    return QCoreApplication::installTranslator(&m_translator);
}
