import QtQuick
import QtQuick.Controls.Basic
import QtMultimedia

import Kocmoc

// A video in a message: its first frame as the poster (the player paused at 0),
// the length, and a play button; it plays inline, and a click pauses it. Starting
// it stops any voice message or other video (MediaPlayback).
Item {
    id: video

    property string key
    property string url
    property int durationMs: 0
    property real maxWidth: Theme.mediaMaxWidth

    readonly property bool playing: player.playbackState === MediaPlayer.PlayingState
    implicitWidth: Math.min(maxWidth, Theme.mediaMaxWidth)
    implicitHeight: Math.round(implicitWidth * 9 / 16)

    Rectangle {
        anchors.fill: parent
        radius: Theme.radiusMedium
        color: Theme.mediaPlaceholder
    }
    MediaPlayer {
        id: player
        source: video.url
        videoOutput: output
        audioOutput: AudioOutput {}
        // Paused at the start: the first frame shows as the poster.
        onSourceChanged: if (source != "") pause()
        onMediaStatusChanged: if (mediaStatus === MediaPlayer.EndOfMedia) { position = 0; pause() }
    }
    VideoOutput {
        id: output
        objectName: "videoOutput"
        anchors.fill: parent
        fillMode: VideoOutput.PreserveAspectFit
    }
    Connections {
        target: MediaPlayback
        function onCurrentKeyChanged() {
            if (MediaPlayback.currentKey !== video.key && video.playing)
                player.pause()
        }
    }
    Rectangle {
        objectName: "videoPlayButton"
        anchors.centerIn: parent
        width: Theme.touchTarget + Theme.spacingSmall
        height: width
        radius: width / 2
        color: Theme.scrim
        visible: !video.playing
        IconGlyph {
            anchors.centerIn: parent
            anchors.horizontalCenterOffset: 2
            width: Theme.iconSize + 4
            height: width
            name: "play"
            color: Theme.textOnAccent
        }
    }
    Label {
        objectName: "videoDuration"
        anchors.left: parent.left
        anchors.top: parent.top
        anchors.margins: Theme.spacingSmall
        visible: video.durationMs > 0 || player.duration > 0
        text: Formats.duration(player.duration > 0 ? player.duration : video.durationMs)
        color: Theme.textOnAccent
        font.pixelSize: Theme.fontCaption - 2
        padding: 2
        leftPadding: Theme.spacingTiny
        rightPadding: Theme.spacingTiny
        background: Rectangle { radius: Theme.radiusSmall; color: Theme.scrim }
    }
    TapHandler {
        onTapped: {
            if (video.playing) {
                player.pause()
            } else {
                MediaPlayback.claim(video.key)
                player.play()
            }
        }
    }
    HoverHandler { cursorShape: Qt.PointingHandCursor }
}
