#pragma once

#include <QFile>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

class ApiClient;
class QNetworkReply;

// Uploads one file to the server with tus 1.0 (docs/api.md, Resumable uploads)
// and ends with the server's File object, ready for a message's fileIds.
//
// Before anything is sent, the file is checked here (FileChecks): the size limit
// and a type allowed by its content, so a refusal is immediate and explained.
// Then: OPTIONS (the server's limits), POST (creates the upload with its length
// and metadata), PATCHes of at most chunkSize bytes (4 MB, or less when the
// server says so), and GET /api/uploads/{id}/file. A dropped connection or a
// server that is away only pauses it (state waiting): it asks with HEAD where
// the server stands and goes on from there, retrying without limit with back-off
// (1 s doubling to 30 s), as the outbox does. cancel() stops and deletes the
// upload on the server.
//
// Uses the ApiClient's server and access token; a token that expired midway is
// renewed and the request repeated.
class UploadTask : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ApiClient *api READ api WRITE setApi NOTIFY apiChanged)
    Q_PROPERTY(QString filePath READ filePath WRITE setFilePath NOTIFY filePathChanged)
    // The name the server keeps (made harmless there); the file's own name by default.
    Q_PROPERTY(QString fileName READ fileName WRITE setFileName NOTIFY fileNameChanged)
    // For audio: its length (required for a voice message) and its waveform levels.
    Q_PROPERTY(int durationMs READ durationMs WRITE setDurationMs NOTIFY durationMsChanged)
    Q_PROPERTY(QList<int> waveform READ waveform WRITE setWaveform NOTIFY waveformChanged)
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(qreal progress READ progress NOTIFY progressChanged) // 0..1
    Q_PROPERTY(qint64 bytesSent READ bytesSent NOTIFY progressChanged)
    Q_PROPERTY(qint64 bytesTotal READ bytesTotal NOTIFY bytesTotalChanged)
    // The type the content was recognised as ("image/png"), once checked.
    Q_PROPERTY(QString mimeType READ mimeType NOTIFY mimeTypeChanged)
    // Readable and localised; empty unless failed.
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)
    // The File object once finished.
    Q_PROPERTY(QJsonObject file READ file NOTIFY finished)
    // The tus upload's id once the server created it.
    Q_PROPERTY(QString uploadId READ uploadId NOTIFY uploadIdChanged)
    Q_PROPERTY(qint64 chunkSize READ chunkSize WRITE setChunkSize NOTIFY chunkSizeChanged)

public:
    // waiting: no connection (or the server is busy); it goes on by itself.
    enum class State { Idle, Uploading, Waiting, Finished, Failed, Cancelled };
    Q_ENUM(State)

    static constexpr qint64 defaultChunkSize = 4 * 1024 * 1024;

    explicit UploadTask(QObject *parent = nullptr);
    ~UploadTask() override;

    ApiClient *api() const { return m_api; }
    void setApi(ApiClient *api);
    QString filePath() const { return m_filePath; }
    void setFilePath(const QString &path);
    QString fileName() const { return m_fileName; }
    void setFileName(const QString &name);
    int durationMs() const { return m_durationMs; }
    void setDurationMs(int ms);
    QList<int> waveform() const { return m_waveform; }
    void setWaveform(const QList<int> &levels);
    State state() const { return m_state; }
    qreal progress() const;
    qint64 bytesSent() const { return m_bytesSent; }
    qint64 bytesTotal() const { return m_bytesTotal; }
    QString mimeType() const { return m_mimeType; }
    QString errorString() const { return m_errorString; }
    QJsonObject file() const { return m_file; }
    QString uploadId() const { return m_uploadId; }
    qint64 chunkSize() const { return m_chunkSize; }
    void setChunkSize(qint64 bytes);
    // The back-off between attempts while waiting (tests make it short).
    void setRetryDelays(int firstMs, int maxMs);

    // Checks the file and uploads it; again after failed or cancelled, from the start.
    Q_INVOKABLE void start();
    // Stops, and deletes what the server has of it. Nothing happens once finished.
    Q_INVOKABLE void cancel();

signals:
    void apiChanged();
    void filePathChanged();
    void fileNameChanged();
    void durationMsChanged();
    void waveformChanged();
    void stateChanged();
    void progressChanged();
    void bytesTotalChanged();
    void mimeTypeChanged();
    void errorStringChanged();
    void uploadIdChanged();
    void chunkSizeChanged();
    void finished(const QJsonObject &file);
    void failed(const QString &message);

private:
    // Which request is (or was last) on its way; an attempt that failed on the way is
    // repeated as resumeStep() says.
    enum class Step { Options, Create, Head, Patch, FetchFile };

    void send(Step step);
    void onAnswer(QNetworkReply *reply, Step step);
    void onOptions(QNetworkReply *reply);
    void onCreated(QNetworkReply *reply);
    void onOffset(QNetworkReply *reply, Step step);
    void onFile(const QJsonObject &file);
    void retryLater(Step step, int delayMs = 0);
    void sendDelete();
    QByteArray metadata() const;
    void abortRequest();
    void setState(State state);
    void setBytesSent(qint64 bytes);
    void setUploadId(const QString &id);
    void fail(const QString &message);

    QPointer<ApiClient> m_api;
    QString m_filePath;
    QString m_fileName;
    int m_durationMs = 0;
    QList<int> m_waveform;
    State m_state = State::Idle;
    qint64 m_bytesSent = 0;
    qint64 m_bytesTotal = 0;
    QString m_mimeType;
    QString m_errorString;
    QJsonObject m_file;
    QString m_uploadId;
    qint64 m_chunkSize = defaultChunkSize;
    qint64 m_serverChunkLimit = 0; // Kocmoc-Max-Chunk-Size, 0 when not said
    qint64 m_maxBytes = 0;

    QFile m_source;
    qint64 m_offset = 0; // what the server confirmed it has
    QPointer<QNetworkReply> m_reply;
    Step m_step = Step::Options;
    QTimer m_retryTimer;
    Step m_retryStep = Step::Options;
    int m_firstRetryMs = 1000;
    int m_maxRetryMs = 30'000;
    int m_retryDelayMs = 1000;
    int m_restarts = 0; // the upload vanished on the server and was created again
    bool m_deleteWhenCreated = false; // cancelled while the POST was on its way
};
