import QtQuick
import QtTest

import Kocmoc

// One message as a person sees it: own on the right, others' on the left, the
// edited mark, the placeholder of a deleted one, reactions, ticks, and text
// always shown as written (never as markup).
TestCase {
    id: testCase
    name: "MessageBubble"
    width: 600
    height: 300
    visible: true
    when: windowShown

    Component {
        id: bubbleComponent
        MessageBubble {
            width: testCase.width
            index: 0
            messageId: 42
            clientId: "c-42"
            senderName: "Борис Петров"
            senderId: "u-boris"
            senderInitials: "БП"
            senderAvatarUrl: ""
            isMine: false
            text: "Привет!"
            createdAt: new Date(2026, 0, 5, 17, 5)
            status: "sent"
            edited: false
            deleted: false
            replyToId: 0
            replyToSenderName: ""
            replyToText: ""
            forwardedFromName: ""
            reactions: []
            showDate: false
            firstInGroup: true
            type: "text"
            files: []
            upload: null
        }
    }

    function createBubble(properties) {
        const bubble = createTemporaryObject(bubbleComponent, testCase, properties || {})
        verify(bubble !== null)
        return bubble
    }
    function child(item, name) {
        const found = findChild(item, name)
        verify(found !== null, name + " exists")
        return found
    }
    function shownText(bubble) {
        const text = child(bubble, "messageText")
        return text.getText(0, text.length)
    }

    function test_ownMessagesOnTheRightOthersOnTheLeft() {
        const mine = createBubble({isMine: true})
        const own = child(mine, "bubble")
        waitForRendering(mine)
        const ownRight = own.mapToItem(mine, own.width, 0).x
        fuzzyCompare(ownRight, mine.width, 1)
        verify(own.mapToItem(mine, 0, 0).x > mine.width / 2)

        const theirs = createBubble({isMine: false})
        const other = child(theirs, "bubble")
        waitForRendering(theirs)
        compare(other.mapToItem(theirs, 0, 0).x, 0)
        verify(other.width < theirs.width / 2)
    }

    // A long text wraps inside its bubble, and the row is as tall as the bubble,
    // so the list never draws one message over another.
    function test_longTextWrapsInsideTheBubble() {
        const brief = createBubble({text: "Hi"})
        brief.width = 360
        const shortBubble = child(brief, "bubble")
        waitForRendering(brief)
        verify(shortBubble.width < 120, shortBubble.width)

        const wrapped = createBubble({isGroup: true, text:
            "Also, I sketched a new icon set for KOCMOC. Want a peek? Rounded shapes, a little neon glow"})
        wrapped.width = 360
        const bubble = child(wrapped, "bubble")
        const text = child(wrapped, "messageText")
        waitForRendering(wrapped)
        verify(bubble.width <= 360 * 0.8, bubble.width)
        verify(text.lineCount >= 3, text.lineCount)
        const top = bubble.mapToItem(wrapped, 0, 0).y
        verify(top >= 0, top)
        verify(wrapped.height >= bubble.height, wrapped.height + " < " + bubble.height)
        // And it follows a change of text at once.
        wrapped.text = "Short now"
        verify(wrapped.height < bubble.height + 60)
        verify(bubble.width < 200, bubble.width)
    }

    function test_textIsShownAsWritten() {
        const bubble = createBubble({text: "<b>x</b> & <i>y</i>"})
        compare(shownText(bubble), "<b>x</b> & <i>y</i>")
        compare(child(bubble, "messageText").textFormat, TextEdit.PlainText)
    }

    function test_editedMark() {
        const plain = createBubble()
        verify(!child(plain, "editedMark").visible)
        const edited = createBubble({edited: true})
        verify(child(edited, "editedMark").visible)
        compare(child(edited, "editedMark").text, "edited")
        compare(child(edited, "messageTime").text, Formats.time(new Date(2026, 0, 5, 17, 5)))
    }

    function test_deletedMessageShowsAPlaceholder() {
        const bubble = createBubble({deleted: true, text: "", edited: true,
                                     reactions: [{emoji: "👍", count: 1, mine: false}]})
        compare(shownText(bubble), "Message deleted")
        verify(!child(bubble, "editedMark").visible)
        verify(!child(bubble, "reactions").visible)
    }

    function test_reactionsWithCounts() {
        const bubble = createBubble({reactions: [{emoji: "👍", count: 2, mine: true},
                                                 {emoji: "🔥", count: 1, mine: false}]})
        verify(child(bubble, "reactions").visible)
        compare(child(child(bubble, "reaction_👍"), "reactionText").text, "👍 2")
        compare(child(child(bubble, "reaction_🔥"), "reactionText").text, "🔥 1")
    }

    function test_ticksFollowTheStatus() {
        const bubble = createBubble({isMine: true, status: "pending", messageId: 0})
        const ticks = child(bubble, "ticks")
        verify(ticks.visible)
        compare(ticks.text, "🕓")
        bubble.status = "sent"
        compare(ticks.text, "✓")
        bubble.status = "delivered"
        compare(ticks.text, "✓✓")
        bubble.status = "read"
        compare(ticks.text, "✓✓")
        compare(ticks.font.weight, Font.Bold)
        bubble.status = "failed"
        compare(ticks.text, "!")
        // Others' messages carry no ticks.
        verify(!child(createBubble({isMine: false}), "ticks").visible)
    }

    function test_groupShowsWhoWrote() {
        const bubble = createBubble({isGroup: true})
        verify(child(bubble, "senderName").visible)
        compare(child(bubble, "senderName").text, "Борис Петров")
        verify(child(bubble, "senderAvatar").visible)
        // The rest of a run by the same author: neither again.
        const next = createBubble({isGroup: true, firstInGroup: false})
        verify(!child(next, "senderName").visible)
        verify(!child(next, "senderAvatar").visible)
        // Direct chats: no names, no avatars.
        verify(!child(createBubble(), "senderAvatar").visible)
    }

    function test_replyAndForward() {
        const bubble = createBubble({replyToId: 40, replyToSenderName: "Алиса", replyToText: "Кто идёт?",
                                     forwardedFromName: "Ольга"})
        verify(child(bubble, "replyPreview").visible)
        verify(child(bubble, "forwardedFrom").visible)
        compare(child(bubble, "forwardedFrom").text, "Forwarded from Ольга")
    }
}
