import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Templates as T
import QtQuick.Layouts

import Kocmoc

// The open chat's details, from the chat header: for a group its picture
// (owners and admins change it), title and members with their roles and
// presence, "Add people" for its owners and admins, each member's actions for
// those allowed (owners make people admins and back; owners and admins remove
// people, with a confirmation), and "Leave group"; for a direct chat the other
// person. Slides in from the right; full width on a phone.
Drawer {
    id: panel

    required property Messenger messenger
    // ChatListModel.get() of the chat shown.
    property var chat: ({})
    readonly property string chatId: chat.chatId ?? ""
    readonly property bool isGroup: chat.isGroup ?? false
    readonly property bool canManage: members.myRole === "owner" || members.myRole === "admin"

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
        objectName: "memberModel"
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

        AvatarPicker {
            id: groupPhoto
            objectName: "groupAvatar"
            Layout.fillWidth: true
            Layout.topMargin: Theme.spacingSmall
            api: panel.messenger.api
            messenger: panel.messenger
            chatId: panel.isGroup ? panel.chatId : ""
            editable: panel.isGroup && panel.canManage
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

        ErrorBanner {
            objectName: "membersError"
            Layout.fillWidth: true
            text: members.errorMessage
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
                required property bool canChangeRole
                required property bool canRemove
                required property bool changing
                readonly property bool hasActions: member.canChangeRole || member.canRemove
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
                    Spinner {
                        objectName: "memberChanging"
                        visible: member.changing
                    }
                    ToolButton {
                        id: actions
                        objectName: "memberActions"
                        visible: member.hasActions && !member.changing
                        implicitWidth: Theme.touchTarget
                        implicitHeight: Theme.touchTarget
                        padding: 0
                        Accessible.name: qsTr("Actions for %1").arg(member.displayName)
                        ToolTip.visible: hovered
                        ToolTip.delay: 600
                        ToolTip.text: qsTr("Actions")
                        onClicked: memberMenu.openFor(member, actions)
                        // Three dots: "more".
                        contentItem: Item {
                            Row {
                                anchors.centerIn: parent
                                spacing: Theme.spacingTiny - 1
                                Repeater {
                                    model: 3
                                    Rectangle {
                                        width: Theme.spacingTiny
                                        height: width
                                        radius: width / 2
                                        color: actions.down ? Theme.accent : Theme.textSecondary
                                    }
                                }
                            }
                        }
                        background: Rectangle {
                            radius: width / 2
                            color: actions.down ? Theme.accentSoft : actions.hovered ? Theme.fieldHovered : "transparent"
                        }
                        HoverHandler { cursorShape: Qt.PointingHandCursor }
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

    // "Are you sure?" before something that cannot be undone from here.
    component Confirmation: Dialog {
        id: confirmation
        property string question
        property string explanation
        property string actionText
        property string actionName
        signal confirmed()
        parent: T.Overlay.overlay
        modal: true
        width: Math.min(360, (parent ? parent.width : 360) - 2 * Theme.spacingLarge)
        x: parent ? Math.round((parent.width - width) / 2) : 0
        y: parent ? Math.round((parent.height - height) / 2) : 0
        padding: Theme.spacingHuge
        background: Rectangle { radius: Theme.radiusLarge; color: Theme.surface; border.color: Theme.glassBorder }
        header: Label {
            padding: Theme.spacingHuge
            bottomPadding: 0
            text: confirmation.question
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            color: Theme.textPrimary
            font.pixelSize: Theme.fontBodyLarge
            font.weight: Font.DemiBold
        }
        contentItem: Label {
            text: confirmation.explanation
            wrapMode: Text.Wrap
            color: Theme.textSecondary
        }
        footer: RowLayout {
            spacing: Theme.spacingSmall
            Item { Layout.fillWidth: true }
            Button {
                id: cancelButton
                text: qsTr("Cancel")
                flat: true
                Layout.bottomMargin: Theme.spacingLarge
                onClicked: confirmation.close()
                contentItem: Label { text: cancelButton.text; color: Theme.textPrimary; horizontalAlignment: Text.AlignHCenter }
                background: Rectangle { radius: Theme.radiusSmall; color: cancelButton.hovered ? Theme.fieldHovered : "transparent" }
            }
            Button {
                id: actionButton
                objectName: confirmation.actionName
                text: confirmation.actionText
                Layout.rightMargin: Theme.spacingLarge
                Layout.bottomMargin: Theme.spacingLarge
                onClicked: {
                    confirmation.close()
                    confirmation.confirmed()
                }
                contentItem: Label { text: actionButton.text; color: Theme.textOnAccent; font.weight: Font.DemiBold; horizontalAlignment: Text.AlignHCenter }
                background: Rectangle { radius: Theme.radiusSmall; color: Theme.danger }
            }
        }
    }

    Confirmation {
        id: confirmLeave
        objectName: "confirmLeave"
        question: qsTr("Leave “%1”?").arg(panel.chat.title ?? "")
        explanation: qsTr("You will no longer see its messages. Someone in the group can add you again.")
        actionText: qsTr("Leave")
        actionName: "confirmLeaveButton"
        onConfirmed: panel.messenger.leaveChat(panel.chatId)
    }

    Confirmation {
        id: confirmRemove
        property string userId
        property string memberName
        objectName: "confirmRemove"
        question: qsTr("Remove %1 from “%2”?").arg(memberName).arg(panel.chat.title ?? "")
        explanation: qsTr("They will no longer see its messages. An owner or admin can add them again.")
        actionText: qsTr("Remove")
        actionName: "confirmRemoveButton"
        onConfirmed: members.removeMember(userId)
    }

    // One line of memberMenu.
    component MemberAction: ItemDelegate {
        id: action
        property color ink: Theme.textPrimary
        Layout.fillWidth: true
        leftPadding: Theme.spacingMedium
        rightPadding: Theme.spacingHuge
        Accessible.name: text
        contentItem: Label {
            text: action.text
            color: action.ink
            font.pixelSize: Theme.fontBody
        }
        background: Rectangle {
            radius: Theme.radiusSmall
            color: action.down ? Theme.accentSoft : action.hovered ? Theme.fieldHovered : "transparent"
        }
    }

    // What may be done to one member, under its "more" button; only what the
    // signed-in person is allowed shows. (A Popup, not a Menu: a Menu keeps the
    // room of the lines it hides.)
    Popup {
        id: memberMenu
        objectName: "memberMenu"
        property var target: null
        function openFor(row, button) {
            target = row
            parent = button
            x = button.width - implicitWidth
            y = button.height
            open()
        }
        margins: Theme.spacingSmall
        padding: Theme.spacingTiny
        background: Rectangle {
            radius: Theme.radiusMedium
            color: Theme.surface
            border.width: 1
            border.color: Theme.glassBorder
        }
        contentItem: ColumnLayout {
            spacing: 0
            MemberAction {
                objectName: "roleAction"
                visible: memberMenu.target !== null && memberMenu.target.canChangeRole
                text: memberMenu.target !== null && memberMenu.target.role === "admin"
                      ? qsTr("Remove admin rights") : qsTr("Make admin")
                onClicked: {
                    memberMenu.close()
                    members.setRole(memberMenu.target.userId,
                                    memberMenu.target.role === "admin" ? "member" : "admin")
                }
            }
            MemberAction {
                objectName: "removeAction"
                visible: memberMenu.target !== null && memberMenu.target.canRemove
                ink: Theme.danger
                text: qsTr("Remove from group")
                onClicked: {
                    memberMenu.close()
                    confirmRemove.userId = memberMenu.target.userId
                    confirmRemove.memberName = memberMenu.target.displayName
                    confirmRemove.open()
                }
            }
        }
    }

    Connections {
        target: panel.messenger
        function onChatLeft(chatId) { if (chatId === panel.chatId) panel.close() }
    }
    // The chat is gone (left, removed, closed): nothing is left to show.
    onChatIdChanged: if (chatId === "") panel.close()
}
