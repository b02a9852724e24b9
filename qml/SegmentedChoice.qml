import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// One of a few choices side by side (light / dark / system, a language): the
// chosen one lifted on a soft violet pill.
Rectangle {
    id: choice

    // [{value: "…", label: "…"}]
    property var options: []
    property string value
    signal chosen(string value)

    implicitHeight: Theme.touchTarget
    implicitWidth: row.implicitWidth + 8
    radius: Theme.radiusMedium
    color: Theme.field

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.margins: 4
        spacing: 4
        Repeater {
            model: choice.options
            delegate: AbstractButton {
                id: option
                required property var modelData
                readonly property bool selected: modelData.value === choice.value
                objectName: "choice_" + (modelData.value === "" ? "system" : modelData.value)
                Layout.fillWidth: true
                Layout.fillHeight: true
                implicitWidth: label.implicitWidth + 2 * Theme.spacingMedium
                checkable: true
                checked: selected
                Accessible.name: modelData.label
                Accessible.checked: selected
                onClicked: choice.chosen(modelData.value)
                contentItem: Label {
                    id: label
                    text: option.modelData.label
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                    elide: Text.ElideRight
                    color: option.selected ? Theme.accent : Theme.textSecondary
                    font.pixelSize: Theme.fontCaption + 1
                    font.weight: option.selected ? Font.DemiBold : Font.Normal
                }
                background: Rectangle {
                    radius: Theme.radiusSmall
                    color: option.selected ? Theme.background
                         : option.hovered ? Theme.fieldHovered : "transparent"
                    border.width: option.selected && Theme.neon ? 1 : 0
                    border.color: Theme.accent
                    Behavior on color { ColorAnimation { duration: Theme.durationFast } }
                }
                HoverHandler { cursorShape: Qt.PointingHandCursor }
            }
        }
    }
}
