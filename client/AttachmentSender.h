#pragma once

#include "UploadTask.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

class ApiClient;

// One message with a file on its way (SPEC 2.3, 2.4): a voice recording, a
// photo, a video, an audio file or a document. The file is uploaded
// (UploadTask, tus: resumed after a dropped connection), then sent as a message
// of its type with that file and the caption (POST /api/chats/{id}/messages).
// The clientId is chosen once, so however often the send is repeated after a
// network failure the server stores one message. Both steps wait out a missing
// connection and go on by themselves; only a refusal (file type, size, chat
// gone, …) stops it as failed, and start() tries again from where it stopped.
//
// Made by Messenger.sendVoice() and Messenger.sendFile(); the pending bubble
// shows its progress and cancels it.
class AttachmentSender : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Made by Messenger.sendVoice() and Messenger.sendFile()")
    Q_PROPERTY(QString clientId READ clientId CONSTANT)
    Q_PROPERTY(QString chatId READ chatId CONSTANT)
    // The message type: voice, photo, video, audio or document.
    Q_PROPERTY(QString type READ type CONSTANT)
    Q_PROPERTY(QString text READ text CONSTANT) // the caption
    Q_PROPERTY(QString fileName READ fileName CONSTANT)
    // The file on this machine, for the pending bubble's preview.
    Q_PROPERTY(QUrl localUrl READ localUrl CONSTANT)
    Q_PROPERTY(int durationMs READ durationMs CONSTANT)
    Q_PROPERTY(QList<int> waveform READ waveform CONSTANT)
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    // The upload's progress, 0..1; 1 while the message itself is sent.
    Q_PROPERTY(qreal progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(qint64 bytesTotal READ bytesTotal NOTIFY progressChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY stateChanged)

public:
    enum class State { Uploading, Sending, Sent, Failed, Cancelled };
    Q_ENUM(State)

    struct Attachment
    {
        QString chatId;
        QString filePath;
        // voice, photo, video, audio, document; empty: decided by the content (typeOf()).
        QString type;
        QString text; // an optional caption
        int durationMs = 0; // voice: required
        QList<int> waveform;
        qint64 replyToId = 0;
        // A recording or a pasted image is a temporary file: once the server has it, it goes.
        bool deleteFileWhenSent = false;
    };

    AttachmentSender(ApiClient *api, const Attachment &attachment, QObject *parent = nullptr);

    // The message type a file is sent as, from its content: photo, video, audio or
    // document (images the server cannot show as photos go as documents).
    static QString typeOf(const QString &filePath);

    QString clientId() const { return m_clientId; }
    QString chatId() const { return m_attachment.chatId; }
    QString type() const { return m_attachment.type; }
    QString text() const { return m_attachment.text; }
    QString fileName() const;
    QUrl localUrl() const { return QUrl::fromLocalFile(m_attachment.filePath); }
    int durationMs() const { return m_attachment.durationMs; }
    QList<int> waveform() const { return m_attachment.waveform; }
    qint64 replyToId() const { return m_attachment.replyToId; }
    State state() const { return m_state; }
    qreal progress() const;
    qint64 bytesTotal() const { return m_upload.bytesTotal(); }
    QString errorString() const { return m_errorString; }
    qint64 createdAtMs() const { return m_createdAtMs; }
    UploadTask &upload() { return m_upload; }
    // How the pending bubble shows the file until the server's copy replaces it: a
    // File object (docs/api.md) with the local file's URL, size and picture size.
    QJsonObject localFile() const;
    // The back-off of both steps while there is no connection (tests make it short).
    void setRetryDelays(int firstMs, int maxMs);

    // Starts, or after a failure goes on from the step that failed.
    Q_INVOKABLE void start();
    // Stops; an upload under way is deleted on the server. Nothing once sent.
    Q_INVOKABLE void cancel();

signals:
    void stateChanged();
    void progressChanged();
    // The server's Message.
    void sent(const QJsonObject &message);
    void failed(const QString &message);

private:
    void sendMessage();
    void retrySendLater(int delayMs);
    void fail(const QString &message);
    void setState(State state);

    QPointer<ApiClient> m_api;
    Attachment m_attachment;
    QString m_clientId;
    qint64 m_createdAtMs = 0;
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
