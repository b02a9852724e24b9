import QtQuick
import QtTest

import Kocmoc
import KocmocTest

// The sidebar with alice's chats from the server: the instant filter keeps the
// chats whose name (or the other person's username) contains what is typed,
// in any case and script, and says so when none does.
TestCase {
    id: testCase
    name: "ChatList"
    width: 360
    height: 720
    visible: true
    when: windowShown

    Component {
        id: sidebarComponent
        ChatSidebar {
            width: testCase.width
            height: testCase.height
            api: Backend.api
            messenger: Backend.messenger
        }
    }

    function createSidebar() {
        const sidebar = createTemporaryObject(sidebarComponent, testCase)
        verify(sidebar !== null)
        return sidebar
    }
    function titles(list) {
        const shown = []
        for (let row = 0; row < list.count; ++row) {
            const item = list.itemAtIndex(row)
            if (item)
                shown.push(findChild(item, "chatTitle").text)
        }
        return shown.sort()
    }
    function filter(sidebar, text) {
        const field = findChild(sidebar, "chatFilter")
        field.text = ""
        mouseClick(field)
        // Key events carry Latin letters only; Cyrillic goes in as an input method would.
        if (/^[\x20-\x7e]*$/.test(text)) {
            for (const character of text)
                keyClick(character)
        } else {
            field.insert(0, text)
        }
        compare(field.text, text)
    }

    function test_allChatsAreListedNewestFirst() {
        const sidebar = createSidebar()
        const list = findChild(sidebar, "chatList")
        tryCompare(list, "count", 4, 10000)
        waitForRendering(list)
        compare(titles(list), ["Emma Wilson", "Weekend hike", "Борис Петров", "Команда"])
        // The newest message is Makar's, in the hike group.
        compare(findChild(list.itemAtIndex(0), "chatTitle").text, "Weekend hike")
    }

    function test_filterByName() {
        const sidebar = createSidebar()
        const list = findChild(sidebar, "chatList")
        filter(sidebar, "бор")
        tryCompare(list, "count", 1)
        waitForRendering(list)
        compare(titles(list), ["Борис Петров"])
        filter(sidebar, "КОМАНДА")
        tryCompare(list, "count", 1)
        waitForRendering(list)
        compare(titles(list), ["Команда"])
    }

    function test_filterByUsername() {
        const sidebar = createSidebar()
        const list = findChild(sidebar, "chatList")
        filter(sidebar, "emma")
        tryCompare(list, "count", 1)
        waitForRendering(list)
        compare(titles(list), ["Emma Wilson"])
    }

    function test_nothingMatches() {
        const sidebar = createSidebar()
        const list = findChild(sidebar, "chatList")
        filter(sidebar, "zzz")
        tryCompare(list, "count", 0)
        const empty = findChild(sidebar, "noChatsLabel")
        tryVerify(() => empty.visible)
        compare(empty.text, "No chats match “zzz”.")
        // Esc clears the filter: everything is back.
        keyClick(Qt.Key_Escape)
        tryCompare(list, "count", 4)
        // The view announces its new count at its next layout.
        tryVerify(() => !empty.visible)
    }

    function test_choosingAChat() {
        const sidebar = createSidebar()
        const list = findChild(sidebar, "chatList")
        tryCompare(list, "count", 4, 10000)
        const spy = createTemporaryObject(spyComponent, testCase, {target: sidebar})
        waitForRendering(list)
        const row = findChild(list, "chatRow_" + Backend.borisChatId)
        verify(row !== null)
        mouseClick(row)
        compare(spy.count, 1)
        compare(spy.signalArguments[0][0], Backend.borisChatId)
    }

    Component {
        id: spyComponent
        SignalSpy { signalName: "chatChosen" }
    }
}
