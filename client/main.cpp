#include "ApiClient.h"
#include "LaunchOptions.h"
#include "Localization.h"
#include "Messenger.h"
#include "WindowSnapshot.h"

#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickWindow>

#include <memory>

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("KOCMOC"));
    QGuiApplication::setOrganizationName(QStringLiteral("KOCMOC"));
    QGuiApplication::setApplicationVersion(QStringLiteral(KOCMOC_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("kocmoc"));

    const LaunchOptions options = LaunchOptions::fromArguments(QGuiApplication::arguments());
    Localization localization;
    if (!localization.install(options.language))
        qWarning("No translation could be loaded; the interface shows its source texts.");

    // Declared before the engine so that it outlives every binding to it.
    ApiClient api;
    api.setServerUrl(options.serverUrl);
    Messenger messenger;
    messenger.setApi(&api);

    QQmlApplicationEngine engine;
    // Qt 6.5 looks in qrc:/qt/qml by itself; 6.4 needs telling.
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    QVariantMap initialProperties{{QStringLiteral("api"), QVariant::fromValue(&api)},
        {QStringLiteral("messenger"), QVariant::fromValue(&messenger)},
        {QStringLiteral("initialTheme"), options.theme},
        {QStringLiteral("initialNeon"), options.neon},
        {QStringLiteral("openFirstChat"), options.openFirstChat}};
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

    std::unique_ptr<WindowSnapshot> snapshot;
    if (!options.screenshotPath.isEmpty())
        snapshot = std::make_unique<WindowSnapshot>(
            window, &api, &messenger, !options.login.isEmpty(), options.screenshotPath);
    if (!options.login.isEmpty())
        api.login(options.login, options.password);
    else
        api.restoreSession(); // signed in at once when the last run left a session

    return QGuiApplication::exec();
}
