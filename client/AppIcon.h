#pragma once

#include <QIcon>

// The KOCMOC mark (a ringed planet on a violet tile, as LogoMark.qml draws it)
// for the window, the taskbar and the system tray; painted in code so that it
// is sharp at every size without image files or the SVG module.
class AppIcon
{
public:
    static QIcon icon();
    static QPixmap pixmap(int size);
};
