import QtQuick

// The few line icons the interface needs, drawn rather than shipped as files
// so they take the theme's colours and stay sharp at any size.
Canvas {
    id: icon

    // "eye", "eyeOff", "back", "check", "signOut", "settings", "search", "menu",
    // "close", "send", "smile", "people", "addPerson", "leave", "edit", "mic", "attach",
    // "play", "pause", "stop", "trash", "document", "sticker"
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
        case "settings": // three sliders
            for (const [y, knob] of [[6, 15], [12, 8], [18, 13]]) {
                ctx.moveTo(4, y)
                ctx.lineTo(knob - 2, y)
                ctx.moveTo(knob + 2, y)
                ctx.lineTo(20, y)
                ctx.moveTo(knob + 2, y)
                ctx.arc(knob, y, 2, 0, 2 * Math.PI)
            }
            break
        case "search":
            ctx.moveTo(17, 10.5)
            ctx.arc(10.5, 10.5, 6.5, 0, 2 * Math.PI)
            ctx.moveTo(15.5, 15.5)
            ctx.lineTo(20, 20)
            break
        case "menu":
            for (const y of [6, 12, 18]) {
                ctx.moveTo(4, y)
                ctx.lineTo(20, y)
            }
            break
        case "close":
            ctx.moveTo(6, 6)
            ctx.lineTo(18, 18)
            ctx.moveTo(18, 6)
            ctx.lineTo(6, 18)
            break
        case "send": // a paper plane
            ctx.moveTo(4, 11)
            ctx.lineTo(20, 4)
            ctx.lineTo(14, 20)
            ctx.lineTo(11, 13)
            ctx.closePath()
            ctx.moveTo(11, 13)
            ctx.lineTo(20, 4)
            break
        case "smile":
            ctx.moveTo(21, 12)
            ctx.arc(12, 12, 9, 0, 2 * Math.PI)
            ctx.moveTo(8, 14.5)
            ctx.quadraticCurveTo(12, 18, 16, 14.5)
            ctx.moveTo(9, 9.5)
            ctx.lineTo(9, 10)
            ctx.moveTo(15, 9.5)
            ctx.lineTo(15, 10)
            break
        case "people":
            ctx.moveTo(12.5, 8)
            ctx.arc(9, 8, 3.5, 0, 2 * Math.PI)
            ctx.moveTo(3, 20)
            ctx.quadraticCurveTo(3, 14, 9, 14)
            ctx.quadraticCurveTo(15, 14, 15, 20)
            ctx.moveTo(15, 4.8)
            ctx.quadraticCurveTo(19, 5.5, 18.5, 9)
            ctx.quadraticCurveTo(18, 11, 16, 11.3)
            ctx.moveTo(17.5, 14.3)
            ctx.quadraticCurveTo(21, 15.5, 21, 20)
            break
        case "addPerson":
            ctx.moveTo(13.5, 8)
            ctx.arc(10, 8, 3.5, 0, 2 * Math.PI)
            ctx.moveTo(4, 20)
            ctx.quadraticCurveTo(4, 14, 10, 14)
            ctx.quadraticCurveTo(14, 14, 15.3, 16.5)
            ctx.moveTo(19, 13)
            ctx.lineTo(19, 21)
            ctx.moveTo(15, 17)
            ctx.lineTo(23, 17)
            break
        case "leave":
            ctx.moveTo(10, 4)
            ctx.lineTo(5, 4)
            ctx.lineTo(5, 20)
            ctx.lineTo(10, 20)
            ctx.moveTo(21, 12)
            ctx.lineTo(11, 12)
            ctx.moveTo(15, 8)
            ctx.lineTo(11, 12)
            ctx.lineTo(15, 16)
            break
        case "edit":
            ctx.moveTo(4, 20)
            ctx.lineTo(5, 15)
            ctx.lineTo(15.5, 4.5)
            ctx.lineTo(19.5, 8.5)
            ctx.lineTo(9, 19)
            ctx.closePath()
            break
        case "mic":
            ctx.moveTo(15, 11)
            ctx.lineTo(15, 6)
            ctx.arc(12, 6, 3, 0, Math.PI, true)
            ctx.lineTo(9, 11)
            ctx.arc(12, 11, 3, Math.PI, 0, true)
            ctx.moveTo(18, 11)
            ctx.arc(12, 11, 6, 0, Math.PI, false)
            ctx.moveTo(12, 17)
            ctx.lineTo(12, 21)
            break
        case "attach": // a paper clip
            ctx.moveTo(20, 11.5)
            ctx.lineTo(12, 19.5)
            ctx.arc(8.5, 16, 5, Math.PI / 4, Math.PI * 5 / 4, false)
            ctx.lineTo(14, 4.5)
            ctx.arc(16.5, 7, 3.5, Math.PI * 5 / 4, Math.PI / 4, false)
            ctx.lineTo(10, 16.5)
            ctx.arc(8.5, 15, 2, Math.PI / 4, Math.PI * 5 / 4, false)
            ctx.lineTo(14.5, 8.5)
            break
        case "play":
            ctx.moveTo(8, 5)
            ctx.lineTo(19, 12)
            ctx.lineTo(8, 19)
            ctx.closePath()
            ctx.fill()
            break
        case "pause":
            ctx.moveTo(9, 6)
            ctx.lineTo(9, 18)
            ctx.moveTo(15, 6)
            ctx.lineTo(15, 18)
            ctx.lineWidth = 3.5
            break
        case "stop":
            ctx.rect(7, 7, 10, 10)
            ctx.fill()
            break
        case "trash":
            ctx.moveTo(4, 7)
            ctx.lineTo(20, 7)
            ctx.moveTo(9, 7)
            ctx.lineTo(9, 4)
            ctx.lineTo(15, 4)
            ctx.lineTo(15, 7)
            ctx.moveTo(6, 7)
            ctx.lineTo(7, 20)
            ctx.lineTo(17, 20)
            ctx.lineTo(18, 7)
            break
        case "document":
            ctx.moveTo(14, 3)
            ctx.lineTo(6, 3)
            ctx.lineTo(6, 21)
            ctx.lineTo(18, 21)
            ctx.lineTo(18, 7)
            ctx.closePath()
            ctx.moveTo(14, 3)
            ctx.lineTo(14, 7)
            ctx.lineTo(18, 7)
            break
        case "sticker": // a square with a peeled corner and a smile
            ctx.moveTo(20, 13)
            ctx.lineTo(20, 4)
            ctx.lineTo(4, 4)
            ctx.lineTo(4, 20)
            ctx.lineTo(13, 20)
            ctx.closePath()
            ctx.moveTo(13, 20)
            ctx.quadraticCurveTo(13, 13, 20, 13)
            ctx.moveTo(8, 10)
            ctx.quadraticCurveTo(11, 13, 14, 10)
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
