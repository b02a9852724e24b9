#pragma once

#include <QFile>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>

#include <functional>

namespace kocmoc::http {

// Streams part of a file to a socket with back-pressure: it keeps at most a few
// chunks queued in the socket and tops up as the client reads, so a slow reader
// costs a few hundred KB, not the file (QtHttpServer 6.4's responder would queue the
// whole file). Deletes itself when done or when the client goes away.
class FileStreamer : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 chunkBytes = 64 * 1024;
    static constexpr qint64 queuedBytesMax = 4 * chunkBytes;

    // `finished(true)` once every byte is handed to the socket, `finished(false)` when the
    // file could not be read or the client left; called on the socket's thread.
    static void start(QTcpSocket *socket, const QString &path, qint64 offset, qint64 length,
        std::function<void(bool complete)> finished);

private:
    FileStreamer(QTcpSocket *socket, std::function<void(bool)> finished);
    void topUp();
    void finish(bool complete);

    QPointer<QTcpSocket> m_socket;
    QFile m_file;
    qint64 m_remaining = 0;
    std::function<void(bool)> m_finished;
    bool m_done = false;
};

} // namespace kocmoc::http
