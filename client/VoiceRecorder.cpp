#include "VoiceRecorder.h"

#include "OpusFileWriter.h"

#include <kocmoc/Limits.h>

#include <QAudioDevice>
#include <QAudioSource>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QMediaDevices>
#include <QStandardPaths>
#include <QUuid>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>

namespace {
Q_LOGGING_CATEGORY(lcVoice, "kocmoc.voice")
} // namespace

namespace {

constexpr int preferredSampleRate = 48'000; // Opus's own rate: no resampling
constexpr qreal meterFloorDb = -60; // the meter's 0; speech sits around −30 to −10
constexpr qreal meterFallSeconds = 1.5; // from full to empty, so the needle does not flicker

} // namespace

VoiceRecorder::VoiceRecorder(QObject *parent)
    : QObject(parent)
    , m_directory(QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation))
                      .filePath(QStringLiteral("voice")))
{
    m_encoderThread.setObjectName(QStringLiteral("VoiceEncoder"));
    m_encoderContext = new QObject;
    m_encoderContext->moveToThread(&m_encoderThread);
    connect(&m_encoderThread, &QThread::finished, m_encoderContext, &QObject::deleteLater);
}

VoiceRecorder::~VoiceRecorder()
{
    if (m_source) {
        m_source->disconnect(this);
        m_source->stop();
        m_source.reset();
    }
    if (std::shared_ptr<OpusFileWriter> writer = std::move(m_writer)) {
        // Unfinished: wait for the encoder to drop it, so no half-written file stays.
        QMetaObject::invokeMethod(
            m_encoderContext, [writer] { writer->discard(); }, Qt::BlockingQueuedConnection);
    }
    if (m_encoderThread.isRunning()) {
        m_encoderThread.quit();
        m_encoderThread.wait();
    } else {
        delete m_encoderContext;
    }
}

template <typename Work> void VoiceRecorder::onEncoderThread(Work &&work)
{
    QMetaObject::invokeMethod(m_encoderContext, std::forward<Work>(work), Qt::QueuedConnection);
}

int VoiceRecorder::durationMs() const
{
    const int rate = m_format.sampleRate();
    return rate > 0 ? int(m_frames * 1000 / rate) : 0;
}

void VoiceRecorder::setMaxDurationMs(int ms)
{
    ms = std::clamp<qint64>(ms, 100, kocmoc::limits::mediaMaxDurationMs);
    if (ms == m_maxDurationMs)
        return;
    m_maxDurationMs = ms;
    emit maxDurationMsChanged();
}

void VoiceRecorder::setDirectory(const QString &directory)
{
    if (directory == m_directory)
        return;
    m_directory = directory;
    emit directoryChanged();
}

