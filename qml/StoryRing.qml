import QtQuick

// The ring around an author's avatar in the stories row: one arc per story,
// clockwise from the top in the order they were posted, bright (the accent
// gradient) while not yet viewed and dim once seen. No stories, no ring.
Canvas {
    id: ring

    // One bool per story, oldest first: viewed.
    property var seenFlags: []
    property real lineWidth: Theme.storyRingWidth
    readonly property int unseenCount: seenFlags.filter(seen => !seen).length

    objectName: "storyRing"
    onSeenFlagsChanged: requestPaint()
    onWidthChanged: requestPaint()
    onHeightChanged: requestPaint()
    Connections {
        target: Theme
        function onDarkChanged() { ring.requestPaint() }
    }

    onPaint: {
        const ctx = getContext("2d")
        ctx.reset()
        const count = ring.seenFlags.length
        if (count === 0)
            return
        const radius = Math.min(width, height) / 2 - ring.lineWidth / 2
        const cx = width / 2
        const cy = height / 2
        // A gap between the arcs, a few pixels wide whatever the size; none for a full circle.
        const gap = count > 1 ? Math.min(4 * ring.lineWidth / radius, Math.PI / count) : 0
        const sweep = (2 * Math.PI - gap * count) / count
        const bright = ctx.createLinearGradient(0, height, width, 0)
        bright.addColorStop(0, Theme.storyRingFrom)
        bright.addColorStop(1, Theme.storyRingTo)
        ctx.lineWidth = ring.lineWidth
        ctx.lineCap = count > 1 ? "round" : "butt"
        for (let i = 0; i < count; ++i) {
            const start = -Math.PI / 2 + gap / 2 + i * (sweep + gap)
            ctx.beginPath()
            ctx.arc(cx, cy, radius, start, start + sweep, false)
            ctx.strokeStyle = ring.seenFlags[i] ? Theme.storyRingSeen : bright
            ctx.stroke()
        }
    }
}
