import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Templates as T
import QtQuick.Layouts

import Kocmoc

// The app's settings (Preferences, remembered across runs): colour scheme,
// neon glow, interface language and desktop notifications. Each change takes
// effect at once; the language switches every text of the running app.
// Given the ApiClient, it also shows who is signed in, with their photo to
// change or remove.
Dialog {
    id: dialog

    property ApiClient api: null

    objectName: "settingsDialog"
    modal: true
    dim: true
    focus: true
    padding: Theme.spacingHuge
    topPadding: Theme.spacingLarge
    width: Math.min(420, (parent ? parent.width : 420) - 2 * Theme.spacingLarge)
    x: parent ? Math.round((parent.width - width) / 2) : 0
    y: parent ? Math.round((parent.height - height) / 2) : 0

    background: Rectangle {
        radius: Theme.radiusLarge
        color: Theme.surface
        border.width: 1
        border.color: Theme.glassBorder
    }
    T.Overlay.modal: Rectangle { color: Qt.rgba(0, 0, 0, Theme.dark ? 0.6 : 0.32) }

    header: RowLayout {
        spacing: 0
        Label {
            objectName: "settingsTitle"
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spacingHuge
            Layout.topMargin: Theme.spacingLarge
            text: qsTr("Settings")
            color: Theme.textPrimary
            font.pixelSize: Theme.fontTitle
            font.weight: Font.DemiBold
        }
        IconButton {
            objectName: "closeSettings"
            Layout.topMargin: Theme.spacingMedium
            Layout.rightMargin: Theme.spacingMedium
            glyph: "close"
            tip: qsTr("Close")
            onClicked: dialog.close()
        }
    }

    component SectionTitle: Label {
        Layout.fillWidth: true
        Layout.topMargin: Theme.spacingSmall
        color: Theme.textSecondary
        font.pixelSize: Theme.fontCaption
        font.weight: Font.DemiBold
        font.capitalization: Font.AllUppercase
        font.letterSpacing: 0.6
    }

    contentItem: ColumnLayout {
        spacing: Theme.spacingMedium

        SectionTitle {
            visible: dialog.api !== null
            text: qsTr("Profile")
        }
        RowLayout {
            visible: dialog.api !== null
            Layout.fillWidth: true
            spacing: Theme.spacingLarge
            AvatarPicker {
                id: photo
                objectName: "settingsAvatar"
                Layout.alignment: Qt.AlignTop
                api: dialog.api
                size: Theme.avatarSmall + Theme.spacingLarge
                showsError: false
                showsLinks: false
                avatarUrl: dialog.api ? dialog.api.fileUrl(dialog.api.currentUser.avatarUrl) : ""
                colorKey: dialog.api ? dialog.api.currentUser.id : ""
                initials: dialog.api ? dialog.api.currentUser.initials : ""
            }
            ColumnLayout {
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                Layout.topMargin: Theme.spacingMedium
                spacing: Theme.spacingTiny
                Label {
                    objectName: "settingsName"
                    Layout.fillWidth: true
                    text: dialog.api ? dialog.api.currentUser.displayName : ""
                    textFormat: Text.PlainText
                    elide: Text.ElideRight
                    color: Theme.textPrimary
                    font.pixelSize: Theme.fontBodyLarge
                    font.weight: Font.DemiBold
                }
                Label {
                    Layout.fillWidth: true
                    text: dialog.api ? "@" + dialog.api.currentUser.username : ""
                    textFormat: Text.PlainText
                    elide: Text.ElideRight
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontCaption + 1
                }
                Row {
                    Layout.topMargin: Theme.spacingTiny
                    spacing: Theme.spacingLarge
                    TextLink {
                        objectName: "settingsChangePhoto"
                        visible: !photo.uploader.busy
                        text: photo.avatarUrl === "" ? qsTr("Add photo") : qsTr("Change photo")
                        onClicked: photo.choose()
                    }
                    TextLink {
                        objectName: "settingsRemovePhoto"
                        visible: !photo.uploader.busy && photo.avatarUrl !== ""
                        text: qsTr("Remove photo")
                        onClicked: photo.uploader.remove()
                    }
                    TextLink {
                        objectName: "settingsCancelPhoto"
                        visible: photo.uploader.busy
                        text: qsTr("Cancel")
                        onClicked: photo.uploader.cancel()
                    }
                }
            }
        }
        Label {
            objectName: "settingsPhotoError"
            visible: text !== ""
            Layout.fillWidth: true
            text: photo.uploader.errorMessage
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            color: Theme.danger
            font.pixelSize: Theme.fontCaption + 1
        }

        SectionTitle { text: qsTr("Appearance") }
        SegmentedChoice {
            objectName: "themeChoice"
            Layout.fillWidth: true
            value: Preferences.theme
            options: [{value: "", label: qsTr("System")},
                      {value: "light", label: qsTr("Light")},
                      {value: "dark", label: qsTr("Dark")}]
            onChosen: value => Preferences.theme = value
        }
        ToggleSwitch {
            objectName: "neonSetting"
            Layout.fillWidth: true
            text: qsTr("Neon glow")
            checked: Preferences.neon
            onToggled: Preferences.neon = checked
        }

        SectionTitle { text: qsTr("Language") }
        SegmentedChoice {
            objectName: "languageChoice"
            Layout.fillWidth: true
            value: Preferences.language
            // Each language by its own name, so it can be found whatever is shown now.
            options: [{value: "", label: qsTr("System")},
                      {value: "ru", label: "Русский"},
                      {value: "en", label: "English"}]
            onChosen: value => Preferences.language = value
        }

        SectionTitle { text: qsTr("Notifications") }
        ToggleSwitch {
            objectName: "notificationsSetting"
            Layout.fillWidth: true
            text: qsTr("New messages")
            checked: Preferences.notifications
            onToggled: Preferences.notifications = checked
        }
        Label {
            Layout.fillWidth: true
            Layout.topMargin: -Theme.spacingSmall
            text: qsTr("A notification when a message arrives while KOCMOC is in the background.")
            wrapMode: Text.Wrap
            color: Theme.textSecondary
            font.pixelSize: Theme.fontCaption
        }
    }
}
