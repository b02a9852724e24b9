import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

import Kocmoc

// Creating an account: name, username, email and password.
FormScaffold {
    id: page

    required property ApiClient api
    readonly property bool filled: nameField.text.trim() !== "" && usernameField.text.trim() !== ""
                                   && emailField.text.trim() !== "" && passwordField.text !== ""
    readonly property var fields: ["displayName", "username", "email", "password"]

    signal signInRequested()

    function submit() {
        if (page.filled && !page.api.busy)
            page.api.registerAccount(emailField.text, passwordField.text, usernameField.text, nameField.text)
    }
    function errorFor(field) {
        return page.api.errorField === field ? page.api.errorMessage : ""
    }
    // Enter moves on to the next empty field, and sends the form from the last one.
    function advance(next) {
        if (page.filled)
            page.submit()
        else
            next.focusInput()
    }

    objectName: "registerPage"
    footnote: qsTr("Server: %1").arg(page.api.serverUrl)
    StackView.onActivated: nameField.focusInput()
    Keys.onEscapePressed: page.signInRequested()

    header: Item {
        implicitHeight: Theme.topBarHeight

        AbstractButton {
            id: backButton
            objectName: "backButton"
            anchors.left: parent.left
            anchors.leftMargin: Theme.spacingSmall
            anchors.verticalCenter: parent.verticalCenter
            width: Theme.touchTarget
            height: Theme.touchTarget
            padding: (Theme.touchTarget - Theme.iconSize) / 2
            Accessible.name: qsTr("Back to sign in")
            ToolTip.visible: hovered
            ToolTip.delay: 600
            ToolTip.text: Accessible.name
            onClicked: page.signInRequested()
            contentItem: IconGlyph {
                name: "back"
                color: Theme.textPrimary
            }
            background: Rectangle {
                radius: width / 2
                color: backButton.hovered ? Theme.field : "transparent"
            }
            HoverHandler {
                cursorShape: Qt.PointingHandCursor
            }
        }
    }

    Label {
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
        text: qsTr("Create your account")
        color: Theme.textPrimary
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontHeadline
        font.weight: Font.Bold
    }
    Label {
        Layout.fillWidth: true
        Layout.bottomMargin: Theme.spacingLarge
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
        text: qsTr("It takes less than a minute.")
        color: Theme.textSecondary
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
    }

    FormField {
        id: nameField
        objectName: "displayNameField"
        Layout.fillWidth: true
        label: qsTr("Your name")
        errorText: page.errorFor("displayName")
        onTextEdited: page.api.clearError()
        onAccepted: page.advance(usernameField)
    }
    FormField {
        id: usernameField
        objectName: "usernameField"
        Layout.fillWidth: true
        label: qsTr("Username")
        prefix: "@"
        hint: qsTr("%1 to %2 characters: Latin letters, digits and underscores.")
                  .arg(AccountLimits.usernameMinChars).arg(AccountLimits.usernameMaxChars)
        inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText | Qt.ImhPreferLatin
        errorText: page.errorFor("username")
        onTextEdited: page.api.clearError()
        onAccepted: page.advance(emailField)
    }
    FormField {
        id: emailField
        objectName: "emailField"
        Layout.fillWidth: true
        label: qsTr("Email")
        inputMethodHints: Qt.ImhEmailCharactersOnly | Qt.ImhNoAutoUppercase
        errorText: page.errorFor("email")
        onTextEdited: page.api.clearError()
        onAccepted: page.advance(passwordField)
    }
    FormField {
        id: passwordField
        objectName: "passwordField"
        Layout.fillWidth: true
        label: qsTr("Password")
        password: true
        hint: qsTr("At least %n character(s).", "", AccountLimits.passwordMinChars)
        inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
        errorText: page.errorFor("password")
        onTextEdited: page.api.clearError()
        onAccepted: page.submit()
    }

    ErrorBanner {
        objectName: "formError"
        Layout.fillWidth: true
        text: page.fields.includes(page.api.errorField) ? "" : page.api.errorMessage
    }

    ActionButton {
        objectName: "submitButton"
        Layout.fillWidth: true
        Layout.topMargin: Theme.spacingSmall
        text: qsTr("Create account")
        enabled: page.filled && !page.api.busy
        busy: page.api.busy
        onClicked: page.submit()
    }

    RowLayout {
        Layout.alignment: Qt.AlignHCenter
        Layout.topMargin: Theme.spacingSmall
        spacing: Theme.spacingTiny
        Label {
            text: qsTr("Already have an account?")
            color: Theme.textSecondary
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
        }
        TextLink {
            objectName: "signInLink"
            text: qsTr("Sign in")
            onClicked: page.signInRequested()
        }
    }
}
