import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

import Kocmoc

// The left side of the window: the logo, the chat filter, the row kept for
// stories, the chats, the buttons that start new ones and the theme switches.
Item {
    id: sidebar

    required property ApiClient api
    required property Messenger messenger

    signal chatChosen(string chatId)
    signal newChatRequested(bool group)
    signal profileRequested()

    objectName: "chatSidebar"

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacingMedium
        spacing: Theme.spacingMedium

        RowLayout {
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spacingTiny
            spacing: Theme.spacingSmall + Theme.spacingTiny
            LogoMark { size: Theme.logoMarkSmall }
            Wordmark { pixelSize: Theme.fontTitle - 2 }
            Item { Layout.fillWidth: true }
            Label {
                objectName: "connectionState"
                visible: !sidebar.messenger.online
                text: sidebar.messenger.connectionState === RealtimeClient.Connecting
                      ? qsTr("Connecting…") : qsTr("Offline")
                color: Theme.textSecondary
                font.pixelSize: Theme.fontCaption
            }
            ToolButton {
                objectName: "profileButton"
                Accessible.name: qsTr("Profile")
                contentItem: Avatar {
                    size: Theme.avatarTiny - 4
                    colorKey: sidebar.api.currentUser.id
                    initials: sidebar.api.currentUser.initials
                }
                background: null
                onClicked: sidebar.profileRequested()
            }
        }

        TextField {
            id: filterField
            objectName: "chatFilter"
            Layout.fillWidth: true
            placeholderText: qsTr("Search chats")
            leftPadding: Theme.spacingMedium
            font.pixelSize: Theme.fontBody
            color: Theme.textPrimary
            background: Rectangle {
                implicitHeight: Theme.touchTarget
                radius: Theme.radiusMedium
                color: Theme.field
                border.width: filterField.activeFocus ? Theme.focusWidth : 0
                border.color: Theme.accent
            }
        }

        // Kept for stories (SPEC 2.5): the row's place does not move when they arrive.
        Item {
            objectName: "storiesRow"
            Layout.fillWidth: true
            implicitHeight: Theme.spacingTiny
        }

        ListView {
            id: chatList
            objectName: "chatList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 2
            model: ChatListFilterModel {
                id: filtered
                sourceModel: sidebar.messenger.chats
                filterText: filterField.text
            }
            delegate: ChatListItem {
                width: chatList.width
                current: chatId === sidebar.messenger.currentChatId
                onClicked: sidebar.chatChosen(chatId)
            }
            add: Transition { NumberAnimation { property: "opacity"; from: 0; to: 1; duration: Theme.durationNormal } }
            displaced: Transition { NumberAnimation { properties: "y"; duration: Theme.durationNormal; easing.type: Easing.OutCubic } }
            ScrollIndicator.vertical: ScrollIndicator {}

            Label {
                anchors.centerIn: parent
                width: parent.width - 2 * Theme.spacingLarge
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                visible: !sidebar.messenger.loadingChats && chatList.count === 0
                text: filterField.text !== "" ? qsTr("No chats match “%1”.").arg(filterField.text)
                                              : qsTr("No chats yet. Start one with “New chat”.")
                textFormat: Text.PlainText
                color: Theme.textSecondary
            }
        }

        // Skeletons until the cache or the server gives the list.
        Column {
            objectName: "chatSkeletons"
            visible: sidebar.messenger.loadingChats && chatList.count === 0
            Layout.fillWidth: true
            spacing: Theme.spacingLarge
            Repeater {
                model: 6
                delegate: Row {
                    spacing: Theme.spacingMedium
                    SkeletonBlock { width: Theme.avatarSmall; height: Theme.avatarSmall }
                    Column {
                        anchors.verticalCenter: parent.verticalCenter
                        spacing: Theme.spacingSmall
                        SkeletonBlock { width: 160; height: 12 }
                        SkeletonBlock { width: 220; height: 10 }
                    }
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingSmall
            Button {
                objectName: "newChatButton"
                Layout.fillWidth: true
                text: qsTr("New chat")
                onClicked: sidebar.newChatRequested(false)
            }
            Button {
                objectName: "newGroupButton"
                Layout.fillWidth: true
                text: qsTr("New group")
                onClicked: sidebar.newChatRequested(true)
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Switch {
                objectName: "darkSwitch"
                text: qsTr("Dark")
                checked: Theme.dark
                onToggled: Theme.dark = checked
            }
            Switch {
                objectName: "neonSwitch"
                text: qsTr("Neon")
                checked: Theme.neon
                onToggled: Theme.neon = checked
            }
        }
    }
}
