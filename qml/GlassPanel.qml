import QtQuick
import Qt5Compat.GraphicalEffects

// A "liquid glass" panel: the backdrop behind it blurred, tinted with the
// theme's glass colour, with a light edge (a violet glow in neon mode). Where
// the scene graph has no shaders (the software renderer) the blur is left out
// and the tint alone makes the panel.
Item {
    id: panel

    // What shows through: the item the panel floats over.
    property Item backdrop
    property real radius: 0

    readonly property bool canBlur: backdrop !== null
                                    && GraphicsInfo.api !== GraphicsInfo.Software

    ShaderEffectSource {
        id: behind
        anchors.fill: parent
        visible: false
        sourceItem: panel.canBlur ? panel.backdrop : null
        sourceRect: panel.canBlur ? panel.mapToItem(panel.backdrop, 0, 0, panel.width, panel.height)
                                  : Qt.rect(0, 0, 0, 0)
        live: true
    }
    FastBlur {
        anchors.fill: parent
        visible: panel.canBlur
        source: behind
        radius: Theme.glassBlur
        cached: false
    }
    Rectangle {
        anchors.fill: parent
        radius: panel.radius
        color: Theme.glass
        border.width: 1
        border.color: Theme.glassBorder
    }
    // The neon glow: a soft accent line along the edge.
    Rectangle {
        anchors.fill: parent
        anchors.margins: -2
        radius: panel.radius + 2
        color: "transparent"
        border.width: 2
        border.color: Theme.glow
        visible: Theme.neon
    }
}
