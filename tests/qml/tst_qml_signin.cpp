#include "Localization.h"

#include <QQmlEngine>
#include <QtQuickTest>

// Runs the tst_*.qml files of signin/ against the Kocmoc module as the app
// loads it: from the resources, in English.
class Setup : public QObject
{
    Q_OBJECT

public slots:
    void applicationAvailable() { m_localization.install(QStringLiteral("en")); }
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
    }

private:
    Localization m_localization;
};

QUICK_TEST_MAIN_WITH_SETUP(kocmoc_qml, Setup)

#include "tst_qml_signin.moc"
