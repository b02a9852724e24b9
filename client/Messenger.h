#pragma once

#include "ApiClient.h"
#include "AttachmentSender.h"
#include "ChatListModel.h"
#include "LocalCache.h"
#include "Outbox.h"
#include "RealtimeClient.h"

#include <kocmoc/Chat.h>

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

class RestClient;
struct RestResponse;

// The signed-in person's chats and messages, kept live. While the ApiClient
// is signed in it:
// - opens that account's local cache and shows its chat list and newest
//   messages at once, before the network answers;
// - loads the chat list from the server and keeps the realtime connection
//   open (reconnecting with back-off), applying every event;
// - after every (re)connect, catches up through /api/sync from the version of
//   the last catch-up, so nothing that happened while away is missing;
// - sends what is written through the Outbox: shown at once as pending, sent
//   exactly once when the connection allows;
// - signs out when the server says the session was revoked.
class Messenger : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ApiClient *api READ api WRITE setApi NOTIFY apiChanged)
    Q_PROPERTY(ChatListModel *chats READ chats CONSTANT)
    Q_PROPERTY(
        RealtimeClient::State connectionState READ connectionState NOTIFY connectionStateChanged)
    Q_PROPERTY(bool online READ online NOTIFY connectionStateChanged)
    // No chat list yet, neither from the cache nor from the server: show skeletons.
    Q_PROPERTY(bool loadingChats READ loadingChats NOTIFY loadingChatsChanged)
    // The chat on screen: its unread messages count as read while the window is active.
    Q_PROPERTY(
        QString currentChatId READ currentChatId WRITE setCurrentChatId NOTIFY currentChatIdChanged)
    Q_PROPERTY(bool windowActive READ windowActive WRITE setWindowActive NOTIFY windowActiveChanged)
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY pendingCountChanged)
    // Where the per-account cache files go; the app's data folder by default.
    Q_PROPERTY(QString cacheDirectory READ cacheDirectory WRITE setCacheDirectory NOTIFY
            cacheDirectoryChanged)
    // The server's sticker sets (GET /api/stickers, after loadStickers()): [{id, title,
    // stickers: [{id, emoji, url}]}] with absolute image URLs.
    Q_PROPERTY(QVariantList stickerSets READ stickerSets NOTIFY stickerSetsChanged)

public:
    explicit Messenger(QObject *parent = nullptr);
    ~Messenger() override;

    ApiClient *api() const { return m_api; }
    void setApi(ApiClient *api);
    ChatListModel *chats() { return &m_chats; }
    RealtimeClient::State connectionState() const { return m_realtime.state(); }
    bool online() const { return m_realtime.isConnected(); }
    bool loadingChats() const { return m_loadingChats; }
    QString currentChatId() const { return m_currentChatId; }
    void setCurrentChatId(const QString &chatId);
    bool windowActive() const { return m_windowActive; }
    void setWindowActive(bool active);
    int pendingCount() const { return m_outbox.count(); }
    QString cacheDirectory() const { return m_cacheDirectory; }
    void setCacheDirectory(const QString &directory);

    // Shown at once as pending; empty or whitespace-only text is ignored. Returns the clientId.
    Q_INVOKABLE QString sendMessage(
        const QString &chatId, const QString &text, qint64 replyToId = 0);
    // A failed text message or upload goes again / is given up (an upload is cancelled).
    Q_INVOKABLE void retryMessage(const QString &clientId);
    Q_INVOKABLE void discardMessage(const QString &clientId);
    Q_INVOKABLE void editMessage(qint64 messageId, const QString &text);
    Q_INVOKABLE void deleteMessage(qint64 messageId);
    Q_INVOKABLE void setReaction(qint64 messageId, const QString &emoji, bool on);
    Q_INVOKABLE void forwardMessage(qint64 messageId, const QString &toChatId);
    // Tells the other members this person is typing (throttled), or stopped.
    Q_INVOKABLE void setTyping(const QString &chatId, bool typing);
    Q_INVOKABLE void markRead(const QString &chatId);
    // Opens (or finds) the direct chat with that person and makes it current.
    Q_INVOKABLE void openDirectChat(const QString &userId);
    Q_INVOKABLE void createGroup(const QString &title, const QStringList &memberIds);
    // Adds people to a group (its owners and admins may).
    Q_INVOKABLE void addMembers(const QString &chatId, const QStringList &userIds);
    // Leaves a group: it is gone from the list (and from the screen) once the server agrees.
    Q_INVOKABLE void leaveChat(const QString &chatId);
    // Uploads a recording (VoiceRecorder's file, durationMs and waveform) and sends it as a
    // voice message; the file is deleted once the server has it. The sender shows the
    // progress and goes away once the message is sent (messageUpserted brings it);
    // a refusal is told through operationFailed and the sender stays, failed, for
    // start() or cancel(). nullptr when not signed in.
    Q_INVOKABLE AttachmentSender *sendVoice(const QString &chatId, const QString &filePath,
        int durationMs, const QList<int> &waveform, qint64 replyToId = 0);
    // Uploads a file (a path or a file: URL) and sends it as a photo, video, audio or
    // document message (by its content) with the caption; shown at once as pending,
    // like sendVoice(). deleteWhenSent: a temporary file (a pasted image).
    Q_INVOKABLE AttachmentSender *sendFile(const QString &chatId, const QString &file,
        const QString &caption = {}, qint64 replyToId = 0, bool deleteWhenSent = false);
    // What the preview sheet shows before sending: {ok, message (why not, localised),
    // type (photo, video, audio, document), mimeType, size, name, url (file: URL)}.
    Q_INVOKABLE QVariantMap checkFile(const QString &file) const;
    // Sends a sticker of GET /api/stickers; a refusal comes through operationFailed.
    Q_INVOKABLE void sendSticker(const QString &chatId, const QString &stickerId);
    Q_INVOKABLE void loadStickers();
    QVariantList stickerSets() const { return m_stickerSets; }

    // For the models.
    RestClient *rest() const;
    RealtimeClient &realtime() { return m_realtime; }
    QString currentUserId() const { return m_currentUserId; }
    QList<kocmoc::Message> recentMessages(const QString &chatId) const
    {
        return m_recentMessages.value(chatId);
    }
    QList<OutboxEntry> pendingFor(const QString &chatId) const
    {
        return m_outbox.entriesFor(chatId);
    }
    // Files of that chat on their way (oldest first).
    QList<AttachmentSender *> uploadsFor(const QString &chatId) const;
    // The newest messages a model received from the server, for the cache.
    void keepRecent(const QList<kocmoc::Message> &messages);

