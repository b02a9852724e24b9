import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Dialogs

import Kocmoc

// A new story (SPEC 2.5): a photo or a video from a file, with a caption, or a
// text on one of the backgrounds; previewed as it will look, published with
// its progress (StoryPublisher), with what went wrong said under the preview.
// Covers the whole window like the viewer: a card on a desktop, the full screen
// on a phone.
Item {
    id: composer

    required property Messenger messenger
    required property StoryFeedModel feed
    readonly property bool narrow: width < Theme.narrowWidth

    // "media" or "text".
    property string mode: "media"
    property url fileUrl
    // What StoryPublisher.inspectFile said of the chosen file.
    property var fileInfo: ({})
    property string background: "violet"
    // A file refused before anything was sent.
    property string problem: ""
    readonly property string errorText: problem !== "" ? problem : publisher.errorString
    readonly property alias publisher: publisher
    readonly property bool canPublish: !publisher.busy
                                       && (mode === "text" ? textField.text.trim() !== ""
                                                           : fileInfo.ok === true)

    signal closed()
    signal published()

    objectName: "storyComposer"
    visible: false
    focus: visible

    function open() {
        composer.reset()
        composer.visible = true
        composer.forceActiveFocus()
    }
    function close() {
        if (!composer.visible)
            return
        if (publisher.busy)
            publisher.reset() // an upload under way is cancelled
        composer.visible = false
        composer.closed()
    }
    function reset() {
        publisher.reset()
        composer.mode = "media"
        composer.fileUrl = ""
        composer.fileInfo = ({})
        composer.problem = ""
        composer.background = "violet"
        textField.text = ""
        captionField.text = ""
    }
    // A file from the dialog (or a test): checked at once, previewed when it can be a story.
    function chooseFile(url) {
        publisher.reset()
        const info = publisher.inspectFile(url)
        composer.problem = info.ok ? "" : info.message
        composer.fileInfo = info
        composer.fileUrl = info.ok ? url : ""
    }
    function publish() {
        composer.problem = ""
        if (composer.mode === "text")
            publisher.publishText(textField.text, composer.background)
        else if (composer.fileInfo.ok)
            publisher.publishFile(composer.fileUrl, captionField.text)
    }

    StoryPublisher {
        id: publisher
        messenger: composer.messenger
        feed: composer.feed
        onPublished: {
            composer.visible = false
            composer.published()
            composer.closed()
        }
    }

    FileDialog {
        id: fileDialog
        title: qsTr("Choose a photo or a video")
        nameFilters: [qsTr("Photos and videos (*.jpg *.jpeg *.png *.webp *.gif *.heic *.heif *.mp4 *.webm *.mov)"),
                      qsTr("All files (*)")]
        onAccepted: composer.chooseFile(selectedFile)
    }

    Keys.onEscapePressed: composer.close()

    Rectangle {
        anchors.fill: parent
        color: composer.narrow ? Theme.background : Theme.storyScrim
    }
    MouseArea {
        anchors.fill: parent
        hoverEnabled: true
        onClicked: composer.close()
        onWheel: wheel => wheel.accepted = true
    }

    Rectangle {
        id: card
        objectName: "storyComposerCard"
        width: composer.narrow ? composer.width : Math.min(Theme.contentWidth, composer.width - 2 * Theme.spacingHuge)
        height: composer.narrow ? composer.height : Math.min(composer.height - 2 * Theme.spacingHuge, content.implicitHeight + 2 * Theme.spacingHuge)
        anchors.centerIn: parent
        radius: composer.narrow ? 0 : Theme.radiusLarge
        color: Theme.background
        border.width: composer.narrow ? 0 : 1
        border.color: Theme.glassBorder
        MouseArea { anchors.fill: parent } // clicks on the card stay on it

        Column {
            id: content
            x: Theme.spacingHuge
            y: Theme.spacingHuge
            width: parent.width - 2 * Theme.spacingHuge
            spacing: Theme.spacingLarge

            Item {
                width: parent.width
                height: Theme.touchTarget
                Label {
                    anchors.verticalCenter: parent.verticalCenter
                    text: qsTr("New story")
                    color: Theme.textPrimary
                    font.pixelSize: Theme.fontTitle
                    font.weight: Font.DemiBold
                }
                IconButton {
                    objectName: "storyComposerClose"
                    anchors.right: parent.right
                    anchors.verticalCenter: parent.verticalCenter
                    glyph: "close"
                    tip: qsTr("Close")
                    onClicked: composer.close()
                }
            }

            SegmentedChoice {
                objectName: "storyKind"
                width: parent.width
                options: [{value: "media", label: qsTr("Photo or video")}, {value: "text", label: qsTr("Text")}]
                value: composer.mode
                onChosen: value => {
                    composer.mode = value
                    composer.problem = ""
                    publisher.reset()
                }
            }

            // The preview, in the story's shape; what is left of the height on a phone.
            Item {
                id: previewBox
                readonly property real spare: composer.height - (composer.narrow ? 0 : 2 * Theme.spacingHuge)
                                              - 2 * Theme.spacingHuge - below.height - 3 * content.spacing
                                              - 2 * Theme.touchTarget
                height: Math.max(Theme.avatarLarge * 1.5, Math.min(spare, 440))
                width: parent.width

                Rectangle {
                    id: preview
                    objectName: "storyPreview"
                    height: parent.height
                    width: Math.min(parent.width, height * Theme.storyAspect)
                    anchors.horizontalCenter: parent.horizontalCenter
                    radius: Theme.radiusLarge
                    clip: true
                    color: Theme.field

                    Rectangle {
                        id: textPreview
                        objectName: "storyTextPreview"
                        anchors.fill: parent
                        radius: parent.radius
                        visible: composer.mode === "text"
                        readonly property var colors: Theme.storyBackground(composer.background)
                        gradient: Gradient {
                            GradientStop { position: 0; color: textPreview.colors[0] }
                            GradientStop { position: 1; color: textPreview.colors[1] }
                        }
                    }

                    // Text: typed straight onto the background.
                    TextArea {
                        id: textField
                        objectName: "storyTextField"
                        visible: composer.mode === "text"
                        anchors.centerIn: parent
                        width: parent.width - 2 * Theme.spacingLarge
                        horizontalAlignment: Text.AlignHCenter
                        wrapMode: TextEdit.Wrap
                        placeholderText: qsTr("Write something")
                        placeholderTextColor: Theme.storyInkDim
                        color: Theme.storyInk
                        selectionColor: Theme.selection
                        textFormat: TextEdit.PlainText
                        font.pixelSize: Theme.fontTitle
                        font.weight: Font.DemiBold
                        background: null
                    }

                    // Media: the picture chosen, or the button to choose one.
                    Image {
                        id: chosenPhoto
                        objectName: "storyChosenPhoto"
                        anchors.fill: parent
                        visible: composer.mode === "media" && composer.fileInfo.kind === "photo"
                        source: visible ? composer.fileUrl : ""
                        fillMode: Image.PreserveAspectCrop
                        asynchronous: true
                        sourceSize.height: 880
                    }
                    Column {
                        anchors.centerIn: parent
                        width: parent.width - 2 * Theme.spacingLarge
                        spacing: Theme.spacingMedium
                        visible: composer.mode === "media" && composer.fileInfo.kind !== "photo"
                        Label {
                            width: parent.width
                            horizontalAlignment: Text.AlignHCenter
                            wrapMode: Text.Wrap
                            visible: composer.fileInfo.kind === "video"
                            text: qsTr("Video: %1").arg(composer.fileInfo.name || "")
                            textFormat: Text.PlainText
                            color: Theme.textPrimary
                        }
                        Button {
                            id: chooseButton
                            objectName: "storyChooseFile"
                            anchors.horizontalCenter: parent.horizontalCenter
                            text: composer.fileInfo.ok ? qsTr("Choose another") : qsTr("Choose a photo or video")
                            font.pixelSize: Theme.fontBody
                            font.weight: Font.DemiBold
                            contentItem: Label {
                                text: chooseButton.text
                                color: Theme.accent
                                font: chooseButton.font
                                horizontalAlignment: Text.AlignHCenter
                            }
                            background: Rectangle {
                                implicitHeight: Theme.touchTarget
                                radius: Theme.radiusMedium
                                color: chooseButton.hovered ? Theme.selection : Theme.accentSoft
                            }
                            onClicked: fileDialog.open()
                            HoverHandler { cursorShape: Qt.PointingHandCursor }
                        }
                    }
                    // Over a chosen photo: another one.
                    IconButton {
                        objectName: "storyChangeFile"
                        visible: chosenPhoto.visible
                        anchors.right: parent.right
                        anchors.top: parent.top
                        anchors.margins: Theme.spacingSmall
                        glyph: "edit"
                        tip: qsTr("Choose another")
                        ink: Theme.storyInk
                        background: Rectangle { radius: width / 2; color: Theme.storyShade }
                        onClicked: fileDialog.open()
                    }
                }
            }

            Column {
                id: below
                width: parent.width
                spacing: Theme.spacingMedium

                // Text: the backgrounds to pick from.
                Row {
                    objectName: "storyBackgrounds"
                    visible: composer.mode === "text"
                    anchors.horizontalCenter: parent.horizontalCenter
                    spacing: Theme.spacingMedium
                    Repeater {
                        model: publisher.backgrounds()
                        delegate: AbstractButton {
                            id: swatch
                            required property string modelData
                            readonly property var colors: Theme.storyBackground(modelData)
                            objectName: "storyBackground_" + modelData
                            width: Theme.touchTarget
                            height: width
                            checkable: true
                            checked: composer.background === modelData
                            Accessible.name: modelData
                            onClicked: composer.background = modelData
                            background: Rectangle {
                                radius: width / 2
                                gradient: Gradient {
                                    GradientStop { position: 0; color: swatch.colors[0] }
                                    GradientStop { position: 1; color: swatch.colors[1] }
                                }
                                border.width: swatch.checked ? 3 : 0
                                border.color: Theme.textPrimary
                            }
                            HoverHandler { cursorShape: Qt.PointingHandCursor }
                        }
                    }
                }

                // Media: a caption.
                TextField {
                    id: captionField
                    objectName: "storyCaptionField"
                    visible: composer.mode === "media"
                    width: parent.width
                    placeholderText: qsTr("Add a caption")
                    font.pixelSize: Theme.fontBody
                    color: Theme.textPrimary
                    placeholderTextColor: Theme.textPlaceholder
                    selectionColor: Theme.selection
                    background: Rectangle {
                        implicitHeight: Theme.touchTarget
                        radius: Theme.radiusMedium
                        color: Theme.field
                        border.width: captionField.activeFocus ? Theme.focusWidth : 1
                        border.color: captionField.activeFocus ? Theme.accent : Theme.divider
                    }
                }

                ErrorBanner {
                    objectName: "storyError"
                    width: parent.width
                    text: composer.errorText
                }

                // The upload's progress.
                Rectangle {
                    objectName: "storyProgress"
                    visible: publisher.busy && composer.mode === "media"
                    width: parent.width
                    height: 4
                    radius: 2
                    color: Theme.field
                    Rectangle {
                        width: parent.width * publisher.progress
                        height: parent.height
                        radius: parent.radius
                        color: Theme.accent
                        Behavior on width { NumberAnimation { duration: Theme.durationFast } }
                    }
                }

                ActionButton {
                    objectName: "storyPublishButton"
                    width: parent.width
                    text: qsTr("Publish")
                    busy: publisher.busy
                    enabled: composer.canPublish
                    onClicked: composer.publish()
                }
            }
        }
    }
}
