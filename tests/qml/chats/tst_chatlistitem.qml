import QtQuick
import QtTest

import Kocmoc

// One row of the chat list as a person reads it: who, the last words, how many
// are unread, whether the other person is online, who is typing.
TestCase {
    id: testCase
    name: "ChatListItem"
    width: 360
    height: 200
    visible: true
    when: windowShown

    Component {
        id: rowComponent
        ChatListItem {
            width: testCase.width
            chatId: "c1"
            title: "Борис Петров"
            avatarUrl: ""
            avatarKey: "u-boris"
            initials: "БП"
            lastMessageText: "Привет!\nКак дела?"
            lastMessageType: "text"
            lastMessageMine: false
            lastMessageStatus: "sent"
            lastSenderName: "Борис Петров"
            isGroup: false
            lastActivity: new Date()
            unreadCount: 3
            online: true
            typingNames: []
        }
    }

    function createRow(properties) {
        const row = createTemporaryObject(rowComponent, testCase, properties || {})
        verify(row !== null)
        return row
    }
    function child(row, name) {
        const item = findChild(row, name)
        verify(item !== null, name + " exists")
        return item
    }

    function test_titlePreviewAndUnread() {
        const row = createRow()
        compare(child(row, "chatTitle").text, "Борис Петров")
        // One line: the line break reads as a space.
        compare(child(row, "chatPreview").text, "Привет! Как дела?")
        verify(child(row, "unreadBadge").visible)
        compare(child(row, "unreadCount").text, "3")
        verify(child(row, "onlineDot").visible)
        // Generated avatar: the initials, no picture.
        verify(child(row, "avatarInitials").visible)
        verify(!child(row, "avatarPicture").visible)
    }

    function test_readChatHasNoBadge() {
        const row = createRow({unreadCount: 0, online: false})
        verify(!child(row, "unreadBadge").visible)
        verify(!child(row, "onlineDot").visible)
    }

    function test_manyUnreadAreCapped() {
        const row = createRow({unreadCount: 1500})
        compare(child(row, "unreadCount").text, "999+")
    }

    function test_typingReplacesThePreview() {
        const row = createRow()
        row.typingNames = ["Борис Петров"]
        compare(child(row, "chatPreview").text, "Борис Петров is typing…")
        row.typingNames = ["Борис Петров", "Emma Wilson"]
        compare(child(row, "chatPreview").text, "2 people are typing…")
        row.typingNames = []
        compare(child(row, "chatPreview").text, "Привет! Как дела?")
    }

    function test_ownAndGroupMessagesSayWho() {
        const own = createRow({lastMessageMine: true, lastMessageText: "Иду", lastMessageStatus: "read"})
        compare(child(own, "chatPreview").text, "You: Иду")
        compare(child(own, "lastTicks").text, "✓✓")
        const group = createRow({isGroup: true, title: "Команда", lastMessageText: "Пицца"})
        compare(child(group, "chatPreview").text, "Борис Петров: Пицца")
        const photo = createRow({lastMessageType: "photo", lastMessageText: ""})
        compare(child(photo, "chatPreview").text, "Photo")
        const empty = createRow({lastMessageType: "", lastMessageText: ""})
        compare(child(empty, "chatPreview").text, "No messages yet")
    }

    function test_titleIsPlainText() {
        const row = createRow({title: "<b>Борис</b>"})
        compare(child(row, "chatTitle").text, "<b>Борис</b>")
        compare(child(row, "chatTitle").textFormat, Text.PlainText)
    }

    function test_brokenAvatarFallsBackToInitials() {
        // Nothing listens on port 1: the picture fails, the initials stay.
        const row = createRow({avatarUrl: "http://127.0.0.1:1/api/files/x/thumbnail"})
        const picture = child(row, "avatarPicture")
        tryCompare(picture, "status", Image.Error, 10000)
        verify(child(row, "avatarInitials").visible)
        verify(!child(row, "avatarSkeleton").visible)
    }
}
