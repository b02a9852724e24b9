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

    // As in Telegram: nothing written, a microphone; something written, send.
    function test_micWhenEmptySendWhenText() {
        const composer = createComposer()
        const mic = findChild(composer, "micButton")
        const send = findChild(composer, "sendButton")
        verify(mic.visible)
        verify(!send.visible)
        type("Hi")
        verify(send.visible)
        verify(!mic.visible)
        keyClick(Qt.Key_Backspace)
        keyClick(Qt.Key_Backspace)
        verify(mic.visible)
        verify(!send.visible)
    }

    // A click on the microphone records with Send and Cancel — or, without a
    // microphone, says so; never nothing.
    function test_micClickRecordsOrExplains() {
        const composer = createComposer()
        mouseClick(findChild(composer, "micButton"))
        const error = findChild(composer, "composerError")
        tryVerify(() => composer.recordingMode === "locked" || error.visible, 5000)
        if (error.visible) {
            verify(error.text.length > 10, error.text)
            compare(composer.recordingMode, "")
            verify(findChild(composer, "micButton").visible)
            return
        }
        verify(findChild(composer, "recordingBar").visible)
        verify(findChild(composer, "recordCancelButton").visible)
        verify(findChild(composer, "sendButton").visible)
        compare(findChild(composer, "recordTimer").text.indexOf("0:0"), 0)
        mouseClick(findChild(composer, "recordCancelButton"))
        compare(composer.recordingMode, "")
        verify(!findChild(composer, "recordingBar").visible)
    }

    function test_stickerAndAttachButtons() {
        const composer = createComposer()
        verify(findChild(composer, "attachButton").visible)
        const stickersRequested = signalSpyComponent.createObject(testCase, {target: composer, signalName: "stickersRequested"})
        mouseClick(findChild(composer, "stickerButton"))
        compare(stickersRequested.count, 1)
        verify(findChild(composer, "stickerPanel").visible)
        stickersRequested.destroy()
    }
    Component { id: signalSpyComponent; SignalSpy {} }
}
