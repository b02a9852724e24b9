#include "LaunchOptions.h"

#include "ApiClient.h"
#include "Localization.h"

#include <QCommandLineParser>
#include <QRegularExpression>

#include <cstdio>
#include <cstdlib>

namespace {

[[noreturn]] void refuse(const QCommandLineParser &parser, const QString &message)
{
    std::fprintf(stderr, "%s\n\n%s", qPrintable(message), qPrintable(parser.helpText()));
    std::exit(EXIT_FAILURE);
}

} // namespace

LaunchOptions LaunchOptions::fromArguments(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("KOCMOC, a self-hosted messenger."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption server(QStringLiteral("server"),
        QStringLiteral("The KOCMOC server to use (default %1).")
            .arg(ApiClient::defaultServerUrl().toString()),
        QStringLiteral("url"), ApiClient::defaultServerUrl().toString());
    const QCommandLineOption language(QStringLiteral("lang"),
        QStringLiteral("The interface language: %1 (default: the system's).")
            .arg(Localization::shippedLanguages().join(QLatin1Char('|'))),
        QStringLiteral("language"));
    const QCommandLineOption login(QStringLiteral("login"),
        QStringLiteral("Sign in at start as this email or username."), QStringLiteral("name"));
    const QCommandLineOption password(QStringLiteral("password"),
        QStringLiteral("The password for --login (visible to other local users: "
                       "for demo accounts only)."),
        QStringLiteral("password"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
        QStringLiteral("Save a picture of the window once it is shown (and signed in, with "
                       "--login), then quit."),
        QStringLiteral("file.png"));
    const QCommandLineOption size(QStringLiteral("size"),
        QStringLiteral("The window size, e.g. 390x844."), QStringLiteral("WxH"));
    const QCommandLineOption theme(QStringLiteral("theme"),
        QStringLiteral("The colour scheme: light|dark (default: the system's)."),
        QStringLiteral("scheme"));
    const QCommandLineOption neon(
        QStringLiteral("neon"), QStringLiteral("Switch the neon glow on."));
    const QCommandLineOption openChat(QStringLiteral("open-chat"),
        QStringLiteral("Open the chat at this place in the list (1: the newest) once the list is "
                       "in, for screenshots."),
        QStringLiteral("n"));
    const QCommandLineOption openStory(QStringLiteral("open-story"),
        QStringLiteral("Open the stories of the author at this place in the stories row (1: your "
                       "own) once the row is in, for screenshots."),
        QStringLiteral("n"));
    parser.addOptions(
        {server, language, login, password, screenshot, size, theme, neon, openChat, openStory});
    parser.process(arguments);

    LaunchOptions options;
    options.serverUrl = QUrl::fromUserInput(parser.value(server));
    const QString scheme = options.serverUrl.scheme();
    if (!options.serverUrl.isValid()
        || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
        refuse(parser, QStringLiteral("--server needs an http:// or https:// address."));

    options.language = parser.value(language);
    if (!options.language.isEmpty() && !Localization::shippedLanguages().contains(options.language))
        refuse(parser,
            QStringLiteral("--lang is one of: %1.")
                .arg(Localization::shippedLanguages().join(QStringLiteral(", "))));

    options.login = parser.value(login);
    options.password = parser.value(password);
    if (options.login.isEmpty() != options.password.isEmpty())
        refuse(parser, QStringLiteral("--login and --password go together."));

    options.screenshotPath = parser.value(screenshot);
    options.theme = parser.value(theme);
    if (!options.theme.isEmpty() && options.theme != QLatin1String("light")
        && options.theme != QLatin1String("dark"))
        refuse(parser, QStringLiteral("--theme is light or dark."));
    options.neon = parser.isSet(neon);
    if (parser.isSet(openChat)) {
        bool number = false;
        options.openChat = parser.value(openChat).toInt(&number);
        if (!number || options.openChat < 1)
            refuse(parser, QStringLiteral("--open-chat is a place in the chat list: 1, 2, …"));
    }

    if (parser.isSet(openStory)) {
        bool number = false;
        options.openStory = parser.value(openStory).toInt(&number);
        if (!number || options.openStory < 1)
            refuse(parser, QStringLiteral("--open-story is a place in the stories row: 1, 2, …"));
    }

    if (parser.isSet(size)) {
        static const QRegularExpression pattern(QStringLiteral("^(\\d{3,4})x(\\d{3,4})$"));
        const QRegularExpressionMatch match = pattern.match(parser.value(size));
        if (!match.hasMatch())
            refuse(parser, QStringLiteral("--size looks like 390x844."));
        options.windowSize = QSize(match.captured(1).toInt(), match.captured(2).toInt());
    }
    return options;
}
