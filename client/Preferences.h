#pragma once

#include "Localization.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QtQml/qqmlregistration.h>

#include <optional>

class QQmlEngine;
class QJSEngine;
class QSettings;

// What a person chose for the app, remembered across runs in the settings file:
// the colour scheme, the neon glow, the interface language and whether new
// messages raise desktop notifications. Theme.qml and Formats.qml read it;
// the settings dialog and the sidebar's switches write it.
//
// Changing the language switches the texts of the running app: the new
// translation is installed and every QML engine that uses this object
// retranslates its bindings.
class Preferences : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    // "light", "dark", or empty to follow the system's palette.
    Q_PROPERTY(QString theme READ theme WRITE setTheme NOTIFY themeChanged)
    Q_PROPERTY(bool neon READ neon WRITE setNeon NOTIFY neonChanged)
    // "ru", "en", or empty for the system's language.
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    // The locale dates and numbers are written in (Formats.qml), e.g. "ru_RU".
    Q_PROPERTY(QString localeName READ localeName NOTIFY localeChanged)
    Q_PROPERTY(
        bool notifications READ notifications WRITE setNotifications NOTIFY notificationsChanged)

public:
    // settingsFile: an INI file, or empty for the application's settings. (No default
    // constructor: Qt 6.4 would use it for QML instead of create().)
    explicit Preferences(const QString &settingsFile, QObject *parent = nullptr);
    ~Preferences() override;

    // How QML gets the object: the one the app made (provide()), else one per engine.
    static Preferences *create(QQmlEngine *engine, QJSEngine *);
    static void provide(Preferences *preferences) { s_provided = preferences; }

    QString theme() const { return m_theme; }
    void setTheme(const QString &theme);
    bool neon() const { return m_neon; }
    void setNeon(bool neon);
    QString language() const { return m_language; }
    void setLanguage(const QString &language);
    QString localeName() const;
    bool notifications() const { return m_notifications; }
    void setNotifications(bool enabled);

    // Launch options (--theme, --neon, --lang): in effect for this run only, so a demo
    // or a screenshot leaves the saved choice alone.
    void applyForThisRun(const QString &theme, std::optional<bool> neon, const QString &language);
    // Installs the translation of the chosen language and retranslates the engines
    // that use this object. Returns false when no translation could be loaded.
    bool applyLanguage();
    // An engine whose texts follow the language (create() adds its own).
    void addEngine(QQmlEngine *engine);

signals:
    void themeChanged();
    void neonChanged();
    void languageChanged();
    void localeChanged();
    void notificationsChanged();

private:
    void load();
    void save(const QString &key, const QVariant &value);
    static QString validTheme(const QString &theme);
    static QString validLanguage(const QString &language);

    inline static QPointer<Preferences> s_provided;

    QString m_settingsFile; // empty: the application's settings
    bool m_persist = true;
    QString m_theme;
    bool m_neon = false;
    QString m_language;
    bool m_notifications = true;
    Localization m_localization;
    QList<QPointer<QQmlEngine>> m_engines;
};
