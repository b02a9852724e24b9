import QtQuick
import QtQuick.Controls.Basic

import Kocmoc

// The window: the signed-out flow until someone signs in, then their profile.
ApplicationWindow {
    id: window

    required property ApiClient api

    width: 1024
    height: 720
    minimumWidth: 360
    minimumHeight: 560
    visible: true
    title: qsTr("KOCMOC")
    color: Theme.background
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontBody
    // For the stock parts of the controls (tooltips, scroll indicators, text selection).
    palette.window: Theme.background
    palette.windowText: Theme.textPrimary
    palette.base: Theme.field
    palette.text: Theme.textPrimary
    palette.button: Theme.field
    palette.buttonText: Theme.textPrimary
    palette.highlight: Theme.accent
    palette.highlightedText: Theme.textOnAccent
    palette.placeholderText: Theme.textPlaceholder
    palette.mid: Theme.textPlaceholder
    palette.dark: Theme.textSecondary
    palette.toolTipBase: Theme.textPrimary
    palette.toolTipText: Theme.background

    StackView {
        id: screens
        anchors.fill: parent

        replaceEnter: Transition {
            ParallelAnimation {
                NumberAnimation {
                    property: "opacity"
                    from: 0
                    to: 1
                    duration: Theme.durationNormal
                    easing.type: Easing.OutCubic
                }
                NumberAnimation {
                    property: "scale"
                    from: 0.98
                    to: 1
                    duration: Theme.durationNormal
                    easing.type: Easing.OutCubic
                }
            }
        }
        replaceExit: Transition {
            NumberAnimation {
                property: "opacity"
                from: 1
                to: 0
                duration: Theme.durationFast
            }
        }
    }

    Component {
        id: authScreen
        AuthFlow {}
    }
    Component {
        id: profileScreen
        ProfilePage {}
    }

    function currentScreen() {
        return window.api.signedIn ? profileScreen : authScreen
    }

    Component.onCompleted: screens.push(window.currentScreen(), {api: window.api}, StackView.Immediate)

    Connections {
        target: window.api
        function onSignedInChanged() {
            screens.replace(window.currentScreen(), {api: window.api})
        }
    }
}
