import QtQuick
import QtQuick.Controls.Basic

import Kocmoc

// A voice or audio message's player: play/pause, the waveform with the played
// part highlighted (a tap seeks), and the position or the length. One plays at
// a time (MediaPlayback).
Item {
    id: voice

    // The message's messageId or clientId: who has the player.
    property string key
    property string url
    property int durationMs: 0
    property var waveform: []
    // Own bubbles are violet: the played part is white on them.
    property bool onAccent: false
    property color ink: Theme.textPrimary

    readonly property bool current: MediaPlayback.currentKey === key && key !== ""
    readonly property bool playing: current && MediaPlayback.playing
    readonly property real length: current && MediaPlayback.duration > 0 ? MediaPlayback.duration : durationMs
    readonly property real progress: current && length > 0 ? MediaPlayback.position / length : 0

    implicitWidth: Theme.voiceBubbleWidth
    implicitHeight: Theme.touchTarget + Theme.spacingSmall

    RoundButton {
        id: playButton
        objectName: "playButton"
        anchors.left: parent.left
        anchors.verticalCenter: parent.verticalCenter
        implicitWidth: Theme.touchTarget
        implicitHeight: Theme.touchTarget
        padding: 0
        enabled: voice.url !== ""
        Accessible.name: voice.playing ? qsTr("Pause") : qsTr("Play")
        contentItem: Item {
            IconGlyph {
                anchors.centerIn: parent
                width: Theme.iconSize
                height: Theme.iconSize
                name: voice.playing ? "pause" : "play"
                color: voice.onAccent ? Theme.bubbleOwn : Theme.textOnAccent
            }
        }
        background: Rectangle {
            radius: width / 2
            color: voice.onAccent ? Theme.textOnAccent : Theme.accent
            opacity: playButton.enabled ? (playButton.down ? 0.8 : 1) : Theme.disabledOpacity
        }
        onClicked: MediaPlayback.toggle(voice.key, voice.url)
        HoverHandler { cursorShape: Qt.PointingHandCursor }
    }
    WaveformBars {
        objectName: "waveform"
        anchors.left: playButton.right
        anchors.leftMargin: Theme.spacingSmall
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.topMargin: Theme.spacingTiny
        height: Theme.waveformHeight
        levels: voice.waveform
        progress: voice.progress
        playedColor: voice.onAccent ? Theme.textOnAccent : Theme.accent
        restColor: voice.onAccent ? Theme.bubbleOwnMeta : Theme.textPlaceholder
        onSeekRequested: fraction => { if (voice.url !== "") MediaPlayback.seek(voice.key, voice.url, fraction) }
    }
    Label {
        objectName: "voiceTime"
        anchors.left: playButton.right
        anchors.leftMargin: Theme.spacingSmall
        anchors.bottom: parent.bottom
        text: voice.current && (voice.playing || MediaPlayback.position > 0)
              ? Formats.duration(MediaPlayback.position) + " / " + Formats.duration(voice.length)
              : Formats.duration(voice.length)
        color: voice.ink
        opacity: 0.8
        font.pixelSize: Theme.fontCaption - 2
    }
    Label {
        objectName: "playbackError"
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        visible: voice.current && MediaPlayback.errorString !== ""
        text: MediaPlayback.errorString
        color: voice.onAccent ? Theme.textOnAccent : Theme.danger
        font.pixelSize: Theme.fontCaption - 2
    }
}
