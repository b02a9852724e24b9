import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Dialogs
import QtQuick.Layouts

import Kocmoc

// A picture with "Change photo" and "Remove photo" under it: the signed-in
// person's own (chatId empty) or a group's. The chosen file is checked before
// it is sent (AvatarUploader); a ring turns over the picture while it uploads,
// and what went wrong shows under the links.
ColumnLayout {
    id: picker

    required property ApiClient api
    // For a group's picture: the Messenger whose chat list takes the new one.
    property Messenger messenger: null
    property string chatId: ""
    // False shows the picture only (people who may not change it).
    property bool editable: true
    // Absolute, as the models give it; empty for a generated avatar.
    property string avatarUrl
    property string colorKey
    property string initials
    property int size: Theme.avatarLarge
    // False when the host shows uploader.errorMessage itself (where there is room).
    property bool showsError: true
    // False when the host puts the links elsewhere (choose(), uploader.remove()).
    property bool showsLinks: true

    // Opens the file dialog.
    function choose() {
        chooser.open()
    }
    readonly property alias uploader: uploader

    objectName: "avatarPicker"
    spacing: Theme.spacingSmall
    // May be as wide as its host makes it (for the message), not only as the picture.
    Layout.maximumWidth: Number.POSITIVE_INFINITY

    AvatarUploader {
        id: uploader
        api: picker.api
        messenger: picker.messenger
        chatId: picker.chatId
    }

    ChatAvatar {
        id: avatar
        objectName: "pickerAvatar"
        Layout.alignment: Qt.AlignHCenter
        size: picker.size
        avatarUrl: picker.avatarUrl
        colorKey: picker.colorKey
        initials: picker.initials

        // Over the picture while it uploads: the ring and how far it got.
        Rectangle {
            objectName: "uploadProgress"
            anchors.fill: parent
            radius: width / 2
            color: Theme.glass
            visible: uploader.busy
            Spinner {
                anchors.centerIn: parent
                width: parent.width / 3
                height: width
            }
            Label {
                anchors.horizontalCenter: parent.horizontalCenter
                anchors.bottom: parent.bottom
                anchors.bottomMargin: parent.height / 8
                text: Math.round(uploader.progress * 100) + " %"
                color: Theme.textPrimary
                font.pixelSize: Theme.fontCaption
                font.weight: Font.DemiBold
            }
        }
        TapHandler {
            enabled: picker.editable && !uploader.busy
            onTapped: picker.choose()
        }
        HoverHandler {
            enabled: picker.editable && !uploader.busy
            cursorShape: Qt.PointingHandCursor
        }
    }

    Row {
        visible: picker.editable && picker.showsLinks
        Layout.alignment: Qt.AlignHCenter
        spacing: Theme.spacingLarge
        TextLink {
            objectName: "changePhoto"
            visible: !uploader.busy
            text: picker.avatarUrl === "" ? qsTr("Add photo") : qsTr("Change photo")
            onClicked: picker.choose()
        }
        TextLink {
            objectName: "removePhoto"
            visible: !uploader.busy && picker.avatarUrl !== ""
            text: qsTr("Remove photo")
            onClicked: uploader.remove()
        }
        TextLink {
            objectName: "cancelPhoto"
            visible: uploader.busy
            text: qsTr("Cancel")
            onClicked: uploader.cancel()
        }
    }

    Label {
        objectName: "photoError"
        visible: picker.showsError && text !== ""
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignHCenter
        text: uploader.errorMessage
        textFormat: Text.PlainText
        wrapMode: Text.Wrap
        color: Theme.danger
        font.pixelSize: Theme.fontCaption + 1
    }

    FileDialog {
        id: chooser
        title: picker.chatId === "" ? qsTr("Choose your photo") : qsTr("Choose the group's photo")
        fileMode: FileDialog.OpenFile
        nameFilters: [qsTr("Images (*.jpg *.jpeg *.png *.webp *.gif)"), qsTr("All files (*)")]
        onAccepted: uploader.upload(selectedFile)
    }
}
