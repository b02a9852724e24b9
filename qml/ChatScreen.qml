import QtQuick
import QtQuick.Controls.Basic
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
            newChat.group = group
            newChat.open()
        }
        onProfileRequested: screen.profileRequested()
    }

    Drawer {
        id: drawer
        objectName: "chatDrawer"
        width: Math.min(screen.width * 0.9, Theme.sidebarWidth)
        height: screen.height
        interactive: screen.narrow
        background: Rectangle { color: Theme.surface }
        onAboutToHide: if (!screen.narrow) close()
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
        onActivated: screen.narrow ? drawer.open() : sidebar.forceActiveFocus()
    }
}
