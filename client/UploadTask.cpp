#include "UploadTask.h"

#include "ApiClient.h"
#include "ErrorMessages.h"
#include "FileChecks.h"
#include "RestResponse.h"

#include <kocmoc/Limits.h>

#include <QFileInfo>
#include <QLoggingCategory>
#include <QNetworkReply>
#include <QStringList>

namespace {
Q_LOGGING_CATEGORY(lcUpload, "kocmoc.upload")
} // namespace

namespace {

const QByteArray tusVersion = "1.0.0";
// Created again at most this often when the server lost the upload (expired after
// 24 h, its data folder restored): beyond that something is wrong for good.
constexpr int maxRestarts = 3;

QList<std::pair<QByteArray, QByteArray>> tusHeaders()
{
    return {{"Tus-Resumable", tusVersion}};
}

qint64 headerNumber(QNetworkReply *reply, const QByteArray &name, qint64 otherwise = -1)
{
    bool ok = false;
    const qint64 value = reply->rawHeader(name).trimmed().toLongLong(&ok);
    return ok && value >= 0 ? value : otherwise;
}

// "Not now" rather than "never": the same request goes again later.
bool transient(const RestResponse &response)
{
    if (!response.reachedServer())
        return true;
    const int status = response.status;
    return status >= 500 || status == 408
        || (status == 429 && response.error.code != QLatin1String("too_many_uploads"));
}

} // namespace

UploadTask::UploadTask(QObject *parent)
    : QObject(parent)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, [this] {
        setState(State::Uploading);
        send(m_retryStep);
    });
}

UploadTask::~UploadTask()
{
    abortRequest();
}

void UploadTask::setApi(ApiClient *api)
{
    if (api == m_api)
        return;
    if (m_api)
        m_api->disconnect(this);
    m_api = api;
    if (m_api) {
        // A renewed token ends a wait that an expired one caused.
        connect(m_api, &ApiClient::accessTokenChanged, this, [this] {
            if (m_state == State::Waiting && m_retryTimer.isActive()) {
                m_retryTimer.stop();
                setState(State::Uploading);
                send(m_retryStep);
            }
        });
    }
    emit apiChanged();
}

void UploadTask::setFilePath(const QString &path)
{
    if (path == m_filePath)
        return;
    m_filePath = path;
    emit filePathChanged();
}

void UploadTask::setFileName(const QString &name)
{
    if (name == m_fileName)
        return;
    m_fileName = name;
    emit fileNameChanged();
}

void UploadTask::setDurationMs(int ms)
{
    if (ms == m_durationMs)
        return;
    m_durationMs = ms;
    emit durationMsChanged();
}

void UploadTask::setWaveform(const QList<int> &levels)
{
    if (levels == m_waveform)
        return;
    m_waveform = levels;
    emit waveformChanged();
}

void UploadTask::setChunkSize(qint64 bytes)
{
    bytes = std::clamp<qint64>(bytes, 1, kocmoc::limits::uploadChunkMaxBytes);
    if (bytes == m_chunkSize)
        return;
    m_chunkSize = bytes;
    emit chunkSizeChanged();
}

void UploadTask::setRetryDelays(int firstMs, int maxMs)
{
    m_firstRetryMs = qMax(1, firstMs);
    m_maxRetryMs = qMax(m_firstRetryMs, maxMs);
    m_retryDelayMs = m_firstRetryMs;
}

qreal UploadTask::progress() const
{
    if (m_state == State::Finished)
        return 1;
    return m_bytesTotal > 0 ? qreal(m_bytesSent) / qreal(m_bytesTotal) : 0;
}

void UploadTask::start()
{
    if (m_state == State::Uploading || m_state == State::Waiting || m_state == State::Finished)
        return;
    abortRequest();
    m_retryTimer.stop();
    m_retryDelayMs = m_firstRetryMs;
    m_offset = 0;
    m_restarts = 0;
    m_serverChunkLimit = 0;
    m_deleteWhenCreated = false;
    m_file = {};
    setUploadId({});
    setBytesSent(0);
    if (!m_errorString.isEmpty()) {
        m_errorString.clear();
        emit errorStringChanged();
    }
    if (!m_api || !m_api->signedIn()) {
        fail(ErrorMessages::sessionEnded());
        return;
    }
    m_maxBytes = kocmoc::limits::defaultMaxBodyBytes;
    const FileChecks::Verdict verdict = FileChecks::check(m_filePath, m_maxBytes);
    if (m_mimeType != verdict.mimeType) {
        m_mimeType = verdict.mimeType;
        emit mimeTypeChanged();
    }
    if (!verdict.ok) {
        fail(verdict.message);
        return;
    }
    if (m_bytesTotal != verdict.size) {
        m_bytesTotal = verdict.size;
        emit bytesTotalChanged();
    }
    m_source.close();
    m_source.setFileName(m_filePath);
    if (!m_source.open(QIODevice::ReadOnly)) {
        fail(FileChecks::unreadable(m_filePath));
        return;
    }
    setState(State::Uploading);
    send(Step::Options);
}

