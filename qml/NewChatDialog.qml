import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

import Kocmoc

// "New chat" (pick one person), "New group" (a title and several people) and
// "Add people" to a group (addToChatId; its members shown as already in), with
// people found by name as it is typed. Fits a phone screen.
Dialog {
    id: dialog

    required property ApiClient api
    required property Messenger messenger
    property bool group: false
    // Set for "Add people": the group, and who is in it already.
    property string addToChatId: ""
    property var memberIds: []
    readonly property bool adding: addToChatId !== ""
    readonly property bool picksMany: group || adding
    property var chosen: ({}) // userId → display name

    objectName: "newChatDialog"
    title: adding ? qsTr("Add people") : group ? qsTr("New group") : qsTr("New chat")
    modal: true
    width: Math.min(420, (parent ? parent.width : 420) - 2 * Theme.spacingLarge)
    height: Math.min(560, (parent ? parent.height : 560) - 2 * Theme.spacingGiant)
    x: parent ? (parent.width - width) / 2 : 0
    y: parent ? (parent.height - height) / 2 : 0
    standardButtons: picksMany ? Dialog.Cancel | Dialog.Ok : Dialog.Cancel

    background: Rectangle {
        radius: Theme.radiusLarge
        color: Theme.surface
        border.color: Theme.glassBorder
    }

    onAboutToShow: {
        queryField.text = ""
        titleField.text = ""
        chosen = {}
        queryField.forceActiveFocus()
    }
    onAccepted: {
        if (adding)
            messenger.addMembers(addToChatId, Object.keys(chosen))
        else if (group)
            messenger.createGroup(titleField.text, Object.keys(chosen))
    }

    UserSearchModel {
        id: people
        api: dialog.api
        query: queryField.text
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacingSmall

        TextField {
            id: titleField
            objectName: "groupTitleField"
            visible: dialog.group
            Layout.fillWidth: true
            placeholderText: qsTr("Group name")
            color: Theme.textPrimary
        }
        Label {
            visible: dialog.picksMany && Object.keys(dialog.chosen).length > 0
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
            text: Object.values(dialog.chosen).join(", ")
            color: Theme.accent
            font.pixelSize: Theme.fontCaption
        }
        TextField {
            id: queryField
            objectName: "userSearchField"
            Layout.fillWidth: true
            placeholderText: qsTr("Name or @username")
            color: Theme.textPrimary
        }
        ListView {
            id: results
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: people
            delegate: ItemDelegate {
                id: person
                required property string userId
                required property string displayName
                required property string username
                required property string avatarUrl
                required property string initials
                required property bool online
                readonly property bool member: dialog.adding && dialog.memberIds.indexOf(userId) >= 0
                width: results.width
                enabled: !member
                highlighted: dialog.chosen[userId] !== undefined
                contentItem: RowLayout {
                    spacing: Theme.spacingMedium
                    ChatAvatar {
                        size: Theme.avatarTiny
                        avatarUrl: person.avatarUrl
                        colorKey: person.userId
                        initials: person.initials
                        online: person.online
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 0
                        Label { text: person.displayName; textFormat: Text.PlainText; color: Theme.textPrimary }
                        Label {
                            text: person.member ? qsTr("already in the group") : "@" + person.username
                            textFormat: Text.PlainText
                            color: Theme.textSecondary
                            font.pixelSize: Theme.fontCaption
                        }
                    }
                    Label { visible: person.highlighted; text: "✓"; color: Theme.accent }
                }
                onClicked: {
                    if (!dialog.picksMany) {
                        dialog.messenger.openDirectChat(userId)
                        dialog.close()
                        return
                    }
                    const next = Object.assign({}, dialog.chosen)
                    if (next[userId] !== undefined)
                        delete next[userId]
                    else
                        next[userId] = displayName
                    dialog.chosen = next
                }
            }
            BusyIndicator {
                anchors.centerIn: parent
                running: people.busy
                visible: running
            }
            Label {
                anchors.centerIn: parent
                visible: !people.busy && queryField.text.trim() !== "" && people.count === 0
                text: qsTr("Nobody found")
                color: Theme.textSecondary
            }
        }
    }
}
