import QtQuick

// The KOCMOC mark: a ringed planet on a violet tile.
Rectangle {
    id: mark

    property int size: Theme.logoMark

    implicitWidth: size
    implicitHeight: size
    radius: size * 0.3
    gradient: Gradient {
        GradientStop { position: 0; color: Theme.accentHovered }
        GradientStop { position: 1; color: Theme.accentPressed }
    }

    Canvas {
        id: planet
        anchors.fill: parent
        onWidthChanged: requestPaint()
        onPaint: {
            const ctx = getContext("2d")
            ctx.reset()
            // Drawn on a 100-unit tile.
            const unit = width / 100
            ctx.scale(unit, unit)
            ctx.translate(50, 52)
            ctx.rotate(-0.38)
            const ink = Theme.textOnAccent
            const ringRadius = 38
            const flatten = 0.3
            const ring = function (from, to, style, lineWidth) {
                ctx.save()
                ctx.scale(1, flatten)
                ctx.beginPath()
                ctx.arc(0, 0, ringRadius, from, to)
                ctx.restore()
                ctx.strokeStyle = style
                ctx.lineWidth = lineWidth
                ctx.lineCap = "round"
                ctx.stroke()
            }
            // The far half of the ring, behind the planet.
            ring(Math.PI, 2 * Math.PI, ink, 5)
            ctx.beginPath()
            ctx.arc(0, 0, 21, 0, 2 * Math.PI)
            ctx.fillStyle = ink
            ctx.fill()
            // The near half crosses the planet; a band of the tile's colour keeps it readable.
            ring(0.1, Math.PI - 0.1, Theme.accent, 11)
            ring(0, Math.PI, ink, 5)
        }
    }
}
