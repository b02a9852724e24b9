#pragma once

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

// A picture on the clipboard (a screenshot, an image copied in a browser) as a
// file the composer can send: QML reaches only the clipboard's text, so Ctrl+V
// in the composer asks here first.
class ClipboardImage : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

public:
    using QObject::QObject;

    Q_INVOKABLE bool hasImage() const;
    // Writes the clipboard's image as a PNG to a new temporary file and returns its
    // path; empty when there is no image or it cannot be written. The file is the
    // caller's (Messenger.sendFile(…, deleteWhenSent) removes it once sent).
    Q_INVOKABLE QString saveToFile() const;
    // Removes a file saveToFile() made (a path or a file: URL) that was not sent; any other
    // file is left alone.
    Q_INVOKABLE void discard(const QString &pathOrUrl) const;
};
