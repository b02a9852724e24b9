import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Templates as T
import QtQuick.Layouts

import Kocmoc

// The open chat's details, from the chat header: for a group its picture,
// title and members with their roles and presence, "Add people" for its
// owners and admins, and "Leave group"; for a direct chat the other person.
// Slides in from the right; full width on a phone.
Drawer {
    id: panel

    required property Messenger messenger
    // ChatListModel.get() of the chat shown.
    property var chat: ({})
    readonly property string chatId: chat.chatId ?? ""
    readonly property bool isGroup: chat.isGroup ?? false
    readonly property bool canManage: chat.myRole === "owner" || chat.myRole === "admin"

    signal addPeopleRequested(var memberIds)

    objectName: "membersPanel"
    edge: Qt.RightEdge
    width: parent ? Math.min(parent.width, Theme.sidebarWidth + Theme.spacingHuge) : Theme.sidebarWidth
    height: parent ? parent.height : 0
    interactive: opened
    background: Rectangle {
        color: Theme.background
        Rectangle { anchors.fill: parent; color: Theme.glass }
        Rectangle {
            width: Theme.neon ? 2 : 1
            height: parent.height
            color: Theme.neon ? Theme.accent : Theme.divider
        }
    }
    T.Overlay.modal: Rectangle { color: Qt.rgba(0, 0, 0, Theme.dark ? 0.6 : 0.28) }

    MemberListModel {
        id: members
        messenger: panel.messenger
        chatId: panel.chatId
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacingLarge
        spacing: Theme.spacingMedium

        RowLayout {
            Layout.fillWidth: true
            Label {
                Layout.fillWidth: true
                text: panel.isGroup ? qsTr("Group") : qsTr("Profile")
                color: Theme.textPrimary
                font.pixelSize: Theme.fontTitle
                font.weight: Font.DemiBold
            }
            IconButton {
                objectName: "closeMembers"
                glyph: "close"
                tip: qsTr("Close")
                onClicked: panel.close()
            }
        }

        ChatAvatar {
            Layout.alignment: Qt.AlignHCenter
            Layout.topMargin: Theme.spacingSmall
            size: Theme.avatarLarge - Theme.spacingHuge
            avatarUrl: panel.chat.avatarUrl ?? ""
            colorKey: panel.chat.avatarKey ?? ""
            initials: panel.chat.initials ?? ""
        }
        Label {
            objectName: "panelTitle"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            text: panel.chat.title ?? ""
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            maximumLineCount: 2
            elide: Text.ElideRight
            color: Theme.textPrimary
            font.pixelSize: Theme.fontTitle
            font.weight: Font.DemiBold
        }
        Label {
            objectName: "panelSubtitle"
            Layout.fillWidth: true
            Layout.topMargin: -Theme.spacingSmall
            horizontalAlignment: Text.AlignHCenter
            textFormat: Text.PlainText
            color: Theme.textSecondary
            font.pixelSize: Theme.fontCaption + 1
            text: panel.isGroup
                  ? qsTr("%n member(s)", "", members.count)
                    + (members.onlineCount > 0 ? qsTr(", %n online", "", members.onlineCount) : "")
                  : (panel.chat.online ? qsTr("online") : Formats.lastSeen(panel.chat.lastSeen))
        }

        Button {
            id: addPeople
            objectName: "addPeopleButton"
            visible: panel.isGroup && panel.canManage
            Layout.fillWidth: true
            implicitHeight: Theme.touchTarget
            text: qsTr("Add people")
            Accessible.name: text
            onClicked: panel.addPeopleRequested(members.userIds())
            contentItem: RowLayout {
                spacing: Theme.spacingMedium
                IconGlyph { name: "addPerson"; color: Theme.accent; Layout.leftMargin: Theme.spacingSmall }
                Label {
                    Layout.fillWidth: true
                    text: addPeople.text
                    color: Theme.accent
                    font.pixelSize: Theme.fontBody
                    font.weight: Font.DemiBold
                }
            }
            background: Rectangle {
                radius: Theme.radiusMedium
                color: addPeople.down ? Theme.selection : addPeople.hovered ? Theme.fieldHovered : Theme.accentSoft
            }
            HoverHandler { cursorShape: Qt.PointingHandCursor }
        }

        Label {
            visible: panel.isGroup
            Layout.fillWidth: true
            Layout.topMargin: Theme.spacingSmall
            text: qsTr("Members")
            color: Theme.textSecondary
            font.pixelSize: Theme.fontCaption
            font.weight: Font.DemiBold
            font.capitalization: Font.AllUppercase
            font.letterSpacing: 0.6
        }

        ListView {
            id: memberList
            objectName: "memberList"
            visible: panel.isGroup
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 2
            model: members
            reuseItems: false
            ScrollIndicator.vertical: ScrollIndicator {}
            delegate: ItemDelegate {
                id: member
                required property string userId
                required property string displayName
                required property string username
                required property string avatarUrl
                required property string initials
                required property string role
                required property bool online
                required property var lastSeen
                required property bool isMe
                objectName: "member_" + member.username
                width: memberList.width
                padding: Theme.spacingSmall
                background: Rectangle {
                    radius: Theme.radiusMedium
                    color: member.hovered ? Theme.fieldHovered : "transparent"
                }
                contentItem: RowLayout {
                    spacing: Theme.spacingMedium
                    ChatAvatar {
                        size: Theme.avatarTiny
                        avatarUrl: member.avatarUrl
                        colorKey: member.userId
                        initials: member.initials
                        online: member.online
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 0
                        Label {
                            Layout.fillWidth: true
                            text: member.isMe ? qsTr("%1 (you)").arg(member.displayName) : member.displayName
                            textFormat: Text.PlainText
                            elide: Text.ElideRight
                            color: Theme.textPrimary
                            font.weight: Font.DemiBold
                        }
                        Label {
                            Layout.fillWidth: true
                            text: member.online ? qsTr("online") : Formats.lastSeen(member.lastSeen)
                            textFormat: Text.PlainText
                            elide: Text.ElideRight
                            color: member.online ? Theme.accent : Theme.textSecondary
                            font.pixelSize: Theme.fontCaption
                        }
                    }
                    Label {
                        objectName: "roleLabel"
                        visible: member.role === "owner" || member.role === "admin"
                        text: member.role === "owner" ? qsTr("owner") : qsTr("admin")
                        color: Theme.accent
                        font.pixelSize: Theme.fontCaption
                        leftPadding: Theme.spacingSmall
                        rightPadding: Theme.spacingSmall
                        topPadding: 2
                        bottomPadding: 2
                        background: Rectangle { radius: height / 2; color: Theme.accentSoft }
                    }
                }
            }
        }
        Item { visible: !panel.isGroup; Layout.fillHeight: true }

        Button {
            id: leave
            objectName: "leaveGroupButton"
            visible: panel.isGroup
            Layout.fillWidth: true
            implicitHeight: Theme.touchTarget
            text: qsTr("Leave group")
            Accessible.name: text
            onClicked: confirmLeave.open()
            contentItem: RowLayout {
                spacing: Theme.spacingMedium
                IconGlyph { name: "leave"; color: Theme.danger; Layout.leftMargin: Theme.spacingSmall }
                Label {
                    Layout.fillWidth: true
                    text: leave.text
                    color: Theme.danger
                    font.pixelSize: Theme.fontBody
                    font.weight: Font.DemiBold
                }
            }
            background: Rectangle {
                radius: Theme.radiusMedium
                color: leave.down || leave.hovered ? Theme.dangerSoft : "transparent"
                border.width: 1
                border.color: Theme.divider
            }
            HoverHandler { cursorShape: Qt.PointingHandCursor }
        }
    }

    Dialog {
        id: confirmLeave
        objectName: "confirmLeave"
        parent: T.Overlay.overlay
        modal: true
        width: Math.min(360, (parent ? parent.width : 360) - 2 * Theme.spacingLarge)
        x: parent ? Math.round((parent.width - width) / 2) : 0
        y: parent ? Math.round((parent.height - height) / 2) : 0
        padding: Theme.spacingHuge
        title: qsTr("Leave “%1”?").arg(panel.chat.title ?? "")
        background: Rectangle { radius: Theme.radiusLarge; color: Theme.surface; border.color: Theme.glassBorder }
        header: Label {
            padding: Theme.spacingHuge
            bottomPadding: 0
            text: confirmLeave.title
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            color: Theme.textPrimary
            font.pixelSize: Theme.fontBodyLarge
            font.weight: Font.DemiBold
        }
        contentItem: Label {
            text: qsTr("You will no longer see its messages. Someone in the group can add you again.")
            wrapMode: Text.Wrap
            color: Theme.textSecondary
        }
        footer: RowLayout {
            spacing: Theme.spacingSmall
            Item { Layout.fillWidth: true }
            Button {
                id: cancelLeave
                text: qsTr("Cancel")
                flat: true
                Layout.bottomMargin: Theme.spacingLarge
                onClicked: confirmLeave.close()
                contentItem: Label { text: cancelLeave.text; color: Theme.textPrimary; horizontalAlignment: Text.AlignHCenter }
                background: Rectangle { radius: Theme.radiusSmall; color: cancelLeave.hovered ? Theme.fieldHovered : "transparent" }
            }
            Button {
                id: leaveButton
                objectName: "confirmLeaveButton"
                text: qsTr("Leave")
                Layout.rightMargin: Theme.spacingLarge
                Layout.bottomMargin: Theme.spacingLarge
                onClicked: {
                    confirmLeave.close()
                    panel.messenger.leaveChat(panel.chatId)
                }
                contentItem: Label { text: leaveButton.text; color: Theme.textOnAccent; font.weight: Font.DemiBold; horizontalAlignment: Text.AlignHCenter }
                background: Rectangle { radius: Theme.radiusSmall; color: Theme.danger }
            }
        }
    }

    Connections {
        target: panel.messenger
        function onChatLeft(chatId) { if (chatId === panel.chatId) panel.close() }
    }
}