void UploadTask::cancel()
{
    if (m_state != State::Uploading && m_state != State::Waiting)
        return;
    m_retryTimer.stop();
    if (m_reply && m_step == Step::Create) {
        // The server may create it anyway: let the answer come, then delete it.
        m_deleteWhenCreated = true;
    } else {
        abortRequest();
        sendDelete();
    }
    m_source.close();
    setState(State::Cancelled);
}

void UploadTask::sendDelete()
{
    if (m_uploadId.isEmpty() || !m_api)
        return;
    // Not tied to this object: it finishes even if the task is deleted right after.
    QNetworkReply *reply
        = m_api->rest().sendRaw("DELETE", QStringLiteral("/api/uploads/%1").arg(m_uploadId),
            tusHeaders(), {}, RestClient::Auth::Bearer);
    connect(reply, &QNetworkReply::finished, reply, [reply, id = m_uploadId] {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status != 204 && status != 404)
            qCInfo(lcUpload) << "upload" << id << "not deleted:" << status << reply->error()
                             << "(the server drops it after 24 hours)";
    });
}

void UploadTask::abortRequest()
{
    if (QNetworkReply *reply = m_reply) {
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
    }
}

QByteArray UploadTask::metadata() const
{
    // tus: comma-separated "key base64(value)" pairs.
    const QString name = m_fileName.isEmpty() ? QFileInfo(m_filePath).fileName() : m_fileName;
    QList<QByteArray> pairs{"filename " + name.toUtf8().toBase64()};
    if (m_durationMs > 0)
        pairs.append("durationMs " + QByteArray::number(m_durationMs).toBase64());
    if (!m_waveform.isEmpty()) {
        QStringList levels;
        for (const int level : m_waveform)
            levels.append(QString::number(std::clamp(level, 0, 255)));
        pairs.append("waveform " + levels.join(QLatin1Char(',')).toLatin1().toBase64());
    }
    return pairs.join(',');
}

void UploadTask::send(Step step)
{
    if (!m_api) {
        fail(ErrorMessages::sessionEnded());
        return;
    }
    m_step = step;
    RestClient &rest = m_api->rest();
    const QString upload = QStringLiteral("/api/uploads/%1").arg(m_uploadId);
    QNetworkReply *reply = nullptr;
    switch (step) {
    case Step::Options:
        reply = rest.sendRaw(
            "OPTIONS", QStringLiteral("/api/uploads/"), tusHeaders(), {}, RestClient::Auth::Bearer);
        break;
    case Step::Create: {
        auto headers = tusHeaders();
        headers.emplace_back("Upload-Length", QByteArray::number(m_bytesTotal));
        headers.emplace_back("Upload-Metadata", metadata());
        headers.emplace_back("Content-Length", "0");
        reply = rest.sendRaw(
            "POST", QStringLiteral("/api/uploads/"), headers, {}, RestClient::Auth::Bearer);
        break;
    }
    case Step::Head:
        reply = rest.sendRaw("HEAD", upload, tusHeaders(), {}, RestClient::Auth::Bearer);
        break;
    case Step::Patch: {
        const qint64 limit
            = m_serverChunkLimit > 0 ? qMin(m_chunkSize, m_serverChunkLimit) : m_chunkSize;
        const qint64 length = qMin(limit, m_bytesTotal - m_offset);
        QByteArray chunk;
        if (m_source.seek(m_offset))
            chunk = m_source.read(length);
        if (chunk.size() != length) {
            fail(FileChecks::unreadable(m_filePath));
            return;
        }
        auto headers = tusHeaders();
        headers.emplace_back("Upload-Offset", QByteArray::number(m_offset));
        headers.emplace_back("Content-Type", "application/offset+octet-stream");
        reply = rest.sendRaw("PATCH", upload, headers, chunk, RestClient::Auth::Bearer);
        connect(reply, &QNetworkReply::uploadProgress, this, [this](qint64 sent, qint64 total) {
            // QNetworkReply ends with (0, 0): progress never goes back within a PATCH.
            if (total > 0)
                setBytesSent(qBound(m_bytesSent, m_offset + sent, m_bytesTotal));
        });
        break;
    }
    case Step::FetchFile:
        reply = rest.sendRaw(
            "GET", upload + QStringLiteral("/file"), {}, {}, RestClient::Auth::Bearer);
        break;
    }
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply, step] {
        if (reply != m_reply)
            return;
        m_reply = nullptr;
        onAnswer(reply, step);
    });
}

