#pragma once

#include <QCoreApplication>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QWindow>

#include <optional>

class Messenger;
class QSystemTrayIcon;

namespace kocmoc {
struct Message;
}

// Desktop notifications for new messages (SPEC 2.6): while the window is not
// active, a message from someone else shows as a notification through the
// system tray (sender and a plain-text preview) and the window asks for
// attention (QWindow::alert: a flashing taskbar entry). Without a
// system tray — a headless machine, some Wayland desktops — only the alert is
// given. Clicking the notification brings the window back with that chat open.
//
// The decision and the wording are pure functions (notificationFor), so they
// are tested without a desktop.
class Notifier : public QObject
{
    Q_OBJECT

public:
    // A message as the notification needs it.
    struct Incoming
    {
        QString chatId;
        QString chatTitle; // groups: the group's title
        bool isGroup = false;
        QString senderName;
        QString type; // text, photo, voice, …
        QString text;
    };
    struct Notification
    {
        QString chatId;
        QString title;
        QString body; // plain text, one line

        bool operator==(const Notification &) const = default;
    };

    // The longest preview, in characters; longer texts end in "…".
    static constexpr int previewLength = 120;

    explicit Notifier(QObject *parent = nullptr);
    ~Notifier() override;

    // What to show for a new message from someone else, or nothing: nothing while the
    // window is active (the person sees the chat list) or when notifications are off.
    static std::optional<Notification> notificationFor(
        const Incoming &message, bool windowActive, bool enabled);
    // One line of plain text for a message: its text with line breaks as spaces,
    // shortened; the kind of a message without text ("Photo").
    static QString preview(const QString &type, const QString &text);
    // Freedesktop notification servers read a little HTML in the body; the text is
    // escaped for them so that "<b>x</b>" in a message shows as written.
    static QString escapedForDesktop(const QString &plain);

    void setMessenger(Messenger *messenger);
    void setWindow(QWindow *window) { m_window = window; }
    void setEnabled(bool enabled) { m_enabled = enabled; }
    bool isEnabled() const { return m_enabled; }
    // A system tray is there to show notifications in.
    bool usesTray() const { return m_tray != nullptr; }

    // Shows a notification for the message if notificationFor says so.
    void handle(const Incoming &message);

signals:
    // A notification was given (through the tray when there is one, and the alert).
    void notified(const Notifier::Notification &notification);
    // The person clicked the notification of that chat.
    void chatRequested(const QString &chatId);

private:
    void onMessage(const kocmoc::Message &message, const QString &senderName);
    bool windowActive() const;
    void show(const Notification &notification);

    QPointer<Messenger> m_messenger;
    QPointer<QWindow> m_window;
    QSystemTrayIcon *m_tray = nullptr; // only where a system tray exists
    QString m_lastChatId; // the chat of the newest notification, for a click on it
    bool m_enabled = true;
};
