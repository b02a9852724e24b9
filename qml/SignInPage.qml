import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

import Kocmoc

// Signing in with an email or a username and a password.
FormScaffold {
    id: page

    required property ApiClient api
    readonly property bool filled: identifierField.text.trim() !== "" && passwordField.text !== ""
    readonly property var fields: ["identifier", "password"]

    signal registrationRequested()

    function submit() {
        if (page.filled && !page.api.busy)
            page.api.login(identifierField.text, passwordField.text)
    }
    function errorFor(field) {
        return page.api.errorField === field ? page.api.errorMessage : ""
    }

    objectName: "signInPage"
    footnote: qsTr("Server: %1").arg(page.api.serverUrl)
    StackView.onActivated: identifierField.focusInput()

    LogoMark {
        Layout.alignment: Qt.AlignHCenter
    }
    Wordmark {
        Layout.alignment: Qt.AlignHCenter
        Layout.topMargin: Theme.spacingSmall
    }
    Label {
        Layout.fillWidth: true
        Layout.bottomMargin: Theme.spacingLarge
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
        text: qsTr("Sign in to your account.")
        color: Theme.textSecondary
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
    }

    FormField {
        id: identifierField
        objectName: "identifierField"
        Layout.fillWidth: true
        label: qsTr("Email or username")
        inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
        errorText: page.errorFor("identifier")
        onTextEdited: page.api.clearError()
        onAccepted: passwordField.text === "" ? passwordField.focusInput() : page.submit()
    }
    FormField {
        id: passwordField
        objectName: "passwordField"
        Layout.fillWidth: true
        label: qsTr("Password")
        password: true
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
        text: qsTr("Sign in")
        enabled: page.filled && !page.api.busy
        busy: page.api.busy
        onClicked: page.submit()
    }

    RowLayout {
        Layout.alignment: Qt.AlignHCenter
        Layout.topMargin: Theme.spacingSmall
        spacing: Theme.spacingTiny
        Label {
            text: qsTr("New to KOCMOC?")
            color: Theme.textSecondary
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
        }
        TextLink {
            objectName: "registerLink"
            text: qsTr("Create an account")
            onClicked: page.registrationRequested()
        }
    }
}
