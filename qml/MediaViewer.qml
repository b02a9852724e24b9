import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Templates as T

import Kocmoc

// A photo full size over the whole window; Esc or a click closes it.
Popup {
    id: viewer

    property string url

    function show(photoUrl) {
        url = photoUrl
        open()
    }

    objectName: "mediaViewer"
    parent: T.Overlay.overlay
    x: 0
    y: 0
    width: parent ? parent.width : 0
    height: parent ? parent.height : 0
    modal: true
    focus: true
    padding: Theme.spacingHuge
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
    background: Rectangle { color: Theme.scrim }

    contentItem: Item {
        BusyIndicator {
            anchors.centerIn: parent
            running: full.status === Image.Loading
        }
        Image {
            id: full
            objectName: "viewerImage"
            anchors.fill: parent
            source: viewer.url
            fillMode: Image.PreserveAspectFit
            asynchronous: true
            smooth: true
        }
        Label {
            anchors.centerIn: parent
            visible: full.status === Image.Error
            text: qsTr("The photo cannot be loaded.")
            color: Theme.textOnAccent
        }
        TapHandler { onTapped: viewer.close() }
    }
}
