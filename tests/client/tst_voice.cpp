#include "ClientDevice.h"
#include "Localization.h"
#include "MessageListModel.h"
#include "ServerTestCase.h"
#include "VoiceRecorder.h"
#include "Waveform.h"

#include <QDir>
#include <QGuiApplication>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QtEndian>

#include <opus.h>

#include <cmath>
#include <cstring>

using namespace kocmoc;
using namespace kocmoc::test;

namespace {

// What the test learns from an Ogg/Opus file by reading it itself (sox cannot read
// Opus): the header, the length from the last granule position, and the sound
// from decoding every packet with libopus.
struct OpusFacts
{
    QString problem; // empty when the file is a valid Ogg/Opus stream
    int channels = 0;
    double seconds = 0;
    qint64 decodedSamples = 0;
    double rms = 0; // of the decoded samples, 0..1 of full scale
};

OpusFacts inspectOggOpus(const QByteArray &bytes)
{
    OpusFacts facts;
    QList<QByteArray> packets;
    QByteArray packet;
    qint64 lastGranule = -1;
    const auto *data = reinterpret_cast<const uchar *>(bytes.constData());
    qsizetype at = 0;
    while (at < bytes.size()) {
        if (at + 27 > bytes.size() || std::memcmp(data + at, "OggS", 4) != 0) {
            facts.problem = QStringLiteral("no Ogg page at byte %1").arg(at);
            return facts;
        }
        const auto granule = qFromLittleEndian<qint64>(data + at + 6);
        const int segments = data[at + 26];
        qsizetype body = at + 27 + segments;
        for (int i = 0; i < segments; ++i) {
            const int lace = data[at + 27 + i];
            packet.append(bytes.mid(body, lace));
            body += lace;
            if (lace < 255)
                packets.append(std::exchange(packet, {}));
        }
        if (granule != -1)
            lastGranule = granule;
        at = body;
    }
    if (packets.size() < 3 || !packets.at(0).startsWith("OpusHead")
        || !packets.at(1).startsWith("OpusTags") || packets.at(0).size() < 19) {
        facts.problem = QStringLiteral("no OpusHead / OpusTags headers");
        return facts;
    }
    facts.channels = uchar(packets.at(0).at(9));
    const int preSkip = qFromLittleEndian<quint16>(packets.at(0).constData() + 10);
    facts.seconds = double(lastGranule - preSkip) / 48'000;

    int error = OPUS_OK;
    OpusDecoder *decoder = opus_decoder_create(48'000, facts.channels, &error);
    if (!decoder) {
        facts.problem = QStringLiteral("opus_decoder_create: %1").arg(error);
        return facts;
    }
    QList<opus_int16> pcm(5760 * facts.channels);
    double squares = 0;
    for (qsizetype i = 2; i < packets.size(); ++i) {
        const int samples
            = opus_decode(decoder, reinterpret_cast<const uchar *>(packets.at(i).constData()),
                opus_int32(packets.at(i).size()), pcm.data(), 5760, 0);
        if (samples < 0) {
            facts.problem = QStringLiteral("packet %1 does not decode: %2").arg(i).arg(samples);
            break;
        }
        for (int s = 0; s < samples * facts.channels; ++s)
            squares += double(pcm.at(s)) * pcm.at(s);
        facts.decodedSamples += samples;
    }
    opus_decoder_destroy(decoder);
    if (facts.decodedSamples > 0)
        facts.rms = std::sqrt(squares / double(facts.decodedSamples * facts.channels)) / 32768;
    return facts;
}

const QString childModeVariable = QStringLiteral("KOCMOC_VOICE_CHILD");

// Run as a child process with no sound server: recording must fail with a reason, and
// leave no file behind. Prints the reason; the exit code says whether it held.
int noMicrophoneChild()
{
    QTemporaryDir dir;
    VoiceRecorder recorder;
    recorder.setDirectory(dir.path());
    recorder.start();
    const bool failed
        = QTest::qWaitFor([&] { return recorder.state() == VoiceRecorder::State::Failed; }, 15'000);
    QTest::qWait(200); // a discarded file is removed on the encoder thread
    QTextStream(stdout) << recorder.errorString() << Qt::endl;
    const bool clean = failed && recorder.state() == VoiceRecorder::State::Failed
        && !recorder.errorString().isEmpty() && recorder.filePath().isEmpty()
        && QDir(dir.path()).isEmpty(QDir::Files);
    return clean ? 0 : 1;
}

} // namespace

// Voice messages end to end on a machine without a sound card: a private
// PulseAudio whose default source hears espeak-ng speaking
// (virtual-microphone.sh) is the microphone; VoiceRecorder records three seconds
// of it, Messenger.sendVoice() uploads and sends it, the other person's device
// sees the voice message, and the file the server stores is checked: Ogg/Opus,
// mono, three seconds, and not silent.
class VoiceTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    quint16 m_port = 0;
    Localization m_localization;
    QTemporaryDir m_pulseDir;
    bool m_microphoneStarted = false;
    int m_counter = 0;

    struct Person
    {
        QString username;
        QString id;
        QString token;
    };

    Person registerPerson(const char *prefix)
    {
        Person person;
        person.username = QStringLiteral("%1_%2").arg(QLatin1String(prefix)).arg(++m_counter);
        const QJsonObject grant = m_server->registerUser(person.username);
        person.id
            = grant.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toString();
        person.token = grant.value(QStringLiteral("accessToken")).toString();
        return person;
    }

    QProcess *microphoneScript(const QStringList &arguments)
    {
        auto *script = new QProcess(this);
        script->setProgram(QStringLiteral("bash"));
        script->setArguments(QStringList{QStringLiteral(KOCMOC_VIRTUAL_MICROPHONE)} + arguments);
        script->start();
        return script;
    }

    static int voiceRows(const MessageListModel &model)
    {
        int rows = 0;
        for (int row = 0; row < model.rowCount(); ++row)
            rows += model.data(model.index(row), MessageListModel::TypeRole).toString()
                == QLatin1String("voice");
        return rows;
    }

private slots:
    void initTestCase()
    {
        KOCMOC_REQUIRE_DATABASE();
        QVERIFY(m_localization.install(QStringLiteral("en")));
        QVERIFY(m_pulseDir.isValid());

        // The microphone first: PULSE_SERVER must be set before Qt Multimedia connects.
        QProcess *script = microphoneScript({QStringLiteral("start"), m_pulseDir.path(),
            QString::number(QCoreApplication::applicationPid()),
            QStringLiteral("Hello! This is a voice message from the KOCMOC test suite. One, "
                           "two, three, four, five.")});
        const bool finished = script->waitForFinished(60'000);
        const QString output = QString::fromLocal8Bit(script->readAllStandardOutput());
        const QString errors = QString::fromLocal8Bit(script->readAllStandardError());
        QVERIFY2(
            finished && script->exitStatus() == QProcess::NormalExit && script->exitCode() == 0,
            qPrintable(QStringLiteral("The virtual microphone could not start, so voice recording "
                                      "cannot be tested (scripts/install-deps.sh --test installs "
                                      "pulseaudio and espeak-ng): %1")
                           .arg(finished ? errors.trimmed() : script->errorString())));
        m_microphoneStarted = true;
        const qsizetype at = output.indexOf(QLatin1String("PULSE_SERVER="));
        QVERIFY2(at >= 0, qPrintable(output));
        const QString server = output.mid(at + 13).section(QLatin1Char('\n'), 0, 0).trimmed();
        qputenv("PULSE_SERVER", server.toLocal8Bit());

        m_port = freePort();
        QVERIFY(m_port != 0);
        m_server
            = std::make_unique<TestServer>([this](ServerConfig &config) { config.port = m_port; });
        KOCMOC_START(*m_server);
    }

    void cleanupTestCase()
    {
        m_server.reset();
        if (m_microphoneStarted) {
            QProcess *script = microphoneScript({QStringLiteral("stop"), m_pulseDir.path()});
            script->waitForFinished(30'000);
        }
    }

    void recordsSpeechAndSendsItAsAVoiceMessage()
    {
        const Person alice = registerPerson("alice");
        const Person boris = registerPerson("boris");
        const QString chatId
            = m_server
                  ->call("POST", QStringLiteral("/api/chats"),
                      QJsonObject{{QStringLiteral("userId"), boris.id}}, alice.token)
                  .object()
                  .value(QStringLiteral("id"))
                  .toString();
        QVERIFY(!chatId.isEmpty());
        QTemporaryDir aliceDir;
        QTemporaryDir borisDir;
        ClientDevice aliceDevice(m_port, aliceDir.path());
        ClientDevice borisDevice(m_port, borisDir.path());
        QVERIFY(aliceDevice.signIn(alice.username));
        QVERIFY(borisDevice.signIn(boris.username));
        QVERIFY(aliceDevice.ready());
        QVERIFY(borisDevice.ready());
        MessageListModel borisMessages;
        borisMessages.setMessenger(&borisDevice.messenger);
        borisMessages.setChatId(chatId);

        // Three seconds, counted in samples: the recorder stops by itself.
        VoiceRecorder recorder;
        recorder.setDirectory(aliceDir.filePath(QStringLiteral("voice")));
        recorder.setMaxDurationMs(3000);
        qreal loudest = 0;
        connect(&recorder, &VoiceRecorder::levelChanged, this,
            [&] { loudest = std::max(loudest, recorder.level()); });
        QSignalSpy recorded(&recorder, &VoiceRecorder::recorded);
        recorder.start();
        QCOMPARE(recorder.state(), VoiceRecorder::State::Recording);
        QVERIFY2(recorder.errorString().isEmpty(), qPrintable(recorder.errorString()));
        QTRY_COMPARE_WITH_TIMEOUT(recorder.state(), VoiceRecorder::State::Finished, 30'000);

        QCOMPARE(recorded.size(), 1);
        QCOMPARE(recorder.durationMs(), 3000);
        QVERIFY2(loudest > 0.5, qPrintable(QString::number(loudest))); // speech moved the meter
        QCOMPARE(recorder.level(), 0.0);
        const QList<int> waveform = recorder.waveform();
        QCOMPARE(waveform.size(), 100);
        QCOMPARE(*std::max_element(waveform.cbegin(), waveform.cend()), 255);
        QVERIFY2(
            std::count_if(waveform.cbegin(), waveform.cend(), [](int v) { return v > 20; }) >= 20,
            "the waveform shows no speech");
        const QString path = recorder.filePath();
        QVERIFY(QFile::exists(path));
        QCOMPARE(recorded.first().at(0).toString(), path);

        AttachmentSender *voice
            = aliceDevice.messenger.sendVoice(chatId, path, recorder.durationMs(), waveform);
        QVERIFY(voice);
        QTRY_COMPARE_WITH_TIMEOUT(voiceRows(borisMessages), 1, answerMs);
        // Sent: the recording is the server's now.
        QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(path), answerMs);

        const QJsonArray messages
            = m_server
                  ->call("GET", QStringLiteral("/api/chats/%1/messages").arg(chatId),
                      QJsonValue::Undefined, boris.token)
                  .object()
                  .value(QStringLiteral("messages"))
                  .toArray();
        QCOMPARE(messages.size(), 1);
        const QJsonObject message = messages.first().toObject();
        QCOMPARE(message.value(QStringLiteral("type")).toString(), QStringLiteral("voice"));
        QCOMPARE(message.value(QStringLiteral("senderId")).toString(), alice.id);
        const QJsonArray files = message.value(QStringLiteral("files")).toArray();
        QCOMPARE(files.size(), 1);
        const QJsonObject file = files.first().toObject();
        QCOMPARE(file.value(QStringLiteral("mime")).toString(), QStringLiteral("audio/x-opus+ogg"));
        QCOMPARE(file.value(QStringLiteral("durationMs")).toInt(), 3000);
        QJsonArray expectedWaveform;
        for (const int level : waveform)
            expectedWaveform.append(level);
        QCOMPARE(file.value(QStringLiteral("waveform")).toArray(), expectedWaveform);

        // The stored file itself, as anyone playing it gets it.
        const Response download
            = m_server->call("GET", file.value(QStringLiteral("url")).toString());
        QCOMPARE(download.status, 200);
        QVERIFY(download.body.startsWith("OggS"));
        QVERIFY(download.body.contains("OpusHead"));
        const OpusFacts facts = inspectOggOpus(download.body);
        QVERIFY2(facts.problem.isEmpty(), qPrintable(facts.problem));
        qInfo("stored: %lld bytes, %d channel(s), %.3f s, RMS %.3f; meter peak %.2f",
            qint64(download.body.size()), facts.channels, facts.seconds, facts.rms, loudest);
        QCOMPARE(facts.channels, 1);
        QVERIFY2(std::abs(facts.seconds - 3.0) < 0.03, qPrintable(QString::number(facts.seconds)));
        QVERIFY2(
            facts.decodedSamples >= 3 * 48'000, qPrintable(QString::number(facts.decodedSamples)));
        // Speech, not silence: espeak-ng's voice is around −20 dBFS; silence decodes to ~0.
        QVERIFY2(facts.rms > 0.01, qPrintable(QString::number(facts.rms)));
    }

    void cancelDiscardsTheRecording()
    {
        QTemporaryDir dir;
        VoiceRecorder recorder;
        recorder.setDirectory(dir.path());
        recorder.start();
        QCOMPARE(recorder.state(), VoiceRecorder::State::Recording);
        const QString path = recorder.filePath();
        QVERIFY(path.startsWith(dir.path()));
        QTRY_VERIFY_WITH_TIMEOUT(recorder.durationMs() >= 500, 30'000);
        recorder.cancel();
        QCOMPARE(recorder.state(), VoiceRecorder::State::Idle);
        QVERIFY(recorder.filePath().isEmpty());
        QCOMPARE(recorder.durationMs(), 0);
        QCOMPARE(recorder.level(), 0.0);
        QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(path), answerMs);
        QVERIFY(QDir(dir.path()).isEmpty(QDir::Files));

        // A finished recording, cancelled, is deleted too.
        recorder.setMaxDurationMs(500);
        recorder.start();
        QTRY_COMPARE_WITH_TIMEOUT(recorder.state(), VoiceRecorder::State::Finished, 30'000);
        const QString finished = recorder.filePath();
        QVERIFY(QFile::exists(finished));
        recorder.cancel();
        QVERIFY(!QFile::exists(finished));
    }

    void waveformKeepsItsShapeHoweverLong()
    {
        // Ten minutes at 48 kHz: speech-loud for the first half, silent after, a click
        // at the very end. Blocks merge many times on the way; the outline stays true.
        Waveform waveform(480);
        QList<qint16> loud(48'000, 0);
        for (qsizetype i = 0; i < loud.size(); ++i)
            loud[i] = qint16((i % 2 ? 1 : -1) * 16'000);
        const QList<qint16> quiet(48'000, 0);
        for (int second = 0; second < 600; ++second) {
            const QList<qint16> &samples = second < 300 ? loud : quiet;
            waveform.add(samples.constData(), samples.size());
        }
        const qint16 click = 8000;
        waveform.add(&click, 1);
        const QList<int> levels = waveform.levels(100);
        QCOMPARE(levels.size(), 100);
        for (int i = 0; i < 50; ++i)
            QCOMPARE(levels.at(i), 255);
        for (int i = 50; i < 99; ++i)
            QCOMPARE(levels.at(i), 0);
        QCOMPARE(levels.at(99), 128); // half as loud as the loudest: 8000 / 16000

        // Shorter than 100 blocks: one level per block; silence is all zero.
        Waveform brief(480);
        brief.add(quiet.constData(), 480 * 7);
        QCOMPARE(brief.levels(100), QList<int>(7, 0));
        QVERIFY(Waveform().levels(100).isEmpty());
    }

    void failsCleanlyWithoutAMicrophone()
    {
        // In a process of its own: Qt Multimedia connects to the sound server once.
        QProcess child;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(childModeVariable, QStringLiteral("no-microphone"));
        environment.insert(QStringLiteral("PULSE_SERVER"),
            QStringLiteral("unix:%1/nothing-here").arg(m_pulseDir.path()));
        child.setProcessEnvironment(environment);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY2(child.waitForFinished(60'000), "the child hangs");
        const QString said = QString::fromLocal8Bit(child.readAllStandardOutput()).trimmed();
        QCOMPARE(child.exitStatus(), QProcess::NormalExit); // no crash
        QVERIFY2(child.exitCode() == 0,
            qPrintable(
                said + QLatin1Char(' ') + QString::fromLocal8Bit(child.readAllStandardError())));
        QVERIFY2(said == QLatin1String("No microphone was found. Connect one and try again.")
                || said
                    == QLatin1String(
                        "The microphone could not be opened. Is another app using it?"),
            qPrintable(said));
    }
};

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    if (qEnvironmentVariable(qPrintable(childModeVariable)) == QLatin1String("no-microphone"))
        return noMicrophoneChild();
    VoiceTest test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_voice.moc"
