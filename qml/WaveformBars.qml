import QtQuick

import Kocmoc

// A recording's outline (File.waveform, up to 100 levels 0–255) as bars, as many
// as fit the width; the part already played in playedColor. A tap or a drag
// asks to seek there.
Item {
    id: bars

    property var levels: []
    property real progress: 0 // 0..1
    property color playedColor: Theme.accent
    property color restColor: Theme.textPlaceholder

    signal seekRequested(real fraction)

    implicitHeight: Theme.waveformHeight
    readonly property int count: Math.max(1, Math.floor((width + 2) / (Theme.waveformBar + 2)))

    // The level of bar i: the loudest of the levels it covers (silence without levels).
    function levelAt(i) {
        const n = levels ? levels.length : 0
        if (n === 0)
            return 0
        const from = Math.floor(i * n / count)
        const to = Math.max(from + 1, Math.floor((i + 1) * n / count))
        let loudest = 0
        for (let k = from; k < to && k < n; ++k)
            loudest = Math.max(loudest, levels[k])
        return loudest / 255
    }

    Row {
        anchors.verticalCenter: parent.verticalCenter
        spacing: 2
        Repeater {
            model: bars.count
            delegate: Rectangle {
                required property int index
                width: Theme.waveformBar
                height: Math.max(Theme.waveformBar, bars.height * bars.levelAt(index))
                anchors.verticalCenter: parent.verticalCenter
                radius: width / 2
                color: (index + 0.5) / bars.count <= bars.progress ? bars.playedColor : bars.restColor
            }
        }
    }
    TapHandler {
        onTapped: point => bars.seekRequested(Math.max(0, Math.min(1, point.position.x / bars.width)))
    }
    HoverHandler { cursorShape: Qt.PointingHandCursor }
}
