import QtQuick
import QtTest

import Kocmoc

// Voice messages' players: the waveform's bars, play and pause on the same
// message, and one at a time — starting another stops the first.
TestCase {
    id: testCase
    name: "VoiceBubble"
    width: 400
    height: 200
    visible: true
    when: windowShown

    Component {
        id: voiceComponent
        VoiceBubble {
            durationMs: 7000
            waveform: [0, 40, 255, 120, 30, 200, 80, 10]
        }
    }

    function cleanup() { MediaPlayback.claim("") }

    function test_durationAndWaveform() {
        const voice = createTemporaryObject(voiceComponent, testCase, {key: "a", url: "http://127.0.0.1:9/a.ogg"})
        compare(findChild(voice, "voiceTime").text, "0:07")
        const bars = findChild(voice, "waveform")
        verify(bars.count > 8)
        // The loudest level is a full-height bar, silence a dot.
        compare(bars.levelAt(bars.count * 2.5 / 8), 1)
        compare(bars.levelAt(0), 0)
    }

    function test_playTogglesAndOneAtATime() {
        const first = createTemporaryObject(voiceComponent, testCase, {key: "1", url: "http://127.0.0.1:9/one.ogg"})
        const second = createTemporaryObject(voiceComponent, testCase, {key: "2", url: "http://127.0.0.1:9/two.ogg", y: 80})
        waitForRendering(second)
        const firstButton = findChild(first, "playButton")
        const secondButton = findChild(second, "playButton")

        mouseClick(firstButton)
        verify(first.current)
        // Playing, unless the stream failed; then it says so.
        verify(first.playing || findChild(first, "playbackError").visible)
        compare(firstButton.Accessible.name, first.playing ? "Pause" : "Play")

        mouseClick(secondButton)
        verify(second.current)
        verify(!first.current)
        verify(!first.playing)
        compare(firstButton.Accessible.name, "Play")

        // The same button again pauses (or, after a failure, tries again).
        const wasPlaying = second.playing
        mouseClick(secondButton)
        compare(second.playing, !wasPlaying)
    }

    function test_noUrlYetCannotPlay() {
        const pending = createTemporaryObject(voiceComponent, testCase, {key: "c-1", url: ""})
        verify(!findChild(pending, "playButton").enabled)
    }
}
