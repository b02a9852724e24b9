import QtQuick
import QtQuick.Controls.Basic

// The product name as the logo sets it.
Label {
    property int pixelSize: Theme.fontDisplay

    //: The product name, the logo: keep it in Latin capitals in every language.
    text: qsTr("KOCMOC")
    color: Theme.textPrimary
    font.family: Theme.fontFamily
    font.pixelSize: pixelSize
    font.weight: Font.ExtraBold
    font.letterSpacing: pixelSize * 0.14
}
