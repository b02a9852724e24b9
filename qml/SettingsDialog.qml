import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Templates as T
import QtQuick.Layouts

import Kocmoc

// The app's settings (Preferences, remembered across runs): colour scheme,
// neon glow, interface language and desktop notifications. Each change takes
// effect at once; the language switches every text of the running app.
Dialog {
    id: dialog

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
