#pragma once

#include <QString>
#include <QtGlobal>

struct OggOpusEnc;

// Writes mono 16-bit PCM to an Ogg/Opus file with libopusenc, tuned for speech.
// libopusenc resamples any input rate itself, so the samples go in at whatever
// rate the microphone delivers. Not thread-safe: one thread at a time (the
// recorder's worker) uses it.
class OpusFileWriter
{
public:
    // Speech in mono: 32 kbit/s is transparent for voice and ~240 KB a minute.
    static constexpr int defaultBitrate = 32'000;

    OpusFileWriter() = default;
    ~OpusFileWriter(); // an unfinished file is discarded
    OpusFileWriter(const OpusFileWriter &) = delete;
    OpusFileWriter &operator=(const OpusFileWriter &) = delete;

    bool open(const QString &path, int sampleRate, int bitrate = defaultBitrate);
    bool isOpen() const { return m_encoder != nullptr; }
    bool write(const qint16 *samples, int count);
    // Encodes what is buffered and closes the file, which is then complete.
    bool finish();
    // Stops and deletes the file, also once finished.
    void discard();
    QString path() const { return m_path; }
    QString errorString() const { return m_errorString; }

private:
    bool fail(int error, const char *what);

    OggOpusEnc *m_encoder = nullptr;
    QString m_path;
    QString m_errorString;
};
