import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

import Kocmoc

// One row of the chat list (roles of ChatListModel).
ItemDelegate {
    id: row

    required property string chatId
    required property string title
    required property string avatarUrl
    required property string avatarKey
    required property string initials
    required property string lastMessageText
    required property string lastMessageType
    required property bool lastMessageMine
    required property string lastMessageStatus
    required property string lastSenderName
    required property bool isGroup
    required property var lastActivity
    required property int unreadCount
    required property bool online
    required property var typingNames
    property bool current: false

    readonly property string typingText: Formats.typing(row.typingNames)

    objectName: "chatRow_" + chatId
    implicitHeight: 72
    padding: Theme.spacingMedium
    hoverEnabled: true

    background: Rectangle {
        radius: Theme.radiusMedium
        color: row.current ? Theme.accentSoft : (row.hovered ? Theme.fieldHovered : "transparent")
        border.width: row.current && Theme.neon ? 1 : 0
        border.color: Theme.accent
        Behavior on color { ColorAnimation { duration: Theme.durationFast } }
    }

    contentItem: RowLayout {
        spacing: Theme.spacingMedium

        ChatAvatar {
            objectName: "chatAvatar"
            size: Theme.avatarSmall
            avatarUrl: row.avatarUrl
            colorKey: row.avatarKey
            initials: row.initials
            online: row.online
        }

        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2

            RowLayout {
                Layout.fillWidth: true
                Label {
                    objectName: "chatTitle"
                    Layout.fillWidth: true
                    text: row.title
                    textFormat: Text.PlainText
                    elide: Text.ElideRight
                    color: Theme.textPrimary
                    font.pixelSize: Theme.fontBody
                    font.weight: Font.DemiBold
                }
                Label {
                    objectName: "lastTicks"
                    text: row.lastMessageMine && row.lastMessageStatus === "read" ? "✓✓"
                        : row.lastMessageMine && row.lastMessageStatus === "delivered" ? "✓✓"
                        : row.lastMessageMine && row.lastMessageStatus === "sent" ? "✓" : ""
                    visible: text !== ""
                    color: row.lastMessageStatus === "read" ? Theme.accent : Theme.textSecondary
                    font.pixelSize: Theme.fontCaption
                }
                Label {
                    objectName: "lastTime"
                    text: Formats.listTime(row.lastActivity)
                    color: row.unreadCount > 0 ? Theme.accent : Theme.textSecondary
                    font.pixelSize: Theme.fontCaption
                }
            }
            RowLayout {
                Layout.fillWidth: true
                Label {
                    objectName: "chatPreview"
                    Layout.fillWidth: true
                    textFormat: Text.PlainText
                    elide: Text.ElideRight
                    maximumLineCount: 1
                    font.pixelSize: Theme.fontCaption + 1
                    color: row.typingText !== "" ? Theme.accent : Theme.textSecondary
                    text: {
                        if (row.typingText !== "")
                            return row.typingText
                        if (row.lastMessageText === "" && row.lastMessageType === "")
                            return qsTr("No messages yet")
                        const body = Formats.messagePreview(row.lastMessageType, row.lastMessageText)
                                        .replace(/\n/g, " ")
                        if (row.lastMessageMine)
                            return qsTr("You: %1").arg(body)
                        if (row.isGroup && row.lastSenderName !== "")
                            return qsTr("%1: %2").arg(row.lastSenderName).arg(body)
                        return body
                    }
                }
                Rectangle {
                    objectName: "unreadBadge"
                    visible: row.unreadCount > 0
                    implicitHeight: Theme.badgeSize
                    implicitWidth: Math.max(Theme.badgeSize, badgeText.implicitWidth + Theme.spacingSmall * 2)
                    radius: height / 2
                    color: Theme.accent
                    Label {
                        id: badgeText
                        objectName: "unreadCount"
                        anchors.centerIn: parent
                        text: row.unreadCount > 999 ? "999+" : row.unreadCount
                        color: Theme.textOnAccent
                        font.pixelSize: Theme.fontCaption - 1
                        font.weight: Font.DemiBold
                    }
                }
            }
        }
    }
}
