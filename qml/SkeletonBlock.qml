import QtQuick

// A placeholder bar that pulses while the real content loads.
Rectangle {
    radius: height / 2
    color: Theme.skeleton

    SequentialAnimation on opacity {
        loops: Animation.Infinite
        running: visible
        NumberAnimation { from: 1; to: 0.45; duration: 700; easing.type: Easing.InOutSine }
        NumberAnimation { from: 0.45; to: 1; duration: 700; easing.type: Easing.InOutSine }
    }
}
