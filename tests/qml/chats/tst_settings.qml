import QtQuick
import QtTest

import Kocmoc
import KocmocTest

// The settings dialog: the scheme, the glow and the language change at once,
// and the words of the open dialog follow the language. Given the ApiClient
// (alice signed in on the real server), it shows her profile: a photo chosen
// there is checked, uploaded and shown at once, also on the profile page.
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
    Component {
        id: accountComponent
        SettingsDialog { api: Backend.api }
    }
    Component {
        id: profileComponent
        ProfilePage {
            api: Backend.api
            width: 400
            height: 600
        }
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

    function openAccount() {
        const dialog = createTemporaryObject(accountComponent, testCase)
        verify(dialog !== null)
        dialog.open()
        tryCompare(dialog, "opened", true)
        return dialog
    }

    function test_withoutAnAccountNoProfile() {
        const dialog = openDialog()
        verify(!findChild(dialog.contentItem, "settingsAvatar").visible)
    }

    function test_photoUploadedShowsEverywhereAndIsRemoved() {
        const dialog = openAccount()
        const picker = findChild(dialog.contentItem, "settingsAvatar")
        const avatar = findChild(picker, "pickerAvatar")
        const profile = createTemporaryObject(profileComponent, testCase)
        const profileAvatar = findChild(findChild(profile, "profileAvatar"), "pickerAvatar")
        compare(avatar.avatarUrl, "")
        compare(findChild(dialog.contentItem, "settingsChangePhoto").text, "Add photo")
        verify(!findChild(dialog.contentItem, "settingsRemovePhoto").visible)

        picker.uploader.upload(Backend.writeImage("me.png", 480, 360))
        verify(findChild(picker, "uploadProgress").visible)
        verify(findChild(dialog.contentItem, "settingsCancelPhoto").visible)
        tryVerify(() => avatar.avatarUrl.indexOf("/thumbnail") > 0, 10000)
        tryVerify(() => avatar.showsPicture, 10000)
        verify(!findChild(picker, "uploadProgress").visible)
        compare(picker.uploader.errorMessage, "")
        compare(Backend.api.fileUrl(Backend.api.currentUser.avatarUrl).toString(), avatar.avatarUrl)
        compare(profileAvatar.avatarUrl, avatar.avatarUrl)
        compare(findChild(dialog.contentItem, "settingsChangePhoto").text, "Change photo")
        waitForRendering(picker)
        grabImage(testCase).save(Backend.screenshotDir + "/qml-settings-photo.png")
        Preferences.theme = "dark"
        waitForRendering(picker)
        grabImage(testCase).save(Backend.screenshotDir + "/qml-settings-photo-dark.png")
        Preferences.theme = ""

        mouseClick(findChild(dialog.contentItem, "settingsRemovePhoto"))
        tryCompare(avatar, "avatarUrl", "", 10000)
        compare(Backend.api.currentUser.avatarUrl, "")
        compare(profileAvatar.avatarUrl, "")
        verify(findChild(avatar, "avatarInitials").visible)
    }

    function test_photoThatCannotBeOneIsExplained() {
        const dialog = openAccount()
        const picker = findChild(dialog.contentItem, "settingsAvatar")
        const error = findChild(dialog.contentItem, "settingsPhotoError")
        // Text, whatever its name says: the content decides.
        picker.uploader.upload(Backend.writeFile("notes.png", 200))
        compare(picker.uploader.busy, false)
        tryCompare(error, "text", "A photo has to be a JPEG, PNG, WebP or GIF image.")
        verify(error.visible)
        picker.uploader.upload(Backend.writeFile("huge.jpg", 11 * 1024 * 1024))
        compare(picker.uploader.busy, false)
        tryVerify(() => error.text.startsWith("This picture is too large: a photo can be up to 10"))
        waitForRendering(picker)
        grabImage(testCase).save(Backend.screenshotDir + "/qml-settings-photo-error.png")
        // A good one clears the message.
        picker.uploader.upload(Backend.writeImage("small.png", 64, 64))
        compare(error.text, "")
        tryVerify(() => findChild(picker, "pickerAvatar").avatarUrl !== "", 10000)
        picker.uploader.remove()
        tryCompare(findChild(picker, "pickerAvatar"), "avatarUrl", "", 10000)
    }
}
