#pragma once

#include <QObject>
#include <QPointer>
#include <QQuickWindow>
#include <QString>
#include <QTimer>

class ApiClient;
class Messenger;

// Saves a picture of the window once it shows what a person would see (the
// profile when the app was told to sign in, the first page otherwise), then
// quits the app: how the UI is checked on machines without a screen (Xvfb).
// The exit code is 0 only when the picture was saved and a requested sign-in
// succeeded.
class WindowSnapshot : public QObject
{
    Q_OBJECT

public:
    // With a messenger, a signed-in picture also waits for the chat list (and the open
    // chat's first page, when one is open).
    WindowSnapshot(QQuickWindow *window, ApiClient *api, Messenger *messenger, bool expectSignedIn,
        QString path, QObject *parent = nullptr);

private:
    bool outcomeKnown() const;
    void check();
    void capture();

    QPointer<QQuickWindow> m_window;
    QPointer<ApiClient> m_api;
    QPointer<Messenger> m_messenger;
    bool m_expectSignedIn = false;
    QString m_path;
    bool m_captured = false;
    // Page transitions run a few hundred milliseconds; the picture waits them out.
    QTimer m_settle;
    QTimer m_deadline;
};