void UploadTask::onAnswer(QNetworkReply *reply, Step step)
{
    const RestResponse response = RestResponse::fromReply(reply);
    if (step == Step::Create && m_deleteWhenCreated) {
        if (response.status == 201) {
            onCreated(reply);
            sendDelete();
        }
        return;
    }
    if (m_state != State::Uploading)
        return;
    if (response.ok()) {
        m_retryDelayMs = m_firstRetryMs;
        switch (step) {
        case Step::Options:
            onOptions(reply);
            return;
        case Step::Create:
            onCreated(reply);
            return;
        case Step::Head:
        case Step::Patch:
            onOffset(reply, step);
            return;
        case Step::FetchFile:
            onFile(response.object());
            return;
        }
    }

    // What a failed attempt is followed by: a PATCH that may or may not have arrived
    // asks where the server stands; everything else is simply repeated.
    const Step again = step == Step::Patch ? Step::Head : step;
    const QString &code = response.error.code;
    if (response.status == 401 && code == QLatin1String("token_expired")) {
        m_api->renewAccessToken(); // accessTokenChanged ends the wait early
        retryLater(again);
        return;
    }
    if (transient(response)) {
        qCInfo(lcUpload) << "upload" << m_uploadId << "paused:" << response.status
                         << response.networkError << code;
        retryLater(again, response.error.retryAfterSeconds * 1000);
        return;
    }
    if (code == QLatin1String("offset_mismatch")) {
        send(Step::Head);
        return;
    }
    if (code == QLatin1String("upload_busy")) {
        retryLater(Step::Head); // the PATCH cut off before is still being written
        return;
    }
    if (code == QLatin1String("upload_incomplete")) {
        send(Step::Head);
        return;
    }
    if (response.status == 404 && step != Step::Options && step != Step::Create
        && m_restarts < maxRestarts) {
        // The server no longer has it (kept 24 hours): start it over.
        ++m_restarts;
        m_offset = 0;
        setBytesSent(0);
        setUploadId({});
        send(Step::Create);
        return;
    }
    QString message = FileChecks::forUploadError(response.error, m_maxBytes);
    if (message.isEmpty())
        message = ErrorMessages::forApiError(response.error);
    qCWarning(lcUpload) << "upload refused:" << response.status << code;
    fail(message);
}

void UploadTask::onOptions(QNetworkReply *reply)
{
    const qint64 maxSize = headerNumber(reply, "Tus-Max-Size", 0);
    if (maxSize > 0) {
        m_maxBytes = maxSize;
        if (m_bytesTotal > maxSize) {
            fail(FileChecks::tooLarge(maxSize));
            return;
        }
    }
    m_serverChunkLimit = headerNumber(reply, "Kocmoc-Max-Chunk-Size", 0);
    send(Step::Create);
}

void UploadTask::onCreated(QNetworkReply *reply)
{
    // Location: /api/uploads/{id}, maybe as a full URL.
    const QString location = QUrl(QString::fromLatin1(reply->rawHeader("Location"))).path();
    const QString id = location.section(QLatin1Char('/'), -1, -1, QString::SectionSkipEmpty);
    if (id.isEmpty()) {
        fail(ErrorMessages::unreadableAnswer());
        return;
    }
    setUploadId(id);
    if (m_state != State::Uploading)
        return;
    m_offset = 0;
    send(Step::Patch);
}

void UploadTask::onOffset(QNetworkReply *reply, Step step)
{
    const qint64 offset = headerNumber(reply, "Upload-Offset");
    if (offset < 0 || offset > m_bytesTotal) {
        fail(ErrorMessages::unreadableAnswer());
        return;
    }
    m_offset = offset;
    setBytesSent(offset);
    if (step == Step::Patch && !reply->rawHeader("Kocmoc-File-Id").isEmpty()) {
        send(Step::FetchFile);
        return;
    }
    // A HEAD after a lost answer may find everything there already.
    send(offset == m_bytesTotal ? Step::FetchFile : Step::Patch);
}

void UploadTask::onFile(const QJsonObject &file)
{
    if (file.value(QStringLiteral("id")).toString().isEmpty()) {
        fail(ErrorMessages::unreadableAnswer());
        return;
    }
    m_file = file;
    m_source.close();
    setBytesSent(m_bytesTotal);
    setState(State::Finished);
    emit progressChanged();
    emit finished(m_file);
}

void UploadTask::retryLater(Step step, int delayMs)
{
    m_retryStep = step;
    const int delay = delayMs > 0 ? delayMs : m_retryDelayMs;
    m_retryDelayMs = qMin(m_retryDelayMs * 2, m_maxRetryMs);
    setBytesSent(m_offset); // what was on its way may not have arrived
    setState(State::Waiting);
    m_retryTimer.start(delay);
}

void UploadTask::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged();
}

void UploadTask::setBytesSent(qint64 bytes)
{
    if (bytes == m_bytesSent)
        return;
    m_bytesSent = bytes;
    emit progressChanged();
}

void UploadTask::setUploadId(const QString &id)
{
    if (id == m_uploadId)
        return;
    m_uploadId = id;
    emit uploadIdChanged();
}

void UploadTask::fail(const QString &message)
{
    abortRequest();
    m_retryTimer.stop();
    m_source.close();
    // What the server holds of it is of no use any more.
    sendDelete();
    m_errorString = message;
    emit errorStringChanged();
    setState(State::Failed);
    emit failed(message);
}
