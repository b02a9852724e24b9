import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// A labelled text field with its error (or hint) underneath.
FocusScope {
    id: field

    property string label
    property alias text: input.text
    property alias placeholderText: input.placeholderText
    property alias inputMethodHints: input.inputMethodHints
    // Shown in front of the text, e.g. "@" before a username.
    property string prefix
    property bool password: false
    property string errorText
    property string hint
    readonly property bool hasError: errorText !== ""
    readonly property alias inputActive: input.activeFocus

    signal accepted()
    signal textEdited()

    function focusInput() {
        input.forceActiveFocus()
    }

    implicitWidth: Theme.formWidth
    implicitHeight: column.implicitHeight

    ColumnLayout {
        id: column
        anchors.left: parent.left
        anchors.right: parent.right
        spacing: Theme.spacingSmall

        Label {
            text: field.label
            color: Theme.textSecondary
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontCaption
            font.weight: Font.Medium
            Layout.leftMargin: Theme.spacingTiny
        }

        TextField {
            id: input
            objectName: "input"
            Layout.fillWidth: true
            implicitHeight: Theme.controlHeight
            focus: true
            leftPadding: Theme.spacingLarge + (prefixLabel.visible ? prefixLabel.implicitWidth + Theme.spacingTiny / 2 : 0)
            rightPadding: field.password ? Theme.touchTarget + Theme.spacingSmall : Theme.spacingLarge
            verticalAlignment: TextInput.AlignVCenter
            echoMode: field.password && !reveal.checked ? TextInput.Password : TextInput.Normal
            passwordCharacter: "•"
            color: Theme.textPrimary
            placeholderTextColor: Theme.textPlaceholder
            selectionColor: Theme.selection
            selectedTextColor: Theme.textPrimary
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBodyLarge
            Accessible.name: field.label
            Accessible.description: field.errorText !== "" ? field.errorText : field.hint
            onAccepted: field.accepted()
            onTextEdited: field.textEdited()

            background: Rectangle {
                radius: Theme.radiusMedium
                color: input.hovered && !input.activeFocus ? Theme.fieldHovered : Theme.field
                border.width: input.activeFocus || field.hasError ? Theme.focusWidth : 0
                border.color: field.hasError ? Theme.danger : Theme.accent
                Behavior on border.color { ColorAnimation { duration: Theme.durationFast } }
            }

            Label {
                id: prefixLabel
                visible: field.prefix !== ""
                x: Theme.spacingLarge
                anchors.verticalCenter: parent.verticalCenter
                text: field.prefix
                color: Theme.textSecondary
                font: input.font
            }

            AbstractButton {
                id: reveal
                objectName: "revealButton"
                visible: field.password
                checkable: true
                focusPolicy: Qt.NoFocus
                anchors.right: parent.right
                anchors.rightMargin: Theme.spacingTiny
                anchors.verticalCenter: parent.verticalCenter
                width: Theme.touchTarget
                height: Theme.touchTarget
                padding: (Theme.touchTarget - Theme.iconSize) / 2
                Accessible.name: checked ? qsTr("Hide password") : qsTr("Show password")
                ToolTip.visible: hovered
                ToolTip.delay: 600
                ToolTip.text: Accessible.name
                contentItem: IconGlyph {
                    name: reveal.checked ? "eyeOff" : "eye"
                    color: reveal.hovered ? Theme.textPrimary : Theme.textSecondary
                }
                background: null
                HoverHandler {
                    cursorShape: Qt.PointingHandCursor
                }
            }
        }

        Label {
            objectName: "message"
            visible: text !== ""
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spacingTiny
            text: field.hasError ? field.errorText : field.hint
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            color: field.hasError ? Theme.danger : Theme.textSecondary
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontCaption
        }
    }
}
