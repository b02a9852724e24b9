import QtQuick
import QtQuick.Controls.Basic

// A link-looking button inside running text ("Create an account").
AbstractButton {
    id: control

    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontBody
    font.weight: Font.DemiBold
    font.underline: hovered
    Accessible.name: text

    contentItem: Label {
        text: control.text
        font: control.font
        color: control.down ? Theme.accentPressed : Theme.accent
    }

    HoverHandler {
        cursorShape: Qt.PointingHandCursor
    }
}
