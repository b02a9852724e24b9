import QtQuick

// Faint orbits behind the signed-out pages: the brand without a picture to load.
Item {
    clip: true

    Repeater {
        model: 3
        delegate: Rectangle {
            required property int index
            readonly property real diameter: Math.max(parent.width, parent.height) * (0.55 + 0.3 * index)
            x: parent.width * 0.5 - diameter / 2
            y: parent.height * 0.42 - diameter / 2
            width: diameter
            height: diameter
            radius: diameter / 2
            color: "transparent"
            border.color: Theme.backdropLine
            border.width: Theme.strokeWidth
        }
    }
}
