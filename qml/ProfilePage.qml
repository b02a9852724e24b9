import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

import Kocmoc

// The signed-in person's own profile, where they change or remove their photo.
Page {
    id: page

    required property ApiClient api
    readonly property userProfile user: page.api.currentUser

    objectName: "profilePage"

    background: Rectangle {
        color: Theme.background
    }

    header: Rectangle {
        implicitHeight: Theme.topBarHeight
        color: Theme.background

        Row {
            anchors.left: parent.left
            anchors.leftMargin: Theme.pageMargin
            anchors.verticalCenter: parent.verticalCenter
            spacing: Theme.spacingSmall + Theme.spacingTiny
            ToolButton {
                objectName: "backButton"
                anchors.verticalCenter: parent.verticalCenter
                visible: page.StackView.index > 0
                Accessible.name: qsTr("Back")
                contentItem: IconGlyph { name: "back"; color: Theme.textPrimary }
                background: null
                onClicked: page.StackView.view.pop()
            }
            LogoMark {
                anchors.verticalCenter: parent.verticalCenter
                size: Theme.logoMarkSmall
            }
            Wordmark {
                anchors.verticalCenter: parent.verticalCenter
                pixelSize: Theme.fontTitle - 2
            }
        }
        Rectangle {
            anchors.bottom: parent.bottom
            width: parent.width
            height: 1
            color: Theme.divider
        }
    }

    Flickable {
        id: flickable
        anchors.fill: parent
        contentWidth: width
        contentHeight: column.implicitHeight + 2 * Theme.spacingGiant
        boundsBehavior: Flickable.StopAtBounds
        clip: true
        ScrollIndicator.vertical: ScrollIndicator {}

        ColumnLayout {
            id: column
            width: Math.min(Theme.contentWidth, page.width - 2 * Theme.pageMargin)
            x: (flickable.width - width) / 2
            y: Theme.spacingGiant
            spacing: Theme.spacingLarge

            AvatarPicker {
                objectName: "profileAvatar"
                Layout.fillWidth: true
                api: page.api
                size: Theme.avatarLarge
                avatarUrl: page.api.fileUrl(page.user.avatarUrl)
                colorKey: page.user.id
                initials: page.user.initials
            }

            Label {
                id: nameLabel
                objectName: "displayName"
                // Padded on both sides alike, so the name stays centred with the badge after it.
                readonly property real badgeRoom: verifiedBadge.visible ? verifiedBadge.width + Theme.spacingSmall : 0
                Layout.fillWidth: true
                Layout.topMargin: Theme.spacingSmall
                leftPadding: badgeRoom
                rightPadding: badgeRoom
                text: page.user.displayName
                textFormat: Text.PlainText
                elide: Text.ElideRight
                horizontalAlignment: Text.AlignHCenter
                color: Theme.textPrimary
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontHeadline
                font.weight: Font.Bold

                Rectangle {
                    id: verifiedBadge
                    visible: page.user.verified
                    x: (nameLabel.width + nameLabel.contentWidth) / 2 + Theme.spacingSmall
                    anchors.verticalCenter: parent.verticalCenter
                    width: Theme.iconSize
                    height: Theme.iconSize
                    radius: width / 2
                    color: Theme.accent
                    Accessible.name: qsTr("Verified account")
                    IconGlyph {
                        anchors.fill: parent
                        anchors.margins: Theme.spacingTiny / 2
                        name: "check"
                        color: Theme.textOnAccent
                        lineWidth: Theme.strokeWidth + 0.5
                    }
                }
            }
            Label {
                Layout.fillWidth: true
                Layout.topMargin: -Theme.spacingMedium
                horizontalAlignment: Text.AlignHCenter
                text: "@" + page.user.username
                textFormat: Text.PlainText
                elide: Text.ElideRight
                color: Theme.accent
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBodyLarge
                font.weight: Font.Medium
            }

            Rectangle {
                Layout.fillWidth: true
                Layout.topMargin: Theme.spacingLarge
                implicitHeight: facts.implicitHeight
                radius: Theme.radiusLarge
                color: Theme.surface

                Column {
                    id: facts
                    width: parent.width

                    InfoRow {
                        objectName: "bioRow"
                        visible: page.user.bio !== ""
                        width: facts.width
                        value: page.user.bio
                        caption: qsTr("Bio")
                    }
                    Rectangle {
                        visible: page.user.bio !== ""
                        x: Theme.spacingLarge + Theme.spacingTiny
                        width: facts.width - x
                        height: 1
                        color: Theme.divider
                    }
                    InfoRow {
                        width: facts.width
                        value: "@" + page.user.username
                        caption: qsTr("Username")
                    }
                    Rectangle {
                        visible: page.user.email !== ""
                        x: Theme.spacingLarge + Theme.spacingTiny
                        width: facts.width - x
                        height: 1
                        color: Theme.divider
                    }
                    InfoRow {
                        visible: page.user.email !== ""
                        width: facts.width
                        value: page.user.email
                        caption: qsTr("Email")
                    }
                }
            }

            ErrorBanner {
                Layout.fillWidth: true
                text: page.api.errorMessage
            }

            ActionButton {
                objectName: "signOutButton"
                Layout.fillWidth: true
                Layout.topMargin: Theme.spacingSmall
                destructive: true
                text: qsTr("Sign out")
                enabled: !page.api.busy
                busy: page.api.busy
                onClicked: page.api.logout()
            }
        }
    }
}