void VoiceRecorder::start()
{
    if (m_state == State::Recording)
        return;
    // A finished file from before is no longer this recorder's to delete.
    m_writer.reset();
    ++m_recording;
    m_frames = 0;
    m_stopping = false;
    m_partialFrame.clear();
    m_waveformLevels.clear();
    m_errorString.clear();
    setFilePath({});
    emit errorStringChanged();
    emit waveformChanged();
    emit durationMsChanged();
    setLevel(0);

    const QAudioDevice device = QMediaDevices::defaultAudioInput();
    if (device.isNull()) {
        fail(tr("No microphone was found. Connect one and try again."));
        return;
    }
    QAudioFormat wanted;
    wanted.setSampleRate(preferredSampleRate);
    wanted.setChannelCount(1);
    wanted.setSampleFormat(QAudioFormat::Int16);
    m_format = device.isFormatSupported(wanted) ? wanted : device.preferredFormat();
    if (!m_format.isValid() || m_format.sampleRate() <= 0) {
        fail(tr("The microphone “%1” cannot be used for recording.").arg(device.description()));
        return;
    }
    m_maxFrames = qint64(m_maxDurationMs) * m_format.sampleRate() / 1000;
    m_waveform = Waveform(m_format.sampleRate() / 100); // 10 ms blocks

    if (!QDir().mkpath(m_directory)) {
        fail(tr("Recordings cannot be saved in %1.").arg(QDir::toNativeSeparators(m_directory)));
        return;
    }
    const QString path
        = QDir(m_directory)
              .filePath(
                  QStringLiteral("voice-%1-%2.ogg")
                      .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")),
                          QUuid::createUuid().toString(QUuid::Id128).left(8)));
    auto writer = std::make_shared<OpusFileWriter>();
    if (!writer->open(path, m_format.sampleRate())) {
        qCWarning(lcVoice) << writer->errorString();
        fail(tr("The recording cannot be saved: %1").arg(writer->errorString()));
        return;
    }
    m_writer = std::move(writer);
    if (!m_encoderThread.isRunning())
        m_encoderThread.start();
    setFilePath(path);

    setState(State::Recording);
    qCInfo(lcVoice) << "recording from" << device.description() << m_format;
    m_source = std::make_unique<QAudioSource>(device, m_format);
    connect(
        m_source.get(), &QAudioSource::stateChanged, this, &VoiceRecorder::onSourceStateChanged);
    QIODevice *input = m_source->start();
    if (m_state != State::Recording)
        return; // it failed while starting (onSourceStateChanged)
    if (!input || m_source->error() != QAudio::NoError) {
        fail(tr("The microphone could not be opened. Is another app using it?"));
        return;
    }
    m_input = input;
    connect(input, &QIODevice::readyRead, this, &VoiceRecorder::readAvailable);
}

void VoiceRecorder::onSourceStateChanged()
{
    if (!m_source || m_source->state() != QAudio::StoppedState)
        return;
    switch (m_source->error()) {
    case QAudio::NoError:
        return;
    case QAudio::OpenError:
        fail(tr("The microphone could not be opened. Is another app using it?"));
        return;
    default:
        // The device went away or the sound server stopped: what was recorded is
        // incomplete, and a voice message cut off mid-word is worse than none.
        fail(tr("The microphone stopped working. The recording was discarded."));
        return;
    }
}

void VoiceRecorder::readAvailable()
{
    if (!m_input || m_state != State::Recording)
        return;
    QByteArray bytes = m_input->readAll();
    if (bytes.isEmpty())
        return;
    if (!m_partialFrame.isEmpty())
        bytes.prepend(std::exchange(m_partialFrame, {}));
    const int frameBytes = m_format.bytesPerFrame();
    const qsizetype frames = bytes.size() / frameBytes;
    m_partialFrame = bytes.mid(frames * frameBytes);
    consume(bytes.constData(), frames);
    if (m_frames >= m_maxFrames)
        stop();
}

void VoiceRecorder::consume(const char *data, qsizetype frames)
{
    const qsizetype count = std::min(frames, m_maxFrames - m_frames);
    if (count <= 0)
        return;
    QList<qint16> mono(count);
    const int channels = m_format.channelCount();
    if (channels == 1 && m_format.sampleFormat() == QAudioFormat::Int16) {
        std::memcpy(mono.data(), data, size_t(count) * sizeof(qint16));
    } else {
        // Simple and good enough for speech: the channels' average.
        const int frameBytes = m_format.bytesPerFrame();
        const int sampleBytes = m_format.bytesPerSample();
        for (qsizetype frame = 0; frame < count; ++frame) {
            float sum = 0;
            for (int channel = 0; channel < channels; ++channel)
                sum += m_format.normalizedSampleValue(
                    data + frame * frameBytes + channel * sampleBytes);
            mono[frame]
                = qint16(std::clamp(std::lround(sum / channels * 32767.0f), -32768L, 32767L));
        }
    }

    int peak = 0;
    for (const qint16 sample : std::as_const(mono))
        peak = std::max(peak, std::abs(int(sample)));
    const qreal db = peak > 0 ? 20 * std::log10(peak / 32768.0) : meterFloorDb;
    const qreal instant = std::clamp(1 - db / meterFloorDb, 0.0, 1.0);
    const qreal fall = qreal(count) / m_format.sampleRate() / meterFallSeconds;
    setLevel(std::max(instant, m_level - fall));

    m_waveform.add(mono.constData(), count);
    m_frames += count;
    emit durationMsChanged();

    onEncoderThread([this, writer = m_writer, recording = m_recording, mono = std::move(mono)] {
        if (writer->isOpen() && !writer->write(mono.constData(), int(mono.size())))
            reportEncoderFailure(recording, writer->errorString());
    });
}

