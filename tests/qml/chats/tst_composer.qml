import QtQuick
import QtTest

import Kocmoc

// Writing a message: Enter sends, Shift+Enter starts a new line, nothing blank
// is sent, and the field is empty again after sending.
TestCase {
    id: testCase
    name: "Composer"
    width: 500
    height: 200
    visible: true
    when: windowShown

    Component {
        id: composerComponent
        Composer { width: testCase.width }
    }
    SignalSpy {
        id: sent
        signalName: "sendRequested"
    }

    function createComposer() {
        const composer = createTemporaryObject(composerComponent, testCase)
        verify(composer !== null)
        sent.target = composer
        sent.clear()
        mouseClick(findChild(composer, "composerInput"))
        return composer
    }
    function type(text) {
        // Key events carry Latin letters only; Cyrillic goes in as an input method would.
        if (/^[\x20-\x7e]*$/.test(text)) {
            for (const character of text)
                keyClick(character)
        } else {
            const input = findChild(testCase, "composerInput")
            input.insert(input.cursorPosition, text)
        }
    }

    function test_enterSends() {
        const composer = createComposer()
        type("Привет")
        keyClick(Qt.Key_Return)
        compare(sent.count, 1)
        compare(sent.signalArguments[0][0], "Привет")
        compare(composer.text, "")
    }

    function test_shiftEnterStartsANewLine() {
        const composer = createComposer()
        type("a")
        keyClick(Qt.Key_Return, Qt.ShiftModifier)
        type("b")
        compare(sent.count, 0)
        compare(composer.text, "a\nb")
        keyClick(Qt.Key_Enter) // the keypad's Enter sends too
        compare(sent.count, 1)
        compare(sent.signalArguments[0][0], "a\nb")
    }

    function test_blankIsNotSent() {
        const composer = createComposer()
        const send = findChild(composer, "sendButton")
        verify(!send.enabled)
        type("   ")
        verify(!send.enabled)
        keyClick(Qt.Key_Return)
        compare(sent.count, 0)
    }

    function test_sendButton() {
        const composer = createComposer()
        type("Кнопкой")
        const send = findChild(composer, "sendButton")
        verify(send.enabled)
        mouseClick(send)
        compare(sent.count, 1)
        compare(sent.signalArguments[0][0], "Кнопкой")
    }

    function test_emojiGoesIntoTheText() {
        const composer = createComposer()
        mouseClick(findChild(composer, "emojiButton"))
        const panel = findChild(composer, "emojiPanel")
        verify(panel.visible)
        waitForRendering(panel)
        let grin = null
        for (let i = 0; i < panel.children.length; ++i)
            if (panel.children[i].text === "😀")
                grin = panel.children[i]
        verify(grin !== null)
        mouseClick(grin)
        compare(composer.text, "😀")
    }
}
