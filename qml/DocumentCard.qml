import QtQuick
import QtQuick.Controls.Basic

import Kocmoc

// A document in a message (or in the preview before sending): an icon with the
// file's extension, its name, size and type; a click opens it with the
// system's application (the signed URL downloads it).
Item {
    id: card

    property string name
    property real size: 0
    property string mime
    property string url
    property color ink: Theme.textPrimary
    property color metaInk: Theme.textSecondary
    property bool onAccent: false

    readonly property string extension: {
        const dot = name.lastIndexOf(".")
        return dot > 0 && name.length - dot <= 6 ? name.substring(dot + 1).toUpperCase() : ""
    }

    implicitWidth: Math.min(Theme.voiceBubbleWidth, icon.width + Theme.spacingSmall
                            + Math.max(nameLabel.implicitWidth, metaLabel.implicitWidth))
    implicitHeight: Math.max(icon.height, texts.implicitHeight)

    Rectangle {
        id: icon
        width: Theme.touchTarget + Theme.spacingTiny
        height: width
        radius: Theme.radiusMedium
        color: card.onAccent ? Theme.textOnAccent : Theme.accent
        anchors.verticalCenter: parent.verticalCenter
        IconGlyph {
            anchors.centerIn: parent
            width: Theme.iconSize + 4
            height: width
            name: "document"
            color: card.onAccent ? Theme.bubbleOwn : Theme.textOnAccent
            visible: card.extension === ""
        }
        Label {
            anchors.centerIn: parent
            visible: card.extension !== ""
            text: card.extension
            color: card.onAccent ? Theme.bubbleOwn : Theme.textOnAccent
            font.pixelSize: Theme.fontCaption - 2
            font.weight: Font.Bold
        }
    }
    Column {
        id: texts
        anchors.left: icon.right
        anchors.leftMargin: Theme.spacingSmall
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        Label {
            id: nameLabel
            objectName: "documentName"
            width: parent.width
            text: card.name
            textFormat: Text.PlainText
            elide: Text.ElideMiddle
            color: card.ink
            font.pixelSize: Theme.fontBody
            font.weight: Font.DemiBold
        }
        Label {
            id: metaLabel
            objectName: "documentSize"
            width: parent.width
            text: [Formats.fileSize(card.size), card.mime].filter(s => s !== "").join(" · ")
            textFormat: Text.PlainText
            elide: Text.ElideRight
            color: card.metaInk
            font.pixelSize: Theme.fontCaption
        }
    }
    TapHandler {
        enabled: card.url !== ""
        onTapped: Qt.openUrlExternally(card.url)
    }
    HoverHandler { enabled: card.url !== ""; cursorShape: Qt.PointingHandCursor }
}
