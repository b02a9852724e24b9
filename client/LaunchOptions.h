#pragma once

#include <QSize>
#include <QString>
#include <QStringList>
#include <QUrl>

// What the command line asks of the client. Signing in from the command line
// and the screenshot exist for demos and for checking the UI without a screen.
struct LaunchOptions
{
    QUrl serverUrl;
    QString language; // "ru", "en" or empty: the system's
    QString login;
    QString password;
    QString screenshotPath;
    QSize windowSize; // invalid: the window's own default
    QString theme; // "light", "dark" or empty: the system's
    bool neon = false;
    int openChat = 0; // for screenshots: the chat at this place in the list (1-based), 0 for none
    // For screenshots: the stories of the author at this place in the stories row (1-based,
    // 1 is the own row), 0 for none.
    int openStory = 0;

    // Exits the process with the usage text on --help, --version or a mistake,
    // as command-line tools do.
    static LaunchOptions fromArguments(const QStringList &arguments);
};
