import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// The frame of the signed-out pages: one column of form width, centred in the
// window, scrolling when the window is shorter than the form.
Page {
    id: scaffold

    default property alias content: column.data
    // The line under the form, e.g. which server this is.
    property string footnote

    background: Rectangle {
        color: Theme.background

        OrbitBackdrop {
            anchors.fill: parent
        }
    }

    Flickable {
        id: flickable
        anchors.fill: parent
        contentWidth: width
        contentHeight: Math.max(height, column.implicitHeight + 2 * Theme.pageMargin)
        boundsBehavior: Flickable.StopAtBounds
        clip: true
        ScrollIndicator.vertical: ScrollIndicator {}

        ColumnLayout {
            id: column
            width: Math.min(Theme.formWidth, scaffold.width - 2 * Theme.pageMargin)
            x: (flickable.width - width) / 2
            y: Math.max(Theme.pageMargin, (flickable.height - implicitHeight) / 2)
            spacing: Theme.spacingLarge
        }
    }

    footer: Label {
        visible: scaffold.footnote !== ""
        padding: Theme.spacingLarge
        horizontalAlignment: Text.AlignHCenter
        text: scaffold.footnote
        textFormat: Text.PlainText
        elide: Text.ElideMiddle
        color: Theme.textSecondary
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontCaption
        background: null
    }
}
