import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

import Kocmoc

// The left side of the window: the logo, the chat filter, the stories row,
// the chats, the buttons that start new ones and the theme switches.
Item {
    id: sidebar

    required property ApiClient api
    required property Messenger messenger
    // The stories row's model; without one (a sidebar on its own) there is no row.
    property StoryFeedModel storyFeed: null

    signal chatChosen(string chatId)
    signal storyRequested(string authorId)
    signal storyComposerRequested()
    signal newChatRequested(bool group)
    signal profileRequested()
    signal settingsRequested()

    objectName: "chatSidebar"

    // Ctrl+K: straight into the chat filter.
    function focusFilter() {
        filterField.forceActiveFocus()
        filterField.selectAll()
    }

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
            IconButton {
                objectName: "settingsButton"
                glyph: "settings"
                tip: qsTr("Settings")
                onClicked: sidebar.settingsRequested()
            }
            ToolButton {
                objectName: "profileButton"
                Accessible.name: qsTr("Profile")
                ToolTip.visible: hovered
                ToolTip.delay: 600
                ToolTip.text: qsTr("Profile")
                padding: 0
                contentItem: ChatAvatar {
                    size: Theme.avatarTiny - 4
                    avatarUrl: sidebar.api.fileUrl(sidebar.api.currentUser.avatarUrl)
                    colorKey: sidebar.api.currentUser.id
                    initials: sidebar.api.currentUser.initials
                }
                background: null
                onClicked: sidebar.profileRequested()
                HoverHandler { cursorShape: Qt.PointingHandCursor }
            }
        }

        TextField {
            id: filterField
            objectName: "chatFilter"
            Layout.fillWidth: true
            placeholderText: qsTr("Search chats")
            leftPadding: Theme.spacingMedium + Theme.iconSize + Theme.spacingSmall
            rightPadding: Theme.spacingMedium
            font.pixelSize: Theme.fontBody
            color: Theme.textPrimary
            placeholderTextColor: Theme.textPlaceholder
            selectionColor: Theme.selection
            Keys.onEscapePressed: text = ""
            background: Rectangle {
                implicitHeight: Theme.touchTarget
                radius: Theme.radiusMedium
                color: Theme.field
                border.width: filterField.activeFocus ? Theme.focusWidth : 1
                border.color: filterField.activeFocus ? Theme.accent : Theme.divider
                IconGlyph {
                    anchors.verticalCenter: parent.verticalCenter
                    x: Theme.spacingMedium
                    width: Theme.iconSize - 2
                    height: Theme.iconSize - 2
                    name: "search"
                    color: filterField.activeFocus ? Theme.accent : Theme.textPlaceholder
                }
            }
        }

        // Stories (SPEC 2.5): the own avatar with its "+" first, then the others'.
        Loader {
            objectName: "storiesRowLoader"
            Layout.fillWidth: true
            Layout.preferredHeight: item ? item.implicitHeight : 0
            active: sidebar.storyFeed !== null
            visible: active
            sourceComponent: StoriesRow {
                feed: sidebar.storyFeed
                onOpenRequested: authorId => sidebar.storyRequested(authorId)
                onComposeRequested: sidebar.storyComposerRequested()
            }
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
                objectName: "noChatsLabel"
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

        component SoftButton: Button {
            id: soft
            property string glyph
            Layout.fillWidth: true
            Layout.preferredWidth: 1 // equal halves, whatever the texts
            implicitHeight: Theme.touchTarget
            font.pixelSize: Theme.fontBody
            font.weight: Font.DemiBold
            Accessible.name: text
            contentItem: Item {
                implicitWidth: softRow.implicitWidth
                Row {
                    id: softRow
                    anchors.centerIn: parent
                    spacing: Theme.spacingSmall
                    IconGlyph {
                        anchors.verticalCenter: parent.verticalCenter
                        width: Theme.iconSize - 2
                        height: Theme.iconSize - 2
                        name: soft.glyph
                        color: Theme.accent
                    }
                    Label {
                        anchors.verticalCenter: parent.verticalCenter
                        text: soft.text
                        font: soft.font
                        color: Theme.accent
                        elide: Text.ElideRight
                    }
                }
            }
            background: Rectangle {
                radius: Theme.radiusMedium
                color: soft.down ? Theme.selection : soft.hovered ? Qt.darker(Theme.accentSoft, Theme.dark ? 0.8 : 1.04)
                                                                  : Theme.accentSoft
                border.width: Theme.neon ? 1 : 0
                border.color: Theme.accent
                Behavior on color { ColorAnimation { duration: Theme.durationFast } }
            }
            HoverHandler { cursorShape: Qt.PointingHandCursor }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingSmall
            SoftButton {
                objectName: "newChatButton"
                glyph: "edit"
                text: qsTr("New chat")
                onClicked: sidebar.newChatRequested(false)
            }
            SoftButton {
                objectName: "newGroupButton"
                glyph: "people"
                text: qsTr("New group")
                onClicked: sidebar.newChatRequested(true)
            }
        }

        // The scheme and the glow, one click away (SPEC 2.1); remembered by Preferences.
        RowLayout {
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spacingTiny
            spacing: Theme.spacingLarge
            ToggleSwitch {
                objectName: "darkSwitch"
                text: qsTr("Dark")
                checked: Theme.dark
                onToggled: Preferences.theme = checked ? "dark" : "light"
            }
            ToggleSwitch {
                objectName: "neonSwitch"
                text: qsTr("Neon")
                checked: Theme.neon
                onToggled: Preferences.neon = checked
            }
            Item { Layout.fillWidth: true }
        }
    }
}
