import QtQuick

// The few line icons the interface needs, drawn rather than shipped as files
// so they take the theme's colours and stay sharp at any size.
Canvas {
    id: icon

    // "eye", "eyeOff", "back", "check", "signOut"
    property string name
    property color color: Theme.textSecondary
    property real lineWidth: Theme.strokeWidth

    implicitWidth: Theme.iconSize
    implicitHeight: Theme.iconSize
    onNameChanged: requestPaint()
    onColorChanged: requestPaint()
    onWidthChanged: requestPaint()
    onHeightChanged: requestPaint()

    onPaint: {
        const ctx = getContext("2d")
        ctx.reset()
        // Drawn on a 24-unit grid, scaled to the item.
        const scale = Math.min(width, height) / 24
        ctx.scale(scale, scale)
        ctx.strokeStyle = icon.color
        ctx.fillStyle = icon.color
        ctx.lineWidth = icon.lineWidth / scale
        ctx.lineCap = "round"
        ctx.lineJoin = "round"
        ctx.beginPath()
        switch (icon.name) {
        case "eye":
        case "eyeOff":
            ctx.moveTo(2, 12)
            ctx.quadraticCurveTo(12, 2, 22, 12)
            ctx.quadraticCurveTo(12, 22, 2, 12)
            ctx.closePath()
            ctx.moveTo(15, 12)
            ctx.arc(12, 12, 3, 0, 2 * Math.PI)
            if (icon.name === "eyeOff") {
                ctx.moveTo(4, 4)
                ctx.lineTo(20, 20)
            }
            break
        case "back":
            ctx.moveTo(15, 5)
            ctx.lineTo(8, 12)
            ctx.lineTo(15, 19)
            break
        case "check":
            ctx.moveTo(6, 12.5)
            ctx.lineTo(10.5, 17)
            ctx.lineTo(18, 8)
            break
        case "signOut":
            ctx.moveTo(10, 4)
            ctx.lineTo(5, 4)
            ctx.lineTo(5, 20)
            ctx.lineTo(10, 20)
            ctx.moveTo(11, 12)
            ctx.lineTo(21, 12)
            ctx.moveTo(17, 8)
            ctx.lineTo(21, 12)
            ctx.lineTo(17, 16)
            break
        }
        ctx.stroke()
    }
}
