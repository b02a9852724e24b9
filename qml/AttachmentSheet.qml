import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Templates as T
import QtQuick.Layouts
import QtMultimedia

import Kocmoc

// What is about to be sent, before it goes: the photo, the video's first frame,
// or a card for a document or audio file, an optional caption, Send and Cancel.
// A file that cannot be sent (too large, a program, an unknown type) is said so
// here, before anything is uploaded (Messenger.checkFile, FileChecks). Several
// files (a drop, a multiple choice) come one after another.
Popup {
    id: sheet

    required property Messenger messenger

    // (fileUrl, caption, temporary): temporary files (a pasted image) go once sent.
    signal sendRequested(string fileUrl, string caption, bool temporary)

    property var queue: []
    property var current: ({})
    property bool temporary: false

    // Shows the first of these files (URLs or paths); the rest follow after Send/Cancel.
    function openFiles(files, isTemporary) {
        queue = Array.from(files).map(f => String(f))
        temporary = isTemporary === true
        next()
    }
    function next() {
        if (queue.length === 0) {
            close()
            return
        }
        const file = queue[0]
        queue = queue.slice(1)
        current = messenger.checkFile(file)
        caption.text = ""
        open()
        caption.forceActiveFocus()
    }
    function send() {
        if (!current.ok)
            return
        sendRequested(String(current.url), caption.text, temporary)
        current = ({})
        next()
    }
    // A pasted picture that is not sent is not kept either.
    function dropCurrent() {
        if (temporary && current.url)
            ClipboardImage.discard(String(current.url))
        current = ({})
    }

    objectName: "attachmentSheet"
    parent: T.Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - 2 * Theme.spacingLarge : 0, Theme.contentWidth)
    modal: true
    focus: true
    padding: Theme.spacingLarge
    closePolicy: Popup.CloseOnEscape
    onClosed: {
        dropCurrent()
        queue = []
    }
    background: Rectangle {
        radius: Theme.radiusLarge
        color: Theme.surface
        border.color: Theme.glassBorder
    }

    contentItem: ColumnLayout {
        spacing: Theme.spacingMedium

        Label {
            Layout.fillWidth: true
            text: sheet.current.type === "photo" ? qsTr("Send a photo")
                : sheet.current.type === "video" ? qsTr("Send a video")
                : qsTr("Send a file")
            color: Theme.textPrimary
            font.pixelSize: Theme.fontBodyLarge
            font.weight: Font.DemiBold
        }

        Image {
            objectName: "sheetPhoto"
            visible: sheet.current.ok === true && sheet.current.type === "photo"
            Layout.fillWidth: true
            Layout.preferredHeight: visible ? Math.min(Theme.mediaMaxHeight, implicitHeight > 0 ? implicitHeight : Theme.mediaMaxHeight) : 0
            source: visible ? sheet.current.url : ""
            sourceSize: Qt.size(Theme.contentWidth * 2, Theme.mediaMaxHeight * 2)
            fillMode: Image.PreserveAspectFit
            asynchronous: true
        }
        Item {
            id: videoPreview
            objectName: "sheetVideo"
            visible: sheet.current.ok === true && sheet.current.type === "video"
            Layout.fillWidth: true
            Layout.preferredHeight: visible ? width * 9 / 16 : 0
            Rectangle { anchors.fill: parent; radius: Theme.radiusMedium; color: Theme.mediaPlaceholder }
            MediaPlayer {
                source: videoPreview.visible ? sheet.current.url : ""
                videoOutput: firstFrame
                onSourceChanged: if (source != "") pause()
            }
            VideoOutput { id: firstFrame; anchors.fill: parent }
        }
        DocumentCard {
            objectName: "sheetDocument"
            visible: sheet.current.ok === true && sheet.current.type !== "photo" && sheet.current.type !== "video"
            Layout.fillWidth: true
            name: sheet.current.name ?? ""
            size: sheet.current.size ?? 0
            mime: sheet.current.mimeType ?? ""
        }
        Label {
            objectName: "sheetFileName"
            Layout.fillWidth: true
            visible: sheet.current.type === "photo" || sheet.current.type === "video" || sheet.current.ok === false
            text: (sheet.current.name ?? "") + (sheet.current.size > 0 ? " · " + Formats.fileSize(sheet.current.size) : "")
            textFormat: Text.PlainText
            elide: Text.ElideMiddle
            color: Theme.textSecondary
            font.pixelSize: Theme.fontCaption
        }
        ErrorBanner {
            objectName: "sheetError"
            Layout.fillWidth: true
            visible: sheet.current.ok === false
            text: sheet.current.message ?? ""
        }
        TextField {
            id: caption
            objectName: "captionField"
            Layout.fillWidth: true
            visible: sheet.current.ok === true
            placeholderText: qsTr("Add a caption")
            color: Theme.textPrimary
            onAccepted: sheet.send()
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingSmall
            Item { Layout.fillWidth: true }
            Button {
                objectName: "sheetCancel"
                text: qsTr("Cancel")
                flat: true
                implicitHeight: Theme.touchTarget
                palette.buttonText: Theme.accent
                onClicked: {
                    sheet.dropCurrent()
                    sheet.next()
                }
            }
            ActionButton {
                objectName: "sheetSend"
                implicitWidth: Theme.formWidth / 3
                implicitHeight: Theme.touchTarget
                text: qsTr("Send")
                enabled: sheet.current.ok === true
                onClicked: sheet.send()
            }
        }
    }
}
