#include "AttachmentSender.h"

#include "ApiClient.h"
#include "ErrorMessages.h"
#include "FileChecks.h"
#include "OutboxEntry.h"

#include <kocmoc/Limits.h>
#include <kocmoc/Message.h>

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QJsonArray>
#include <QLoggingCategory>

namespace {
Q_LOGGING_CATEGORY(lcAttachmentSend, "kocmoc.attachments")
} // namespace

namespace {

// Answers that mean "not now": the same send goes again (the clientId makes it safe).
bool transient(const RestResponse &response)
{
    if (!response.reachedServer())
        return true;
    return response.status >= 500 || response.status == 408 || response.status == 429;
}

} // namespace

AttachmentSender::AttachmentSender(ApiClient *api, const Attachment &attachment, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_attachment(attachment)
    , m_clientId(OutboxEntry::newClientId())
    , m_createdAtMs(QDateTime::currentMSecsSinceEpoch())
{
    if (m_attachment.type.isEmpty())
        m_attachment.type = typeOf(attachment.filePath);
    m_upload.setApi(api);
    m_upload.setFilePath(attachment.filePath);
    if (m_attachment.type == kocmoc::message::typeVoice)
        m_upload.setFileName(QStringLiteral("voice.ogg"));
    m_upload.setDurationMs(attachment.durationMs);
    m_upload.setWaveform(attachment.waveform);
    connect(&m_upload, &UploadTask::progressChanged, this, &AttachmentSender::progressChanged);
    connect(&m_upload, &UploadTask::finished, this, [this](const QJsonObject &file) {
        m_fileId = file.value(QStringLiteral("id")).toString();
        setState(State::Sending);
        emit progressChanged();
        sendMessage();
    });
    connect(&m_upload, &UploadTask::failed, this, &AttachmentSender::fail);
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &AttachmentSender::sendMessage);
}

QString AttachmentSender::typeOf(const QString &filePath)
{
    using namespace kocmoc::message;
    // The server decides from the bytes as well: an image goes as a photo, and so on.
    const QString mime = FileChecks::check(filePath, kocmoc::limits::defaultMaxBodyBytes).mimeType;
    if (mime.startsWith(QLatin1String("image/")))
        return typePhoto;
    if (mime.startsWith(QLatin1String("video/")))
        return typeVideo;
    if (mime.startsWith(QLatin1String("audio/")))
        return typeAudio;
    return typeDocument;
}

QString AttachmentSender::fileName() const
{
    return m_upload.fileName().isEmpty() ? QFileInfo(m_attachment.filePath).fileName()
                                         : m_upload.fileName();
}

QJsonObject AttachmentSender::localFile() const
{
    const QString url = localUrl().toString();
    QJsonObject file{{QStringLiteral("name"), fileName()}, {QStringLiteral("url"), url},
        {QStringLiteral("size"), QFileInfo(m_attachment.filePath).size()}};
    if (m_attachment.type == kocmoc::message::typePhoto) {
        // The bubble keeps the picture's proportions from the first frame on.
        const QSize size = QImageReader(m_attachment.filePath).size();
        file.insert(QStringLiteral("thumbnailUrl"), url);
        if (size.isValid()) {
            file.insert(QStringLiteral("width"), size.width());
            file.insert(QStringLiteral("height"), size.height());
        }
    }
    if (m_attachment.durationMs > 0)
        file.insert(QStringLiteral("durationMs"), m_attachment.durationMs);
    if (!m_attachment.waveform.isEmpty()) {
        QJsonArray levels;
        for (const int level : m_attachment.waveform)
            levels.append(level);
        file.insert(QStringLiteral("waveform"), levels);
    }
    return file;
}

qreal AttachmentSender::progress() const
{
    return m_fileId.isEmpty() ? m_upload.progress() : 1.0;
}

void AttachmentSender::setRetryDelays(int firstMs, int maxMs)
{
    m_upload.setRetryDelays(firstMs, maxMs);
    m_firstRetryMs = qMax(1, firstMs);
    m_maxRetryMs = qMax(m_firstRetryMs, maxMs);
    m_retryDelayMs = m_firstRetryMs;
}

void AttachmentSender::start()
{
    if (m_state == State::Sent)
        return;
    m_errorString.clear();
    if (m_fileId.isEmpty()) {
        setState(State::Uploading);
        m_upload.start();
    } else {
        setState(State::Sending);
        sendMessage();
    }
}

void AttachmentSender::cancel()
{
    if (m_state == State::Sent || m_state == State::Cancelled)
        return;
    ++m_attempt; // an answer still on its way is ignored
    m_retryTimer.stop();
    m_upload.cancel();
    if (m_attachment.deleteFileWhenSent)
        QFile::remove(m_attachment.filePath);
    setState(State::Cancelled);
}

void AttachmentSender::sendMessage()
{
    if (m_state != State::Sending || !m_api)
        return;
    QJsonObject body{{QStringLiteral("clientId"), m_clientId},
        {QStringLiteral("type"), m_attachment.type},
        {QStringLiteral("fileIds"), QJsonArray{m_fileId}}};
    if (!m_attachment.text.trimmed().isEmpty())
        body.insert(QStringLiteral("text"), m_attachment.text);
    if (m_attachment.replyToId > 0)
        body.insert(QStringLiteral("replyToId"), m_attachment.replyToId);
    const quint64 attempt = ++m_attempt;
    m_api->rest().send("POST", QStringLiteral("/api/chats/%1/messages").arg(m_attachment.chatId),
        body, RestClient::Auth::Bearer, this, [this, attempt](const RestResponse &response) {
            if (attempt != m_attempt || m_state != State::Sending)
                return;
            if (response.ok()) {
                m_retryDelayMs = m_firstRetryMs;
                if (m_attachment.deleteFileWhenSent)
                    QFile::remove(m_attachment.filePath);
                setState(State::Sent);
                emit sent(response.object());
                return;
            }
            if (transient(response)) {
                qCInfo(lcAttachmentSend)
                    << m_attachment.type << "message" << m_clientId
                    << "not sent yet:" << response.status << response.networkError;
                retrySendLater(response.error.retryAfterSeconds * 1000);
                return;
            }
            fail(ErrorMessages::forResponse(response, m_api->serverUrl()));
        });
}

void AttachmentSender::retrySendLater(int delayMs)
{
    const int delay = delayMs > 0 ? delayMs : m_retryDelayMs;
    m_retryDelayMs = qMin(m_retryDelayMs * 2, m_maxRetryMs);
    m_retryTimer.start(delay);
}

void AttachmentSender::fail(const QString &message)
{
    m_retryTimer.stop();
    m_errorString = message;
    setState(State::Failed);
    emit failed(message);
}

void AttachmentSender::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged();
}
