#include "AvatarUploader.h"

#include "ApiClient.h"
#include "ErrorMessages.h"
#include "FileChecks.h"
#include "Messenger.h"
#include "UploadTask.h"

#include <kocmoc/Chat.h>

#include <QFileInfo>
#include <QJsonObject>

namespace {

// What the server takes as an avatar: images it makes a thumbnail of (docs/api.md, Users).
bool isPictureType(const QString &mimeType)
{
    static const QStringList types{QStringLiteral("image/jpeg"), QStringLiteral("image/png"),
        QStringLiteral("image/webp"), QStringLiteral("image/gif")};
    return types.contains(mimeType);
}

} // namespace

AvatarUploader::AvatarUploader(QObject *parent)
    : QObject(parent)
{ }

AvatarUploader::~AvatarUploader()
{
    dropUpload();
}

void AvatarUploader::setApi(ApiClient *api)
{
    if (api == m_api)
        return;
    m_api = api;
    emit apiChanged();
}

void AvatarUploader::setMessenger(Messenger *messenger)
{
    if (messenger == m_messenger)
        return;
    m_messenger = messenger;
    emit messengerChanged();
}

void AvatarUploader::setChatId(const QString &chatId)
{
    if (chatId == m_chatId)
        return;
    cancel();
    clearError();
    m_chatId = chatId;
    emit chatIdChanged();
}

QString AvatarUploader::checkPicture(const QString &path)
{
    const QFileInfo info(path);
    if (info.isFile() && info.size() > maxPictureBytes)
        return tr("This picture is too large: a photo can be up to %1.")
            .arg(FileChecks::megabytes(maxPictureBytes));
    const FileChecks::Verdict verdict = FileChecks::check(path, maxPictureBytes);
    if (!verdict.ok && verdict.mimeType.isEmpty())
        return verdict.message; // unreadable, empty, a program by its name
    if (!isPictureType(verdict.mimeType))
        return tr("A photo has to be a JPEG, PNG, WebP or GIF image.");
    return verdict.ok ? QString() : verdict.message;
}

void AvatarUploader::upload(const QUrl &file)
{
    if (m_busy || !m_api)
        return;
    clearError();
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    if (const QString problem = checkPicture(path); !problem.isEmpty()) {
        setErrorMessage(problem);
        return;
    }
    if (!m_api->signedIn()) {
        setErrorMessage(ErrorMessages::sessionEnded());
        return;
    }
    setBusy(true);
    setProgress(0);
    m_upload = new UploadTask(this);
    m_upload->setApi(m_api);
    m_upload->setFilePath(path);
    connect(m_upload, &UploadTask::progressChanged, this,
        [this] { setProgress(m_upload ? m_upload->progress() : 0); });
    connect(m_upload, &UploadTask::finished, this, [this](const QJsonObject &uploaded) {
        dropUpload();
        setAvatarFile(uploaded.value(QStringLiteral("id")).toString());
    });
    connect(m_upload, &UploadTask::failed, this, [this](const QString &message) {
        dropUpload();
        fail(message);
    });
    m_upload->start();
}

void AvatarUploader::remove()
{
    if (m_busy || !m_api)
        return;
    clearError();
    setBusy(true);
    setProgress(0);
    setAvatarFile(QString());
}

void AvatarUploader::cancel()
{
    if (!m_busy)
        return;
    ++m_generation;
    if (m_upload)
        m_upload->cancel();
    dropUpload();
    setBusy(false);
}

void AvatarUploader::setAvatarFile(const QString &fileId)
{
    const quint64 generation = ++m_generation;
    const QJsonObject change{{QStringLiteral("avatarFileId"), fileId}};
    auto handler = [this, generation](const RestResponse &response) {
        if (generation == m_generation)
            onAnswer(response);
    };
    if (m_chatId.isEmpty()) {
        if (!m_api || !m_api->signedIn())
            return fail(ErrorMessages::sessionEnded());
        m_api->updateProfile(change, this, handler);
        return;
    }
    if (!m_api)
        return fail(ErrorMessages::sessionEnded());
    m_api->rest().send("PATCH", QStringLiteral("/api/chats/%1").arg(m_chatId), change,
        RestClient::Auth::Bearer, this, handler);
}

void AvatarUploader::onAnswer(const RestResponse &response)
{
    if (!response.ok()) {
        const QString &code = response.error.code;
        if (code == QLatin1String("wrong_file_type"))
            fail(tr("A photo has to be a JPEG, PNG, WebP or GIF image."));
        else if (code == QLatin1String("forbidden"))
            fail(tr("Only the group's owners and admins can change its photo."));
        else
            fail(ErrorMessages::forResponse(response, m_api ? m_api->serverUrl() : QUrl()));
        return;
    }
    // Own avatar: ApiClient took the answer as the new profile already.
    if (!m_chatId.isEmpty() && m_messenger)
        m_messenger->chats()->upsert(kocmoc::Chat::fromJson(response.object()));
    setProgress(1);
    setBusy(false);
    emit changed();
}

void AvatarUploader::fail(const QString &message)
{
    setErrorMessage(message);
    setBusy(false);
}

void AvatarUploader::dropUpload()
{
    if (!m_upload)
        return;
    m_upload->disconnect(this);
    m_upload->deleteLater();
    m_upload = nullptr;
}

void AvatarUploader::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    emit busyChanged();
}

void AvatarUploader::setProgress(qreal progress)
{
    if (qFuzzyCompare(progress + 1, m_progress + 1))
        return;
    m_progress = progress;
    emit progressChanged();
}

void AvatarUploader::setErrorMessage(const QString &message)
{
    if (message == m_errorMessage)
        return;
    m_errorMessage = message;
    emit errorMessageChanged();
}
