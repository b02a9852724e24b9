#include "ApiClient.h"
#include "AppIcon.h"
#include "LaunchOptions.h"
#include "Messenger.h"
#include "Notifier.h"
#include "Preferences.h"
#include "WindowSnapshot.h"

#include <QApplication>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTimer>

#include <memory>

int main(int argc, char *argv[])
{
    // A QApplication rather than a QGuiApplication only because the system tray
    // (desktop notifications) needs one; the interface is all Qt Quick.
    QApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("KOCMOC"));
    QGuiApplication::setOrganizationName(QStringLiteral("KOCMOC"));
    QGuiApplication::setApplicationVersion(QStringLiteral(KOCMOC_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("kocmoc"));
    QGuiApplication::setWindowIcon(AppIcon::icon());

    const LaunchOptions options = LaunchOptions::fromArguments(QGuiApplication::arguments());
    // The saved choices, with the command line's on top for this run only.
    Preferences preferences(QString{});
    preferences.applyForThisRun(
        options.theme, options.neon ? std::optional<bool>(true) : std::nullopt, options.language);
    if (!preferences.applyLanguage())
        qWarning("No translation could be loaded; the interface shows its source texts.");
    Preferences::provide(&preferences);

    // Declared before the engine so that it outlives every binding to it.
    ApiClient api;
    api.setServerUrl(options.serverUrl);
    Messenger messenger;
    messenger.setApi(&api);

    QQmlApplicationEngine engine;
    // Qt 6.5 looks in qrc:/qt/qml by itself; 6.4 needs telling.
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    preferences.addEngine(&engine);
    QVariantMap initialProperties{{QStringLiteral("api"), QVariant::fromValue(&api)},
        {QStringLiteral("messenger"), QVariant::fromValue(&messenger)},
        {QStringLiteral("openChatAt"), options.openChat},
        {QStringLiteral("openStoryAt"), options.openStory}};
    if (options.windowSize.isValid()) {
        initialProperties.insert(QStringLiteral("width"), options.windowSize.width());
        initialProperties.insert(QStringLiteral("height"), options.windowSize.height());
    }
    engine.setInitialProperties(initialProperties);
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Kocmoc/Main.qml")));
    auto *window = engine.rootObjects().isEmpty()
        ? nullptr
        : qobject_cast<QQuickWindow *>(engine.rootObjects().first());
    if (!window)
        return EXIT_FAILURE;

    Notifier notifier;
    notifier.setMessenger(&messenger);
    notifier.setWindow(window);
    notifier.setEnabled(preferences.notifications());
    QObject::connect(&preferences, &Preferences::notificationsChanged, &notifier,
        [&] { notifier.setEnabled(preferences.notifications()); });
    // A click on a notification: the window comes back with that chat open.
    QObject::connect(&notifier, &Notifier::chatRequested, window, [&](const QString &chatId) {
        messenger.setCurrentChatId(chatId);
        window->show();
        window->raise();
        window->requestActivate();
    });

    std::unique_ptr<WindowSnapshot> snapshot;
    const auto takeSnapshot = [&] {
        if (!snapshot)
            snapshot = std::make_unique<WindowSnapshot>(
                window, &api, &messenger, !options.login.isEmpty(), options.screenshotPath);
    };
    // Relays Main.qml's storyShown() (a QML signal has no member pointer for a lambda).
    QTimer storyShown;
    if (!options.screenshotPath.isEmpty() && options.openStory > 0) {
        // The picture waits for the stories to open (they load after the chats); should they
        // never, it is taken anyway after a while, without them, rather than never.
        storyShown.setSingleShot(true);
        storyShown.setInterval(0);
        QObject::connect(window, SIGNAL(storyShown()), &storyShown, SLOT(start()));
        QObject::connect(&storyShown, &QTimer::timeout, window, takeSnapshot);
        QTimer::singleShot(20'000, window, takeSnapshot);
    } else if (!options.screenshotPath.isEmpty()) {
        takeSnapshot();
    }
    if (!options.login.isEmpty())
        api.login(options.login, options.password);
    else
        api.restoreSession(); // signed in at once when the last run left a session

    return QGuiApplication::exec();
}
