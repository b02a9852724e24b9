#pragma once

#include "UploadTask.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

class ApiClient;

// One voice message on its way (SPEC 2.3): the recording is uploaded with its
// duration and waveform (UploadTask, tus), then sent as a message of type
// "voice" with that file (POST /api/chats/{id}/messages). The clientId is
// chosen once, so however often the send is repeated after a network failure
// the server stores one message. Both steps wait out a missing connection and
// go on by themselves; only a refusal (file type, chat gone, …) stops it as
// failed, and start() tries again from where it stopped.
//
// Made by Messenger.sendVoice(); QML binds a pending bubble's progress to it.
class VoiceMessageSender : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Made by Messenger.sendVoice()")
    Q_PROPERTY(QString clientId READ clientId CONSTANT)
    Q_PROPERTY(QString chatId READ chatId CONSTANT)
    Q_PROPERTY(int durationMs READ durationMs CONSTANT)
    Q_PROPERTY(QList<int> waveform READ waveform CONSTANT)
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    // The upload's progress, 0..1; 1 while the message itself is sent.
    Q_PROPERTY(qreal progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY stateChanged)

public:
    enum class State { Uploading, Sending, Sent, Failed, Cancelled };
    Q_ENUM(State)

    struct Voice
    {
        QString chatId;
        QString filePath; // an Ogg/Opus recording (VoiceRecorder)
        int durationMs = 0;
        QList<int> waveform;
        qint64 replyToId = 0;
        // The recording is a temporary file: once the server has it, it goes.
        bool deleteFileWhenSent = false;
    };

    VoiceMessageSender(ApiClient *api, const Voice &voice, QObject *parent = nullptr);

    QString clientId() const { return m_clientId; }
    QString chatId() const { return m_voice.chatId; }
    int durationMs() const { return m_voice.durationMs; }
    QList<int> waveform() const { return m_voice.waveform; }
    State state() const { return m_state; }
    qreal progress() const;
    QString errorString() const { return m_errorString; }
    UploadTask &upload() { return m_upload; }
    // The back-off of both steps while there is no connection (tests make it short).
    void setRetryDelays(int firstMs, int maxMs);

    // Starts, or after a failure goes on from the step that failed.
    Q_INVOKABLE void start();
    // Stops; an upload under way is deleted on the server. Nothing once sent.
    Q_INVOKABLE void cancel();

signals:
    void stateChanged();
    void progressChanged();
    // The server's Message (type "voice").
    void sent(const QJsonObject &message);
    void failed(const QString &message);

private:
    void sendMessage();
    void retrySendLater(int delayMs);
    void fail(const QString &message);
    void setState(State state);

    QPointer<ApiClient> m_api;
    Voice m_voice;
    QString m_clientId;
    UploadTask m_upload;
    QString m_fileId;
    State m_state = State::Uploading;
    QString m_errorString;
    QTimer m_retryTimer;
    int m_firstRetryMs = 1000;
    int m_maxRetryMs = 30'000;
    int m_retryDelayMs = 1000;
    quint64 m_attempt = 0; // tells the answer to the current send from an older one
};
