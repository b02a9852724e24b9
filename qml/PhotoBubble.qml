import QtQuick
import QtQuick.Controls.Basic
import Qt5Compat.GraphicalEffects

import Kocmoc

// A photo in a message: the server's thumbnail (or, while it uploads, the local
// file) with the picture's proportions, rounded; a click opens it full size.
Item {
    id: photo

    property string thumbnailUrl
    property string url
    // The picture's size from its File; a square until known.
    property int pictureWidth: 0
    property int pictureHeight: 0
    property real maxWidth: Theme.mediaMaxWidth

    signal openRequested(string url)

    readonly property real aspect: pictureWidth > 0 && pictureHeight > 0 ? pictureWidth / pictureHeight : 1
    readonly property real boxWidth: Math.min(maxWidth, Theme.mediaMaxWidth)
    implicitWidth: Math.round(aspect >= boxWidth / Theme.mediaMaxHeight ? boxWidth : Theme.mediaMaxHeight * aspect)
    implicitHeight: Math.round(implicitWidth / aspect)

    SkeletonBlock {
        anchors.fill: parent
        radius: Theme.radiusMedium
        visible: picture.status !== Image.Ready
    }
    Image {
        id: picture
        objectName: "photoImage"
        anchors.fill: parent
        source: photo.thumbnailUrl !== "" ? photo.thumbnailUrl : photo.url
        sourceSize: Qt.size(Theme.mediaMaxWidth * 2, Theme.mediaMaxHeight * 2)
        fillMode: Image.PreserveAspectCrop
        asynchronous: true
        smooth: true
        mipmap: true
        layer.enabled: GraphicsInfo.api !== GraphicsInfo.Software
        layer.effect: OpacityMask {
            maskSource: Rectangle {
                width: picture.width
                height: picture.height
                radius: Theme.radiusMedium
            }
        }
    }
    TapHandler { onTapped: photo.openRequested(photo.url) }
    HoverHandler { cursorShape: Qt.PointingHandCursor }
}
