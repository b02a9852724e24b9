import QtQuick
import QtQuick.Controls.Basic
import QtMultimedia
import Qt5Compat.GraphicalEffects

import Kocmoc

// Stories, one author after another (SPEC 2.5), over the whole window: a card
// in the middle on a desktop, the full screen on a phone. Bars on top, one per
// story of the author, the current one filling over Theme.storyDurationMs for a
// photo or a text and over the video's length for a video. A tap on the left
// third goes back, elsewhere forward (past the last story to the next author,
// past the last author it closes); pressing and holding pauses; Esc, a swipe
// down or the close button closes. Every story shown counts as viewed. On the
// person's own stories: who viewed them, and deleting.
Item {
    id: viewer

    required property StoryFeedModel feed
    // How long a photo or a text stays (tests make it longer to look around).
    property int storyDurationMs: Theme.storyDurationMs
    readonly property bool narrow: width < Theme.narrowWidth

    // The authors as the row had them when the viewer opened: the row reorders as
    // stories are seen, the way through them does not.
    property var authorIds: []
    property int authorIndex: -1
    readonly property string authorId: authorIndex >= 0 && authorIndex < authorIds.length ? authorIds[authorIndex] : ""
    property var author: ({})
    property var stories: []
    property int storyIndex: 0
    readonly property var story: storyIndex >= 0 && storyIndex < stories.length ? stories[storyIndex] : null
    readonly property string storyId: story ? story.storyId : ""
    // 0..1 of the current story.
    property real progress: 0
    // Pressed and held: the story waits.
    property bool held: false
    readonly property bool contentReady: !story || story.type === "text" || story.type === "video"
                                         || photo.status === Image.Ready || photo.status === Image.Error
    readonly property bool paused: held || viewersPanel.visible || deleteConfirmation.visible || !contentReady
    property bool videoFailed: false
    property real elapsedMs: 0

    signal closed()

    objectName: "storyViewer"
    visible: false
    focus: visible

    // Opens on that author's first story not seen yet (or the first one); fromStart: on
    // the first one whatever was seen.
    function open(authorId, fromStart) {
        const ids = viewer.feed.authorIdsWithStories()
        const index = ids.indexOf(authorId)
        if (index < 0)
            return false
        viewer.authorIds = ids
        viewer.visible = true
        viewer.forceActiveFocus()
        viewer.showAuthor(index, fromStart ? 0 : viewer.feed.firstUnseenIndex(authorId))
        return true
    }
    function close() {
        if (!viewer.visible)
            return
        clock.stop()
        viewersPanel.visible = false
        deleteConfirmation.visible = false
        viewer.visible = false
        viewer.authorIndex = -1
        viewer.stories = []
        viewer.held = false
        viewer.closed()
    }
    function showAuthor(index, storyIndex) {
        viewer.authorIndex = index
        viewer.author = viewer.feed.author(viewer.authorIds[index])
        viewer.stories = viewer.feed.storiesOf(viewer.authorIds[index])
        viewer.showStory(Math.max(0, Math.min(storyIndex, viewer.stories.length - 1)))
    }
    function showStory(index) {
        viewer.storyIndex = index
        viewer.progress = 0
        viewer.elapsedMs = 0
        viewer.videoFailed = false
        viewersPanel.visible = false
        deleteConfirmation.visible = false
        if (viewer.story)
            viewer.feed.markViewed(viewer.story.storyId)
        if (viewer.story && viewer.author.isMine)
            viewer.feed.refreshViews(viewer.story.storyId)
    }
    function next() {
        if (viewer.storyIndex + 1 < viewer.stories.length)
            viewer.showStory(viewer.storyIndex + 1)
        else if (viewer.authorIndex + 1 < viewer.authorIds.length)
            viewer.showAuthor(viewer.authorIndex + 1,
                              viewer.feed.firstUnseenIndex(viewer.authorIds[viewer.authorIndex + 1]))
        else
            viewer.close()
    }
    function previous() {
        if (viewer.storyIndex > 0)
            viewer.showStory(viewer.storyIndex - 1)
        else if (viewer.authorIndex > 0)
            viewer.showAuthor(viewer.authorIndex - 1,
                              viewer.feed.storiesOf(viewer.authorIds[viewer.authorIndex - 1]).length - 1)
        else
            viewer.showStory(0) // the very first: from its start again
    }
    function ageText(date) {
        const minutes = Math.floor((Date.now() - date.getTime()) / 60000)
        if (minutes < 1)
            return qsTr("just now")
        if (minutes < 60)
            return qsTr("%n min ago", "", minutes)
        return qsTr("%n h ago", "", Math.floor(minutes / 60))
    }

    // The author's stories changed under the viewer (deleted, added, a view count).
    Connections {
        target: viewer.feed
        enabled: viewer.visible
        function onStoriesChanged(authorId) {
            if (authorId !== viewer.authorId)
                return
            const currentId = viewer.storyId
            const fresh = viewer.feed.storiesOf(authorId)
            const index = fresh.findIndex(item => item.storyId === currentId)
            viewer.stories = fresh
            if (index >= 0) {
                viewer.storyIndex = index
            } else if (fresh.length === 0) {
                viewer.storyIndex = 0
                viewer.next()
            } else {
                viewer.showStory(Math.min(viewer.storyIndex, fresh.length - 1))
            }
        }
        function onViewersLoaded(storyId, viewers) {
            if (storyId === viewer.storyId) {
                viewersPanel.viewers = viewers
                viewersPanel.loading = false
            }
        }
    }

    // A photo or a text: the bar fills with the time shown, not counting pauses.
    Timer {
        id: clock
        property real lastTick: 0
        interval: 16
        repeat: true
        running: viewer.visible && viewer.story !== null && !viewer.paused
                 && (viewer.story.type !== "video" || viewer.videoFailed)
        onRunningChanged: lastTick = Date.now()
        onTriggered: {
            const now = Date.now()
            viewer.elapsedMs += now - lastTick
            lastTick = now
            viewer.progress = Math.min(1, viewer.elapsedMs / viewer.storyDurationMs)
            if (viewer.progress >= 1)
                viewer.next()
        }
    }

    Keys.onEscapePressed: {
        if (viewersPanel.visible)
            viewersPanel.visible = false
        else if (deleteConfirmation.visible)
            deleteConfirmation.visible = false
        else
            viewer.close()
    }
    Keys.onLeftPressed: viewer.previous()
    Keys.onRightPressed: viewer.next()

    // Around the card: dark, and a click there closes (as on a photo viewer).
    Rectangle {
        anchors.fill: parent
        color: viewer.narrow ? Theme.storyBackdrop : Theme.storyScrim
    }
    MouseArea {
        objectName: "storyScrim"
        anchors.fill: parent
        hoverEnabled: true
        onClicked: viewer.close()
        onWheel: wheel => wheel.accepted = true
    }

    Item {
        id: card
        objectName: "storyCard"
        readonly property real fullHeight: viewer.narrow ? viewer.height : viewer.height - 2 * Theme.spacingHuge
        width: viewer.narrow ? viewer.width : Math.min(viewer.width - 2 * Theme.spacingHuge, fullHeight * Theme.storyAspect)
        height: fullHeight
        x: (viewer.width - width) / 2
        y: (viewer.height - height) / 2 + dragDown
        opacity: 1 - Math.min(0.6, dragDown / (viewer.height || 1))
        clip: true
        // How far a swipe down has pulled it.
        property real dragDown: 0
        // On a desktop the card's rounded corners cut the photo and the video too.
        layer.enabled: !viewer.narrow && GraphicsInfo.api !== GraphicsInfo.Software
        layer.effect: OpacityMask {
            maskSource: Rectangle {
                width: card.width
                height: card.height
                radius: Theme.radiusLarge
            }
        }

        Rectangle {
            anchors.fill: parent
            radius: viewer.narrow ? 0 : Theme.radiusLarge
            color: Theme.storyBackdrop
        }

        // A text story: its words on its background.
        Rectangle {
            id: textPage
            objectName: "storyTextPage"
            anchors.fill: parent
            radius: viewer.narrow ? 0 : Theme.radiusLarge
            visible: viewer.story !== null && viewer.story.type === "text"
            readonly property var colors: Theme.storyBackground(viewer.story ? viewer.story.background : "")
            gradient: Gradient {
                GradientStop { position: 0; color: textPage.colors[0] }
                GradientStop { position: 1; color: textPage.colors[1] }
            }
            Label {
                objectName: "storyText"
                anchors.centerIn: parent
                width: parent.width - 2 * Theme.spacingHuge
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                text: viewer.story && viewer.story.type === "text" ? viewer.story.text : ""
                textFormat: Text.PlainText
                color: Theme.storyInk
                font.pixelSize: text.length > 160 ? Theme.fontTitle : Theme.storyTextSize
                font.weight: Font.DemiBold
            }
        }

        // A photo: its thumbnail, dimmed and cropped, fills the card behind the whole picture.
        Image {
            anchors.fill: parent
            visible: viewer.story !== null && viewer.story.type === "photo"
            source: visible ? viewer.story.thumbnailUrl : ""
            fillMode: Image.PreserveAspectCrop
            opacity: 0.35
            asynchronous: true
        }
        Image {
            id: photo
            objectName: "storyPhoto"
            anchors.fill: parent
            visible: viewer.story !== null && viewer.story.type === "photo"
            source: visible ? viewer.story.fileUrl : ""
            fillMode: Image.PreserveAspectFit
            asynchronous: true
            smooth: true
            mipmap: true
        }
        Spinner {
            anchors.centerIn: parent
            visible: photo.visible && photo.status === Image.Loading
            color: Theme.storyInk
        }

        // A video plays with its sound; the bar follows its position.
        Loader {
            id: video
            anchors.fill: parent
            active: viewer.visible && viewer.story !== null && viewer.story.type === "video"
            sourceComponent: Item {
                MediaPlayer {
                    id: player
                    source: viewer.story ? viewer.story.fileUrl : ""
                    videoOutput: output
                    audioOutput: AudioOutput {}
                    onPositionChanged: if (duration > 0) viewer.progress = position / duration
                    onMediaStatusChanged: {
                        if (mediaStatus === MediaPlayer.EndOfMedia)
                            viewer.next()
                        else if (mediaStatus === MediaPlayer.InvalidMedia)
                            viewer.videoFailed = true
                    }
                    onErrorOccurred: viewer.videoFailed = true
                    Component.onCompleted: play()
                }
                VideoOutput {
                    id: output
                    anchors.fill: parent
                }
                Connections {
                    target: viewer
                    function onPausedChanged() {
                        if (viewer.paused)
                            player.pause()
                        else
                            player.play()
                    }
                    function onStoryIdChanged() {
                        player.stop()
                        player.source = viewer.story && viewer.story.type === "video" ? viewer.story.fileUrl : ""
                        player.play()
                    }
                }
            }
        }

        Label {
            objectName: "storyLoadError"
            anchors.centerIn: parent
            width: parent.width - 2 * Theme.spacingHuge
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            visible: (photo.visible && photo.status === Image.Error) || (video.active && viewer.videoFailed)
            text: photo.visible ? qsTr("This photo could not be loaded.") : qsTr("This video could not be played.")
            color: Theme.storyInkDim
        }

        // Taps, holds and the swipe down, over the whole card (the buttons sit above it).
        MouseArea {
            id: touch
            objectName: "storyTouch"
            anchors.fill: parent
            property real pressY: 0
            property bool wasHeld: false
            onPressed: mouse => {
                pressY = mouse.y
                wasHeld = false
                holdTimer.restart()
            }
            onPositionChanged: mouse => {
                card.dragDown = Math.max(0, mouse.y - pressY)
                if (card.dragDown > Theme.spacingMedium)
                    viewer.held = true
            }
            onReleased: mouse => {
                holdTimer.stop()
                const pulled = card.dragDown
                const tap = !viewer.held
                viewer.held = false
                card.dragDown = 0
                if (pulled > Math.min(Theme.avatarLarge, card.height / 5)) {
                    viewer.close()
                } else if (tap) {
                    if (mouse.x < width / 3)
                        viewer.previous()
                    else
                        viewer.next()
                }
            }
            onCanceled: {
                holdTimer.stop()
                viewer.held = false
                card.dragDown = 0
            }
            Timer {
                id: holdTimer
                interval: 250
                onTriggered: viewer.held = true
            }
        }

        // The top: bars, the author, the close button, over a shade for contrast.
        Rectangle {
            anchors.left: parent.left
            anchors.right: parent.right
            height: header.y + header.height + Theme.spacingHuge
            gradient: Gradient {
                GradientStop { position: 0; color: Theme.storyShade }
                GradientStop { position: 1; color: "transparent" }
            }
        }
        Row {
            id: bars
            objectName: "storyProgressBars"
            x: Theme.spacingMedium
            y: Theme.spacingMedium
            width: parent.width - 2 * Theme.spacingMedium
            spacing: Theme.spacingTiny
            Repeater {
                id: barRepeater
                objectName: "storyBarRepeater"
                model: viewer.stories.length
                delegate: Rectangle {
                    required property int index
                    objectName: "storyBar_" + index
                    width: (bars.width - (barRepeater.count - 1) * bars.spacing) / Math.max(1, barRepeater.count)
                    height: 3
                    radius: height / 2
                    color: Theme.storyTrack
                    Rectangle {
                        height: parent.height
                        radius: parent.radius
                        color: Theme.storyInk
                        width: parent.width * (index < viewer.storyIndex ? 1 : index > viewer.storyIndex ? 0 : viewer.progress)
                    }
                }
            }
        }
        Row {
            id: header
            x: Theme.spacingMedium
            y: bars.y + bars.height + Theme.spacingMedium
            width: parent.width - 2 * Theme.spacingMedium
            spacing: Theme.spacingSmall + Theme.spacingTiny
            ChatAvatar {
                anchors.verticalCenter: parent.verticalCenter
                size: Theme.avatarTiny
                avatarUrl: viewer.author.avatarUrl || ""
                colorKey: viewer.author.authorId || ""
                initials: viewer.author.initials || ""
            }
            Column {
                anchors.verticalCenter: parent.verticalCenter
                width: header.width - Theme.avatarTiny - closeButton.width - 2 * header.spacing
                Label {
                    objectName: "storyAuthorTitle"
                    width: parent.width
                    text: viewer.author.isMine ? qsTr("Your story") : (viewer.author.displayName || "")
                    textFormat: Text.PlainText
                    elide: Text.ElideRight
                    color: Theme.storyInk
                    font.weight: Font.DemiBold
                }
                Label {
                    width: parent.width
                    text: viewer.story ? viewer.ageText(viewer.story.createdAt) : ""
                    elide: Text.ElideRight
                    color: Theme.storyInkDim
                    font.pixelSize: Theme.fontCaption
                }
            }
            IconButton {
                id: closeButton
                objectName: "storyCloseButton"
                anchors.verticalCenter: parent.verticalCenter
                glyph: "close"
                tip: qsTr("Close")
                ink: Theme.storyInk
                onClicked: viewer.close()
            }
        }

        // The caption of a photo or a video, over a shade at the bottom.
        Rectangle {
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            visible: caption.text !== "" && !viewersPanel.visible
            height: caption.implicitHeight + 2 * Theme.spacingLarge + (ownBar.visible ? ownBar.height : 0)
            gradient: Gradient {
                GradientStop { position: 0; color: "transparent" }
                GradientStop { position: 0.35; color: Theme.storyShade }
                GradientStop { position: 1; color: Theme.storyShade }
            }
            Label {
                id: caption
                objectName: "storyCaption"
                x: Theme.spacingLarge
                y: Theme.spacingLarge
                width: parent.width - 2 * Theme.spacingLarge
                wrapMode: Text.Wrap
                text: viewer.story && viewer.story.type !== "text" ? viewer.story.text : ""
                textFormat: Text.PlainText
                horizontalAlignment: Text.AlignHCenter
                color: Theme.storyInk
            }
        }

        // Own stories: how many saw it (opens the list) and deleting.
        Row {
            id: ownBar
            objectName: "storyOwnBar"
            visible: viewer.author.isMine === true && !viewersPanel.visible && !deleteConfirmation.visible
            anchors.bottom: parent.bottom
            anchors.bottomMargin: Theme.spacingMedium
            anchors.horizontalCenter: parent.horizontalCenter
            spacing: Theme.spacingLarge
            Button {
                id: viewsButton
                objectName: "storyViewsButton"
                flat: true
                text: viewer.story && viewer.story.viewsCount >= 0
                      ? qsTr("%n view(s)", "", viewer.story.viewsCount) : qsTr("Views")
                Accessible.name: text
                font.pixelSize: Theme.fontBody
                leftPadding: Theme.spacingMedium
                rightPadding: Theme.spacingMedium
                contentItem: Row {
                    spacing: Theme.spacingSmall
                    IconGlyph {
                        anchors.verticalCenter: parent.verticalCenter
                        name: "eye"
                        color: Theme.storyInk
                    }
                    Label {
                        anchors.verticalCenter: parent.verticalCenter
                        text: viewsButton.text
                        color: Theme.storyInk
                        font: viewsButton.font
                    }
                }
                background: Rectangle {
                    implicitHeight: Theme.touchTarget
                    radius: height / 2
                    color: viewsButton.down ? Theme.storyTrack : Theme.storyShade
                }
                onClicked: {
                    viewersPanel.viewers = []
                    viewersPanel.loading = true
                    viewersPanel.visible = true
                    viewer.feed.loadViewers(viewer.storyId)
                }
                HoverHandler { cursorShape: Qt.PointingHandCursor }
            }
            Button {
                id: deleteButton
                objectName: "storyDeleteButton"
                text: qsTr("Delete")
                Accessible.name: qsTr("Delete story")
                font.pixelSize: Theme.fontBody
                leftPadding: Theme.spacingLarge
                rightPadding: Theme.spacingLarge
                contentItem: Label {
                    text: deleteButton.text
                    color: Theme.storyInk
                    font: deleteButton.font
                    verticalAlignment: Text.AlignVCenter
                }
                background: Rectangle {
                    implicitHeight: Theme.touchTarget
                    radius: height / 2
                    color: deleteButton.down ? Theme.storyTrack : Theme.storyShade
                }
                onClicked: deleteConfirmation.visible = true
                HoverHandler { cursorShape: Qt.PointingHandCursor }
            }
        }

        // Who viewed an own story, the most recent first.
        Rectangle {
            id: viewersPanel
            objectName: "storyViewersPanel"
            property var viewers: []
            property bool loading: false
            visible: false
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            height: parent.height * 0.55
            radius: Theme.radiusLarge
            color: Theme.storyPanel
            // Clicks on the panel stay on it.
            MouseArea { anchors.fill: parent }
            Label {
                id: viewersTitle
                x: Theme.spacingLarge
                y: Theme.spacingLarge
                text: viewersPanel.loading ? qsTr("Views") : qsTr("Viewed by %n", "", viewersPanel.viewers.length)
                color: Theme.storyInk
                font.pixelSize: Theme.fontBodyLarge
                font.weight: Font.DemiBold
            }
            IconButton {
                objectName: "storyViewersClose"
                anchors.right: parent.right
                anchors.rightMargin: Theme.spacingSmall
                anchors.verticalCenter: viewersTitle.verticalCenter
                glyph: "close"
                tip: qsTr("Close")
                ink: Theme.storyInk
                onClicked: viewersPanel.visible = false
            }
            Spinner {
                anchors.centerIn: parent
                visible: viewersPanel.loading
                color: Theme.storyInk
            }
            Label {
                anchors.centerIn: parent
                visible: !viewersPanel.loading && viewersPanel.viewers.length === 0
                text: qsTr("No views yet.")
                color: Theme.storyInkDim
            }
            ListView {
                id: viewersList
                objectName: "storyViewersList"
                anchors.fill: parent
                anchors.topMargin: viewersTitle.y + viewersTitle.height + Theme.spacingMedium
                clip: true
                model: viewersPanel.viewers
                delegate: Item {
                    required property var modelData
                    objectName: "storyViewer_" + modelData.userId
                    width: viewersList.width
                    height: Theme.avatarSmall + Theme.spacingSmall
                    ChatAvatar {
                        id: viewerAvatar
                        x: Theme.spacingLarge
                        anchors.verticalCenter: parent.verticalCenter
                        size: Theme.avatarTiny
                        avatarUrl: modelData.avatarUrl
                        colorKey: modelData.userId
                        initials: modelData.initials
                    }
                    Label {
                        objectName: "storyViewerName"
                        anchors.left: viewerAvatar.right
                        anchors.leftMargin: Theme.spacingMedium
                        anchors.right: viewedAt.left
                        anchors.rightMargin: Theme.spacingSmall
                        anchors.verticalCenter: parent.verticalCenter
                        text: modelData.displayName
                        textFormat: Text.PlainText
                        elide: Text.ElideRight
                        color: Theme.storyInk
                    }
                    Label {
                        id: viewedAt
                        anchors.right: parent.right
                        anchors.rightMargin: Theme.spacingLarge
                        anchors.verticalCenter: parent.verticalCenter
                        text: Formats.time(modelData.viewedAt)
                        color: Theme.storyInkDim
                        font.pixelSize: Theme.fontCaption
                    }
                }
            }
        }

        // Deleting asks first: the story goes for everyone.
        Rectangle {
            id: deleteConfirmation
            objectName: "storyDeleteConfirmation"
            visible: false
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            height: confirmColumn.implicitHeight + 2 * Theme.spacingHuge
            radius: Theme.radiusLarge
            color: Theme.storyPanel
            MouseArea { anchors.fill: parent }
            Column {
                id: confirmColumn
                x: Theme.spacingHuge
                y: Theme.spacingHuge
                width: parent.width - 2 * Theme.spacingHuge
                spacing: Theme.spacingLarge
                Label {
                    width: parent.width
                    wrapMode: Text.Wrap
                    text: qsTr("Delete this story? It disappears for everyone.")
                    color: Theme.storyInk
                }
                Row {
                    anchors.right: parent.right
                    spacing: Theme.spacingMedium
                    Button {
                        id: keepButton
                        text: qsTr("Cancel")
                        flat: true
                        contentItem: Label { text: keepButton.text; color: Theme.storyInk }
                        background: Rectangle { implicitHeight: Theme.touchTarget; radius: Theme.radiusMedium; color: keepButton.down ? Theme.storyTrack : "transparent" }
                        onClicked: deleteConfirmation.visible = false
                    }
                    Button {
                        id: confirmDelete
                        objectName: "storyConfirmDelete"
                        text: qsTr("Delete")
                        contentItem: Label { text: confirmDelete.text; color: Theme.danger; font.weight: Font.DemiBold }
                        background: Rectangle { implicitHeight: Theme.touchTarget; radius: Theme.radiusMedium; color: confirmDelete.down ? Theme.storyTrack : Theme.storyShade }
                        onClicked: {
                            deleteConfirmation.visible = false
                            viewer.feed.deleteStory(viewer.storyId)
                        }
                    }
                }
            }
        }
    }
}
