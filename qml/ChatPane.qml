import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

import Kocmoc

// The open chat: its header (avatar, name, online / last seen / typing), the
// messages, and the composer. Ctrl+F searches inside the chat. Files come in
// through the composer's attach button, a paste, or a drop onto the chat; each
// is shown in the AttachmentSheet before it goes.
Item {
    id: pane

    required property Messenger messenger
    property bool showMenuButton: false
    readonly property string chatId: messenger.currentChatId
    // The header follows the chat list's row for this chat.
    property var chat: ({})

    // Where files are shown before they are sent (also for tests).
    readonly property alias attachmentSheet: sheet

    signal menuRequested()
    // The header was clicked: show the chat's details (members of a group).
    signal infoRequested()

    objectName: "chatPane"

    function refreshChat() {
        pane.chat = pane.chatId !== "" ? pane.messenger.chats.get(pane.chatId) : ({})
    }
    onChatIdChanged: {
        refreshChat()
        composer.cancel()
        composer.cancelRecording()
        search.close()
    }
    Connections {
        target: pane.messenger.chats
        function onChatChanged(changedId) {
            if (changedId === pane.chatId)
                pane.refreshChat()
        }
    }

    MessageListModel {
        id: messages
        messenger: pane.messenger
        chatId: pane.chatId
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        GlassPanel {
            id: header
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.topBarHeight + Theme.spacingSmall

            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: Theme.spacingMedium
                anchors.rightMargin: Theme.spacingMedium
                spacing: Theme.spacingMedium

                IconButton {
                    id: burger
                    objectName: "burgerButton"
                    visible: pane.showMenuButton
                    glyph: "menu"
                    ink: Theme.textPrimary
                    tip: qsTr("Chats")
                    onClicked: pane.menuRequested()
                    // Unread messages elsewhere, as on the wide screen's list.
                    Rectangle {
                        objectName: "burgerBadge"
                        readonly property int unread: pane.messenger.chats.unreadTotal
                                                      - (pane.chat.unreadCount ?? 0)
                        visible: unread > 0
                        anchors.right: parent.right
                        anchors.top: parent.top
                        implicitHeight: Theme.badgeSize - 4
                        implicitWidth: Math.max(implicitHeight, burgerCount.implicitWidth + Theme.spacingSmall)
                        radius: height / 2
                        color: Theme.accent
                        border.width: 2
                        border.color: Theme.background
                        Label {
                            id: burgerCount
                            anchors.centerIn: parent
                            text: parent.unread > 99 ? "99+" : parent.unread
                            color: Theme.textOnAccent
                            font.pixelSize: Theme.fontCaption - 3
                            font.weight: Font.DemiBold
                        }
                    }
                }
                ChatAvatar {
                    objectName: "headerAvatar"
                    visible: pane.chatId !== ""
                    TapHandler { onTapped: pane.infoRequested() }
                    HoverHandler { cursorShape: Qt.PointingHandCursor }
                    size: Theme.avatarTiny
                    avatarUrl: pane.chat.avatarUrl ?? ""
                    colorKey: pane.chat.avatarKey ?? ""
                    initials: pane.chat.initials ?? ""
                    online: pane.chat.online ?? false
                }
                ColumnLayout {
                    id: titleColumn
                    Layout.fillWidth: true
                    spacing: 0
                    // Name and avatar open the chat's details, as in other messengers.
                    TapHandler { enabled: pane.chatId !== ""; onTapped: pane.infoRequested() }
                    HoverHandler { enabled: pane.chatId !== ""; cursorShape: Qt.PointingHandCursor }
                    Label {
                        objectName: "chatTitle"
                        Layout.fillWidth: true
                        text: pane.chatId !== "" ? (pane.chat.title ?? "") : qsTr("KOCMOC")
                        textFormat: Text.PlainText
                        elide: Text.ElideRight
                        color: Theme.textPrimary
                        font.pixelSize: Theme.fontBodyLarge
                        font.weight: Font.DemiBold
                    }
                    Label {
                        objectName: "chatStatus"
                        Layout.fillWidth: true
                        visible: pane.chatId !== ""
                        elide: Text.ElideRight
                        textFormat: Text.PlainText
                        font.pixelSize: Theme.fontCaption
                        readonly property string typing: Formats.typing(pane.chat.typingNames ?? [])
                        color: typing !== "" || pane.chat.online ? Theme.accent : Theme.textSecondary
                        text: {
                            if (typing !== "")
                                return typing
                            if (pane.chat.isGroup)
                                return qsTr("%n member(s)", "", pane.chat.memberCount ?? 0)
                            return pane.chat.online ? qsTr("online") : Formats.lastSeen(pane.chat.lastSeen)
                        }
                    }
                }
                IconButton {
                    objectName: "infoButton"
                    visible: pane.chatId !== "" && (pane.chat.isGroup ?? false)
                    glyph: "people"
                    tip: qsTr("Members")
                    onClicked: pane.infoRequested()
                }
                IconButton {
                    objectName: "searchButton"
                    visible: pane.chatId !== ""
                    glyph: "search"
                    tip: qsTr("Search in chat")
                    onClicked: search.open()
                }
            }
        }

        // In-chat search: matches highlighted, jump between them newest first.
        RowLayout {
            id: search
            objectName: "chatSearch"
            visible: false
            Layout.fillWidth: true
            Layout.margins: Theme.spacingSmall
            property var rows: []
            property int current: -1

            function open() { visible = true; searchField.forceActiveFocus() }
            function close() { visible = false; searchField.text = ""; rows = []; current = -1 }
            function refresh() {
                rows = searchField.text.trim() === "" ? [] : messages.rowsMatching(searchField.text)
                current = rows.length > 0 ? 0 : -1
                jump()
            }
            function jump() {
                if (current >= 0)
                    messageList.positionViewAtIndex(rows[current], ListView.Center)
            }

            TextField {
                id: searchField
                objectName: "chatSearchField"
                Layout.fillWidth: true
                placeholderText: qsTr("Search messages")
                color: Theme.textPrimary
                onTextChanged: search.refresh()
                Keys.onEscapePressed: search.close()
                onAccepted: if (search.rows.length > 0) { search.current = (search.current + 1) % search.rows.length; search.jump() }
            }
            Label {
                objectName: "chatSearchCount"
                text: search.rows.length > 0 ? qsTr("%1 of %2").arg(search.current + 1).arg(search.rows.length)
                                             : (searchField.text !== "" ? qsTr("No matches") : "")
                color: Theme.textSecondary
                font.pixelSize: Theme.fontCaption
            }
            ToolButton {
                text: "▲"
                Accessible.name: qsTr("Older match")
                enabled: search.rows.length > 1
                onClicked: { search.current = (search.current + 1) % search.rows.length; search.jump() }
            }
            ToolButton {
                text: "▼"
                Accessible.name: qsTr("Newer match")
                enabled: search.rows.length > 1
                onClicked: { search.current = (search.current - 1 + search.rows.length) % search.rows.length; search.jump() }
            }
            ToolButton {
                text: "✕"
                Accessible.name: qsTr("Close search")
                onClicked: search.close()
            }
        }

        ListView {
            id: messageList
            objectName: "messageList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: pane.chatId !== ""
            clip: true
            // Newest at the bottom; older pages arrive at the top without moving the view.
            verticalLayoutDirection: ListView.BottomToTop
            spacing: 0
            leftMargin: Theme.spacingLarge
            rightMargin: Theme.spacingLarge
            topMargin: Theme.spacingMedium
            bottomMargin: Theme.spacingMedium
            model: messages
            ScrollIndicator.vertical: ScrollIndicator {}
            onAtYEndChanged: if (atYEnd && messages.hasMore) messages.loadOlder()
            onContentYChanged: if (count > 0 && indexAt(width / 2, contentY + height / 4) >= count - 5) messages.loadOlder()

            delegate: MessageBubble {
                width: messageList.width - messageList.leftMargin - messageList.rightMargin
                isGroup: pane.chat.isGroup ?? false
                searchText: search.visible ? searchField.text.trim() : ""
                searchCurrent: search.current >= 0 && search.rows[search.current] === index
                onMenuRequested: bubble => messageMenu.openFor(this, bubble)
                onReactionClicked: (emoji, mine) => pane.messenger.setReaction(messageId, emoji, !mine)
                onRetryRequested: pane.messenger.retryMessage(clientId)
                onCancelUploadRequested: pane.messenger.discardMessage(clientId)
                onOpenPhotoRequested: url => viewer.show(url)
            }
            add: Transition { NumberAnimation { property: "opacity"; from: 0; to: 1; duration: Theme.durationNormal } }

            // Skeleton bubbles while the first page loads and nothing is cached.
            Column {
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.bottom: parent.bottom
                anchors.margins: Theme.spacingLarge
                spacing: Theme.spacingMedium
                visible: messages.loading && messages.count === 0
                Repeater {
                    model: 5
                    delegate: SkeletonBlock {
                        required property int index
                        width: 140 + (index * 67) % 180
                        height: 36
                        radius: Theme.radiusLarge
                        x: index % 2 ? parent.width - width : 0
                    }
                }
            }
        }

        // Nothing open yet: the mark and where to go from here.
        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: pane.chatId === ""
            Column {
                anchors.centerIn: parent
                width: Math.min(parent.width - 2 * Theme.spacingHuge, Theme.contentWidth)
                spacing: Theme.spacingMedium
                LogoMark {
                    anchors.horizontalCenter: parent.horizontalCenter
                    size: Theme.logoMark
                    opacity: 0.9
                }
                Label {
                    objectName: "noChatHint"
                    width: parent.width
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    text: qsTr("Choose a chat to start messaging")
                    color: Theme.textPrimary
                    font.pixelSize: Theme.fontBodyLarge
                    font.weight: Font.DemiBold
                }
                Label {
                    width: parent.width
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    text: pane.showMenuButton ? qsTr("Your chats are behind the menu button.")
                                              : qsTr("Ctrl+K finds a chat; “New chat” starts one.")
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontCaption + 1
                }
            }
        }

        GlassPanel {
            Layout.fillWidth: true
            Layout.preferredHeight: composer.implicitHeight
            visible: pane.chatId !== ""
            Composer {
                id: composer
                anchors.fill: parent
                property int replyToId: 0
                property int editId: 0
                function cancel() { replyToId = 0; editId = 0; replyName = ""; replyText = ""; editing = false }
                stickerSets: pane.messenger.stickerSets
                onTyping: pane.messenger.setTyping(pane.chatId, true)
                onVoiceRecorded: (filePath, durationMs, waveform) => {
                    pane.messenger.sendVoice(pane.chatId, filePath, durationMs, waveform, replyToId)
                    cancel()
                }
                onFilesChosen: fileUrls => sheet.openFiles(fileUrls, false)
                onImagePasted: filePath => sheet.openFiles([filePath], true)
                onStickerChosen: stickerId => pane.messenger.sendSticker(pane.chatId, stickerId)
                onStickersRequested: pane.messenger.loadStickers()
                onCancelRequested: {
                    if (editing) text = ""
                    cancel()
                }
                onSendRequested: text => {
                    if (editId > 0)
                        pane.messenger.editMessage(editId, text)
                    else
                        pane.messenger.sendMessage(pane.chatId, text, replyToId)
                    cancel()
                }
            }
        }
    }

    Menu {
        id: messageMenu
        property var target: null
        function openFor(item, bubble) {
            target = item
            popup(bubble)
        }
        Row {
            spacing: 2
            leftPadding: Theme.spacingSmall
            Repeater {
                model: ["👍", "❤️", "😂", "🔥", "🎉", "😢"]
                delegate: ToolButton {
                    required property string modelData
                    text: modelData
                    onClicked: {
                        pane.messenger.setReaction(messageMenu.target.messageId, modelData, true)
                        messageMenu.close()
                    }
                }
            }
        }
        MenuItem {
            text: qsTr("Reply")
            enabled: messageMenu.target && messageMenu.target.messageId > 0 && !messageMenu.target.deleted
            onTriggered: {
                composer.cancel()
                composer.replyToId = messageMenu.target.messageId
                composer.replyName = messageMenu.target.senderName
                composer.replyText = messageMenu.target.text
                composer.focusInput()
            }
        }
        MenuItem {
            text: qsTr("Edit")
            enabled: messageMenu.target && messageMenu.target.isMine && messageMenu.target.messageId > 0
                     && !messageMenu.target.deleted && messageMenu.target.forwardedFromName === ""
            onTriggered: {
                composer.cancel()
                composer.editId = messageMenu.target.messageId
                composer.editing = true
                composer.replyText = messageMenu.target.text
                composer.text = messageMenu.target.text
                composer.focusInput()
            }
        }
        MenuItem {
            text: qsTr("Copy")
            enabled: messageMenu.target && !messageMenu.target.deleted
            onTriggered: {
                clipboardHelper.text = messageMenu.target.text
                clipboardHelper.selectAll()
                clipboardHelper.copy()
            }
        }
        Menu {
            title: qsTr("Forward to")
            enabled: messageMenu.target && messageMenu.target.messageId > 0 && !messageMenu.target.deleted
            Repeater {
                model: pane.messenger.chats
                delegate: MenuItem {
                    required property string chatId
                    required property string title
                    text: title
                    onTriggered: pane.messenger.forwardMessage(messageMenu.target.messageId, chatId)
                }
            }
        }
        MenuItem {
            text: qsTr("Delete")
            enabled: messageMenu.target && messageMenu.target.messageId > 0 && !messageMenu.target.deleted
            onTriggered: pane.messenger.deleteMessage(messageMenu.target.messageId)
        }
    }

    // Files dragged from the desktop onto the chat: a hint while over it.
    DropArea {
        id: drop
        objectName: "chatDropArea"
        anchors.fill: parent
        enabled: pane.chatId !== ""
        keys: ["text/uri-list"]
        onDropped: dropEvent => {
            if (dropEvent.hasUrls && dropEvent.urls.length > 0) {
                sheet.openFiles(dropEvent.urls, false)
                dropEvent.acceptProposedAction()
            }
        }
        Rectangle {
            anchors.fill: parent
            anchors.margins: Theme.spacingMedium
            visible: drop.containsDrag
            radius: Theme.radiusLarge
            color: Theme.accentSoft
            opacity: 0.92
            border.width: Theme.strokeWidth
            border.color: Theme.accent
            Label {
                anchors.centerIn: parent
                text: qsTr("Drop files here to send them")
                color: Theme.accent
                font.pixelSize: Theme.fontBodyLarge
                font.weight: Font.DemiBold
            }
        }
    }

    AttachmentSheet {
        id: sheet
        messenger: pane.messenger
        onSendRequested: (fileUrl, caption, temporary) => {
            pane.messenger.sendFile(pane.chatId, fileUrl, caption, composer.replyToId, temporary)
            composer.cancel()
        }
    }
    MediaViewer { id: viewer }

    // The clipboard, reached through a text field QML already has.
    TextEdit { id: clipboardHelper; visible: false; textFormat: TextEdit.PlainText }
}
