pragma Singleton
import QtQuick

// How times and states read, in the person's language and locale.
QtObject {
    // Follows the language chosen in the settings; bindings that call the functions
    // below read it, so dates shown already are written again after a switch.
    readonly property var locale: Qt.locale(Theme.localeName)

    function time(date) {
        return date && !isNaN(date.getTime()) ? date.toLocaleTimeString(locale, Locale.ShortFormat) : ""
    }

    // Today: the time; this week: the weekday; older: the date.
    function listTime(date) {
        if (!date || isNaN(date.getTime()))
            return ""
        const now = new Date()
        if (date.toDateString() === now.toDateString())
            return time(date)
        const days = (now - date) / 86400000
        if (days < 7)
            return date.toLocaleDateString(locale, "ddd")
        return date.toLocaleDateString(locale, Locale.ShortFormat)
    }

    function day(date) {
        if (!date || isNaN(date.getTime()))
            return ""
        const now = new Date()
        if (date.toDateString() === now.toDateString())
            return qsTr("Today")
        const yesterday = new Date(now.getTime() - 86400000)
        if (date.toDateString() === yesterday.toDateString())
            return qsTr("Yesterday")
        // The order of day and month is the language's: the translation gives the pattern.
        if (date.getFullYear() === now.getFullYear())
            return date.toLocaleDateString(locale, qsTr("MMMM d", "date pattern: a day of this year"))
        return date.toLocaleDateString(locale, qsTr("MMMM d, yyyy", "date pattern: a day of another year"))
    }

    function typing(names) {
        if (!names || names.length === 0)
            return ""
        if (names.length === 1)
            return qsTr("%1 is typing…").arg(names[0])
        return qsTr("%n people are typing…", "", names.length)
    }

    function lastSeen(date) {
        if (!date || isNaN(date.getTime()))
            return qsTr("offline")
        return qsTr("last seen %1").arg(listTime(date))
    }

    // The chat list's line for a message that is not text.
    function messagePreview(type, text) {
        switch (type) {
        case "photo": return qsTr("Photo")
        case "video": return qsTr("Video")
        case "document": return qsTr("Document")
        case "audio": return qsTr("Audio")
        case "voice": return qsTr("Voice message")
        case "sticker": return qsTr("Sticker")
        }
        return text
    }

    // A file's size: "820 KB", "12.3 MB", in the locale's digits.
    function fileSize(bytes) {
        if (!(bytes > 0))
            return ""
        if (bytes < 1024)
            return qsTr("%1 B").arg(bytes)
        if (bytes < 1024 * 1024)
            return qsTr("%1 KB").arg(Math.round(bytes / 1024))
        return qsTr("%1 MB").arg(Number(bytes / 1024 / 1024).toLocaleString(locale, "f", 1))
    }

    // A recording's or a video's length, or a position in it: "0:07", "12:45", "1:02:03".
    function duration(ms) {
        const total = Math.max(0, Math.floor((ms || 0) / 1000))
        const seconds = String(total % 60).padStart(2, "0")
        const minutes = Math.floor(total / 60) % 60
        const hours = Math.floor(total / 3600)
        return hours > 0 ? hours + ":" + String(minutes).padStart(2, "0") + ":" + seconds
                         : minutes + ":" + seconds
    }

    // Plain text with the matches of query marked, for the in-chat search. The
    // text is escaped first, so nothing in a message is ever read as markup.
    function highlighted(text, query, color) {
        const escape = s => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
                                .replace(/"/g, "&quot;").replace(/\n/g, "<br>")
        if (!query)
            return escape(text)
        const lower = text.toLowerCase()
        const needle = query.toLowerCase()
        let result = ""
        let from = 0
        for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, from)) {
            result += escape(text.substring(from, at))
                    + "<span style=\"background-color:" + color + "\">"
                    + escape(text.substring(at, at + needle.length)) + "</span>"
            from = at + needle.length
        }
        return result + escape(text.substring(from))
    }
}
