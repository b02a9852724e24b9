import QtQuick
import QtTest

import Kocmoc
import KocmocTest

// The settings dialog: the scheme, the glow and the language change at once,
// and the words of the open dialog follow the language.
TestCase {
    id: testCase
    name: "Settings"
    width: 480
    height: 640
    visible: true
    when: windowShown

    Component {
        id: dialogComponent
        SettingsDialog {}
    }

    function openDialog() {
        const dialog = createTemporaryObject(dialogComponent, testCase)
        verify(dialog !== null)
        dialog.open()
        tryCompare(dialog, "opened", true)
        return dialog
    }
    function cleanup() {
        Preferences.theme = ""
        Preferences.neon = false
        Preferences.language = ""
    }

    function test_schemeAndGlow() {
        const dialog = openDialog()
        mouseClick(findChild(dialog.contentItem, "choice_dark"))
        compare(Preferences.theme, "dark")
        verify(Theme.dark)
        mouseClick(findChild(dialog.contentItem, "choice_light"))
        compare(Preferences.theme, "light")
        verify(!Theme.dark)
        const neon = findChild(dialog.contentItem, "neonSetting")
        verify(!neon.checked)
        mouseClick(neon)
        verify(Theme.neon)
        verify(neon.checked)
    }

    function test_languageSwitchesAtOnce() {
        const dialog = openDialog()
        const title = findChild(dialog.header, "settingsTitle")
        compare(title.text, "Settings")
        mouseClick(findChild(dialog.contentItem, "choice_ru"))
        compare(Preferences.language, "ru")
        tryCompare(title, "text", "Настройки")
        compare(Formats.day(new Date()), "Сегодня")
        grabImage(dialog.contentItem.parent).save(Backend.screenshotDir + "/qml-settings-ru.png")
        mouseClick(findChild(dialog.contentItem, "choice_en"))
        tryCompare(title, "text", "Settings")
    }

    function test_notificationsCanBeSwitchedOff() {
        const dialog = openDialog()
        const notifications = findChild(dialog.contentItem, "notificationsSetting")
        verify(notifications.checked)
        mouseClick(notifications)
        compare(Preferences.notifications, false)
        mouseClick(notifications)
        compare(Preferences.notifications, true)
    }
}
