#include "Preferences.h"

#include <QQmlComponent>
#include <QQmlEngine>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// What a person chose in the settings is there again after a restart, and a
// change of language shows at once in the running interface.
class PreferencesTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString settingsFile(const char *name) const
    {
        return m_dir.filePath(QString::fromLatin1(name) + QStringLiteral(".ini"));
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void defaultsFollowTheSystem()
    {
        const Preferences preferences(settingsFile("fresh"));
        QCOMPARE(preferences.theme(), QString());
        QCOMPARE(preferences.neon(), false);
        QCOMPARE(preferences.language(), QString());
        QCOMPARE(preferences.notifications(), true);
    }

    void choicesSurviveARestart()
    {
        const QString file = settingsFile("restart");
        {
            Preferences preferences(file);
            preferences.setTheme(QStringLiteral("dark"));
            preferences.setNeon(true);
            preferences.setLanguage(QStringLiteral("ru"));
            preferences.setNotifications(false);
        }
        {
            Preferences restarted(file);
            QCOMPARE(restarted.theme(), QStringLiteral("dark"));
            QCOMPARE(restarted.neon(), true);
            QCOMPARE(restarted.language(), QStringLiteral("ru"));
            QCOMPARE(restarted.notifications(), false);
            // Back to light and the system's language: that is remembered too.
            restarted.setTheme(QStringLiteral("light"));
            restarted.setLanguage(QString());
        }
        const Preferences again(file);
        QCOMPARE(again.theme(), QStringLiteral("light"));
        QCOMPARE(again.language(), QString());
        QCOMPARE(again.neon(), true);
    }

    void launchOptionsAreNotRemembered()
    {
        const QString file = settingsFile("launch");
        {
            Preferences preferences(file);
            preferences.setTheme(QStringLiteral("light"));
            preferences.applyForThisRun(QStringLiteral("dark"), true, QStringLiteral("en"));
            QCOMPARE(preferences.theme(), QStringLiteral("dark"));
            QCOMPARE(preferences.neon(), true);
            QCOMPARE(preferences.language(), QStringLiteral("en"));
        }
        const Preferences restarted(file);
        QCOMPARE(restarted.theme(), QStringLiteral("light"));
        QCOMPARE(restarted.neon(), false);
        QCOMPARE(restarted.language(), QString());
    }

    void unknownValuesMeanTheDefault()
    {
        const QString file = settingsFile("edited");
        {
            QSettings settings(file, QSettings::IniFormat);
            settings.setValue(QStringLiteral("appearance/theme"), QStringLiteral("sepia"));
            settings.setValue(QStringLiteral("language"), QStringLiteral("tlh"));
        }
        Preferences preferences(file);
        QCOMPARE(preferences.theme(), QString());
        QCOMPARE(preferences.language(), QString());
        preferences.setTheme(QStringLiteral("purple"));
        QCOMPARE(preferences.theme(), QString());
    }

    // The words and the dates of the running interface follow a switch of language.
    void languageSwitchesTheRunningInterface()
    {
        Preferences preferences(settingsFile("language"));
        preferences.setLanguage(QStringLiteral("en"));
        Preferences::provide(&preferences);
        QQmlEngine engine;
        engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
        QQmlComponent component(&engine);
        component.setData(R"(
            import QtQuick
            import Kocmoc
            QtObject {
                property string today: Formats.day(new Date())
                property string typing: Formats.typing(["Борис"])
                property string evening: Formats.time(new Date(2026, 0, 5, 17, 5))
                property bool dark: Theme.dark
            }
        )",
            QUrl(QStringLiteral("qrc:/tst_preferences/Probe.qml")));
        const std::unique_ptr<QObject> probe(component.create());
        QVERIFY2(probe, qPrintable(component.errorString()));
        QCOMPARE(probe->property("today").toString(), QStringLiteral("Today"));
        QCOMPARE(probe->property("typing").toString(), QStringLiteral("Борис is typing…"));
        QCOMPARE(probe->property("evening").toString(), QStringLiteral("5:05 PM"));

        preferences.setLanguage(QStringLiteral("ru"));
        QCOMPARE(probe->property("today").toString(), QStringLiteral("Сегодня"));
        QCOMPARE(probe->property("typing").toString(), QStringLiteral("Борис печатает…"));
        QCOMPARE(probe->property("evening").toString(), QStringLiteral("17:05"));

        // The theme switch reaches QML the same way.
        preferences.setTheme(QStringLiteral("dark"));
        QCOMPARE(probe->property("dark").toBool(), true);
        preferences.setTheme(QStringLiteral("light"));
        QCOMPARE(probe->property("dark").toBool(), false);
        Preferences::provide(nullptr);
    }
};

QTEST_MAIN(PreferencesTest)
#include "tst_preferences.moc"