signals:
    void apiChanged();
    void connectionStateChanged();
    void loadingChatsChanged();
    void currentChatIdChanged();
    void windowActiveChanged();
    void pendingCountChanged();
    void cacheDirectoryChanged();
    // Catch-up is complete after a (re)connect.
    void synced();

    // For MessageListModel.
    void messageUpserted(const kocmoc::Message &message);
    void messageDeleted(const QString &chatId, qint64 messageId, qint64 version);
    void reactionsUpdated(const QJsonObject &update);
    // Own messages of the chat up to that id were delivered to or read by someone.
    void receiptMoved(const QString &chatId, qint64 upToMessageId, const QString &status);
    void pendingAdded(const OutboxEntry &entry);
    void pendingFailed(const OutboxEntry &entry);
    // A file started on its way (sendVoice, sendFile): a pending row until sent or cancelled.
    void uploadAdded(AttachmentSender *upload);
    void stickerSetsChanged();

    // A new message from someone else arrived as it was sent (for notifications; not
    // for what a catch-up brings).
    void messageReceived(const kocmoc::Message &message, const QString &senderName);
    // A chat opened or created on request.
    void chatOpened(const QString &chatId);
    // People were added to a group on request.
    void membersAdded(const QString &chatId);
    // This person left a group on request.
    void chatLeft(const QString &chatId);
    // Something failed that the person asked for; readable and localised.
    void operationFailed(const QString &message);

private:
    void start();
    // deleteCache: the account signed out, so its cache file goes too.
    void stop(bool deleteCache = false);
    void applySnapshot(const CacheSnapshot &snapshot);
    void loadChatList();
    // A chat the server opened or created on request: listed, cached and made current.
    void showOpenedChat(const RestResponse &response);
    void sync();
    void applyChat(const kocmoc::Chat &chat);
    // A chat as the server sent it: shown and cached; returned for the caller.
    kocmoc::Chat keepChat(const QJsonObject &json);
    void applyMessage(const kocmoc::Message &message, bool isNew);
    void refetchChat(const QString &chatId);
    void onEvent(const QString &name, const QJsonValue &payload);
    void onTyping(const QString &chatId, const QString &userId, bool typing);
    void expireTyping();
    void setLoadingChats(bool loading);
    QString cachePath() const;
    void storeSyncVersion(qint64 version);
    AttachmentSender *startUpload(const AttachmentSender::Attachment &attachment);
    AttachmentSender *uploadWithClientId(const QString &clientId) const;
    void postSticker(const QString &chatId, const QJsonObject &body, int attempt);

    QPointer<ApiClient> m_api;
    ChatListModel m_chats;
    RealtimeClient m_realtime;
    LocalCache m_cache;
    Outbox m_outbox;
    QString m_currentUserId;
    QString m_currentChatId;
    QString m_cacheDirectory;
    bool m_started = false;
    bool m_windowActive = true;
    bool m_loadingChats = false;
    bool m_chatListLoaded = false;
    bool m_syncing = false;
    bool m_syncAgain = false;
    qint64 m_syncVersion = 0;
    quint64 m_generation = 0; // answers for an earlier sign-in are dropped
    QHash<QString, QList<kocmoc::Message>> m_recentMessages;
    QHash<QString, qint64> m_announced; // chatId → newest message id announced (messageReceived)
    // chatId → userId → when their typing indicator lapses (ms since epoch).
    QHash<QString, QHash<QString, qint64>> m_typing;
    QTimer m_typingExpiry;
    QHash<QString, qint64> m_typingSentAt; // chatId → when typing:start last went out
    QVariantList m_stickerSets;
};
