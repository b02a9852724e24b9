#include "Preferences.h"

#include <QQmlEngine>
#include <QScopedValueRollback>
#include <QSettings>

#include <memory>

namespace {

const QString themeKey = QStringLiteral("appearance/theme");
const QString neonKey = QStringLiteral("appearance/neon");
const QString languageKey = QStringLiteral("language");
const QString notificationsKey = QStringLiteral("notifications/enabled");

std::unique_ptr<QSettings> openSettings(const QString &file)
{
    return file.isEmpty() ? std::make_unique<QSettings>()
                          : std::make_unique<QSettings>(file, QSettings::IniFormat);
}

} // namespace

Preferences::Preferences(const QString &settingsFile, QObject *parent)
    : QObject(parent)
    , m_settingsFile(settingsFile)
{
    load();
}

Preferences::~Preferences() = default;

Preferences *Preferences::create(QQmlEngine *engine, QJSEngine *)
{
    if (s_provided) {
        // The app's own object: it outlives the engine, which must not delete it.
        QJSEngine::setObjectOwnership(s_provided, QJSEngine::CppOwnership);
        s_provided->addEngine(engine);
        return s_provided;
    }
    auto *preferences = new Preferences(QString());
    preferences->addEngine(engine);
    return preferences;
}

void Preferences::addEngine(QQmlEngine *engine)
{
    if (engine && !m_engines.contains(engine))
        m_engines.append(engine);
}

QString Preferences::validTheme(const QString &theme)
{
    return theme == QLatin1String("light") || theme == QLatin1String("dark") ? theme : QString();
}

QString Preferences::validLanguage(const QString &language)
{
    return Localization::shippedLanguages().contains(language) ? language : QString();
}

void Preferences::load()
{
    const auto settings = openSettings(m_settingsFile);
    // Anything unexpected in the file (an older version, a hand edit) means "the default".
    m_theme = validTheme(settings->value(themeKey).toString());
    m_neon = settings->value(neonKey, false).toBool();
    m_language = validLanguage(settings->value(languageKey).toString());
    m_notifications = settings->value(notificationsKey, true).toBool();
}

void Preferences::save(const QString &key, const QVariant &value)
{
    if (!m_persist)
        return;
    const auto settings = openSettings(m_settingsFile);
    settings->setValue(key, value);
    settings->sync();
}

void Preferences::setTheme(const QString &theme)
{
    const QString valid = validTheme(theme);
    if (valid == m_theme)
        return;
    m_theme = valid;
    save(themeKey, m_theme);
    emit themeChanged();
}

void Preferences::setNeon(bool neon)
{
    if (neon == m_neon)
        return;
    m_neon = neon;
    save(neonKey, m_neon);
    emit neonChanged();
}

void Preferences::setLanguage(const QString &language)
{
    const QString valid = validLanguage(language);
    if (valid == m_language)
        return;
    m_language = valid;
    save(languageKey, m_language);
    emit languageChanged();
    applyLanguage();
}

void Preferences::setNotifications(bool enabled)
{
    if (enabled == m_notifications)
        return;
    m_notifications = enabled;
    save(notificationsKey, m_notifications);
    emit notificationsChanged();
}

QString Preferences::localeName() const
{
    // The default locale is the one the installed translation set.
    return QLocale().name();
}

void Preferences::applyForThisRun(
    const QString &theme, std::optional<bool> neon, const QString &language)
{
    const QScopedValueRollback<bool> dontSave(m_persist, false);
    if (!theme.isEmpty())
        setTheme(theme);
    if (neon)
        setNeon(*neon);
    if (!language.isEmpty()) {
        const QString valid = validLanguage(language);
        if (valid != m_language) {
            m_language = valid;
            emit languageChanged();
        }
    }
}

bool Preferences::applyLanguage()
{
    const bool installed = m_localization.install(m_language);
    for (const QPointer<QQmlEngine> &engine : std::as_const(m_engines)) {
        if (engine)
            engine->retranslate();
    }
    emit localeChanged();
    return installed;
}
