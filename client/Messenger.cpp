#include "Messenger.h"

#include "ApiClient.h"
#include "ErrorMessages.h"
#include "FileChecks.h"
#include "RestClient.h"

#include <kocmoc/JsonTime.h>
#include <kocmoc/Limits.h>
#include <kocmoc/Validation.h>

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJSEngine>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QStandardPaths>

namespace {
Q_LOGGING_CATEGORY(lcMessenger, "kocmoc.messenger")
} // namespace

using namespace kocmoc;

namespace {

// A typing indicator without a typing:stop lapses after this long (a client
// that vanished mid-word); a typist repeats typing:start this often.
constexpr qint64 typingLapseMs = 6'000;
constexpr qint64 typingRepeatMs = 3'000;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QJsonValue noBody()
{
    return QJsonValue(QJsonValue::Undefined);
}

} // namespace

Messenger::Messenger(QObject *parent)
    : QObject(parent)
    , m_outbox(m_realtime, m_cache)
    , m_cacheDirectory(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
{
    connect(&m_realtime, &RealtimeClient::stateChanged, this, &Messenger::connectionStateChanged);
    connect(&m_realtime, &RealtimeClient::eventReceived, this, &Messenger::onEvent);
    connect(&m_realtime, &RealtimeClient::connected, this, [this] {
        // Catch up on what happened while away; a first start without a sync
        // position takes it from the chat list instead of downloading everything.
        if (m_syncVersion > 0)
            sync();
        else if (!m_chatListLoaded)
            loadChatList();
        else
            sync();
    });
    connect(&m_realtime, &RealtimeClient::unauthorized, this, [this] {
        if (m_api)
            m_api->renewAccessToken();
    });
    connect(&m_outbox, &Outbox::countChanged, this, &Messenger::pendingCountChanged);
    connect(&m_outbox, &Outbox::added, this, &Messenger::pendingAdded);
    connect(&m_outbox, &Outbox::failed, this, &Messenger::pendingFailed);
    connect(&m_outbox, &Outbox::sent, this,
        [this](const Message &message) { applyMessage(message, true); });
    connect(&m_cache, &LocalCache::snapshotLoaded, this, &Messenger::applySnapshot);
    // The chat on screen went away (left, removed from it, deleted): nothing is open.
    connect(&m_chats, &ChatListModel::chatChanged, this, [this](const QString &chatId) {
        if (chatId == m_currentChatId && !m_chats.chat(chatId))
            setCurrentChatId({});
    });
    m_typingExpiry.setInterval(1000);
    connect(&m_typingExpiry, &QTimer::timeout, this, &Messenger::expireTyping);
}

Messenger::~Messenger()
{
    m_realtime.close();
}

void Messenger::setApi(ApiClient *api)
{
    if (api == m_api)
        return;
    if (m_api)
        m_api->disconnect(this);
    stop();
    m_api = api;
    if (m_api) {
        connect(m_api, &ApiClient::signedInChanged, this, [this] {
            if (m_api->signedIn())
                start();
            else
                stop(true); // signed out, here or elsewhere: the next person sees nothing of it
        });
        connect(m_api, &ApiClient::accessTokenChanged, this,
            [this] { m_realtime.setToken(m_api->accessToken()); });
        if (m_api->signedIn())
            start();
    }
    emit apiChanged();
}

RestClient *Messenger::rest() const
{
    return m_api ? &m_api->rest() : nullptr;
}

void Messenger::setCacheDirectory(const QString &directory)
{
    if (directory == m_cacheDirectory)
        return;
    m_cacheDirectory = directory;
    emit cacheDirectoryChanged();
}

QString Messenger::cachePath() const
{
    // One file per server and account, named so neither is spelled out on disk.
    const QByteArray who = m_api->serverUrl().toString(QUrl::StripTrailingSlash).toUtf8() + '\n'
        + m_currentUserId.toUtf8();
    const QString name = QString::fromLatin1(
        QCryptographicHash::hash(who, QCryptographicHash::Sha256).toHex().left(24));
    return QDir(m_cacheDirectory).filePath(QStringLiteral("cache-%1.sqlite").arg(name));
}

void Messenger::start()
{
    if (m_started || !m_api || !m_api->signedIn())
        return;
    m_started = true;
    ++m_generation;
    m_currentUserId = m_api->currentUser().id();
    m_chats.setCurrentUserId(m_currentUserId);
    m_chats.setServerUrl(m_api->serverUrl());
    m_chatListLoaded = false;
    m_syncVersion = 0;
    setLoadingChats(true);
    m_cache.open(cachePath());
    m_cache.loadSnapshot(); // → applySnapshot, then the network
}

void Messenger::stop(bool deleteCache)
{
    if (!m_started)
        return;
    m_started = false;
    ++m_generation;
    m_realtime.close();
    if (deleteCache)
        m_cache.closeAndDelete();
    else
        m_cache.close();
    m_outbox.clear();
    // Files on their way belong to this sign-in.
    for (AttachmentSender *upload : findChildren<AttachmentSender *>(Qt::FindDirectChildrenOnly)) {
        upload->cancel();
        upload->deleteLater();
    }
    m_stickerSets.clear();
    m_chats.clear();
    m_recentMessages.clear();
    m_announced.clear();
    m_typing.clear();
    m_typingExpiry.stop();
    m_syncing = false;
    m_syncAgain = false;
    m_currentUserId.clear();
    setCurrentChatId({});
    setLoadingChats(false);
}

void Messenger::applySnapshot(const CacheSnapshot &snapshot)
{
    if (!m_started)
        return;
    if (!m_chatListLoaded) {
        m_chats.reset(snapshot.chats);
        m_recentMessages = snapshot.recentMessages;
        m_syncVersion = snapshot.syncVersion;
        if (!snapshot.chats.isEmpty() || snapshot.syncVersion > 0)
            setLoadingChats(false);
    }
    m_outbox.restore(snapshot.outbox);

    m_realtime.setServerUrl(m_api->serverUrl());
    m_realtime.setToken(m_api->accessToken());
    m_realtime.open();
    if (m_api->accessToken().isEmpty())
        m_api->renewAccessToken(); // a resumed session: realtime needs a token first
    if (m_syncVersion == 0)
        loadChatList();
}

void Messenger::loadChatList()
{
    if (!m_started || m_chatListLoaded)
        return;
    const quint64 generation = m_generation;
    rest()->send("GET", QStringLiteral("/api/chats"), noBody(), RestClient::Auth::Bearer, this,
        [this, generation](const RestResponse &response) {
            if (generation != m_generation)
                return;
            if (!response.ok()) {
                qCInfo(lcMessenger) << "chat list not loaded:" << response.status;
                return; // the next (re)connect asks again
            }
            QList<Chat> chats;
            qint64 version = 0;
            for (const QJsonValue &value : response.json.toArray()) {
                chats.append(Chat::fromJson(value.toObject()));
                version = std::max(version, chats.last().version);
                if (chats.last().lastMessage)
                    version = std::max(version, chats.last().lastMessage->version);
            }
            QStringList gone;
            for (const Chat &held : m_chats.chats()) {
                if (std::none_of(chats.cbegin(), chats.cend(),
                        [&held](const Chat &chat) { return chat.id == held.id; }))
                    gone.append(held.id);
            }
            m_chatListLoaded = true;
            m_chats.reset(chats);
            m_cache.removeChats(gone);
            m_cache.storeChats(chats);
            setLoadingChats(false);
            if (m_syncVersion == 0) {
                // Everything up to the newest version in the list is in it: the catch-up
                // point of a first start.
                storeSyncVersion(version);
            }
            if (m_realtime.isConnected())
                sync();
        });
}

void Messenger::sync()
{
    if (!m_started)
        return;
    if (m_syncing) {
        m_syncAgain = true;
        return;
    }
    m_syncing = true;
    const quint64 generation = m_generation;
    rest()->send("GET", QStringLiteral("/api/sync?since=%1").arg(m_syncVersion), noBody(),
        RestClient::Auth::Bearer, this, [this, generation](const RestResponse &response) {
            if (generation != m_generation)
                return;
            m_syncing = false;
            if (!response.ok()) {
                qCInfo(lcMessenger) << "catch-up failed:" << response.status;
                return; // the next reconnect tries again from the same version
            }
            const QJsonObject answer = response.object();
            QList<Chat> chats;
            for (const QJsonValue &value : answer.value(QStringLiteral("chats")).toArray()) {
                chats.append(Chat::fromJson(value.toObject()));
                applyChat(chats.last());
            }
            m_cache.storeChats(chats);
            QList<Message> messages;
            for (const QJsonValue &value : answer.value(QStringLiteral("messages")).toArray()) {
                messages.append(Message::fromJson(value.toObject()));
                applyMessage(messages.last(), false);
            }
            QStringList removed;
            for (const QJsonValue &value :
                answer.value(QStringLiteral("removedChatIds")).toArray()) {
                removed.append(value.toString());
                m_chats.remove(removed.last());
                m_recentMessages.remove(removed.last());
            }
            m_cache.removeChats(removed);
            storeSyncVersion(answer.value(QStringLiteral("version")).toInteger(m_syncVersion));
            if (answer.value(QStringLiteral("hasMore")).toBool()
                || std::exchange(m_syncAgain, false)) {
                sync();
                return;
            }
            if (!m_chatListLoaded) {
                m_chatListLoaded = true;
                setLoadingChats(false);
            }
            emit synced();
        });
}

void Messenger::storeSyncVersion(qint64 version)
{
    if (version <= m_syncVersion)
        return;
    m_syncVersion = version;
    m_cache.storeSyncVersion(version);
}

void Messenger::applyChat(const Chat &chat)
{
    m_chats.upsert(chat);
    if (chat.lastMessage)
        keepRecent({*chat.lastMessage});
}

void Messenger::applyMessage(const Message &message, bool isNew)
{
    const Chat *chat = m_chats.chat(message.chatId);
    if (!chat) {
        refetchChat(message.chatId); // a chat this client has not heard of yet
    } else {
        const bool fromOther = message.senderId != m_currentUserId;
        const bool unseen = !chat->lastMessage || message.id > chat->lastMessage->id;
        const bool onScreen = message.chatId == m_currentChatId && m_windowActive;
        m_chats.applyMessage(message, isNew && fromOther && unseen && !onScreen);
        if (message.deleted && !m_chats.chat(message.chatId)->lastMessage)
            refetchChat(message.chatId); // the chat list shows the message before it
        if (isNew && fromOther && unseen && onScreen)
            markRead(message.chatId);
        // Announced once per message as it arrives, also when a catch-up that ran at the
        // same moment put it in the list a moment earlier.
        if (isNew && fromOther && message.id > m_announced.value(message.chatId)) {
            m_announced.insert(message.chatId, message.id);
            emit messageReceived(message, m_chats.memberName(message.chatId, message.senderId));
        }
        if (const Chat *updated = m_chats.chat(message.chatId))
            m_cache.storeChats({*updated});
    }
    if (message.senderId == m_currentUserId && !message.clientId.isEmpty())
        m_outbox.confirm(message); // our own send, seen before its acknowledgement
    keepRecent({message});
    emit messageUpserted(message);
}

void Messenger::keepRecent(const QList<Message> &messages)
{
    for (const Message &message : messages) {
        QList<Message> &recent = m_recentMessages[message.chatId];
        auto it = std::find_if(recent.begin(), recent.end(),
            [&message](const Message &held) { return held.id == message.id; });
        if (it != recent.end()) {
            if (message.version >= it->version)
                *it = message;
        } else {
            auto at = std::upper_bound(recent.begin(), recent.end(), message,
                [](const Message &a, const Message &b) { return a.id < b.id; });
            recent.insert(at, message);
            while (recent.size() > LocalCache::messagesPerChat)
                recent.removeFirst();
        }
    }
    m_cache.storeMessages(messages);
}

void Messenger::refetchChat(const QString &chatId)
{
    const quint64 generation = m_generation;
    rest()->send("GET", QStringLiteral("/api/chats/%1").arg(chatId), noBody(),
        RestClient::Auth::Bearer, this, [this, generation, chatId](const RestResponse &response) {
            if (generation != m_generation)
                return;
            if (response.status == 404) {
                m_chats.remove(chatId);
                m_cache.removeChats({chatId});
                return;
            }
            if (!response.ok())
                return;
            keepChat(response.object());
        });
}

void Messenger::onEvent(const QString &name, const QJsonValue &payload)
{
    const QJsonObject object = payload.toObject();
    const QString chatId = object.value(QStringLiteral("chatId")).toString();
    const QString userId = object.value(QStringLiteral("userId")).toString();
    if (name == QLatin1String("message:new") || name == QLatin1String("message:forward")) {
        applyMessage(Message::fromJson(object), true);
    } else if (name == QLatin1String("message:edit")) {
        applyMessage(Message::fromJson(object), false);
    } else if (name == QLatin1String("message:delete")) {
        const qint64 id = object.value(QStringLiteral("id")).toInteger();
        const qint64 version = object.value(QStringLiteral("version")).toInteger();
        emit messageDeleted(chatId, id, version);
        const Chat *chat = m_chats.chat(chatId);
        if (chat && chat->lastMessage && chat->lastMessage->id == id)
            refetchChat(chatId);
        auto &recent = m_recentMessages[chatId];
        for (Message &message : recent) {
            if (message.id == id) {
                message.deleted = true;
                message.text.clear();
                message.reactions.clear();
                message.version = version;
                m_cache.storeMessages({message});
            }
        }
    } else if (name == QLatin1String("reaction:update")) {
        emit reactionsUpdated(object);
    } else if (name == QLatin1String("message:read")) {
        const qint64 messageId = object.value(QStringLiteral("messageId")).toInteger();
        if (userId == m_currentUserId) {
            // Read on another device.
            const Chat *chat = m_chats.chat(chatId);
            if (chat && (!chat->lastMessage || messageId >= chat->lastMessage->id))
                m_chats.setUnreadCount(chatId, 0);
        } else {
            m_chats.setLastMessageStatus(chatId, messageId, message::statusRead);
            emit receiptMoved(chatId, messageId, message::statusRead);
        }
    } else if (name == QLatin1String("message:delivered")) {
        if (userId != m_currentUserId) {
            const qint64 messageId = object.value(QStringLiteral("messageId")).toInteger();
            m_chats.setLastMessageStatus(chatId, messageId, message::statusDelivered);
            emit receiptMoved(chatId, messageId, message::statusDelivered);
        }
    } else if (name == QLatin1String("typing:start") || name == QLatin1String("typing:stop")) {
        onTyping(chatId, userId, name == QLatin1String("typing:start"));
    } else if (name == QLatin1String("presence:update")) {
        m_chats.setPresence(userId, object.value(QStringLiteral("online")).toBool(),
            json::msFromIso(object.value(QStringLiteral("lastSeenAt")).toString()));
    } else if (name == QLatin1String("chat:new") || name == QLatin1String("chat:update")) {
        keepChat(object);
    } else if (name == QLatin1String("chat:delete")) {
        const QString id = object.value(QStringLiteral("id")).toString();
        m_chats.remove(id);
        m_cache.removeChats({id});
    } else if (name == QLatin1String("member:join")) {
        refetchChat(chatId);
    } else if (name == QLatin1String("member:leave")) {
        const QString leaver = object.value(QStringLiteral("user"))
                                   .toObject()
                                   .value(QStringLiteral("id"))
                                   .toString();
        if (leaver == m_currentUserId) {
            m_chats.remove(chatId);
            m_cache.removeChats({chatId});
        } else {
            refetchChat(chatId);
        }
    } else if (name == QLatin1String("session:revoked")) {
        if (m_api)
            m_api->endRevokedSession();
    }
}

void Messenger::onTyping(const QString &chatId, const QString &userId, bool typing)
{
    auto &typists = m_typing[chatId];
    if (typing)
        typists.insert(userId, nowMs() + typingLapseMs);
    else
        typists.remove(userId);
    QStringList names;
    for (auto it = typists.cbegin(); it != typists.cend(); ++it)
        names.append(m_chats.memberName(chatId, it.key()));
    names.sort();
    m_chats.setTypingNames(chatId, names);
    if (typists.isEmpty())
        m_typing.remove(chatId);
    if (!m_typing.isEmpty() && !m_typingExpiry.isActive())
        m_typingExpiry.start();
}

void Messenger::expireTyping()
{
    const qint64 now = nowMs();
    const auto typing = m_typing;
    for (auto chat = typing.cbegin(); chat != typing.cend(); ++chat) {
        for (auto user = chat->cbegin(); user != chat->cend(); ++user) {
            if (user.value() <= now)
                onTyping(chat.key(), user.key(), false);
        }
    }
    if (m_typing.isEmpty())
        m_typingExpiry.stop();
}

void Messenger::setTyping(const QString &chatId, bool typing)
{
    if (chatId.isEmpty())
        return;
    const QJsonObject payload{{QStringLiteral("chatId"), chatId}};
    if (typing) {
        if (nowMs() - m_typingSentAt.value(chatId) < typingRepeatMs)
            return;
        if (m_realtime.emitEvent(QStringLiteral("typing:start"), payload))
            m_typingSentAt.insert(chatId, nowMs());
    } else if (m_typingSentAt.remove(chatId)) {
        m_realtime.emitEvent(QStringLiteral("typing:stop"), payload);
    }
}

void Messenger::setCurrentChatId(const QString &chatId)
{
    if (chatId == m_currentChatId)
        return;
    m_currentChatId = chatId;
    emit currentChatIdChanged();
    markRead(chatId);
}

void Messenger::setWindowActive(bool active)
{
    if (active == m_windowActive)
        return;
    m_windowActive = active;
    emit windowActiveChanged();
    if (active)
        markRead(m_currentChatId);
}

void Messenger::markRead(const QString &chatId)
{
    const Chat *chat = m_chats.chat(chatId);
    if (!chat || !chat->lastMessage || chat->unreadCount == 0 || !m_windowActive)
        return;
    const qint64 messageId = chat->lastMessage->id;
    m_chats.setUnreadCount(chatId, 0);
    rest()->send("POST", QStringLiteral("/api/chats/%1/read").arg(chatId),
        QJsonObject{{QStringLiteral("messageId"), messageId}}, RestClient::Auth::Bearer, this,
        [](const RestResponse &) {});
}

QString Messenger::sendMessage(const QString &chatId, const QString &text, qint64 replyToId)
{
    const QString normalized = validation::normalizedMessageText(text);
    if (!m_started || chatId.isEmpty() || normalized.trimmed().isEmpty())
        return {};
    if (const auto problem = validation::checkMessageText(normalized)) {
        emit operationFailed(ErrorMessages::forApiError(*problem, normalized));
        return {};
    }
    setTyping(chatId, false);
    return m_outbox.add(chatId, normalized, replyToId).clientId;
}

void Messenger::editMessage(qint64 messageId, const QString &text)
{
    const QString normalized = validation::normalizedMessageText(text);
    if (const auto problem = validation::checkMessageText(normalized)) {
        emit operationFailed(ErrorMessages::forApiError(*problem, normalized));
        return;
    }
    rest()->send("PATCH", QStringLiteral("/api/messages/%1/edit").arg(messageId),
        QJsonObject{{QStringLiteral("text"), normalized}}, RestClient::Auth::Bearer, this,
        [this](const RestResponse &response) {
            if (!response.ok()) {
                emit operationFailed(ErrorMessages::forResponse(response, m_api->serverUrl()));
                return;
            }
            applyMessage(Message::fromJson(response.object()), false);
        });
}

void Messenger::deleteMessage(qint64 messageId)
{
    rest()->send("DELETE", QStringLiteral("/api/messages/%1/delete").arg(messageId), noBody(),
        RestClient::Auth::Bearer, this, [this](const RestResponse &response) {
            if (!response.ok())
                emit operationFailed(ErrorMessages::forResponse(response, m_api->serverUrl()));
        });
}

void Messenger::setReaction(qint64 messageId, const QString &emoji, bool on)
{
    const QString path = QStringLiteral("/api/messages/%1/reactions/%2")
                             .arg(messageId)
                             .arg(QString::fromLatin1(QUrl::toPercentEncoding(emoji)));
    rest()->send(on ? "PUT" : "DELETE", path, noBody(), RestClient::Auth::Bearer, this,
        [this](const RestResponse &response) {
            if (!response.ok()) {
                emit operationFailed(ErrorMessages::forResponse(response, m_api->serverUrl()));
                return;
            }
            emit reactionsUpdated(response.object());
        });
}

void Messenger::forwardMessage(qint64 messageId, const QString &toChatId)
{
    rest()->send("POST", QStringLiteral("/api/messages/%1/forward").arg(messageId),
        QJsonObject{{QStringLiteral("chatIds"), QJsonArray{toChatId}}}, RestClient::Auth::Bearer,
        this, [this](const RestResponse &response) {
            if (!response.ok()) {
                emit operationFailed(ErrorMessages::forResponse(response, m_api->serverUrl()));
                return;
            }
            for (const QJsonValue &value : response.json.toArray())
                applyMessage(Message::fromJson(value.toObject()), true);
        });
}

void Messenger::openDirectChat(const QString &userId)
{
    rest()->send("POST", QStringLiteral("/api/chats"),
        QJsonObject{{QStringLiteral("userId"), userId}}, RestClient::Auth::Bearer, this,
        [this](const RestResponse &response) { showOpenedChat(response); });
}

void Messenger::showOpenedChat(const RestResponse &response)
{
    if (!response.ok()) {
        emit operationFailed(ErrorMessages::forResponse(response, m_api->serverUrl()));
        return;
    }
    const Chat chat = keepChat(response.object());
    setCurrentChatId(chat.id);
    emit chatOpened(chat.id);
}

Chat Messenger::keepChat(const QJsonObject &json)
{
    const Chat chat = Chat::fromJson(json);
    applyChat(chat);
    m_cache.storeChats({chat});
    return chat;
}

void Messenger::createGroup(const QString &title, const QStringList &memberIds)
{
    const QString normalized = validation::normalizedDisplayName(title);
    if (const auto problem = validation::checkChatTitle(normalized)) {
        emit operationFailed(ErrorMessages::forApiError(*problem, normalized));
        return;
    }
    rest()->send("POST", QStringLiteral("/api/chats/group"),
        QJsonObject{{QStringLiteral("title"), normalized},
            {QStringLiteral("memberIds"), QJsonArray::fromStringList(memberIds)}},
        RestClient::Auth::Bearer, this,
        [this](const RestResponse &response) { showOpenedChat(response); });
}

void Messenger::addMembers(const QString &chatId, const QStringList &userIds)
{
    if (!m_started || chatId.isEmpty() || userIds.isEmpty())
        return;
    rest()->send("POST", QStringLiteral("/api/chats/%1/members").arg(chatId),
        QJsonObject{{QStringLiteral("userIds"), QJsonArray::fromStringList(userIds)}},
        RestClient::Auth::Bearer, this, [this, chatId](const RestResponse &response) {
            if (!response.ok()) {
                emit operationFailed(ErrorMessages::forResponse(response, m_api->serverUrl()));
                return;
            }
            keepChat(response.object());
            emit membersAdded(chatId);
        });
}

void Messenger::leaveChat(const QString &chatId)
{
    if (!m_started || chatId.isEmpty())
        return;
    const quint64 generation = m_generation;
    rest()->send("DELETE", QStringLiteral("/api/chats/%1/members/%2").arg(chatId, m_currentUserId),
        noBody(), RestClient::Auth::Bearer, this,
        [this, chatId, generation](const RestResponse &response) {
            if (generation != m_generation)
                return;
            if (!response.ok()) {
                emit operationFailed(ErrorMessages::forResponse(response, m_api->serverUrl()));
                return;
            }
            if (m_currentChatId == chatId)
                setCurrentChatId({});
            m_chats.remove(chatId);
            m_recentMessages.remove(chatId);
            m_cache.removeChats({chatId});
            emit chatLeft(chatId);
        });
}

AttachmentSender *Messenger::sendVoice(const QString &chatId, const QString &filePath,
    int durationMs, const QList<int> &waveform, qint64 replyToId)
{
    AttachmentSender::Attachment voice;
    voice.chatId = chatId;
    voice.filePath = filePath;
    voice.type = message::typeVoice;
    voice.durationMs = durationMs;
    voice.waveform = waveform;
    voice.replyToId = replyToId;
    voice.deleteFileWhenSent = true;
    return startUpload(voice);
}

namespace {

// QML's file dialogs and drops give URLs; C++ gives paths.
QString localPath(const QString &file)
{
    const QUrl url(file);
    return url.isLocalFile() ? url.toLocalFile() : file;
}

} // namespace

AttachmentSender *Messenger::sendFile(const QString &chatId, const QString &file,
    const QString &caption, qint64 replyToId, bool deleteWhenSent)
{
    AttachmentSender::Attachment attachment;
    attachment.chatId = chatId;
    attachment.filePath = localPath(file);
    attachment.text = caption.trimmed();
    attachment.replyToId = replyToId;
    attachment.deleteFileWhenSent = deleteWhenSent;
    return startUpload(attachment);
}

AttachmentSender *Messenger::startUpload(const AttachmentSender::Attachment &attachment)
{
    if (!m_started || attachment.chatId.isEmpty())
        return nullptr;
    auto *upload = new AttachmentSender(m_api, attachment, this);
    QJSEngine::setObjectOwnership(upload, QJSEngine::CppOwnership); // this one deletes it
    connect(upload, &AttachmentSender::sent, this, [this, upload](const QJsonObject &message) {
        applyMessage(Message::fromJson(message), true);
        upload->deleteLater();
    });
    connect(upload, &AttachmentSender::failed, this, &Messenger::operationFailed);
    connect(upload, &AttachmentSender::stateChanged, this, [upload] {
        if (upload->state() == AttachmentSender::State::Cancelled)
            upload->deleteLater();
    });
    setTyping(attachment.chatId, false);
    emit uploadAdded(upload);
    upload->start();
    return upload;
}

QList<AttachmentSender *> Messenger::uploadsFor(const QString &chatId) const
{
    QList<AttachmentSender *> uploads;
    for (AttachmentSender *upload : findChildren<AttachmentSender *>(Qt::FindDirectChildrenOnly)) {
        if (upload->chatId() == chatId && upload->state() != AttachmentSender::State::Sent
            && upload->state() != AttachmentSender::State::Cancelled)
            uploads.append(upload);
    }
    return uploads;
}

AttachmentSender *Messenger::uploadWithClientId(const QString &clientId) const
{
    for (AttachmentSender *upload : findChildren<AttachmentSender *>(Qt::FindDirectChildrenOnly)) {
        if (upload->clientId() == clientId)
            return upload;
    }
    return nullptr;
}

void Messenger::retryMessage(const QString &clientId)
{
    if (AttachmentSender *upload = uploadWithClientId(clientId))
        upload->start();
    else
        m_outbox.retry(clientId);
}

void Messenger::discardMessage(const QString &clientId)
{
    if (AttachmentSender *upload = uploadWithClientId(clientId))
        upload->cancel();
    else
        m_outbox.discard(clientId);
}

QVariantMap Messenger::checkFile(const QString &file) const
{
    const QString path = localPath(file);
    const qint64 maxBytes = kocmoc::limits::defaultMaxBodyBytes;
    const FileChecks::Verdict verdict = FileChecks::check(path, maxBytes);
    return {{QStringLiteral("ok"), verdict.ok}, {QStringLiteral("message"), verdict.message},
        {QStringLiteral("type"), verdict.ok ? AttachmentSender::typeOf(path) : QString()},
        {QStringLiteral("mimeType"), verdict.mimeType}, {QStringLiteral("size"), verdict.size},
        {QStringLiteral("name"), QFileInfo(path).fileName()},
        {QStringLiteral("url"), QUrl::fromLocalFile(path)}};
}

void Messenger::sendSticker(const QString &chatId, const QString &stickerId)
{
    if (!m_started || chatId.isEmpty() || stickerId.isEmpty())
        return;
    postSticker(chatId,
        QJsonObject{{QStringLiteral("clientId"), OutboxEntry::newClientId()},
            {QStringLiteral("type"), message::typeSticker},
            {QStringLiteral("stickerId"), stickerId}},
        0);
}

void Messenger::postSticker(const QString &chatId, const QJsonObject &body, int attempt)
{
    const quint64 generation = m_generation;
    rest()->send("POST", QStringLiteral("/api/chats/%1/messages").arg(chatId), body,
        RestClient::Auth::Bearer, this,
        [this, generation, chatId, body, attempt](const RestResponse &response) {
            if (generation != m_generation)
                return;
            if (response.ok()) {
                applyMessage(Message::fromJson(response.object()), true);
                return;
            }
            // Two sends within the server's interval: the same clientId again, shortly.
            if (response.status == 429 && attempt < 5) {
                QTimer::singleShot(qMax(200, response.error.retryAfterSeconds * 1000), this,
                    [this, chatId, body, attempt] { postSticker(chatId, body, attempt + 1); });
                return;
            }
            emit operationFailed(ErrorMessages::forResponse(response, m_api->serverUrl()));
        });
}

void Messenger::loadStickers()
{
    if (!m_started || !m_stickerSets.isEmpty())
        return;
    const quint64 generation = m_generation;
    rest()->send("GET", QStringLiteral("/api/stickers"), noBody(), RestClient::Auth::Bearer, this,
        [this, generation](const RestResponse &response) {
            if (generation != m_generation)
                return;
            if (!response.ok()) {
                emit operationFailed(ErrorMessages::forResponse(response, m_api->serverUrl()));
                return;
            }
            QVariantList sets;
            for (const QJsonValue &setValue : response.json.toArray()) {
                const QJsonObject set = setValue.toObject();
                QVariantList stickers;
                for (const QJsonValue &stickerValue :
                    set.value(QStringLiteral("stickers")).toArray()) {
                    const QJsonObject sticker = stickerValue.toObject();
                    const QJsonObject file = sticker.value(QStringLiteral("file")).toObject();
                    stickers.append(QVariantMap{
                        {QStringLiteral("id"), sticker.value(QStringLiteral("id")).toString()},
                        {QStringLiteral("emoji"),
                            sticker.value(QStringLiteral("emoji")).toString()},
                        {QStringLiteral("url"),
                            m_api->fileUrl(file.value(QStringLiteral("url")).toString())}});
                }
                sets.append(
                    QVariantMap{{QStringLiteral("id"), set.value(QStringLiteral("id")).toString()},
                        {QStringLiteral("title"), set.value(QStringLiteral("title")).toString()},
                        {QStringLiteral("stickers"), stickers}});
            }
            m_stickerSets = sets;
            emit stickerSetsChanged();
        });
}

void Messenger::setLoadingChats(bool loading)
{
    if (loading == m_loadingChats)
        return;
    m_loadingChats = loading;
    emit loadingChatsChanged();
}
