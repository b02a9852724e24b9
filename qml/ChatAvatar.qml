import QtQuick
import QtQuick.Controls.Basic

// An avatar as lists and headers show it: the uploaded picture when there is
// one, else initials on the person's or group's colour; a green dot for online.
Item {
    id: root

    property string avatarUrl
    property string colorKey
    property string initials
    property bool online: false
    property int size: Theme.avatarSmall

    implicitWidth: size
    implicitHeight: size

    Avatar {
        anchors.fill: parent
        size: root.size
        colorKey: root.colorKey
        initials: root.initials
        visible: picture.status !== Image.Ready
    }
    Image {
        id: picture
        anchors.fill: parent
        source: root.avatarUrl
        fillMode: Image.PreserveAspectCrop
        visible: status === Image.Ready
        asynchronous: true
    }
    Rectangle {
        objectName: "onlineDot"
        width: Theme.onlineDot
        height: Theme.onlineDot
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
