#include "Notifier.h"

#include "AppIcon.h"
#include "Messenger.h"

#include <QApplication>
#include <QRegularExpression>
#include <QSystemTrayIcon>

namespace {

// How long a notification stays, where the desktop lets the app choose.
constexpr int shownForMs = 6'000;

} // namespace

Notifier::Notifier(QObject *parent)
    : QObject(parent)
{
    // QSystemTrayIcon needs a QApplication and a tray; without either the alert is all.
    if (qobject_cast<QApplication *>(QCoreApplication::instance())
        && QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(AppIcon::icon(), this);
        m_tray->setToolTip(QStringLiteral("KOCMOC"));
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            if (!m_lastChatId.isEmpty())
                emit chatRequested(m_lastChatId);
        });
        connect(m_tray, &QSystemTrayIcon::activated, this, [this] {
            if (m_window) {
                m_window->show();
                m_window->raise();
                m_window->requestActivate();
            }
        });
        // Some desktops show messages only for an icon that is visible.
        m_tray->show();
    }
}

Notifier::~Notifier() = default;

QString Notifier::preview(const QString &type, const QString &text)
{
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    QString line = text;
    line.replace(spaces, QStringLiteral(" "));
    line = line.trimmed();
    if (line.size() > previewLength) {
        line.truncate(previewLength - 1);
        // Not half of a surrogate pair (an emoji) at the cut.
        if (line.back().isHighSurrogate())
            line.chop(1);
        line = line.trimmed() + QStringLiteral("…");
    }
    QString kind;
    if (type == QLatin1String("photo"))
        kind = tr("Photo");
    else if (type == QLatin1String("video"))
        kind = tr("Video");
    else if (type == QLatin1String("document"))
        kind = tr("Document");
    else if (type == QLatin1String("audio"))
        kind = tr("Audio");
    else if (type == QLatin1String("voice"))
        kind = tr("Voice message");
    else if (type == QLatin1String("sticker"))
        kind = tr("Sticker");
    if (kind.isEmpty())
        return line;
    //: A photo, video or document with its caption: "Photo: Sunset over the Neva".
    return line.isEmpty() ? kind : tr("%1: %2").arg(kind, line);
}

std::optional<Notifier::Notification> Notifier::notificationFor(
    const Incoming &message, bool windowActive, bool enabled)
{
    if (!enabled || windowActive)
        return std::nullopt;
    const QString body = preview(message.type, message.text);
    if (body.isEmpty())
        return std::nullopt;
    const QString sender = message.senderName.isEmpty() ? tr("New message") : message.senderName;
    if (message.isGroup && !message.chatTitle.isEmpty()) {
        //: A group's message in a notification: "Boris: See you at eight".
        return Notification{message.chatId, message.chatTitle, tr("%1: %2").arg(sender, body)};
    }
    return Notification{message.chatId, sender, body};
}

QString Notifier::escapedForDesktop(const QString &plain)
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN) && !defined(Q_OS_ANDROID)
    return plain.toHtmlEscaped();
#else
    return plain;
#endif
}

void Notifier::setMessenger(Messenger *messenger)
{
    if (messenger == m_messenger)
        return;
    if (m_messenger)
        m_messenger->disconnect(this);
    m_messenger = messenger;
    if (m_messenger)
        connect(m_messenger, &Messenger::messageReceived, this, &Notifier::onMessage);
}

void Notifier::onMessage(const kocmoc::Message &message, const QString &senderName)
{
    Incoming incoming{message.chatId, {}, false, senderName, message.type, message.text};
    if (m_messenger) {
        const QVariantMap chat = m_messenger->chats()->get(message.chatId);
        incoming.isGroup = chat.value(QStringLiteral("isGroup")).toBool();
        incoming.chatTitle = chat.value(QStringLiteral("title")).toString();
    }
    handle(incoming);
}

bool Notifier::windowActive() const
{
    if (m_window)
        return m_window->isActive();
    return QGuiApplication::applicationState() == Qt::ApplicationActive;
}

void Notifier::handle(const Incoming &message)
{
    if (const auto notification = notificationFor(message, windowActive(), m_enabled))
        show(*notification);
}

void Notifier::show(const Notification &notification)
{
    m_lastChatId = notification.chatId;
    if (m_tray) {
        m_tray->showMessage(escapedForDesktop(notification.title),
            escapedForDesktop(notification.body), AppIcon::icon(), shownForMs);
    }
    // Until the window is activated (0 ms: no time limit).
    if (m_window)
        m_window->alert(0);
    emit notified(notification);
}
