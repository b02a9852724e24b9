import QtQuick
import QtTest

import Kocmoc

// Moving between signing in and registering.
TestCase {
    id: testCase
    name: "AuthFlow"
    width: 1280
    height: 800
    visible: true
    when: windowShown

    Component {
        id: flowComponent
        AuthFlow {
            width: testCase.width
            height: testCase.height
            api: ApiClient {
                serverUrl: "http://127.0.0.1:1"
            }
        }
    }

    function settle(flow) {
        tryCompare(flow, "busy", false)
    }

    function test_switchesToRegistrationAndBack() {
        const flow = createTemporaryObject(flowComponent, testCase)
        verify(flow !== null)
        compare(flow.currentItem.objectName, "signInPage")

        mouseClick(findChild(flow.currentItem, "registerLink"))
        settle(flow)
        compare(flow.depth, 2)
        compare(flow.currentItem.objectName, "registerPage")
        verify(findChild(flow.currentItem, "displayNameField") !== null)

        mouseClick(findChild(flow.currentItem, "backButton"))
        settle(flow)
        compare(flow.depth, 1)
        compare(flow.currentItem.objectName, "signInPage")

        mouseClick(findChild(flow.currentItem, "registerLink"))
        settle(flow)
        mouseClick(findChild(flow.currentItem, "signInLink"))
        settle(flow)
        compare(flow.currentItem.objectName, "signInPage")
    }

    function test_registrationShowsFieldErrorsFromTheClient() {
        const flow = createTemporaryObject(flowComponent, testCase)
        mouseClick(findChild(flow.currentItem, "registerLink"))
        settle(flow)
        const page = flow.currentItem
        const fill = function (name, text) {
            mouseClick(findChild(page, name))
            for (const character of text)
                keyClick(character)
        }
        fill("displayNameField", "Anna")
        fill("usernameField", "an")
        fill("emailField", "anna@example.org")
        fill("passwordField", "long enough")
        mouseClick(findChild(page, "submitButton"))
        compare(findChild(page, "usernameField").errorText, "A username has 3 to 32 characters.")
        compare(findChild(page, "emailField").errorText, "")
    }

    function test_errorsDoNotFollowToTheOtherPage() {
        const flow = createTemporaryObject(flowComponent, testCase)
        flow.api.login("alice", "short")
        verify(flow.api.errorMessage !== "")
        mouseClick(findChild(flow.currentItem, "registerLink"))
        settle(flow)
        compare(flow.api.errorMessage, "")
    }
}
