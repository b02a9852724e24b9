#pragma once

#include "Waveform.h"

#include <QAudioFormat>
#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QThread>
#include <QtQml/qqmlregistration.h>

#include <memory>

class OpusFileWriter;
class QAudioSource;
class QIODevice;

// Records a voice message from the default microphone into an Ogg/Opus file
// (SPEC 2.3), ready to upload with Messenger.sendVoice().
//
// Capture is Qt Multimedia's QAudioSource, asking for 48 kHz mono 16-bit and
// taking what the device offers otherwise (other sample formats are converted,
// channels mixed down; libopusenc resamples). Encoding is libopusenc on a
// worker thread, so the GUI thread only moves samples and computes the level
// meter and the waveform. Why not QMediaRecorder: docs/client.md, Voice messages.
//
// start() → recording (level and durationMs move while sound comes in; the
// first samples take 0.5–2 s to arrive) → stop() → finished, with filePath,
// durationMs and waveform set and recorded() emitted; cancel() at any point
// deletes the file and goes back to idle. Without a microphone, or when it
// fails, the state is failed and errorString says why, in the user's language.
// A recording stops by itself at maxDurationMs — counted in samples, not by a
// timer, so the file lasts exactly that long.
class VoiceRecorder : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    // The live meter: 0 (silence, below −60 dBFS) to 1 (full scale), logarithmic like
    // a VU meter, falling back slowly.
    Q_PROPERTY(qreal level READ level NOTIFY levelChanged)
    // How much has been recorded, from the samples themselves.
    Q_PROPERTY(int durationMs READ durationMs NOTIFY durationMsChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)
    // The file being recorded, or the finished one; empty after cancel().
    Q_PROPERTY(QString filePath READ filePath NOTIFY filePathChanged)
    // Up to 100 levels 0–255 (loudest = 255); set once finished.
    Q_PROPERTY(QList<int> waveform READ waveform NOTIFY waveformChanged)
    Q_PROPERTY(
        int maxDurationMs READ maxDurationMs WRITE setMaxDurationMs NOTIFY maxDurationMsChanged)
    // Where recordings go; the app's cache folder ("voice") by default.
    Q_PROPERTY(QString directory READ directory WRITE setDirectory NOTIFY directoryChanged)

public:
    enum class State { Idle, Recording, Finished, Failed };
    Q_ENUM(State)

    // An hour of speech is ~14 MB at the encoder's 32 kbit/s, far below the 50 MB
    // upload limit.
    static constexpr int defaultMaxDurationMs = 60 * 60 * 1000;

    explicit VoiceRecorder(QObject *parent = nullptr);
    ~VoiceRecorder() override;

    State state() const { return m_state; }
    qreal level() const { return m_level; }
    int durationMs() const;
    QString errorString() const { return m_errorString; }
    QString filePath() const { return m_filePath; }
    QList<int> waveform() const { return m_waveformLevels; }
    int maxDurationMs() const { return m_maxDurationMs; }
    void setMaxDurationMs(int ms);
    QString directory() const { return m_directory; }
    void setDirectory(const QString &directory);

    // Starts a new recording (while one runs, does nothing). A finished file from
    // before is left alone: it belongs to whoever took it.
    Q_INVOKABLE void start();
    // Ends the recording; finished follows once the encoder has written everything.
    Q_INVOKABLE void stop();
    // Throws the recording away, file included, and goes back to idle.
    Q_INVOKABLE void cancel();

signals:
    void stateChanged();
    void levelChanged();
    void durationMsChanged();
    void errorStringChanged();
    void filePathChanged();
    void waveformChanged();
    void maxDurationMsChanged();
    void directoryChanged();
    // A recording is complete and its file closed: what Messenger.sendVoice() takes.
    void recorded(const QString &filePath, int durationMs, const QList<int> &waveform);

private:
    void readAvailable();
    // Whole frames in the device's format → mono 16-bit → meter, waveform, encoder.
    void consume(const char *data, qsizetype frames);
    void onSourceStateChanged();
    void endCapture();
    void finishEncoding();
    void reportEncoderFailure(quint64 recording, const QString &detail);
    void discardRecording();
    void fail(const QString &message);
    void setState(State state);
    void setLevel(qreal level);
    void setFilePath(const QString &path);
    // Runs work on the encoder thread, in the order posted.
    template <typename Work> void onEncoderThread(Work &&work);

    State m_state = State::Idle;
    qreal m_level = 0;
    QString m_errorString;
    QString m_filePath;
    QList<int> m_waveformLevels;
    int m_maxDurationMs = defaultMaxDurationMs;
    QString m_directory;

    std::unique_ptr<QAudioSource> m_source;
    QPointer<QIODevice> m_input;
    QAudioFormat m_format;
    qint64 m_frames = 0; // mono samples recorded, at m_format's rate
    qint64 m_maxFrames = 0;
    QByteArray m_partialFrame; // bytes of a frame split between two reads
    bool m_stopping = false; // stop() called, the encoder still finishing
    Waveform m_waveform;

    // Each recording has its own writer, shared with the work queued for it, and a
    // number, so that answers about an earlier recording are recognised and dropped.
    std::shared_ptr<OpusFileWriter> m_writer;
    quint64 m_recording = 0;
    QThread m_encoderThread;
    QObject *m_encoderContext = nullptr; // lives in m_encoderThread
};
