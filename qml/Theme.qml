pragma Singleton
import QtQuick

import Kocmoc

// Every colour, size, font and duration the interface uses. Components read
// them from here and never spell a literal, so the dark scheme, larger text or
// a new accent is a change in this one file.
QtObject {
    id: theme

    // The system palette's window colour says whether the desktop is dark,
    // until the person picks light or dark (Preferences, remembered).
    readonly property SystemPalette systemPalette: SystemPalette {}
    readonly property bool dark: Preferences.theme === "dark"
                                 || (Preferences.theme === "" && systemPalette.window.hslLightness < 0.5)
    // Glow on accents and borders, on either scheme.
    readonly property bool neon: Preferences.neon
    // The locale of dates and numbers, which follows the interface language (Formats).
    readonly property string localeName: Preferences.localeName

    // Colours: violet on white, or violet on black.
    readonly property color accent: dark ? "#9D7BFF" : "#7C4DFF"
    readonly property color accentHovered: dark ? "#AE91FF" : "#6E3DF5"
    readonly property color accentPressed: dark ? "#8A63F5" : "#5F2FE6"
    readonly property color accentSoft: dark ? "#221A38" : "#F1ECFF"
    readonly property color textOnAccent: "#FFFFFF"
    readonly property color background: dark ? "#000000" : "#FFFFFF"
    readonly property color surface: dark ? "#111015" : "#F7F6FA"
    readonly property color field: dark ? "#16141C" : "#F4F3F8"
    readonly property color fieldHovered: dark ? "#1C1A24" : "#EEECF4"
    readonly property color divider: dark ? "#26232F" : "#E9E6F0"
    readonly property color textPrimary: dark ? "#F5F3FA" : "#17141F"
    readonly property color textSecondary: dark ? "#9893A6" : "#6F6A7D"
    readonly property color textPlaceholder: dark ? "#5F5A6C" : "#A19CAE"
    readonly property color selection: dark ? "#4B3A8C" : "#D9CCFF"
    readonly property color danger: dark ? "#FF6B7D" : "#D92D45"
    readonly property color dangerSoft: dark ? "#2A0F15" : "#FDEDEF"
    readonly property color backdropLine: dark ? "#1A1626" : "#F1EDFB"
    readonly property color success: dark ? "#5EE39A" : "#1FA463"
    readonly property color online: "#35C46A"

    // "Liquid glass" panels: translucent over the backdrop, with a light edge.
    readonly property color glass: dark ? Qt.rgba(0.07, 0.06, 0.10, 0.72)
                                        : Qt.rgba(1, 1, 1, 0.72)
    readonly property color glassBorder: neon ? Qt.rgba(accent.r, accent.g, accent.b, 0.7)
                                              : (dark ? Qt.rgba(1, 1, 1, 0.08)
                                                      : Qt.rgba(0.35, 0.25, 0.6, 0.12))
    readonly property color glow: Qt.rgba(accent.r, accent.g, accent.b, neon ? 0.55 : 0)
    readonly property int glassBlur: 48

    // Message bubbles: own ones violet, others' quiet.
    // On black the accent is lighter; white text on it needs a deeper violet.
    readonly property color bubbleOwn: dark ? "#6A45E8" : accent
    readonly property color bubbleOwnText: textOnAccent
    readonly property color bubbleOwnMeta: Qt.rgba(1, 1, 1, 0.75)
    readonly property color bubbleOther: dark ? "#1B1924" : "#F1EFF6"
    readonly property color bubbleOtherText: textPrimary
    readonly property color highlight: dark ? "#6B4F00" : "#FFE58A"
    readonly property color skeleton: dark ? "#1C1A24" : "#ECEAF2"

    // Generated avatars: a gradient picked by the user id, white initials on top.
    readonly property var avatarGradients: [
        ["#FF8A80", "#E5485F"], // coral
        ["#FFC46B", "#F2883A"], // amber
        ["#B79CFF", "#7C4DFF"], // violet
        ["#8EDC8B", "#3DAF6B"], // green
        ["#6FE0D0", "#1FAFA3"], // teal
        ["#7CC8FF", "#3B82F6"], // blue
        ["#F3A4E0", "#C94FC0"], // orchid
        ["#A5B4FC", "#5E6AD2"]  // indigo
    ]
    function avatarGradient(key) {
        // FNV-1a over the UTF-16 units: stable across runs and platforms.
        let hash = 0x811c9dc5
        for (let i = 0; i < key.length; ++i) {
            hash ^= key.charCodeAt(i)
            hash = Math.imul(hash, 0x01000193) >>> 0
        }
        return avatarGradients[hash % avatarGradients.length]
    }

    // Stories (SPEC 2.5): the ring around an author's avatar, one arc per story, bright
    // for what is new and dim once seen; the viewer is dark on either scheme, like a photo.
    readonly property color storyRingFrom: dark ? "#C77DFF" : "#B04DFF"
    readonly property color storyRingTo: dark ? "#FF7AC6" : "#FF4F9A"
    readonly property color storyRingSeen: dark ? "#3A3647" : "#CFCBDA"
    readonly property real storyRingWidth: 2.5
    readonly property int storyAvatar: 52
    readonly property int storyRingGap: 3 // between the ring and the avatar
    readonly property int storyDurationMs: 5000 // a photo or a text on screen
    readonly property color storyBackdrop: "#000000"
    readonly property color storyScrim: Qt.rgba(0.02, 0.01, 0.05, 0.94)
    readonly property color storyInk: "#FFFFFF"
    readonly property color storyInkDim: Qt.rgba(1, 1, 1, 0.72)
    readonly property color storyTrack: Qt.rgba(1, 1, 1, 0.32)
    readonly property color storyShade: Qt.rgba(0, 0, 0, 0.45) // under text on a photo
    readonly property color storyPanel: "#16141D"
    readonly property real storyAspect: 9 / 16
    readonly property int storyTextSize: 28
    // The named backgrounds of text stories (the server's list), top to bottom.
    readonly property var storyBackgrounds: ({
        "violet": ["#8E54FF", "#5B21D6"],
        "sunset": ["#FFB36B", "#E5485F"],
        "ocean": ["#4FC3F7", "#2F56D9"],
        "forest": ["#6FD08C", "#1F7A55"],
        "night": ["#2C2A5E", "#0A0918"]
    })
    function storyBackground(name) {
        // "#RRGGBB" is a plain colour; an unknown name falls back to violet.
        if (name.length === 7 && name[0] === "#")
            return [name, name]
        return storyBackgrounds[name] || storyBackgrounds["violet"]
    }

    // Type. Inter when installed (scripts/install-deps.sh), the system sans otherwise.
    readonly property string fontFamily: "Inter"
    readonly property int fontCaption: 13
    readonly property int fontBody: 15
    readonly property int fontBodyLarge: 16
    readonly property int fontTitle: 20
    readonly property int fontHeadline: 26
    readonly property int fontDisplay: 30

    // Space, on a 4-pixel grid.
    readonly property int spacingTiny: 4
    readonly property int spacingSmall: 8
    readonly property int spacingMedium: 12
    readonly property int spacingLarge: 16
    readonly property int spacingHuge: 24
    readonly property int spacingGiant: 32
    readonly property int pageMargin: 24

    // Shapes and sizes.
    readonly property int radiusSmall: 8
    readonly property int radiusMedium: 12
    readonly property int radiusLarge: 16
    readonly property int controlHeight: 50
    readonly property int iconSize: 20
    readonly property int touchTarget: 40
    readonly property int strokeWidth: 2
    readonly property int focusWidth: 2
    readonly property int formWidth: 360
    readonly property int contentWidth: 440
    readonly property int avatarLarge: 112
    readonly property int logoMark: 64
    readonly property int logoMarkSmall: 32
    readonly property int topBarHeight: 56
    readonly property int sidebarWidth: 340
    readonly property int narrowWidth: 700 // below it the sidebar becomes a drawer
    readonly property int avatarSmall: 44
    readonly property int avatarTiny: 36
    readonly property int bubbleMaxWidth: 520
    readonly property int badgeSize: 20
    readonly property int onlineDot: 12
    // Media in messages: photos and video posters fit this box, stickers are this big.
    readonly property int mediaMaxWidth: 320
    readonly property int mediaMaxHeight: 320
    readonly property int stickerSize: 160
    readonly property int voiceBubbleWidth: 260
    readonly property int waveformHeight: 28
    readonly property int waveformBar: 3
    readonly property int progressHeight: 4
    // The viewer's and the drop hint's dimmed backdrop.
    readonly property color scrim: Qt.rgba(0, 0, 0, 0.82)
    readonly property color mediaPlaceholder: dark ? "#1C1A24" : "#2A2535"

    // Motion.
    readonly property int durationFast: 120
    readonly property int durationNormal: 220
    readonly property real disabledOpacity: 0.4
}
