import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Templates as T
import QtQuick.Layouts

import Kocmoc

// The signed-in window (SPEC 2.1): the chats on the left, the open chat on
// the right. Below Theme.narrowWidth the chats move into a drawer behind the
// chat header's burger button.
Item {
    id: screen

    required property ApiClient api
    required property Messenger messenger
    readonly property bool narrow: width < Theme.narrowWidth
    // From the command line (screenshots): the stories of the author at this place in
    // the row (1: the own row) open once the row is in; 0 for none.
    property int openStoryAt: 0
    readonly property alias storyFeed: storyFeed
    readonly property alias storyViewer: storyViewer

    // A story opened from the command line is on screen.
    signal storyShown()

    StoryFeedModel {
        id: storyFeed
        messenger: screen.messenger
        onOperationFailed: message => toast.show(message)
        onLoadingChanged: screen.openRequestedStory()
    }
    function openRequestedStory() {
        if (screen.openStoryAt <= 0 || storyFeed.loading || storyViewer.visible)
            return
        const ids = storyFeed.authorIds()
        if (ids.length >= screen.openStoryAt) {
            // From the first story, so that pictures taken one after another show the same.
            screen.openStories(ids[screen.openStoryAt - 1], true)
            screen.openStoryAt = 0
            screen.storyShown()
        }
    }
    // The drawer (a phone's chat list) was open under a story: it comes back after.
    property bool drawerUnderStory: false
    function openStories(authorId, fromStart) {
        screen.drawerUnderStory = drawer.opened
        drawer.close()
        storyViewer.open(authorId, fromStart === true)
    }
    function openStoryComposer() {
        screen.drawerUnderStory = drawer.opened
        drawer.close()
        storyComposer.open()
    }

    signal profileRequested()

    objectName: "chatScreen"

    // The backdrop the glass panels blur.
    Item {
        id: backdrop
        anchors.fill: parent
        Rectangle { anchors.fill: parent; color: Theme.background }
        OrbitBackdrop { anchors.fill: parent }
        Rectangle {
            width: parent.width * 0.6
            height: width
            radius: width / 2
            x: -width * 0.25
            y: -height * 0.35
            color: Theme.accent
            opacity: Theme.dark ? 0.22 : 0.12
        }
        Rectangle {
            width: parent.width * 0.45
            height: width
            radius: width / 2
            x: parent.width - width * 0.6
            y: parent.height - height * 0.55
            color: Theme.avatarGradients[6][1]
            opacity: Theme.dark ? 0.18 : 0.10
        }
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        GlassPanel {
            id: sidebarSlot
            visible: !screen.narrow
            backdrop: backdrop
            Layout.preferredWidth: Theme.sidebarWidth
            Layout.fillHeight: true
        }

        ChatPane {
            id: chatPane
            Layout.fillWidth: true
            Layout.fillHeight: true
            messenger: screen.messenger
            showMenuButton: screen.narrow
            onMenuRequested: drawer.open()
            onInfoRequested: members.open()
        }
    }

    ChatSidebar {
        id: sidebar
        parent: screen.narrow ? drawer.contentItem : sidebarSlot
        anchors.fill: parent
        api: screen.api
        messenger: screen.messenger
        onChatChosen: chatId => {
            screen.messenger.currentChatId = chatId
            drawer.close()
        }
        onNewChatRequested: group => {
            newChat.addToChatId = ""
            newChat.group = group
            newChat.open()
        }
        onProfileRequested: screen.profileRequested()
        storyFeed: storyFeed
        onStoryRequested: authorId => screen.openStories(authorId)
        onStoryComposerRequested: screen.openStoryComposer()
        onSettingsRequested: {
            drawer.close()
            settings.open()
        }
    }

    // The phone's chat list: slides in from the left edge (a swipe or the menu
    // button), leaves a strip of the chat visible to tap it away, closes with Esc or
    // when a chat is chosen.
    Drawer {
        id: drawer
        objectName: "chatDrawer"
        width: Math.min(screen.width - Theme.topBarHeight, Theme.sidebarWidth)
        height: screen.height
        interactive: screen.narrow
        dragMargin: Theme.spacingLarge
        background: Rectangle {
            color: Theme.background
            // The glass tint over the page colour, as the wide sidebar looks.
            Rectangle { anchors.fill: parent; color: Theme.glass }
            Rectangle {
                anchors.right: parent.right
                width: Theme.neon ? 2 : 1
                height: parent.height
                color: Theme.neon ? Theme.accent : Theme.divider
            }
        }
        T.Overlay.modal: Rectangle { color: Qt.rgba(0, 0, 0, Theme.dark ? 0.6 : 0.28) }
        enter: Transition { SmoothedAnimation { velocity: 5 } }
        exit: Transition { SmoothedAnimation { velocity: 5 } }
    }

    SettingsDialog {
        id: settings
        parent: T.Overlay.overlay
        api: screen.api
    }

    MembersPanel {
        id: members
        messenger: screen.messenger
        chat: chatPane.chat
        onAddPeopleRequested: memberIds => {
            newChat.group = false
            newChat.addToChatId = chatPane.chatId
            newChat.memberIds = memberIds
            newChat.open()
        }
    }

    // Stories cover the whole window, above the chats and the drawer's place.
    StoryViewer {
        id: storyViewer
        anchors.fill: parent
        z: 20
        feed: storyFeed
        onClosed: if (screen.drawerUnderStory && screen.narrow) drawer.open()
    }
    StoryComposer {
        id: storyComposer
        anchors.fill: parent
        z: 20
        messenger: screen.messenger
        feed: storyFeed
        onClosed: if (screen.drawerUnderStory && screen.narrow) drawer.open()
    }

    // What went wrong with something the person asked for, for a few seconds.
    Rectangle {
        id: toast
        objectName: "toast"
        property string message
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: parent.bottom
        anchors.bottomMargin: Theme.controlHeight + Theme.spacingHuge
        z: 30 // above the stories, whose failures it tells too
        width: Math.min(toastText.implicitWidth + 2 * Theme.spacingLarge, screen.width - 2 * Theme.spacingLarge)
        height: toastText.implicitHeight + 2 * Theme.spacingMedium
        radius: Theme.radiusMedium
        color: Theme.textPrimary
        opacity: message !== "" ? 1 : 0
        visible: opacity > 0
        Behavior on opacity { NumberAnimation { duration: Theme.durationNormal } }
        Label {
            id: toastText
            anchors.centerIn: parent
            width: Math.min(implicitWidth, screen.width - 4 * Theme.spacingLarge)
            text: toast.message
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
            color: Theme.background
        }
        Timer {
            id: toastTimer
            interval: 5000
            onTriggered: toast.message = ""
        }
        TapHandler { onTapped: toast.message = "" }
        function show(text) {
            toast.message = text
            toastTimer.restart()
        }
    }
    Connections {
        target: screen.messenger
        function onOperationFailed(message) { toast.show(message) }
        // A chat opened anyhow (a list row, "New chat", a notification): the phone shows it.
        function onCurrentChatIdChanged() {
            if (screen.messenger.currentChatId !== "")
                drawer.close()
        }
    }

    NewChatDialog {
        id: newChat
        api: screen.api
        messenger: screen.messenger
    }

    // On a phone, the list comes first.
    Component.onCompleted: if (screen.narrow && screen.messenger.currentChatId === "") drawer.open()
    onNarrowChanged: if (!narrow) drawer.close()

    Shortcut {
        sequence: "Ctrl+K"
        onActivated: {
            if (screen.narrow)
                drawer.open()
            sidebar.focusFilter()
        }
    }
}
