import QtQuick
import QtQuick.Controls.Basic

// An on/off switch in the theme's colours: violet when on (glowing in neon mode).
Switch {
    id: control

    spacing: Theme.spacingSmall
    font.pixelSize: Theme.fontBody
    Accessible.name: text

    indicator: Rectangle {
        implicitWidth: 40
        implicitHeight: 24
        x: control.leftPadding
        y: (control.height - height) / 2
        radius: height / 2
        color: control.checked ? Theme.accent : Theme.field
        border.width: control.checked ? 0 : 1
        border.color: Theme.divider
        Behavior on color { ColorAnimation { duration: Theme.durationFast } }

        Rectangle {
            width: parent.height - 6
            height: width
            radius: width / 2
            y: 3
            x: control.checked ? parent.width - width - 3 : 3
            color: control.checked ? Theme.textOnAccent : Theme.textSecondary
            Behavior on x { NumberAnimation { duration: Theme.durationFast; easing.type: Easing.OutCubic } }
        }
        // The neon glow around a switch that is on.
        Rectangle {
            anchors.fill: parent
            anchors.margins: -3
            radius: height / 2
            color: "transparent"
            border.width: 2
            border.color: Theme.glow
            visible: Theme.neon && control.checked
        }
    }
    contentItem: Label {
        leftPadding: control.indicator.width + control.spacing
        text: control.text
        font: control.font
        color: Theme.textPrimary
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }
    HoverHandler { cursorShape: Qt.PointingHandCursor }
}
