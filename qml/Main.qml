import QtQuick
import QtQuick.Controls.Basic

import Kocmoc

// The window: the signed-out flow until someone signs in, then their chats
// (with their profile one click away).
ApplicationWindow {
    id: window

    required property ApiClient api
    required property Messenger messenger
    // From the command line (screenshots, demos): the chat at this place in the list
    // (1: the newest) is opened once the list is in; 0 for none.
    property int openChatAt: 0
    // From the command line (screenshots): the stories of the author at this place in
    // the stories row (1: the own row) are opened once the row is in; 0 for none.
    property int openStoryAt: 0

    // The stories asked for by openStoryAt are on screen.
    signal storyShown()

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
        id: chatScreen
        ChatScreen {
            messenger: window.messenger
            openStoryAt: window.openStoryAt
            onStoryShown: window.storyShown()
            onProfileRequested: screens.push(profileScreen, {api: window.api})
        }
    }
    Component {
        id: profileScreen
        ProfilePage {
            // Back to the chats with Esc or the back button.
            Keys.onEscapePressed: screens.pop()
        }
    }

    function currentScreen() {
        return window.api.signedIn ? chatScreen : authScreen
    }

    Component.onCompleted: screens.push(window.currentScreen(), {api: window.api}, StackView.Immediate)

    function openRequestedChat() {
        if (window.openChatAt > 0 && window.messenger.currentChatId === ""
                && !window.messenger.loadingChats && window.messenger.chats.count >= window.openChatAt)
            window.messenger.currentChatId = window.messenger.chats.chatIdAt(window.openChatAt - 1)
    }
    Connections {
        target: window.messenger.chats
        enabled: window.openChatAt > 0
        function onCountChanged() { window.openRequestedChat() }
    }
    Connections {
        target: window.messenger
        enabled: window.openChatAt > 0
        function onLoadingChatsChanged() { window.openRequestedChat() }
    }

    // The chat on screen counts as read only while the window is in front.
    Binding {
        target: window.messenger
        property: "windowActive"
        value: window.active
    }

    Connections {
        target: window.api
        function onSignedInChanged() {
            screens.replace(null, window.currentScreen(), {api: window.api})
        }
    }
}
