#pragma once

#include "Localization.h"

#include <QObject>
#include <QQmlEngine>
#include <QSettings>
#include <QTemporaryDir>
#include <QtQml/qqml.h>

#include <functional>
#include <memory>

// Prepares a QtQuickTest run of the Kocmoc module as the app loads it: in English, with a
// settings folder of its own, and a backend (a real server and signed-in clients) that the
// QML tests reach as the KocmocTest.Backend singleton.
class QmlTestSetup : public QObject
{
    Q_OBJECT

public:
    // Makes the backend on the folder given, or nullptr when it did not come up.
    using StartBackend = std::function<std::unique_ptr<QObject>(const QString &dataDir)>;

    explicit QmlTestSetup(StartBackend start)
        : m_start(std::move(start))
    { }

public slots:
    void applicationAvailable()
    {
        m_localization.install(QStringLiteral("en"));
        // The settings (Preferences) of these tests stay in their own folder.
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
        m_backend = m_start(m_dir.path());
        if (!m_backend)
            qFatal("The test server or the sign-ins did not come up.");
        qmlRegisterSingletonInstance("KocmocTest", 1, 0, "Backend", m_backend.get());
    }
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
    }
    void cleanupTestCase() { m_backend.reset(); }

private:
    StartBackend m_start;
    QTemporaryDir m_dir;
    Localization m_localization;
    std::unique_ptr<QObject> m_backend;
};

// The setup of a folder of QML tests whose backend is `Backend` (with start(dataDir)).
template <typename Backend> class QmlTestSetupFor : public QmlTestSetup
{
public:
    QmlTestSetupFor()
        : QmlTestSetup([](const QString &dataDir) -> std::unique_ptr<QObject> {
            auto backend = std::make_unique<Backend>();
            if (!backend->start(dataDir))
                return nullptr;
            return backend;
        })
    { }
};
