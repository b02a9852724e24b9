pragma Singleton
import QtQuick
import QtMultimedia

// What is playing in the chat: one voice or audio message at a time, through
// one shared player streaming the file's signed URL; a video claims the turn
// too (claim()), so starting anything stops whatever played before.
QtObject {
    id: playback

    // The message (its messageId or clientId) that has the player, or "".
    property string currentKey
    // Meant to play: true from a tap on play until pause, the end, or an error.
    property bool playing: false
    readonly property real position: player.position
    readonly property real duration: player.duration
    // Why the last file could not be played, localised; "" otherwise.
    property string errorString

    // Plays that message's audio, or pauses it when it is the one playing.
    function toggle(key, url) {
        if (key === currentKey && url === String(player.source)) {
            if (playing)
                player.pause()
            else
                player.play()
            playing = !playing
            return
        }
        claim(key)
        errorString = ""
        player.source = url
        playing = true
        player.play()
    }
    // Jumps within that message's audio (0..1), starting it when it is not loaded.
    function seek(key, url, fraction) {
        if (key !== currentKey || url !== String(player.source))
            toggle(key, url)
        if (player.duration > 0)
            player.position = fraction * player.duration
        else
            pendingSeek = fraction
    }
    // Someone else (a video) takes the turn: the audio stops.
    function claim(key) {
        if (key === currentKey)
            return
        player.stop()
        player.source = ""
        playing = false
        currentKey = key
    }
    function release(key) {
        if (key === currentKey)
            claim("")
    }

    property real pendingSeek: -1
    readonly property MediaPlayer player: MediaPlayer {
        audioOutput: AudioOutput {}
        onDurationChanged: {
            if (duration > 0 && playback.pendingSeek >= 0) {
                position = playback.pendingSeek * duration
                playback.pendingSeek = -1
            }
        }
        onMediaStatusChanged: {
            if (mediaStatus === MediaPlayer.EndOfMedia) {
                playback.playing = false
                position = 0
            }
        }
        onErrorOccurred: (error, errorString) => {
            playback.playing = false
            playback.errorString = qsTr("This recording cannot be played.")
            console.warn("playback:", errorString)
        }
    }
}
