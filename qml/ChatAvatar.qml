import QtQuick
import QtQuick.Controls.Basic
import Qt5Compat.GraphicalEffects

// An avatar as lists, headers and bubbles show it: the uploaded picture when
// there is one (a pulsing circle while it loads), else — also when it cannot be
// loaded — initials on the person's or group's colour; a green dot for online.
Item {
    id: root

    // Absolute, as the models give it; empty for a generated avatar.
    property string avatarUrl
    property string colorKey
    property string initials
    property bool online: false
    property int size: Theme.avatarSmall
    readonly property bool loading: picture.status === Image.Loading
    readonly property bool showsPicture: picture.status === Image.Ready

    implicitWidth: size
    implicitHeight: size

    Avatar {
        objectName: "avatarInitials"
        anchors.fill: parent
        size: root.size
        colorKey: root.colorKey
        initials: root.initials
        visible: !root.showsPicture && !root.loading
    }
    SkeletonBlock {
        objectName: "avatarSkeleton"
        anchors.fill: parent
        radius: width / 2
        visible: root.loading
    }
    Image {
        id: picture
        objectName: "avatarPicture"
        anchors.fill: parent
        source: root.avatarUrl
        // Twice the size: sharp on high-density screens, small in memory.
        sourceSize: Qt.size(root.size * 2, root.size * 2)
        fillMode: Image.PreserveAspectCrop
        visible: root.showsPicture
        asynchronous: true
        cache: true
        smooth: true
        mipmap: true
        // Round, like the generated ones; the software renderer has no shaders and
        // shows the square picture instead of nothing.
        layer.enabled: GraphicsInfo.api !== GraphicsInfo.Software
        layer.effect: OpacityMask {
            maskSource: Rectangle {
                width: picture.width
                height: picture.height
                radius: width / 2
            }
        }
    }
    Rectangle {
        objectName: "onlineDot"
        width: root.size >= Theme.avatarSmall ? Theme.onlineDot : Theme.onlineDot - 2
        height: width
        radius: width / 2
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        color: Theme.online
        border.width: 2
        border.color: Theme.background
        visible: root.online
        scale: visible ? 1 : 0
        Behavior on scale { NumberAnimation { duration: Theme.durationFast } }
    }
}
