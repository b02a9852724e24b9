import QtQuick
import QtQuick.Controls.Basic

// A generated avatar: initials on a gradient that the user id picks, so a
// person keeps their colour everywhere.
Rectangle {
    id: avatar

    property string colorKey
    property string initials
    property int size: Theme.avatarLarge
    readonly property var colors: Theme.avatarGradient(colorKey)

    implicitWidth: size
    implicitHeight: size
    radius: size / 2
    gradient: Gradient {
        GradientStop { position: 0; color: avatar.colors[0] }
        GradientStop { position: 1; color: avatar.colors[1] }
    }

    Label {
        anchors.centerIn: parent
        text: avatar.initials
        textFormat: Text.PlainText
        color: Theme.textOnAccent
        font.family: Theme.fontFamily
        font.pixelSize: Math.round(avatar.size * 0.38)
        font.weight: Font.DemiBold
    }
}
