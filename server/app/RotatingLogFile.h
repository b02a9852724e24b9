#pragma once

#include <QFile>
#include <QMutex>
#include <QString>

namespace kocmoc {

// The log written to a file instead of stderr. When a line would take the file past
// maxBytes, the file becomes <path>.1 (the older ones <path>.2 …) and a new one starts;
// only `keep` rotated files stay. Thread-safe: Qt's message handler runs on any thread.
class RotatingLogFile
{
public:
    RotatingLogFile(QString path, qint64 maxBytes, int keep);

    // False with errorString() when the file cannot be opened for appending.
    bool open();
    QString errorString() const { return m_file.errorString(); }
    void write(const QByteArray &line);

private:
    void rotate();
    QString rotatedName(int index) const;

    QMutex m_mutex;
    QString m_path;
    qint64 m_maxBytes;
    int m_keep;
    QFile m_file;
    qint64 m_size = 0;
};

} // namespace kocmoc
