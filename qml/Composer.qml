import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

import Kocmoc

// Where a message is written: several lines, an emoji panel, send. Enter
// sends, Shift+Enter starts a new line. Shows what is being answered or edited.
Item {
    id: composer

    property string replyName
    property string replyText
    property bool editing: false
    property alias text: input.text

    signal sendRequested(string text)
    signal typing()
    signal cancelRequested()

    implicitHeight: column.implicitHeight + Theme.spacingMedium * 2

    function focusInput() { input.forceActiveFocus() }

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
                objectName: "emojiButton"
                Layout.alignment: Qt.AlignBottom
                glyph: "smile"
                tip: qsTr("Emoji")
                checkable: true
                checked: emojiPanel.visible
                onClicked: emojiPanel.visible = !emojiPanel.visible
            }

            ScrollView {
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
                        if ((event.key === Qt.Key_Return || event.key === Qt.Key_Enter)
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
                Layout.alignment: Qt.AlignBottom
                Accessible.name: qsTr("Send")
                ToolTip.visible: hovered
                ToolTip.delay: 600
                ToolTip.text: qsTr("Send (Enter)")
                enabled: input.text.trim() !== ""
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
                onClicked: composer.submit()
                HoverHandler { cursorShape: Qt.PointingHandCursor }
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
    }
}
