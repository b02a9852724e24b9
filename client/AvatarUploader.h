#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

class ApiClient;
class Messenger;
class RestResponse;
class UploadTask;
Q_MOC_INCLUDE("ApiClient.h")
Q_MOC_INCLUDE("Messenger.h")

// Sets or removes a picture: the signed-in person's avatar (chatId empty), or a
// group's (chatId set; its owners and admins may).
//
// upload() checks the file first (readable, at most maxBytes, a JPEG, PNG, WebP
// or GIF by its content: what the server takes for an avatar), uploads it with
// UploadTask and then sends its id as avatarFileId: PATCH /api/users/me (the
// answer becomes ApiClient.currentUser, so every avatar of oneself follows) or
// PATCH /api/chats/{id} (the answer goes into Messenger.chats). remove() sends
// an empty avatarFileId, which the server takes as "no picture".
class AvatarUploader : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ApiClient *api READ api WRITE setApi NOTIFY apiChanged)
    // Needed for a group's picture only.
    Q_PROPERTY(Messenger *messenger READ messenger WRITE setMessenger NOTIFY messengerChanged)
    Q_PROPERTY(QString chatId READ chatId WRITE setChatId NOTIFY chatIdChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    // Of the upload, 0..1; stays at 1 while the server sets the new picture.
    Q_PROPERTY(qreal progress READ progress NOTIFY progressChanged)
    // Readable and localised; empty when the last change went well.
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)
    Q_PROPERTY(qint64 maxBytes READ maxBytes CONSTANT)

public:
    // A picture is shown as a thumbnail: more than this is a mistake, not detail.
    static constexpr qint64 maxPictureBytes = 10 * 1024 * 1024;

    explicit AvatarUploader(QObject *parent = nullptr);
    ~AvatarUploader() override;

    ApiClient *api() const { return m_api; }
    void setApi(ApiClient *api);
    Messenger *messenger() const { return m_messenger; }
    void setMessenger(Messenger *messenger);
    QString chatId() const { return m_chatId; }
    void setChatId(const QString &chatId);
    bool busy() const { return m_busy; }
    qreal progress() const { return m_progress; }
    QString errorMessage() const { return m_errorMessage; }
    qint64 maxBytes() const { return maxPictureBytes; }

    // Why this file cannot be a picture, readable and localised; empty when it can.
    static QString checkPicture(const QString &path);

    // file: a local file's URL (as a FileDialog gives it) or path.
    Q_INVOKABLE void upload(const QUrl &file);
    Q_INVOKABLE void remove();
    // Stops an upload on its way; the picture stays as it was.
    Q_INVOKABLE void cancel();
    Q_INVOKABLE void clearError() { setErrorMessage({}); }

signals:
    void apiChanged();
    void messengerChanged();
    void chatIdChanged();
    void busyChanged();
    void progressChanged();
    void errorMessageChanged();
    // The server has the new picture (or none): it shows wherever the avatar does.
    void changed();

private:
    void setAvatarFile(const QString &fileId);
    void onAnswer(const RestResponse &response);
    void fail(const QString &message);
    void dropUpload();
    void setBusy(bool busy);
    void setProgress(qreal progress);
    void setErrorMessage(const QString &message);

    QPointer<ApiClient> m_api;
    QPointer<Messenger> m_messenger;
    QString m_chatId;
    UploadTask *m_upload = nullptr;
    bool m_busy = false;
    qreal m_progress = 0;
    QString m_errorMessage;
    quint64 m_generation = 0; // answers to a cancelled change are dropped
};
