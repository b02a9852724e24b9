#include "FileStreamer.h"

namespace kocmoc::http {

FileStreamer::FileStreamer(QTcpSocket *socket, std::function<void(bool)> finished)
    : QObject(socket)
    , m_socket(socket)
    , m_finished(std::move(finished))
{ }

void FileStreamer::start(QTcpSocket *socket, const QString &path, qint64 offset, qint64 length,
    std::function<void(bool complete)> finished)
{
    auto *streamer = new FileStreamer(socket, std::move(finished));
    streamer->m_file.setFileName(path);
    streamer->m_remaining = length;
    if (!streamer->m_file.open(QIODevice::ReadOnly) || !streamer->m_file.seek(offset)) {
        streamer->finish(false);
        return;
    }
    connect(socket, &QIODevice::bytesWritten, streamer, &FileStreamer::topUp);
    connect(
        socket, &QAbstractSocket::disconnected, streamer, [streamer] { streamer->finish(false); });
    streamer->topUp();
}

void FileStreamer::topUp()
{
    if (m_done)
        return;
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState) {
        finish(false);
        return;
    }
    while (m_remaining > 0 && m_socket->bytesToWrite() < queuedBytesMax) {
        const QByteArray chunk = m_file.read(qMin(chunkBytes, m_remaining));
        if (chunk.isEmpty()) {
            // The file shrank under us: the promised length cannot be kept.
            m_socket->abort();
            finish(false);
            return;
        }
        m_remaining -= chunk.size();
        m_socket->write(chunk);
    }
    if (m_remaining == 0)
        finish(true);
}

void FileStreamer::finish(bool complete)
{
    if (m_done)
        return;
    m_done = true;
    m_file.close();
    if (m_finished)
        m_finished(complete);
    deleteLater();
}

} // namespace kocmoc::http
