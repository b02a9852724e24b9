#include "WindowSnapshot.h"

#include "ApiClient.h"
#include "Messenger.h"

#include <QCoreApplication>
#include <QImage>
#include <QQuickItem>

#include <algorithm>

#include <cstdio>
#include <utility>

namespace {

constexpr int settleMs = 700;
constexpr int deadlineMs = 30'000;

} // namespace

WindowSnapshot::WindowSnapshot(QQuickWindow *window, ApiClient *api, Messenger *messenger,
    bool expectSignedIn, QString path, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_api(api)
    , m_messenger(messenger)
    , m_expectSignedIn(expectSignedIn)
    , m_path(std::move(path))
{
    m_settle.setSingleShot(true);
    m_settle.setInterval(settleMs);
    connect(&m_settle, &QTimer::timeout, this, &WindowSnapshot::capture);
    m_deadline.setSingleShot(true);
    m_deadline.setInterval(deadlineMs);
    connect(&m_deadline, &QTimer::timeout, this, &WindowSnapshot::capture);
    m_deadline.start();
    // In front, as a person looking at it has it: the open chat reads as read.
    window->requestActivate();

    // Each frame and each change of the sign-in state may be the moment it is ready.
    connect(window, &QQuickWindow::frameSwapped, this, &WindowSnapshot::check);
    connect(api, &ApiClient::busyChanged, this, &WindowSnapshot::check);
    connect(api, &ApiClient::signedInChanged, this, &WindowSnapshot::check);
    connect(api, &ApiClient::errorChanged, this, &WindowSnapshot::check);
    if (messenger)
        connect(messenger, &Messenger::loadingChatsChanged, this, &WindowSnapshot::check);
}

namespace {

// Some image of the scene (an avatar) is still on its way from the server.
bool imageLoading(const QQuickItem *item)
{
    // QQuickImageBase is private API; its "status" property is public (2: Image.Loading).
    if (item->isVisible() && item->inherits("QQuickImageBase")
        && item->property("status").toInt() == 2)
        return true;
    const QList<QQuickItem *> children = item->childItems();
    return std::any_of(children.cbegin(), children.cend(), imageLoading);
}

} // namespace

bool WindowSnapshot::outcomeKnown() const
{
    if (m_api->busy())
        return false;
    if (m_api->signedIn() && m_messenger && m_messenger->loadingChats())
        return false;
    if (m_window && imageLoading(m_window->contentItem()))
        return false;
    return !m_expectSignedIn || m_api->signedIn() || !m_api->errorMessage().isEmpty();
}

void WindowSnapshot::check()
{
    if (m_captured || !m_window || !m_api)
        return;
    const bool ready = m_window->isExposed() && outcomeKnown();
    if (ready && !m_settle.isActive())
        m_settle.start();
    else if (!ready)
        m_settle.stop();
}

void WindowSnapshot::capture()
{
    if (m_captured)
        return;
    m_captured = true;
    m_settle.stop();
    m_deadline.stop();
    int exitCode = EXIT_SUCCESS;
    if (!m_window || !m_window->grabWindow().save(m_path)) {
        std::fprintf(stderr, "Could not save the screenshot to %s\n", qPrintable(m_path));
        exitCode = EXIT_FAILURE;
    }
    if (m_expectSignedIn && (!m_api || !m_api->signedIn())) {
        std::fprintf(stderr, "Not signed in: %s\n", m_api ? qPrintable(m_api->errorMessage()) : "");
        exitCode = EXIT_FAILURE;
    }
    QCoreApplication::exit(exitCode);
}
