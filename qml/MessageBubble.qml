import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

import Kocmoc

// One message of the chat (roles of MessageListModel): a date separator above
// the first of a day, the bubble (own on the right), a reply preview, the
// forwarded-from line, the text as plain text, the time with "edited" and the
// ticks, and the reactions under it.
Item {
    id: message

    required property int index
    required property int messageId
    required property string clientId
    required property string senderName
    required property string senderId
    required property bool isMine
    required property string text
    required property var createdAt
    required property string status
    required property bool edited
    required property bool deleted
    required property int replyToId
    required property string replyToSenderName
    required property string replyToText
    required property string forwardedFromName
    required property var reactions
    required property bool showDate
    required property bool firstInGroup
    property bool isGroup: false
    property string searchText
    property bool searchCurrent: false

    signal menuRequested(var bubble)
    signal reactionClicked(string emoji, bool mine)
    signal retryRequested()

    readonly property bool matches: searchText !== ""
        && message.text.toLowerCase().indexOf(searchText.toLowerCase()) >= 0

    objectName: "message_" + (messageId > 0 ? messageId : clientId)
    implicitHeight: column.implicitHeight + (firstInGroup ? Theme.spacingSmall : 2)

    ColumnLayout {
        id: column
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        spacing: Theme.spacingTiny

        Label {
            objectName: "dateSeparator"
            visible: message.showDate
            Layout.alignment: Qt.AlignHCenter
            Layout.topMargin: Theme.spacingMedium
            Layout.bottomMargin: Theme.spacingSmall
            text: Formats.day(message.createdAt)
            color: Theme.textSecondary
            font.pixelSize: Theme.fontCaption
            font.weight: Font.DemiBold
            padding: Theme.spacingTiny
            leftPadding: Theme.spacingMedium
            rightPadding: Theme.spacingMedium
            background: Rectangle { radius: height / 2; color: Theme.glass; border.color: Theme.glassBorder }
        }

        Rectangle {
            id: bubble
            objectName: "bubble"
            Layout.alignment: message.isMine ? Qt.AlignRight : Qt.AlignLeft
            Layout.maximumWidth: Math.min(Theme.bubbleMaxWidth, message.width * 0.8)
            implicitWidth: Math.max(content.implicitWidth, meta.implicitWidth) + 2 * Theme.spacingMedium
            implicitHeight: content.implicitHeight + meta.implicitHeight + Theme.spacingSmall * 2 + 2
            Layout.preferredWidth: implicitWidth
            Layout.preferredHeight: implicitHeight
            radius: Theme.radiusLarge
            color: message.deleted ? "transparent" : (message.isMine ? Theme.bubbleOwn : Theme.bubbleOther)
            border.width: message.deleted ? 1 : (message.searchCurrent ? 2 : 0)
            border.color: message.searchCurrent ? Theme.highlight : Theme.divider
            opacity: message.status === "pending" ? 0.8 : 1
            readonly property color ink: message.isMine && !message.deleted ? Theme.bubbleOwnText : Theme.bubbleOtherText
            readonly property color metaInk: message.isMine && !message.deleted ? Theme.bubbleOwnMeta : Theme.textSecondary

            TapHandler {
                acceptedButtons: Qt.RightButton
                onTapped: message.menuRequested(bubble)
            }
            TapHandler {
                acceptedButtons: Qt.LeftButton
                onLongPressed: message.menuRequested(bubble)
            }

            ColumnLayout {
                id: content
                x: Theme.spacingMedium
                y: Theme.spacingSmall
                width: bubble.width - 2 * Theme.spacingMedium
                spacing: 2

                Label {
                    visible: message.isGroup && !message.isMine && message.firstInGroup && !message.deleted
                    text: message.senderName
                    textFormat: Text.PlainText
                    color: Theme.avatarGradient(message.senderId)[1]
                    font.pixelSize: Theme.fontCaption
                    font.weight: Font.DemiBold
                }
                Label {
                    objectName: "forwardedFrom"
                    visible: message.forwardedFromName !== "" && !message.deleted
                    text: qsTr("Forwarded from %1").arg(message.forwardedFromName)
                    textFormat: Text.PlainText
                    color: bubble.metaInk
                    font.pixelSize: Theme.fontCaption
                    font.italic: true
                }
                Rectangle {
                    objectName: "replyPreview"
                    visible: message.replyToId > 0 && !message.deleted
                    Layout.fillWidth: true
                    implicitHeight: replyColumn.implicitHeight + Theme.spacingSmall
                    implicitWidth: replyColumn.implicitWidth + Theme.spacingMedium
                    radius: Theme.radiusSmall
                    color: message.isMine ? Qt.rgba(1, 1, 1, 0.16) : Theme.accentSoft
                    Rectangle { width: 3; height: parent.height; radius: 1.5; color: message.isMine ? Theme.textOnAccent : Theme.accent }
                    Column {
                        id: replyColumn
                        x: Theme.spacingSmall + 2
                        y: Theme.spacingTiny
                        width: parent.width - x - Theme.spacingSmall
                        Label {
                            width: parent.width
                            text: message.replyToSenderName
                            textFormat: Text.PlainText
                            elide: Text.ElideRight
                            color: bubble.ink
                            font.pixelSize: Theme.fontCaption
                            font.weight: Font.DemiBold
                        }
                        Label {
                            width: parent.width
                            text: message.replyToText !== "" ? message.replyToText : qsTr("Deleted message")
                            textFormat: Text.PlainText
                            elide: Text.ElideRight
                            maximumLineCount: 1
                            color: bubble.metaInk
                            font.pixelSize: Theme.fontCaption
                        }
                    }
                }
                TextEdit {
                    objectName: "messageText"
                    Layout.fillWidth: true
                    Layout.maximumWidth: Theme.bubbleMaxWidth - 2 * Theme.spacingMedium
                    readOnly: true
                    selectByMouse: true
                    wrapMode: Text.Wrap
                    color: message.deleted ? Theme.textSecondary : bubble.ink
                    selectionColor: Theme.selection
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    font.italic: message.deleted
                    // Plain text always; the search marks matches in escaped text only.
                    textFormat: message.matches ? TextEdit.RichText : TextEdit.PlainText
                    text: message.deleted ? qsTr("Message deleted")
                        : message.matches ? Formats.highlighted(message.text, message.searchText, Theme.highlight)
                        : message.text
                }
            }
            RowLayout {
                id: meta
                anchors.right: parent.right
                anchors.rightMargin: Theme.spacingMedium
                anchors.bottom: parent.bottom
                anchors.bottomMargin: Theme.spacingSmall - 2
                spacing: Theme.spacingTiny
                Label {
                    visible: message.edited && !message.deleted
                    text: qsTr("edited")
                    color: bubble.metaInk
                    font.pixelSize: Theme.fontCaption - 2
                }
                Label {
                    text: Formats.time(message.createdAt)
                    color: bubble.metaInk
                    font.pixelSize: Theme.fontCaption - 2
                }
                Label {
                    objectName: "ticks"
                    visible: message.isMine && !message.deleted
                    text: message.status === "pending" ? "🕓"
                        : message.status === "failed" ? "!"
                        : message.status === "sent" ? "✓" : "✓✓"
                    color: message.status === "failed" ? Theme.danger
                         : message.status === "read" ? (message.isMine ? Theme.textOnAccent : Theme.accent)
                         : bubble.metaInk
                    font.pixelSize: Theme.fontCaption - 1
                    font.weight: message.status === "read" ? Font.Bold : Font.Normal
                    TapHandler { enabled: message.status === "failed"; onTapped: message.retryRequested() }
                }
            }
        }

        Flow {
            objectName: "reactions"
            visible: message.reactions.length > 0
            Layout.alignment: message.isMine ? Qt.AlignRight : Qt.AlignLeft
            Layout.maximumWidth: bubble.Layout.maximumWidth
            spacing: Theme.spacingTiny
            Repeater {
                model: message.reactions
                delegate: Rectangle {
                    required property var modelData
                    implicitWidth: chip.implicitWidth + Theme.spacingMedium
                    implicitHeight: chip.implicitHeight + Theme.spacingTiny * 1.5
                    radius: height / 2
                    color: modelData.mine ? Theme.accentSoft : Theme.field
                    border.width: modelData.mine ? 1 : 0
                    border.color: Theme.accent
                    Label {
                        id: chip
                        anchors.centerIn: parent
                        text: modelData.emoji + " " + modelData.count
                        textFormat: Text.PlainText
                        color: Theme.textPrimary
                        font.pixelSize: Theme.fontCaption
                    }
                    TapHandler { onTapped: message.reactionClicked(modelData.emoji, modelData.mine) }
                }
            }
        }
    }
}
