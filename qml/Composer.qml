import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import QtQuick.Dialogs

import Kocmoc

// Where a message is written: several lines, an emoji panel, stickers, files,
// send. Enter sends, Shift+Enter starts a new line. Shows what is being answered
// or edited. With nothing written the send button is a microphone, as in
// Telegram: held down it records and sends on release (slid to the left it
// throws the recording away); a click keeps it recording, with Send and Cancel.
// Ctrl+V with a picture on the clipboard attaches the picture.
Item {
    id: composer

    property string replyName
    property string replyText
    property bool editing: false
    property alias text: input.text

    // The sticker sets to offer (Messenger.stickerSets).
    property var stickerSets: []

    signal sendRequested(string text)
    signal typing()
    signal cancelRequested()
    // A finished recording to send (VoiceRecorder's file, length and waveform).
    signal voiceRecorded(string filePath, int durationMs, var waveform)
    // Files picked in the dialog (URLs); a pasted picture, saved to a temporary file.
    signal filesChosen(var fileUrls)
    signal imagePasted(string filePath)
    signal stickerChosen(string stickerId)
    // The sticker panel opened: time to load them.
    signal stickersRequested()

    // The recorder's state as the composer shows it: "" (not recording), "holding"
    // (the button is held down), "locked" (recording with Send and Cancel).
    property string recordingMode: ""
    readonly property alias recorder: recorder
    // Why the last recording or paste did not work, shown above the field.
    property string errorText: ""

    implicitHeight: column.implicitHeight + Theme.spacingMedium * 2

    function focusInput() { input.forceActiveFocus() }

    function startRecording(mode) {
        errorText = ""
        sendWhenRecorded = false
        recordingMode = mode
        recorder.start()
    }
    // Stops and sends what was recorded (once the encoder has written it all).
    function finishRecording() {
        if (recordingMode === "")
            return
        recordingMode = ""
        if (recorder.state === VoiceRecorder.Recording) {
            sendWhenRecorded = true
            recorder.stop()
        }
    }
    function cancelRecording() {
        recordingMode = ""
        sendWhenRecorded = false
        recorder.cancel()
    }
    property bool sendWhenRecorded: false

    VoiceRecorder {
        id: recorder
        onRecorded: (filePath, durationMs, waveform) => {
            if (!composer.sendWhenRecorded)
                return
            composer.sendWhenRecorded = false
            composer.voiceRecorded(filePath, durationMs, waveform)
        }
        onStateChanged: {
            if (state === VoiceRecorder.Failed) {
                composer.recordingMode = ""
                composer.errorText = errorString
            }
        }
    }

    FileDialog {
        id: fileDialog
        title: qsTr("Send files")
        fileMode: FileDialog.OpenFiles
        onAccepted: composer.filesChosen(selectedFiles)
    }
    function chooseFiles() { fileDialog.open() }

    readonly property var emoji: ["😀", "😂", "😊", "😍", "🤔", "😎", "😢", "😡", "👍", "👎",
        "👏", "🙏", "🔥", "🎉", "❤️", "💜", "🚀", "✨", "👀", "✅"]

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: Theme.spacingMedium
        spacing: Theme.spacingSmall

        RowLayout {
            visible: composer.replyName !== "" || composer.editing
            Layout.fillWidth: true
            Rectangle { width: 3; Layout.fillHeight: true; color: Theme.accent; radius: 1.5 }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 0
                Label {
                    text: composer.editing ? qsTr("Editing") : qsTr("Reply to %1").arg(composer.replyName)
                    textFormat: Text.PlainText
                    color: Theme.accent
                    font.pixelSize: Theme.fontCaption
                    font.weight: Font.DemiBold
                }
                Label {
                    Layout.fillWidth: true
                    text: composer.replyText
                    textFormat: Text.PlainText
                    elide: Text.ElideRight
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontCaption
                }
            }
            ToolButton {
                text: "✕"
                Accessible.name: qsTr("Cancel")
                onClicked: composer.cancelRequested()
            }
        }

        Label {
            objectName: "composerError"
            visible: composer.errorText !== ""
            Layout.fillWidth: true
            text: composer.errorText
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            color: Theme.danger
            font.pixelSize: Theme.fontCaption
            TapHandler { onTapped: composer.errorText = "" }
        }

        ScrollView {
            id: stickerScroll
            visible: false
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(stickerPanel.implicitHeight, Theme.mediaMaxHeight * 2 / 3)
            contentWidth: availableWidth
            StickerPanel {
                id: stickerPanel
                width: stickerScroll.availableWidth
                stickerSets: composer.stickerSets
                onStickerChosen: stickerId => {
                    stickerScroll.visible = false
                    composer.stickerChosen(stickerId)
                }
            }
        }

        Flow {
            id: emojiPanel
            objectName: "emojiPanel"
            visible: false
            Layout.fillWidth: true
            spacing: Theme.spacingTiny
            Repeater {
                model: composer.emoji
                delegate: ToolButton {
                    required property string modelData
                    text: modelData
                    font.pixelSize: Theme.fontTitle
                    onClicked: {
                        input.insert(input.cursorPosition, modelData)
                        input.forceActiveFocus()
                    }
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingSmall

            IconButton {
                objectName: "attachButton"
                Layout.alignment: Qt.AlignBottom
                visible: composer.recordingMode === "" && !composer.editing
                glyph: "attach"
                tip: qsTr("Attach files")
                onClicked: composer.chooseFiles()
            }
            IconButton {
                objectName: "emojiButton"
                Layout.alignment: Qt.AlignBottom
                visible: composer.recordingMode === ""
                glyph: "smile"
                tip: qsTr("Emoji")
                checkable: true
                checked: emojiPanel.visible
                onClicked: {
                    emojiPanel.visible = !emojiPanel.visible
                    stickerScroll.visible = false
                }
            }
            IconButton {
                objectName: "stickerButton"
                Layout.alignment: Qt.AlignBottom
                visible: composer.recordingMode === "" && !composer.editing
                glyph: "sticker"
                tip: qsTr("Stickers")
                checkable: true
                checked: stickerScroll.visible
                onClicked: {
                    stickerScroll.visible = !stickerScroll.visible
                    emojiPanel.visible = false
                    if (stickerScroll.visible)
                        composer.stickersRequested()
                }
            }

            // While recording: a red dot, the time, the live level, and what to do.
            RowLayout {
                objectName: "recordingBar"
                visible: composer.recordingMode !== ""
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget
                spacing: Theme.spacingSmall
                IconButton {
                    objectName: "recordCancelButton"
                    visible: composer.recordingMode === "locked"
                    glyph: "trash"
                    ink: Theme.danger
                    tip: qsTr("Cancel recording")
                    onClicked: composer.cancelRecording()
                }
                Rectangle {
                    width: Theme.spacingSmall + 2
                    height: width
                    radius: width / 2
                    color: Theme.danger
                    SequentialAnimation on opacity {
                        running: composer.recordingMode !== ""
                        loops: Animation.Infinite
                        NumberAnimation { to: 0.2; duration: Theme.durationNormal * 3 }
                        NumberAnimation { to: 1; duration: Theme.durationNormal * 3 }
                    }
                }
                Label {
                    objectName: "recordTimer"
                    text: Formats.duration(recorder.durationMs)
                    color: Theme.textPrimary
                    font.pixelSize: Theme.fontBody
                }
                Rectangle {
                    objectName: "levelMeter"
                    Layout.preferredWidth: Theme.touchTarget * 2
                    Layout.preferredHeight: Theme.spacingTiny + 2
                    radius: height / 2
                    color: Theme.field
                    Rectangle {
                        objectName: "levelMeterFill"
                        width: parent.width * recorder.level
                        height: parent.height
                        radius: height / 2
                        color: Theme.accent
                        Behavior on width { NumberAnimation { duration: Theme.durationFast } }
                    }
                }
                Label {
                    objectName: "recordHint"
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignRight
                    elide: Text.ElideLeft
                    text: composer.recordingMode === "holding" ? qsTr("‹ Slide left to cancel")
                                                               : qsTr("Recording…")
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontCaption
                }
            }

            ScrollView {
                visible: composer.recordingMode === ""
                Layout.fillWidth: true
                Layout.preferredHeight: Math.min(input.implicitHeight, 140)
                TextArea {
                    id: input
                    objectName: "composerInput"
                    placeholderText: qsTr("Message")
                    wrapMode: TextEdit.Wrap
                    textFormat: TextEdit.PlainText
                    color: Theme.textPrimary
                    font.pixelSize: Theme.fontBody
                    leftPadding: Theme.spacingMedium
                    rightPadding: Theme.spacingMedium
                    background: Rectangle {
                        radius: Theme.radiusLarge
                        color: Theme.field
                        border.width: input.activeFocus ? 1 : 0
                        border.color: Theme.neon ? Theme.accent : Theme.divider
                    }
                    onTextChanged: if (text !== "") composer.typing()
                    Keys.onPressed: event => {
                        if (event.matches(StandardKey.Paste) && ClipboardImage.hasImage()) {
                            const path = ClipboardImage.saveToFile()
                            if (path !== "")
                                composer.imagePasted(path)
                            else
                                composer.errorText = qsTr("The picture on the clipboard cannot be attached.")
                            event.accepted = true
                        } else if ((event.key === Qt.Key_Return || event.key === Qt.Key_Enter)
                                && !(event.modifiers & Qt.ShiftModifier)) {
                            composer.submit()
                            event.accepted = true
                        } else if (event.key === Qt.Key_Escape) {
                            composer.cancelRequested()
                            event.accepted = true
                        }
                    }
                }
            }

            RoundButton {
                id: sendButton
                objectName: "sendButton"
                // Nothing written: the microphone takes its place (not while editing).
                visible: enabled || composer.editing || composer.recordingMode === "locked"
                Layout.alignment: Qt.AlignBottom
                Accessible.name: qsTr("Send")
                ToolTip.visible: hovered
                ToolTip.delay: 600
                ToolTip.text: qsTr("Send (Enter)")
                enabled: input.text.trim() !== "" || composer.recordingMode === "locked"
                implicitWidth: Theme.touchTarget
                implicitHeight: Theme.touchTarget
                padding: 0
                contentItem: Item {
                    IconGlyph {
                        anchors.centerIn: parent
                        anchors.horizontalCenterOffset: -1
                        width: Theme.iconSize
                        height: Theme.iconSize
                        name: "send"
                        color: sendButton.enabled ? Theme.textOnAccent : Theme.textPlaceholder
                    }
                }
                background: Rectangle {
                    radius: width / 2
                    color: !sendButton.enabled ? Theme.field
                         : sendButton.down ? Theme.accentPressed
                         : sendButton.hovered ? Theme.accentHovered : Theme.accent
                    Behavior on color { ColorAnimation { duration: Theme.durationFast } }
                    // The neon glow around the live send button.
                    Rectangle {
                        anchors.fill: parent
                        anchors.margins: -3
                        radius: width / 2
                        color: "transparent"
                        border.width: 2
                        border.color: Theme.glow
                        visible: Theme.neon && sendButton.enabled
                    }
                }
                onClicked: {
                    if (composer.recordingMode === "locked")
                        composer.finishRecording()
                    else
                        composer.submit()
                }
                HoverHandler { cursorShape: Qt.PointingHandCursor }
            }

            // Held: records until released (sent) or slid away to the left (thrown
            // away); a click instead keeps recording, with Send and Cancel.
            Rectangle {
                id: micButton
                objectName: "micButton"
                visible: !sendButton.visible
                Layout.alignment: Qt.AlignBottom
                implicitWidth: Theme.touchTarget
                implicitHeight: Theme.touchTarget
                radius: width / 2
                readonly property bool active: composer.recordingMode === "holding"
                color: active ? Theme.danger : micArea.containsMouse ? Theme.fieldHovered : "transparent"
                scale: active ? 1.25 : 1
                Behavior on scale { NumberAnimation { duration: Theme.durationFast } }
                Accessible.role: Accessible.Button
                Accessible.name: qsTr("Record a voice message")
                ToolTip.visible: micArea.containsMouse && !active
                ToolTip.delay: 600
                ToolTip.text: qsTr("Hold to record, release to send")
                IconGlyph {
                    anchors.centerIn: parent
                    width: Theme.iconSize + 2
                    height: width
                    name: "mic"
                    color: micButton.active ? Theme.textOnAccent : Theme.textSecondary
                }
                MouseArea {
                    id: micArea
                    anchors.fill: parent
                    hoverEnabled: true
                    cursorShape: Qt.PointingHandCursor
                    // A press shorter than this is a click.
                    readonly property int clickMs: 350
                    property double pressedAt: 0
                    onPressed: {
                        pressedAt = Date.now()
                        composer.startRecording("holding")
                    }
                    onPositionChanged: mouse => {
                        if (composer.recordingMode === "holding" && mouse.x < -Theme.touchTarget * 2)
                            composer.cancelRecording()
                    }
                    onReleased: {
                        if (composer.recordingMode !== "holding")
                            return
                        if (Date.now() - pressedAt < clickMs)
                            composer.recordingMode = "locked"
                        else
                            composer.finishRecording()
                    }
                    onCanceled: if (composer.recordingMode === "holding") composer.cancelRecording()
                }
            }
        }
    }

    function submit() {
        const text = input.text
        if (text.trim() === "")
            return
        composer.sendRequested(text)
        input.clear()
        emojiPanel.visible = false
        stickerScroll.visible = false
    }
}
