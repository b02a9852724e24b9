import QtQuick
import QtQuick.Controls.Basic

import Kocmoc

// The signed-out part of the app: sign in, with registration one step away.
StackView {
    id: flow

    required property ApiClient api

    // A complaint about one form means nothing on the other.
    function showRegistration() {
        flow.api.clearError()
        flow.push(registerPage, {api: flow.api})
    }

    objectName: "authFlow"
    initialItem: SignInPage {
        api: flow.api
        onRegistrationRequested: flow.showRegistration()
    }

    Component {
        id: registerPage
        RegisterPage {
            id: registration
            onSignInRequested: {
                registration.api.clearError()
                registration.StackView.view.pop()
            }
        }
    }

    pushEnter: Transition {
        ParallelAnimation {
            NumberAnimation {
                property: "x"
                from: flow.width * 0.12
                to: 0
                duration: Theme.durationNormal
                easing.type: Easing.OutCubic
            }
            NumberAnimation {
                property: "opacity"
                from: 0
                to: 1
                duration: Theme.durationNormal
                easing.type: Easing.OutCubic
            }
        }
    }
    pushExit: Transition {
        NumberAnimation {
            property: "opacity"
            from: 1
            to: 0
            duration: Theme.durationNormal
            easing.type: Easing.OutCubic
        }
    }
    popEnter: Transition {
        NumberAnimation {
            property: "opacity"
            from: 0
            to: 1
            duration: Theme.durationNormal
            easing.type: Easing.OutCubic
        }
    }
    popExit: Transition {
        ParallelAnimation {
            NumberAnimation {
                property: "x"
                from: 0
                to: flow.width * 0.12
                duration: Theme.durationNormal
                easing.type: Easing.OutCubic
            }
            NumberAnimation {
                property: "opacity"
                from: 1
                to: 0
                duration: Theme.durationNormal
                easing.type: Easing.OutCubic
            }
        }
    }
}
