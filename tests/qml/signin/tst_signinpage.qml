import QtQuick
import QtTest

import Kocmoc

// The sign-in page driven as a person would: clicks and key presses.
TestCase {
    id: testCase
    name: "SignInPage"
    width: 390
    height: 844
    visible: true
    when: windowShown

    Component {
        id: pageComponent
        SignInPage {
            width: testCase.width
            height: testCase.height
            api: ApiClient {
                // Nothing listens on port 1: requests fail fast with "cannot connect".
                serverUrl: "http://127.0.0.1:1"
            }
        }
    }

    SignalSpy {
        id: registrationSpy
        signalName: "registrationRequested"
    }

    function createPage() {
        const page = createTemporaryObject(pageComponent, testCase)
        verify(page !== null)
        return page
    }
    function child(page, name) {
        const item = findChild(page, name)
        verify(item !== null, name + " exists")
        return item
    }
    function typeInto(field, text) {
        mouseClick(field)
        for (const character of text)
            keyClick(character)
    }
    function messageOf(field) {
        return child(field, "message")
    }

    function test_buttonIsDisabledUntilBothFieldsAreFilled() {
        const page = createPage()
        const button = child(page, "submitButton")
        verify(!button.enabled)
        typeInto(child(page, "identifierField"), "alice")
        verify(!button.enabled)
        typeInto(child(page, "passwordField"), "secret")
        verify(button.enabled)
    }

    function test_typingFillsTheFields() {
        const page = createPage()
        const identifier = child(page, "identifierField")
        const password = child(page, "passwordField")
        typeInto(identifier, "alice")
        compare(identifier.text, "alice")
        typeInto(password, "kocmoc-demo")
        compare(password.text, "kocmoc-demo")
        compare(identifier.text, "alice")
    }

    function test_enterInTheIdentifierMovesToThePassword() {
        const page = createPage()
        typeInto(child(page, "identifierField"), "alice")
        keyClick(Qt.Key_Return)
        verify(child(page, "passwordField").inputActive)
    }

    function test_passwordCanBeRevealed() {
        const page = createPage()
        const password = child(page, "passwordField")
        typeInto(password, "abc")
        const input = child(password, "input")
        compare(input.echoMode, TextInput.Password)
        mouseClick(child(password, "revealButton"))
        compare(input.echoMode, TextInput.Normal)
    }

    function test_linkAsksForRegistration() {
        const page = createPage()
        registrationSpy.target = page
        registrationSpy.clear()
        mouseClick(child(page, "registerLink"))
        compare(registrationSpy.count, 1)
    }

    function test_fieldErrorAppearsUnderTheField() {
        const page = createPage()
        const password = child(page, "passwordField")
        typeInto(child(page, "identifierField"), "alice")
        typeInto(password, "1234567")
        keyClick(Qt.Key_Return)
        compare(password.errorText, "A password needs at least 8 characters.")
        verify(messageOf(password).visible)
        compare(messageOf(password).text, "A password needs at least 8 characters.")
        verify(!child(page, "formError").visible)
        // Typing again clears it.
        keyClick("8")
        compare(password.errorText, "")
        verify(!messageOf(password).visible)
    }

    function test_requestErrorAppearsOverTheButton() {
        const page = createPage()
        typeInto(child(page, "identifierField"), "alice")
        typeInto(child(page, "passwordField"), "kocmoc-demo")
        mouseClick(child(page, "submitButton"))
        const banner = child(page, "formError")
        tryVerify(() => banner.visible, 10000)
        verify(banner.text.startsWith("Cannot connect to 127.0.0.1:1"))
        verify(!page.api.busy)
        verify(!page.api.signedIn)
    }
}
