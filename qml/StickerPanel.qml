import QtQuick
import QtQuick.Controls.Basic

import Kocmoc

// The server's stickers (Messenger.stickerSets, GET /api/stickers), set by set;
// a click picks one.
Column {
    id: panel

    property var stickerSets: []

    signal stickerChosen(string stickerId)

    objectName: "stickerPanel"
    spacing: Theme.spacingTiny

    Label {
        visible: panel.stickerSets.length === 0
        text: qsTr("Loading stickers…")
        color: Theme.textSecondary
        font.pixelSize: Theme.fontCaption
    }
    Repeater {
        model: panel.stickerSets
        delegate: Column {
            id: set
            required property var modelData
            width: panel.width
            spacing: Theme.spacingTiny
            Label {
                text: set.modelData.title
                textFormat: Text.PlainText
                color: Theme.textSecondary
                font.pixelSize: Theme.fontCaption
                font.weight: Font.DemiBold
            }
            Flow {
                width: parent.width
                spacing: Theme.spacingTiny
                Repeater {
                    model: set.modelData.stickers
                    delegate: ToolButton {
                        required property var modelData
                        objectName: "sticker_" + modelData.id
                        implicitWidth: Theme.avatarLarge * 2 / 3
                        implicitHeight: implicitWidth
                        padding: Theme.spacingTiny
                        Accessible.name: modelData.emoji
                        ToolTip.visible: hovered
                        ToolTip.delay: 600
                        ToolTip.text: modelData.emoji
                        contentItem: Image {
                            source: modelData.url
                            sourceSize: Qt.size(Theme.stickerSize, Theme.stickerSize)
                            fillMode: Image.PreserveAspectFit
                            asynchronous: true
                        }
                        background: Rectangle {
                            radius: Theme.radiusMedium
                            color: parent.hovered ? Theme.fieldHovered : "transparent"
                        }
                        onClicked: panel.stickerChosen(modelData.id)
                    }
                }
            }
        }
    }
}
