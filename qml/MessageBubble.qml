import QtQuick
import QtQuick.Controls.Basic

import Kocmoc

// One message of the chat (roles of MessageListModel): a date separator above
// the first of a day, the bubble (own on the right), a reply preview, the
// forwarded-from line, the photo, video, voice, document or sticker, the text
// (a caption) as plain text, the time with "edited" and the ticks, and the
// reactions under it. A file on its way shows its progress and a cancel button.
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
    required property string type
    required property var files
    required property var upload
    property bool isGroup: false
    property string searchText
    property bool searchCurrent: false

    signal menuRequested(var bubble)
    signal reactionClicked(string emoji, bool mine)
    signal retryRequested()
    signal cancelUploadRequested()
    signal openPhotoRequested(string url)

    // In groups, others' messages leave room on the left for the author's avatar,
    // shown beside the first message of each run.
    readonly property bool showsAvatars: isGroup && !isMine
    readonly property var file: files && files.length > 0 ? files[0] : null
    readonly property bool isSticker: type === "sticker" && !deleted
    readonly property bool hasMedia: !deleted && file !== null && type !== "text"
    readonly property string mediaKey: messageId > 0 ? String(messageId) : clientId
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
            readonly property real naturalWidth: Math.max(messageText.visible ? messageText.implicitWidth : 0,
                media.item ? media.item.implicitWidth : 0,
                uploadRow.visible ? Theme.voiceBubbleWidth : 0,
                senderLabel.visible ? senderLabel.implicitWidth : 0,
                forwardedLabel.visible ? forwardedLabel.implicitWidth : 0,
                replyPreview.visible ? replyPreview.naturalWidth : 0,
                meta.implicitWidth)
            x: message.isMine ? column.width - width : 0
            width: Math.min(maxWidth, Math.ceil(naturalWidth) + 2 * padding)
            height: content.height + meta.height + Theme.spacingSmall * 2 + 2
            radius: Theme.radiusLarge
            color: message.deleted || message.isSticker ? "transparent"
                 : (message.isMine ? Theme.bubbleOwn : Theme.bubbleOther)
            border.width: message.deleted ? 1 : (message.searchCurrent ? 2 : 0)
            border.color: message.searchCurrent ? Theme.highlight : Theme.divider
            opacity: message.status === "pending" ? 0.8 : 1
            readonly property bool onAccent: message.isMine && !message.deleted && !message.isSticker
            readonly property color ink: onAccent ? Theme.bubbleOwnText : Theme.bubbleOtherText
            readonly property color metaInk: onAccent ? Theme.bubbleOwnMeta : Theme.textSecondary

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
                visible: Theme.neon && bubble.onAccent
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
                Loader {
                    id: media
                    objectName: "media"
                    active: message.hasMedia
                    width: item ? Math.min(item.implicitWidth, parent.width) : 0
                    height: item ? item.implicitHeight : 0
                    sourceComponent: message.type === "photo" ? photoComponent
                                   : message.type === "video" ? videoComponent
                                   : message.type === "voice" || message.type === "audio" ? voiceComponent
                                   : message.type === "sticker" ? stickerComponent
                                   : documentComponent
                }
                // A file on its way: how far, and a way to stop it.
                Row {
                    id: uploadRow
                    objectName: "uploadProgress"
                    visible: message.upload !== null && message.upload !== undefined
                    width: parent.width
                    spacing: Theme.spacingSmall
                    ProgressBar {
                        id: uploadBar
                        objectName: "uploadBar"
                        anchors.verticalCenter: parent.verticalCenter
                        width: parent.width - uploadCancel.width - parent.spacing
                        from: 0
                        to: 1
                        value: uploadRow.visible ? message.upload.progress : 0
                        background: Rectangle {
                            implicitHeight: Theme.progressHeight
                            radius: height / 2
                            color: bubble.onAccent ? Theme.bubbleOwnMeta : Theme.divider
                            opacity: 0.5
                        }
                        contentItem: Item {
                            implicitHeight: Theme.progressHeight
                            Rectangle {
                                width: uploadBar.visualPosition * parent.width
                                height: parent.height
                                radius: height / 2
                                color: bubble.onAccent ? Theme.textOnAccent : Theme.accent
                            }
                        }
                    }
                    IconButton {
                        id: uploadCancel
                        objectName: "uploadCancel"
                        size: Theme.touchTarget - Theme.spacingSmall
                        glyph: "close"
                        ink: bubble.ink
                        tip: qsTr("Cancel sending")
                        onClicked: message.cancelUploadRequested()
                    }
                }
                Label {
                    objectName: "uploadError"
                    visible: uploadRow.visible && message.status === "failed"
                    width: parent.width
                    text: visible ? message.upload.errorString : ""
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    color: bubble.onAccent ? Theme.textOnAccent : Theme.danger
                    font.pixelSize: Theme.fontCaption
                }
                TextEdit {
                    id: messageText
                    objectName: "messageText"
                    // A photo's or a file's caption only when there is one.
                    visible: !message.hasMedia || message.text !== ""
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
            // Under a sticker the time sits on a pill of its own, as there is no bubble.
            Rectangle {
                visible: message.isSticker
                anchors.fill: meta
                anchors.margins: -Theme.spacingTiny / 2
                anchors.leftMargin: -Theme.spacingTiny
                anchors.rightMargin: -Theme.spacingTiny
                radius: height / 2
                color: Theme.glass
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

    Component {
        id: photoComponent
        PhotoBubble {
            maxWidth: bubble.maxWidth - 2 * bubble.padding
            thumbnailUrl: message.file.thumbnailUrl ?? ""
            url: message.file.url ?? ""
            pictureWidth: message.file.width ?? 0
            pictureHeight: message.file.height ?? 0
            onOpenRequested: url => message.openPhotoRequested(url)
        }
    }
    Component {
        id: videoComponent
        VideoBubble {
            maxWidth: bubble.maxWidth - 2 * bubble.padding
            key: message.mediaKey
            // A pending video plays only once it is on the server.
            url: message.messageId > 0 ? (message.file.url ?? "") : ""
            durationMs: message.file.durationMs ?? 0
        }
    }
    Component {
        id: voiceComponent
        VoiceBubble {
            key: message.mediaKey
            url: message.messageId > 0 ? (message.file.url ?? "") : ""
            durationMs: message.file.durationMs ?? 0
            waveform: message.file.waveform ?? []
            onAccent: bubble.onAccent
            ink: bubble.ink
        }
    }
    Component {
        id: documentComponent
        DocumentCard {
            name: message.file.name ?? ""
            size: message.file.size ?? 0
            mime: message.file.mime ?? ""
            url: message.messageId > 0 ? (message.file.url ?? "") : ""
            onAccent: bubble.onAccent
            ink: bubble.ink
            metaInk: bubble.metaInk
        }
    }
    Component {
        id: stickerComponent
        Item {
            implicitWidth: Theme.stickerSize
            implicitHeight: Theme.stickerSize
            Image {
                objectName: "stickerImage"
                anchors.fill: parent
                source: message.file.url ?? ""
                sourceSize: Qt.size(Theme.stickerSize * 2, Theme.stickerSize * 2)
                fillMode: Image.PreserveAspectFit
                asynchronous: true
            }
        }
    }
}
