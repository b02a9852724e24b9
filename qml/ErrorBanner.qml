import QtQuick
import QtQuick.Controls.Basic

// An error about the whole form (wrong password, no connection), above its button.
Rectangle {
    id: banner

    property string text

    visible: text !== ""
    implicitWidth: Theme.formWidth
    implicitHeight: message.implicitHeight + 2 * Theme.spacingMedium
    radius: Theme.radiusMedium
    color: Theme.dangerSoft

    Label {
        id: message
        anchors.fill: parent
        anchors.margins: Theme.spacingMedium
        anchors.leftMargin: Theme.spacingLarge
        anchors.rightMargin: Theme.spacingLarge
        verticalAlignment: Text.AlignVCenter
        text: banner.text
        textFormat: Text.PlainText
        wrapMode: Text.Wrap
        color: Theme.danger
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
    }
}
