import QtQuick

// A turning three-quarter ring for "working on it".
Item {
    id: spinner

    property color color: Theme.accent
    property bool running: visible

    implicitWidth: Theme.iconSize
    implicitHeight: Theme.iconSize

    Canvas {
        id: ring
        anchors.fill: parent
        onPaint: {
            const ctx = getContext("2d")
            ctx.reset()
            const radius = Math.min(width, height) / 2 - Theme.strokeWidth
            ctx.strokeStyle = spinner.color
            ctx.lineWidth = Theme.strokeWidth
            ctx.lineCap = "round"
            ctx.beginPath()
            ctx.arc(width / 2, height / 2, radius, 0, 1.5 * Math.PI)
            ctx.stroke()
        }
        Connections {
            target: spinner
            function onColorChanged() { ring.requestPaint() }
        }
        RotationAnimator on rotation {
            from: 0
            to: 360
            duration: 900
            loops: Animation.Infinite
            running: spinner.running
        }
    }
}
