import QtQuick
import QtQuick.Controls.Basic

// A round tool button with a drawn icon (IconGlyph) and a tooltip saying what it
// does; the tooltip text is also its accessible name.
ToolButton {
    id: control

    property string glyph: ""
    property string tip: ""
    property color ink: Theme.textSecondary
    property int size: Theme.touchTarget

    implicitWidth: size
    implicitHeight: size
    padding: 0
    Accessible.name: tip
    focusPolicy: Qt.TabFocus
    ToolTip.visible: hovered && tip !== ""
    ToolTip.delay: 600
    ToolTip.text: tip

    contentItem: Item {
        IconGlyph {
            anchors.centerIn: parent
            width: Theme.iconSize + 2
            height: Theme.iconSize + 2
            name: control.glyph
            color: control.checked || control.down ? Theme.accent : control.ink
        }
    }
    background: Rectangle {
        radius: width / 2
        color: control.down || control.checked ? Theme.accentSoft
             : control.hovered ? Theme.fieldHovered : "transparent"
        border.width: control.visualFocus ? Theme.focusWidth : 0
        border.color: Theme.accent
        Behavior on color { ColorAnimation { duration: Theme.durationFast } }
    }
    HoverHandler { cursorShape: Qt.PointingHandCursor }
}
