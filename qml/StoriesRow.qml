import QtQuick
import QtQuick.Controls.Basic

import Kocmoc

// The stories row under the sidebar's search (SPEC 2.5): the signed-in person
// first, with a "+" to post one, then the authors with something new, then the
// ones seen in full. Each avatar wears a ring of one arc per story (StoryRing).
// Pulsing circles stand in while the first answer is on its way.
Item {
    id: row

    required property StoryFeedModel feed

    // The author's stories are to be shown.
    signal openRequested(string authorId)
    // The "+": a new story.
    signal composeRequested()

    readonly property int itemWidth: Theme.storyAvatar + 2 * (Theme.storyRingGap + Theme.storyRingWidth) + Theme.spacingSmall

    objectName: "storiesRow"
    implicitHeight: Theme.storyAvatar + 2 * (Theme.storyRingGap + Theme.storyRingWidth)
                    + Theme.spacingTiny + nameMetrics.height

    FontMetrics {
        id: nameMetrics
        font.pixelSize: Theme.fontCaption - 1
    }

    ListView {
        id: list
        objectName: "storiesList"
        anchors.fill: parent
        orientation: ListView.Horizontal
        spacing: 0
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        model: row.feed
        // The row reorders as stories are seen: the avatars slide to their new places.
        move: Transition { NumberAnimation { properties: "x"; duration: Theme.durationNormal; easing.type: Easing.OutCubic } }
        displaced: Transition { NumberAnimation { properties: "x"; duration: Theme.durationNormal; easing.type: Easing.OutCubic } }
        add: Transition { NumberAnimation { property: "opacity"; from: 0; to: 1; duration: Theme.durationNormal } }

        delegate: AbstractButton {
            id: entry

            required property int index
            required property string authorId
            required property string displayName
            required property string avatarUrl
            required property string initials
            required property int storyCount
            required property var seenFlags
            required property bool allSeen
            required property bool isMine

            objectName: "storyAuthor_" + authorId
            width: row.itemWidth
            height: list.height
            Accessible.name: isMine ? qsTr("Your story") : qsTr("Stories of %1").arg(displayName)
            onClicked: {
                if (isMine && storyCount === 0)
                    row.composeRequested()
                else
                    row.openRequested(authorId)
            }

            contentItem: Item {
                Item {
                    id: avatarBox
                    anchors.horizontalCenter: parent.horizontalCenter
                    width: Theme.storyAvatar + 2 * (Theme.storyRingGap + Theme.storyRingWidth)
                    height: width
                    scale: entry.down ? 0.94 : 1
                    Behavior on scale { NumberAnimation { duration: Theme.durationFast } }

                    StoryRing {
                        anchors.fill: parent
                        seenFlags: entry.seenFlags
                    }
                    ChatAvatar {
                        anchors.centerIn: parent
                        size: Theme.storyAvatar
                        avatarUrl: entry.avatarUrl
                        colorKey: entry.authorId
                        initials: entry.initials
                    }
                    // The "+" on the own avatar: a new story, whether there are some or not.
                    AbstractButton {
                        id: addButton
                        objectName: "addStoryButton"
                        visible: entry.isMine
                        width: Theme.badgeSize + 2
                        height: width
                        anchors.right: parent.right
                        anchors.bottom: parent.bottom
                        Accessible.name: qsTr("New story")
                        ToolTip.visible: hovered
                        ToolTip.delay: 600
                        ToolTip.text: qsTr("New story")
                        onClicked: row.composeRequested()
                        background: Rectangle {
                            radius: width / 2
                            color: addButton.hovered ? Theme.accentHovered : Theme.accent
                            border.width: 2
                            border.color: Theme.background
                        }
                        contentItem: Item {
                            Rectangle {
                                anchors.centerIn: parent
                                width: parent.width * 0.46
                                height: Theme.strokeWidth
                                radius: height / 2
                                color: Theme.textOnAccent
                            }
                            Rectangle {
                                anchors.centerIn: parent
                                width: Theme.strokeWidth
                                height: parent.height * 0.46
                                radius: width / 2
                                color: Theme.textOnAccent
                            }
                        }
                        HoverHandler { cursorShape: Qt.PointingHandCursor }
                    }
                }
                Label {
                    objectName: "storyAuthorName"
                    anchors.top: avatarBox.bottom
                    anchors.topMargin: Theme.spacingTiny
                    anchors.horizontalCenter: parent.horizontalCenter
                    width: row.itemWidth - Theme.spacingTiny
                    horizontalAlignment: Text.AlignHCenter
                    elide: Text.ElideRight
                    text: entry.isMine ? qsTr("Your story") : entry.displayName
                    textFormat: Text.PlainText
                    font.pixelSize: Theme.fontCaption - 1
                    font.weight: entry.allSeen ? Font.Normal : Font.DemiBold
                    color: entry.allSeen ? Theme.textSecondary : Theme.textPrimary
                }
            }
            background: null
            HoverHandler { cursorShape: Qt.PointingHandCursor }
        }
    }

    // Until the first answer: circles where the avatars will be (beside the own one).
    Row {
        objectName: "storySkeletons"
        visible: row.feed.loading && row.feed.count <= 1
        x: row.feed.count * row.itemWidth
        spacing: 0
        Repeater {
            model: 4
            delegate: Item {
                width: row.itemWidth
                height: row.height
                SkeletonBlock {
                    anchors.horizontalCenter: parent.horizontalCenter
                    width: Theme.storyAvatar + 2 * (Theme.storyRingGap + Theme.storyRingWidth)
                    height: width
                    radius: width / 2
                }
                SkeletonBlock {
                    anchors.horizontalCenter: parent.horizontalCenter
                    anchors.bottom: parent.bottom
                    anchors.bottomMargin: 2
                    width: Theme.storyAvatar - Theme.spacingSmall
                    height: 8
                }
            }
        }
    }
}
