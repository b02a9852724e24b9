import QtQuick
import QtQuick.Controls.Basic

// The main action of a screen: full width, violet; or, when destructive, a
// quiet red one. While busy it shows a spinner and takes no clicks.
Button {
    id: control

    property bool busy: false
    property bool destructive: false
    readonly property color ink: destructive ? Theme.danger : Theme.textOnAccent

    implicitHeight: Theme.controlHeight
    implicitWidth: Theme.formWidth
    opacity: enabled || busy ? 1 : Theme.disabledOpacity
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontBodyLarge
    font.weight: Font.DemiBold
    Accessible.name: text

    contentItem: Item {
        Label {
            anchors.centerIn: parent
            visible: !control.busy
            text: control.text
            color: control.ink
            font: control.font
        }
        Spinner {
            anchors.centerIn: parent
            visible: control.busy
            color: control.ink
        }
    }

    background: Rectangle {
        radius: Theme.radiusMedium
        color: {
            if (control.destructive)
                return control.down ? Qt.darker(Theme.dangerSoft, 1.08) : Theme.dangerSoft
            if (control.down)
                return Theme.accentPressed
            return control.hovered ? Theme.accentHovered : Theme.accent
        }
        Behavior on color { ColorAnimation { duration: Theme.durationFast } }
    }

    HoverHandler {
        cursorShape: Qt.PointingHandCursor
    }
}