void VoiceRecorder::reportEncoderFailure(quint64 recording, const QString &detail)
{
    // Called on the encoder thread: the recorder learns of it on its own.
    QMetaObject::invokeMethod(
        this,
        [this, recording, detail] {
            if (recording != m_recording || m_state != State::Recording)
                return;
            qCWarning(lcVoice) << detail;
            fail(tr("The recording cannot be saved: %1").arg(detail));
        },
        Qt::QueuedConnection);
}

void VoiceRecorder::stop()
{
    if (m_state != State::Recording || m_stopping)
        return;
    m_stopping = true;
    readAvailable(); // what the device still holds
    endCapture();
    setLevel(0);
    if (m_frames == 0) {
        fail(tr("No sound came from the microphone. Check that it is connected and not muted."));
        return;
    }
    m_waveformLevels = m_waveform.levels(kocmoc::limits::waveformMaxValues);
    finishEncoding();
}

void VoiceRecorder::finishEncoding()
{
    onEncoderThread([this, writer = m_writer, recording = m_recording] {
        if (!writer->finish()) {
            reportEncoderFailure(recording, writer->errorString());
            return;
        }
        QMetaObject::invokeMethod(
            this,
            [this, recording] {
                if (recording != m_recording || m_state != State::Recording)
                    return; // cancelled meanwhile
                m_writer.reset();
                m_stopping = false;
                emit waveformChanged();
                setState(State::Finished);
                qCInfo(lcVoice) << "recorded" << durationMs() << "ms to" << m_filePath;
                emit recorded(m_filePath, durationMs(), m_waveformLevels);
            },
            Qt::QueuedConnection);
    });
}

void VoiceRecorder::cancel()
{
    if (m_state == State::Idle)
        return;
    discardRecording();
    m_frames = 0;
    m_waveformLevels.clear();
    m_errorString.clear();
    emit durationMsChanged();
    emit waveformChanged();
    emit errorStringChanged();
    setState(State::Idle);
}

void VoiceRecorder::endCapture()
{
    m_input = nullptr;
    if (!m_source)
        return;
    m_source->disconnect(this);
    m_source->stop();
    // Possibly inside its own signal (a failure while starting): deleted once back in the loop.
    m_source.release()->deleteLater();
}

void VoiceRecorder::discardRecording()
{
    endCapture();
    setLevel(0);
    ++m_recording; // whatever the encoder still reports is about a recording now gone
    m_stopping = false;
    if (std::shared_ptr<OpusFileWriter> writer = std::move(m_writer)) {
        // After the writes queued before it, so the file is not created again.
        onEncoderThread([writer] { writer->discard(); });
    } else if (m_state == State::Finished && !m_filePath.isEmpty()) {
        QFile::remove(m_filePath);
    }
    setFilePath({});
}

void VoiceRecorder::fail(const QString &message)
{
    discardRecording();
    m_errorString = message;
    emit errorStringChanged();
    setState(State::Failed);
}

void VoiceRecorder::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged();
}

void VoiceRecorder::setLevel(qreal level)
{
    if (qFuzzyCompare(level + 1, m_level + 1))
        return;
    m_level = level;
    emit levelChanged();
}

void VoiceRecorder::setFilePath(const QString &path)
{
    if (path == m_filePath)
        return;
    m_filePath = path;
    emit filePathChanged();
}
