import QtQuick
import QtQuick.Controls.Basic

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
    required property string senderInitials
    required property string senderAvatarUrl
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

    // In groups, others' messages leave room on the left for the author's avatar,
    // shown beside the first message of each run.
    readonly property bool showsAvatars: isGroup && !isMine
    readonly property bool matches: searchText !== ""
        && message.text.toLowerCase().indexOf(searchText.toLowerCase()) >= 0

    objectName: "message_" + (messageId > 0 ? messageId : clientId)
    implicitHeight: column.height + (firstInGroup ? Theme.spacingSmall : 2)

    ChatAvatar {
        objectName: "senderAvatar"
        visible: message.showsAvatars && message.firstInGroup && !message.deleted
        size: Theme.avatarTiny - 4
        y: column.y + bubble.y
        avatarUrl: message.senderAvatarUrl
        colorKey: message.senderId
        initials: message.senderInitials
    }

    // Positioners with explicit widths rather than layouts: the height of a delegate
    // must follow its wrapped text at once, or the list overlaps its rows.
    Column {
        id: column
        // Room on the left for the author's avatar.
        readonly property real gutter: message.showsAvatars ? Theme.avatarTiny + Theme.spacingTiny : 0
        x: gutter
        width: message.width - gutter
        anchors.bottom: parent.bottom
        spacing: Theme.spacingTiny

        Item {
            visible: message.showDate
            width: column.width
            height: dateSeparator.height + Theme.spacingMedium + Theme.spacingSmall
            Label {
                id: dateSeparator
                objectName: "dateSeparator"
                // Centred on the whole row, also when the avatars' room moves the column.
                x: (message.width - width) / 2 - column.gutter
                y: Theme.spacingMedium
                text: Formats.day(message.createdAt)
                color: Theme.textSecondary
                font.pixelSize: Theme.fontCaption
                font.weight: Font.DemiBold
                padding: Theme.spacingTiny
                leftPadding: Theme.spacingMedium
                rightPadding: Theme.spacingMedium
                background: Rectangle { radius: height / 2; color: Theme.glass; border.color: Theme.glassBorder }
            }
        }

        Rectangle {
            id: bubble
            objectName: "bubble"
            readonly property real padding: Theme.spacingMedium
            readonly property real maxWidth: Math.min(Theme.bubbleMaxWidth, column.width * 0.8)
            // As wide as the widest line needs, up to maxWidth (then the text wraps).
            readonly property real naturalWidth: Math.max(messageText.implicitWidth,
                senderLabel.visible ? senderLabel.implicitWidth : 0,
                forwardedLabel.visible ? forwardedLabel.implicitWidth : 0,
                replyPreview.visible ? replyPreview.naturalWidth : 0,
                meta.implicitWidth)
            x: message.isMine ? column.width - width : 0
            width: Math.min(maxWidth, Math.ceil(naturalWidth) + 2 * padding)
            height: content.height + meta.height + Theme.spacingSmall * 2 + 2
            radius: Theme.radiusLarge
            color: message.deleted ? "transparent" : (message.isMine ? Theme.bubbleOwn : Theme.bubbleOther)
            border.width: message.deleted ? 1 : (message.searchCurrent ? 2 : 0)
            border.color: message.searchCurrent ? Theme.highlight : Theme.divider
            opacity: message.status === "pending" ? 0.8 : 1
            readonly property color ink: message.isMine && !message.deleted ? Theme.bubbleOwnText : Theme.bubbleOtherText
            readonly property color metaInk: message.isMine && !message.deleted ? Theme.bubbleOwnMeta : Theme.textSecondary

            // Neon: own messages glow softly.
            Rectangle {
                anchors.fill: parent
                anchors.margins: -3
                z: -1
                radius: bubble.radius + 3
                color: "transparent"
                border.width: 3
                border.color: Theme.glow
                opacity: 0.7
                visible: Theme.neon && message.isMine && !message.deleted
            }

            TapHandler {
                acceptedButtons: Qt.RightButton
                onTapped: message.menuRequested(bubble)
            }
            TapHandler {
                acceptedButtons: Qt.LeftButton
                onLongPressed: message.menuRequested(bubble)
            }

            Column {
                id: content
                x: bubble.padding
                y: Theme.spacingSmall
                width: bubble.width - 2 * bubble.padding
                spacing: 2

                Label {
                    id: senderLabel
                    objectName: "senderName"
                    visible: message.isGroup && !message.isMine && message.firstInGroup && !message.deleted
                    width: parent.width
                    text: message.senderName
                    textFormat: Text.PlainText
                    elide: Text.ElideRight
                    color: Theme.avatarGradient(message.senderId)[1]
                    font.pixelSize: Theme.fontCaption
                    font.weight: Font.DemiBold
                }
                Label {
                    id: forwardedLabel
                    objectName: "forwardedFrom"
                    visible: message.forwardedFromName !== "" && !message.deleted
                    width: parent.width
                    text: qsTr("Forwarded from %1").arg(message.forwardedFromName)
                    textFormat: Text.PlainText
                    elide: Text.ElideRight
                    color: bubble.metaInk
                    font.pixelSize: Theme.fontCaption
                    font.italic: true
                }
                Rectangle {
                    id: replyPreview
                    objectName: "replyPreview"
                    readonly property real naturalWidth: Math.max(replyName.implicitWidth, replyText.implicitWidth)
                                                         + 2 * Theme.spacingSmall + 2
                    visible: message.replyToId > 0 && !message.deleted
                    width: parent.width
                    height: replyColumn.height + Theme.spacingSmall
                    radius: Theme.radiusSmall
                    color: message.isMine ? Qt.rgba(1, 1, 1, 0.16) : Theme.accentSoft
                    Rectangle { width: 3; height: parent.height; radius: 1.5; color: message.isMine ? Theme.textOnAccent : Theme.accent }
                    Column {
                        id: replyColumn
                        x: Theme.spacingSmall + 2
                        y: Theme.spacingTiny
                        width: parent.width - x - Theme.spacingSmall
                        Label {
                            id: replyName
                            width: parent.width
                            text: message.replyToSenderName
                            textFormat: Text.PlainText
                            elide: Text.ElideRight
                            color: bubble.ink
                            font.pixelSize: Theme.fontCaption
                            font.weight: Font.DemiBold
                        }
                        Label {
                            id: replyText
                            width: parent.width
                            text: message.replyToText !== "" ? message.replyToText.replace(/\n/g, " ")
                                                             : qsTr("Deleted message")
                            textFormat: Text.PlainText
                            elide: Text.ElideRight
                            maximumLineCount: 1
                            color: bubble.metaInk
                            font.pixelSize: Theme.fontCaption
                        }
                    }
                }
                TextEdit {
                    id: messageText
                    objectName: "messageText"
                    width: parent.width
                    readOnly: true
                    selectByMouse: true
                    wrapMode: Text.Wrap
                    color: message.deleted ? Theme.textSecondary : bubble.ink
                    selectionColor: Theme.selection
                    selectedTextColor: Theme.textPrimary
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
            Row {
                id: meta
                anchors.right: parent.right
                anchors.rightMargin: bubble.padding
                anchors.bottom: parent.bottom
                anchors.bottomMargin: Theme.spacingSmall - 2
                spacing: Theme.spacingTiny
                Label {
                    objectName: "editedMark"
                    visible: message.edited && !message.deleted
                    text: qsTr("edited")
                    color: bubble.metaInk
                    font.pixelSize: Theme.fontCaption - 2
                }
                Label {
                    objectName: "messageTime"
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
            visible: message.reactions.length > 0 && !message.deleted
            x: message.isMine ? column.width - width : 0
            width: bubble.maxWidth
            layoutDirection: message.isMine ? Qt.RightToLeft : Qt.LeftToRight
            spacing: Theme.spacingTiny
            Repeater {
                // Right to left for own messages: reversed, so they still read in their order.
                model: message.isMine ? message.reactions.slice().reverse() : message.reactions
                delegate: Rectangle {
                    required property var modelData
                    objectName: "reaction_" + modelData.emoji
                    implicitWidth: chip.implicitWidth + Theme.spacingMedium
                    implicitHeight: chip.implicitHeight + Theme.spacingTiny * 1.5
                    radius: height / 2
                    color: modelData.mine ? Theme.accentSoft : Theme.field
                    border.width: modelData.mine ? 1 : 0
                    border.color: Theme.accent
                    Label {
                        id: chip
                        objectName: "reactionText"
                        anchors.centerIn: parent
                        text: modelData.emoji + " " + modelData.count
                        textFormat: Text.PlainText
                        color: Theme.textPrimary
                        font.pixelSize: Theme.fontCaption
                    }
                    TapHandler { onTapped: message.reactionClicked(modelData.emoji, modelData.mine) }
                    HoverHandler { cursorShape: Qt.PointingHandCursor }
                }
            }
        }
    }
}
