#pragma once

#include "MessagingTestSupport.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QImage>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QtEndian>

// Files the upload suites send: real images and sounds made here, and the programs
// a messenger must refuse.
namespace kocmoc::test {

inline QByteArray imageBytes(int width, int height, const char *format = "PNG", bool noise = false)
{
    QImage image(width, height, QImage::Format_RGB32);
    if (noise) {
        QRandomGenerator random(42);
        for (int y = 0; y < height; ++y) {
            auto *line = reinterpret_cast<quint32 *>(image.scanLine(y));
            for (int x = 0; x < width; ++x)
                line[x] = 0xff000000u | (random.generate() & 0xffffffu);
        }
    } else {
        image.fill(QColor(0x7c, 0x3a, 0xed)); // violet
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes;
}

// A mono 16-bit PCM WAV of a tone.
inline QByteArray wavBytes(int milliseconds)
{
    const int rate = 8000;
    const int samples = rate * milliseconds / 1000;
    QByteArray data(samples * 2, '\0');
    for (int i = 0; i < samples; ++i)
        qToLittleEndian<qint16>(qint16((i % 40 < 20) ? 8000 : -8000), data.data() + 2 * i);
    QByteArray wav = "RIFF";
    const auto le32 = [](quint32 v) {
        QByteArray b(4, '\0');
        qToLittleEndian(v, b.data());
        return b;
    };
    const auto le16 = [](quint16 v) {
        QByteArray b(2, '\0');
        qToLittleEndian(v, b.data());
        return b;
    };
    wav += le32(36 + data.size()) + "WAVEfmt " + le32(16) + le16(1) + le16(1) + le32(rate)
        + le32(rate * 2) + le16(2) + le16(16) + "data" + le32(data.size()) + data;
    return wav;
}

// A Windows program's headers: "MZ", e_lfanew at 0x3c pointing at "PE\0\0".
inline QByteArray portableExecutable()
{
    QByteArray bytes(512, '\0');
    bytes[0] = 'M';
    bytes[1] = 'Z';
    qToLittleEndian<quint32>(0x80, bytes.data() + 0x3c);
    bytes.replace(0x80, 4, QByteArray("PE\0\0", 4));
    bytes.replace(0x40, 39, "This program cannot be run in DOS mode.");
    return bytes;
}

inline QByteArray elfExecutable()
{
    QByteArray bytes(256, '\0');
    bytes.replace(0, 7,
        QByteArray("\x7f"
                   "ELF\x02\x01\x01",
            7));
    bytes[16] = 2; // ET_EXEC, little endian
    bytes[18] = 0x3e;
    return bytes;
}

// A valid PNG header that declares width × height, padded with data to `size` bytes:
// what a decompression bomb looks like before anyone decodes it.
inline QByteArray pngDeclaring(quint32 width, quint32 height, int size)
{
    const auto crc32 = [](const QByteArray &data) {
        quint32 crc = 0xffffffffu;
        for (const char c : data) {
            crc ^= quint8(c);
            for (int k = 0; k < 8; ++k)
                crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
        }
        return ~crc;
    };
    const auto chunk = [&](const QByteArray &type, const QByteArray &data) {
        QByteArray out(4, '\0');
        qToBigEndian<quint32>(quint32(data.size()), out.data());
        QByteArray crc(4, '\0');
        qToBigEndian<quint32>(crc32(type + data), crc.data());
        return out + type + data + crc;
    };
    QByteArray header(13, '\0');
    qToBigEndian<quint32>(width, header.data());
    qToBigEndian<quint32>(height, header.data() + 4);
    header[8] = 8; // bit depth
    header[9] = 2; // RGB
    QByteArray png = QByteArray("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", header);
    png += chunk("IDAT", QByteArray(qMax(0, size - png.size() - 24), 'x'));
    return png + chunk("IEND", {});
}

// POST /api/upload/file with a raw body.
inline Response uploadRaw(TestServer &server, const Person &who, const QByteArray &bytes,
    const QString &name, const QByteArray &contentType = "application/octet-stream",
    const QString &extraQuery = {})
{
    return server.raw("POST",
        QStringLiteral("/api/upload/file?name=") + percentEncoded(name) + extraQuery, bytes,
        contentType, {{"Authorization", "Bearer " + who.token.toLatin1()}});
}

// The path and query of a signed URL (they are relative to the server).
inline QString localPath(const QJsonObject &file, const char *key = "url")
{
    return file.value(QLatin1String(key)).toString();
}

} // namespace kocmoc::test

namespace kocmoc::test {

// A HEAD request on a plain socket (QNetworkAccessManager waits for a body after a custom
// HEAD): the status and the header block.
inline Response headRequest(
    quint16 port, const QString &path, const QList<QPair<QByteArray, QByteArray>> &headers = {})
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    Response response;
    if (!socket.waitForConnected(5000))
        return response;
    QByteArray request = "HEAD " + path.toLatin1() + " HTTP/1.1\r\nHost: x\r\n";
    for (const auto &[name, value] : headers)
        request += name + ": " + value + "\r\n";
    socket.write(request + "\r\n");
    QByteArray answer;
    QElapsedTimer timer;
    timer.start();
    while (!answer.contains("\r\n\r\n") && timer.elapsed() < 10'000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        answer += socket.readAll();
    }
    const QList<QByteArray> lines = answer.left(answer.indexOf("\r\n\r\n")).split('\n');
    if (lines.isEmpty())
        return response;
    response.status = lines.first().split(' ').value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            response.headers.append({line.first(colon), line.sliced(colon + 1).trimmed()});
    }
    return response;
}

} // namespace kocmoc::test
