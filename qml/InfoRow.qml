import QtQuick
import QtQuick.Controls.Basic

// One fact on the profile card: the value, and under it what it is.
Column {
    id: row

    property string value
    property string caption

    spacing: Theme.spacingTiny / 2
    padding: Theme.spacingLarge
    leftPadding: Theme.spacingLarge + Theme.spacingTiny

    Label {
        width: row.width - row.leftPadding - row.rightPadding
        text: row.value
        textFormat: Text.PlainText
        wrapMode: Text.Wrap
        color: Theme.textPrimary
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBodyLarge
    }
    Label {
        width: row.width - row.leftPadding - row.rightPadding
        text: row.caption
        elide: Text.ElideRight
        color: Theme.textSecondary
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontCaption
    }
}
