#include "VoiceMessageSender.h"

#include "ApiClient.h"
#include "ErrorMessages.h"
#include "OutboxEntry.h"

#include <kocmoc/Message.h>

#include <QFile>
#include <QJsonArray>
#include <QLoggingCategory>

namespace {
Q_LOGGING_CATEGORY(lcVoiceSend, "kocmoc.voice")
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

VoiceMessageSender::VoiceMessageSender(ApiClient *api, const Voice &voice, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_voice(voice)
    , m_clientId(OutboxEntry::newClientId())
{
    m_upload.setApi(api);
    m_upload.setFilePath(voice.filePath);
    m_upload.setFileName(QStringLiteral("voice.ogg"));
    m_upload.setDurationMs(voice.durationMs);
    m_upload.setWaveform(voice.waveform);
    connect(&m_upload, &UploadTask::progressChanged, this, &VoiceMessageSender::progressChanged);
    connect(&m_upload, &UploadTask::finished, this, [this](const QJsonObject &file) {
        m_fileId = file.value(QStringLiteral("id")).toString();
        setState(State::Sending);
        emit progressChanged();
        sendMessage();
    });
    connect(&m_upload, &UploadTask::failed, this, &VoiceMessageSender::fail);
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &VoiceMessageSender::sendMessage);
}

qreal VoiceMessageSender::progress() const
{
    return m_fileId.isEmpty() ? m_upload.progress() : 1.0;
}

void VoiceMessageSender::setRetryDelays(int firstMs, int maxMs)
{
    m_upload.setRetryDelays(firstMs, maxMs);
    m_firstRetryMs = qMax(1, firstMs);
    m_maxRetryMs = qMax(m_firstRetryMs, maxMs);
    m_retryDelayMs = m_firstRetryMs;
}

void VoiceMessageSender::start()
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

void VoiceMessageSender::cancel()
{
    if (m_state == State::Sent || m_state == State::Cancelled)
        return;
    ++m_attempt; // an answer still on its way is ignored
    m_retryTimer.stop();
    m_upload.cancel();
    setState(State::Cancelled);
}

void VoiceMessageSender::sendMessage()
{
    if (m_state != State::Sending || !m_api)
        return;
    QJsonObject body{{QStringLiteral("clientId"), m_clientId},
        {QStringLiteral("type"), kocmoc::message::typeVoice},
        {QStringLiteral("fileIds"), QJsonArray{m_fileId}}};
    if (m_voice.replyToId > 0)
        body.insert(QStringLiteral("replyToId"), m_voice.replyToId);
    const quint64 attempt = ++m_attempt;
    m_api->rest().send("POST", QStringLiteral("/api/chats/%1/messages").arg(m_voice.chatId), body,
        RestClient::Auth::Bearer, this, [this, attempt](const RestResponse &response) {
            if (attempt != m_attempt || m_state != State::Sending)
                return;
            if (response.ok()) {
                m_retryDelayMs = m_firstRetryMs;
                if (m_voice.deleteFileWhenSent)
                    QFile::remove(m_voice.filePath);
                setState(State::Sent);
                emit sent(response.object());
                return;
            }
            if (transient(response)) {
                qCInfo(lcVoiceSend) << "voice message" << m_clientId
                                    << "not sent yet:" << response.status << response.networkError;
                retrySendLater(response.error.retryAfterSeconds * 1000);
                return;
            }
            fail(ErrorMessages::forResponse(response, m_api->serverUrl()));
        });
}

void VoiceMessageSender::retrySendLater(int delayMs)
{
    const int delay = delayMs > 0 ? delayMs : m_retryDelayMs;
    m_retryDelayMs = qMin(m_retryDelayMs * 2, m_maxRetryMs);
    m_retryTimer.start(delay);
}

void VoiceMessageSender::fail(const QString &message)
{
    m_retryTimer.stop();
    m_errorString = message;
    setState(State::Failed);
    emit failed(message);
}

void VoiceMessageSender::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged();
}
