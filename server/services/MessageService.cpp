#include "MessageService.h"

#include "files/FileUrls.h"
#include "repositories/ChatRepository.h"
#include "repositories/FileRepository.h"
#include "repositories/ReactionRepository.h"
#include "repositories/VersionRepository.h"
#include "security/Random.h"
#include "services/ChatAccess.h"
#include "services/ChatViews.h"
#include "services/StickerCatalog.h"
#include "services/WriteAndPublish.h"

#include <kocmoc/Limits.h>
#include <kocmoc/Validation.h>

namespace kocmoc {

namespace {

ApiError messageDeleted()
{
    return ApiError::conflict(
        QStringLiteral("message_deleted"), QStringLiteral("This message was deleted."));
}

ApiError notInThisChat(const QString &field)
{
    return ApiError::invalidField(field, QStringLiteral("There is no such message in this chat."));
}

// The message and the caller's access to its chat, or "not found" for anyone outside it.
struct MessageAccess
{
    Message message;
    ChatAccess chat;
};

Result<MessageAccess> messageAccess(QSqlDatabase &db, qint64 messageId, const QString &callerId)
{
    auto message = MessageRepository(db).find(messageId);
    if (!message)
        return ChatAccess::messageNotFound();
    ChatRepository chats(db);
    auto access = ChatAccess::of(chats, message->chatId, callerId);
    if (!access)
        return ChatAccess::messageNotFound();
    return MessageAccess{std::move(*message), std::move(*access)};
}

} // namespace

QJsonObject DeletedMessage::toJson() const
{
    return QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("chatId"), chatId},
        {QStringLiteral("version"), version}};
}

QJsonObject ReactionUpdate::toJson() const
{
    return QJsonObject{{QStringLiteral("messageId"), messageId}, {QStringLiteral("chatId"), chatId},
        {QStringLiteral("reactions"), message::reactionsToJson(reactions)},
        {QStringLiteral("version"), version}, {QStringLiteral("userId"), userId},
        {QStringLiteral("emoji"), emoji}, {QStringLiteral("added"), added}};
}

MessageService::MessageService(db::Database &database, const Clock &clock,
    realtime::EventBus &events, const PresenceSource &presence, Settings settings)
    : m_database(database)
    , m_clock(clock)
    , m_events(events)
    , m_presence(presence)
    , m_throttle(settings.sendIntervalMs)
{ }

std::optional<ApiError> MessageService::throttle(const QString &callerId, const QString &clientId)
{
    const qint64 waitMs = m_throttle.admit(callerId, clientId, m_clock.nowMs());
    if (waitMs == 0)
        return std::nullopt;
    return ApiError::tooManyRequests(QStringLiteral("rate_limited"),
        QStringLiteral("You are sending too fast; wait a moment."), int((waitMs + 999) / 1000));
}

Result<QString> MessageService::checkContent(const SendInput &input)
{
    const QString &type = input.type;
    const bool isText = type == message::typeText;
    const bool isSticker = type == message::typeSticker;
    if (isText || isSticker) {
        if (!input.fileIds.isEmpty())
            return ApiError::invalidField(QStringLiteral("fileIds"),
                QStringLiteral("A %1 message has no files; send files as photo, video, document, "
                               "audio or voice.")
                    .arg(type));
    } else if (input.fileIds.isEmpty()) {
        return ApiError::badRequest(QStringLiteral("missing_field"),
            QStringLiteral("A %1 message needs its files in 'fileIds'.").arg(type),
            QStringLiteral("fileIds"));
    }
    const bool single = type == message::typeAudio || type == message::typeVoice;
    if (input.fileIds.size() > (single ? 1 : limits::messageFilesMax))
        return ApiError::invalidField(QStringLiteral("fileIds"),
            single
                ? QStringLiteral("A %1 message has exactly one file.").arg(type)
                : QStringLiteral("A message has at most %1 files.").arg(limits::messageFilesMax));
    if (QSet<QString>(input.fileIds.begin(), input.fileIds.end()).size() != input.fileIds.size())
        return ApiError::invalidField(
            QStringLiteral("fileIds"), QStringLiteral("The same file is given twice."));
    if (isSticker) {
        if (!StickerCatalog::builtIn().find(input.stickerId))
            return ApiError::badRequest(QStringLiteral("unknown_sticker"),
                QStringLiteral("There is no such sticker."), QStringLiteral("stickerId"));
        if (input.text && !input.text->trimmed().isEmpty())
            return ApiError::invalidField(
                QStringLiteral("text"), QStringLiteral("A sticker comes without text."));
        return QString();
    }
    if (!input.stickerId.isEmpty())
        return ApiError::invalidField(
            QStringLiteral("stickerId"), QStringLiteral("Only a sticker message names a sticker."));
    if (isText && !input.text)
        return ApiError::badRequest(QStringLiteral("missing_field"),
            QStringLiteral("The field 'text' is required."), QStringLiteral("text"));
    const QString text = validation::normalizedMessageText(input.text.value_or(QString()));
    // Files may come without a caption.
    if (!text.isEmpty() || isText) {
        if (const auto problem = validation::checkMessageText(text))
            return *problem;
    }
    return text;
}

Result<QList<FileRecord>> MessageService::attachableFiles(
    QSqlDatabase &db, const QString &callerId, const SendInput &input)
{
    FileRepository files(db);
    if (input.type == message::typeSticker)
        return files.byIds({StickerCatalog::builtIn().find(input.stickerId)->fileId});
    const qint64 now = m_clock.nowMs();
    const QList<FileRecord> found = files.byIds(input.fileIds);
    // Someone who cannot see a file cannot send it on, and learns nothing about it.
    const auto unknownFile = [] {
        return ApiError::badRequest(QStringLiteral("unknown_file"),
            QStringLiteral("There is no such file."), QStringLiteral("fileIds"));
    };
    if (found.size() != input.fileIds.size())
        return unknownFile();
    for (const FileRecord &file : found) {
        if (!files.canView(file.id, callerId, now))
            return unknownFile();
        const auto wrongKind = [&](const QString &what) {
            return ApiError::badRequest(QStringLiteral("wrong_file_type"),
                QStringLiteral("A %1 message takes %2; %3 is %4.")
                    .arg(input.type, what, file.name, file.mime),
                QStringLiteral("fileIds"));
        };
        if (input.type == message::typePhoto && !file.mime.startsWith(QLatin1String("image/")))
            return wrongKind(QStringLiteral("images"));
        if (input.type == message::typeVideo && !file.mime.startsWith(QLatin1String("video/")))
            return wrongKind(QStringLiteral("videos"));
        if ((input.type == message::typeAudio || input.type == message::typeVoice)
            && !file.mime.startsWith(QLatin1String("audio/")))
            return wrongKind(QStringLiteral("an audio file"));
        if (input.type == message::typeVoice && file.durationMs <= 0)
            return ApiError::badRequest(QStringLiteral("missing_duration"),
                QStringLiteral(
                    "A voice message's file needs its durationMs, given when uploading it."),
                QStringLiteral("fileIds"));
    }
    return found;
}

Result<QString> MessageService::checkSend(const QString &callerId, const SendInput &input)
{
    if (const auto problem = validation::checkClientId(input.clientId))
        return *problem;
    if (!message::types().contains(input.type))
        return ApiError::invalidField(QStringLiteral("type"),
            QStringLiteral("A message type is one of: %1.")
                .arg(message::types().join(QStringLiteral(", "))));
    const auto content = checkContent(input);
    if (!content)
        return content.error();
    if (input.replyToId < 0)
        return notInThisChat(QStringLiteral("replyToId"));
    if (const auto limited = throttle(callerId, input.clientId))
        return *limited;
    return content.value();
}

Result<SentMessage> MessageService::earlierSend(
    QSqlDatabase &db, const QString &callerId, const SendInput &input)
{
    const auto first = MessageRepository(db).findByClientId(callerId, input.clientId);
    if (!first)
        throw db::DatabaseError("a message's clientId conflicted, but no message has it");
    if (first->chatId != input.chatId)
        return ApiError::conflict(QStringLiteral("client_id_reused"),
            QStringLiteral("This clientId belongs to a message in another chat."),
            QStringLiteral("clientId"));
    return SentMessage{ChatViews(db, m_presence).message(*first, callerId), false};
}

bool MessageService::anotherMemberOnline(
    const QStringList &memberIds, const QString &senderId) const
{
    // Connected now, so the fan-out right after the commit hands it to their socket: the
    // same fact a delivery mark records, known before the row is written instead of
    // rewriting the row a second later (docs/performance.md).
    return std::any_of(memberIds.cbegin(), memberIds.cend(), [&](const QString &memberId) {
        return memberId != senderId && m_presence.isOnline(memberId);
    });
}

QHash<QString, QStringList> MessageService::storeBatch(
    QSqlDatabase &db, const QList<SendRequest> &requests, const Batch &batch, Outcomes &outcomes)
{
    const std::vector<QString> &texts = batch.texts;
    VersionRepository versions(db);
    versions.lock(); // before reading what the sends depend on
    ChatRepository chats(db);
    MessageRepository messages(db);
    // Who is in each chat of the batch, in one query.
    const QHash<QString, QStringList> members = m_memberLists.membersOf(db, batch.chatIds);
    struct Accepted
    {
        qsizetype request = 0;
        std::optional<MessageReply> replyTo;
        QList<FileRecord> files;
    };
    std::vector<Accepted> accepted;
    for (qsizetype i = 0; i < requests.size(); ++i) {
        if (outcomes[size_t(i)])
            continue;
        const auto &[callerId, input] = requests.at(i);
        if (!members.value(input.chatId).contains(callerId)) {
            outcomes[size_t(i)] = Result<SentMessage>(ChatAccess::chatNotFound());
            continue;
        }
        Accepted send{i, std::nullopt, {}};
        if (input.replyToId > 0) {
            const auto original = messages.find(input.replyToId);
            if (!original || original->chatId != input.chatId) {
                outcomes[size_t(i)]
                    = Result<SentMessage>(notInThisChat(QStringLiteral("replyToId")));
                continue;
            }
            send.replyTo = MessageReply{original->id, original->senderId, original->text};
        }
        auto files = attachableFiles(db, callerId, input);
        if (!files) {
            outcomes[size_t(i)] = Result<SentMessage>(files.error());
            continue;
        }
        send.files = std::move(files.value());
        accepted.push_back(std::move(send));
    }
    if (accepted.empty())
        return members;

    // Versions in arrival order, so one person's messages keep the order they were sent in.
    const QList<qint64> ids = versions.nextMany(int(accepted.size()));
    QList<MessageRepository::StoredAs> storedAs(requests.size());
    for (size_t k = 0; k < accepted.size(); ++k) {
        const auto &[callerId, input] = requests.at(accepted[k].request);
        storedAs[accepted[k].request]
            = {ids.at(qsizetype(k)), anotherMemberOnline(members.value(input.chatId), callerId)};
    }
    const QSet<qint64> inserted = messages.insertEncoded(batch.rows, storedAs);

    FileRepository fileLinks(db);
    QHash<QString, qint64> newest; // chat id → its newest message of the batch
    for (size_t k = 0; k < accepted.size(); ++k) {
        const Accepted &send = accepted[k];
        const auto &[callerId, input] = requests.at(send.request);
        auto &outcome = outcomes[size_t(send.request)];
        const qint64 id = ids.at(qsizetype(k));
        if (!inserted.contains(id)) { // a retry: this clientId was used already
            outcome = earlierSend(db, callerId, input);
            continue;
        }
        QStringList fileIds;
        QJsonArray fileJson;
        for (const FileRecord &file : send.files) {
            fileIds.append(file.id);
            fileJson.append(file.toFile(fileUrls::now()).toJson());
        }
        fileLinks.attachToMessage(id, fileIds);
        newest[input.chatId] = id;

        // The message as it was just written: what reading it back would give.
        Message message;
        message.id = id;
        message.chatId = input.chatId;
        message.clientId = input.clientId;
        message.senderId = callerId;
        message.type = input.type;
        message.text = texts[size_t(send.request)].isNull() ? QStringLiteral("")
                                                            : texts[size_t(send.request)];
        message.files = fileJson;
        message.replyTo = send.replyTo;
        message.status
            = storedAs.at(send.request).delivered ? message::statusDelivered : message::statusSent;
        message.createdAtMs = batch.nowMs;
        message.version = id;
        outcome = SentMessage{message, true};
    }
    chats.recordMessages(newest, batch.nowMs);
    return members;
}

Result<SentMessage> MessageService::send(const QString &callerId, const SendInput &input)
{
    return sendMany({SendRequest{callerId, input}}).constFirst();
}

QList<Result<SentMessage>> MessageService::sendMany(const QList<SendRequest> &requests)
{
    Outcomes checked(size_t(requests.size()));
    Batch batch;
    batch.texts.resize(size_t(requests.size()));
    batch.nowMs = m_clock.nowMs();
    QSet<QString> chatIds;
    QList<NewMessage> drafts; // what the rows say but their ids: encoded before the lock
    drafts.reserve(requests.size());
    for (qsizetype i = 0; i < requests.size(); ++i) {
        const auto &[callerId, input] = requests.at(i);
        const auto text = checkSend(callerId, input);
        if (text) {
            batch.texts[size_t(i)] = text.value();
            chatIds.insert(input.chatId);
        } else {
            checked[size_t(i)] = Result<SentMessage>(text.error());
        }
        drafts.append(NewMessage{0, input.chatId, callerId, input.clientId, input.type,
            batch.texts[size_t(i)], input.replyToId, std::nullopt, batch.nowMs});
    }
    const bool anyToStore = !chatIds.isEmpty();
    if (anyToStore) {
        batch.rows = MessageRepository::encodeRows(drafts, m_database.isPostgres());
        batch.chatIds = chatIds.values();
    }
    Outcomes outcomes = checked;
    if (anyToStore) {
        // Batches commit in version order (the version lock). Their events are built after
        // the commit, outside the lock, and published in that order: the publishing turn is
        // taken before the commit and kept until they are out.
        std::unique_lock<QMutex> publishing(m_publishTurn, std::defer_lock);
        QHash<QString, QStringList> recipients; // chat id → its members, as the batch read them
        // One transaction for the whole batch: one version lock and one commit, however many.
        auto stored = m_database.transaction([&](QSqlDatabase &db) -> Result<Outcomes> {
            if (publishing.owns_lock())
                publishing.unlock(); // a retried transaction starts over
            Outcomes inTransaction = checked;
            recipients = storeBatch(db, requests, batch, inTransaction);
            publishing.lock();
            return inTransaction;
        });
        if (stored) {
            for (const auto &outcome : std::as_const(stored.value())) {
                if (outcome && *outcome && (*outcome)->created) {
                    const Message &message = (*outcome)->message;
                    m_events.publish(eventFor(QStringLiteral("message:new"), message.toJson(),
                        recipients.value(message.chatId)));
                }
            }
        }
        if (publishing.owns_lock())
            publishing.unlock();
        if (stored)
            outcomes = std::move(stored.value());
        else
            for (auto &outcome : outcomes)
                if (!outcome)
                    outcome = Result<SentMessage>(stored.error());
    }
    QList<Result<SentMessage>> results;
    results.reserve(requests.size());
    for (auto &outcome : outcomes) {
        if (*outcome && (*outcome)->created)
            m_stored.fetch_add(1, std::memory_order_relaxed);
        results.append(std::move(*outcome));
    }
    return results;
}

Result<MessagePage> MessageService::history(
    const QString &callerId, const QString &chatId, qint64 before, qint64 after, int limit)
{
    auto page = m_database.read([&](QSqlDatabase &db) -> Result<MessagePage> {
        ChatRepository chats(db);
        if (!ChatAccess::of(chats, chatId, callerId))
            return ChatAccess::chatNotFound();
        MessagePage page = MessageRepository(db).page(chatId, before, after, limit);
        page.messages = ChatViews(db, m_presence).messages(page.messages, callerId);
        return page;
    });
    // The page goes to a device: other people's messages in it that were only "sent" are
    // delivered now, up to the newest of them (a position, as with a realtime delivery).
    // The statuses in the page are the senders' ticks, theirs to hear of by message:delivered.
    if (!page)
        return page;
    qint64 newestSent = 0;
    for (const Message &message : std::as_const(page->messages)) {
        if (message.senderId != callerId && !message.deleted
            && message.status == message::statusSent)
            newestSent = qMax(newestSent, message.id);
    }
    if (newestSent > 0)
        markDeliveredMany({{callerId, chatId, newestSent}});
    return page;
}

Result<Message> MessageService::edit(const QString &callerId, qint64 messageId, const QString &text)
{
    const QString normalized = validation::normalizedMessageText(text);
    if (const auto problem = validation::checkMessageText(normalized))
        return *problem;
    return writeAndPublish<Message>(
        m_database, m_events, [&](QSqlDatabase &db, RealtimeEvents &events) -> Result<Message> {
            const qint64 version = VersionRepository(db).next();
            const auto access = messageAccess(db, messageId, callerId);
            if (!access)
                return access.error();
            const Message &original = access->message;
            if (original.senderId != callerId)
                return ApiError::forbidden(QStringLiteral("Only the sender can edit a message."));
            if (original.deleted)
                return messageDeleted();
            if (original.forwardedFrom)
                return ApiError::forbidden(
                    QStringLiteral("A forwarded message keeps its author's words."));
            const qint64 now = m_clock.nowMs();
            MessageRepository messages(db);
            messages.editText(messageId, normalized, now, version);
            ChatRepository chats(db);
            chats.touch(original.chatId, version, now);
            const Message edited
                = ChatViews(db, m_presence).message(*messages.find(messageId), callerId);
            events.append(eventFor(
                QStringLiteral("message:edit"), edited.toJson(), chats.memberIds(original.chatId)));
            return edited;
        });
}

Result<DeletedMessage> MessageService::remove(const QString &callerId, qint64 messageId)
{
    return writeAndPublish<DeletedMessage>(m_database, m_events,
        [&](QSqlDatabase &db, RealtimeEvents &events) -> Result<DeletedMessage> {
            const qint64 version = VersionRepository(db).next();
            const auto access = messageAccess(db, messageId, callerId);
            if (!access)
                return access.error();
            const Message &original = access->message;
            if (original.senderId != callerId && !access->chat.moderates())
                return ApiError::forbidden(QStringLiteral(
                    "Only the sender or the chat's admins and owners can delete a message."));
            if (original.deleted)
                return DeletedMessage{messageId, original.chatId, original.version};
            MessageRepository messages(db);
            messages.softDelete(messageId, version);
            ReactionRepository(db).removeAll(messageId);
            FileRepository(db).detachFromMessage(messageId); // its files are gone with it
            ChatRepository chats(db);
            if (access->chat.chat.lastMessageId == messageId)
                chats.setLastMessage(original.chatId, messages.newestLiveId(original.chatId));
            chats.touch(original.chatId, version, m_clock.nowMs());
            const DeletedMessage deleted{messageId, original.chatId, version};
            events.append(eventFor(QStringLiteral("message:delete"), deleted.toJson(),
                chats.memberIds(original.chatId)));
            return deleted;
        });
}

Result<QList<Message>> MessageService::forward(
    const QString &callerId, qint64 messageId, const QStringList &chatIds)
{
    QStringList targets;
    for (const QString &id : chatIds) {
        if (!targets.contains(id))
            targets.append(id);
    }
    if (targets.isEmpty() || targets.size() > limits::forwardMaxChats)
        return ApiError::invalidField(QStringLiteral("chatIds"),
            QStringLiteral("Forward to 1 to %1 chats.").arg(limits::forwardMaxChats));
    if (const auto limited = throttle(callerId, QString()))
        return *limited;
    auto copies = writeAndPublish<QList<Message>>(m_database, m_events,
        [&](QSqlDatabase &db, RealtimeEvents &events) -> Result<QList<Message>> {
            VersionRepository versions(db);
            qint64 version = versions.next();
            const auto access = messageAccess(db, messageId, callerId);
            if (!access)
                return access.error();
            const Message &original = access->message;
            if (original.deleted)
                return messageDeleted();
            ChatRepository chats(db);
            for (const QString &chatId : targets) {
                if (!ChatAccess::of(chats, chatId, callerId))
                    return ApiError{404, QStringLiteral("not_found"),
                        QStringLiteral("There is no such chat."), QStringLiteral("chatIds"), 0};
            }
            ChatViews views(db, m_presence);
            const ForwardedFrom origin = original.forwardedFrom.value_or(ForwardedFrom{original.id,
                original.chatId, original.senderId, views.user(original.senderId).displayName});
            MessageRepository messages(db);
            const qint64 now = m_clock.nowMs();
            QList<qint64> ids;
            QHash<QString, QStringList> members;
            for (const QString &chatId : targets) {
                if (!ids.isEmpty())
                    version = versions.next(); // each copy is a message of its own
                members.insert(chatId, chats.memberIds(chatId));
                messages.insert(NewMessage{version, chatId, callerId, security::random::uuid(),
                    original.type, original.text, 0, origin, now,
                    anotherMemberOnline(members.value(chatId), callerId)});
                FileRepository(db).copyAttachments(original.id, version);
                chats.recordActivity(chatId, version, now);
                chats.touch(chatId, version, now);
                ids.append(version);
            }
            const QList<Message> copies = views.messages(messages.byIds(ids), callerId);
            for (const Message &copy : copies)
                events.append(eventFor(
                    QStringLiteral("message:forward"), copy.toJson(), members.value(copy.chatId)));
            return copies;
        });
    if (copies)
        m_stored.fetch_add(quint64(copies->size()), std::memory_order_relaxed);
    return copies;
}

Result<ReactionUpdate> MessageService::react(
    const QString &callerId, qint64 messageId, const QString &emoji, bool add)
{
    if (const auto problem = validation::checkReaction(emoji))
        return *problem;
    return writeAndPublish<ReactionUpdate>(m_database, m_events,
        [&](QSqlDatabase &db, RealtimeEvents &events) -> Result<ReactionUpdate> {
            const qint64 version = VersionRepository(db).next();
            const auto access = messageAccess(db, messageId, callerId);
            if (!access)
                return access.error();
            const Message &original = access->message;
            if (original.deleted)
                return messageDeleted();
            ReactionRepository reactions(db);
            const auto mineNow = [&] {
                QStringList emoji;
                for (const ReactionTally &tally : reactions.tallies({messageId}).value(messageId)) {
                    if (tally.userIds.contains(callerId))
                        emoji.append(tally.emoji);
                }
                return emoji;
            };
            const QStringList mine = mineNow();
            if (add && !mine.contains(emoji) && mine.size() >= limits::reactionsPerUserMax)
                return ApiError::badRequest(QStringLiteral("too_many_reactions"),
                    QStringLiteral("One person can put at most %1 different reactions on a "
                                   "message.")
                        .arg(limits::reactionsPerUserMax),
                    QStringLiteral("emoji"));
            const bool changed = add ? reactions.add(messageId, callerId, emoji, m_clock.nowMs())
                                     : reactions.remove(messageId, callerId, emoji);
            ChatRepository chats(db);
            if (changed) {
                MessageRepository(db).touch(messageId, version);
                chats.touch(original.chatId, version, m_clock.nowMs());
            }
            const ReactionUpdate update{messageId, original.chatId,
                ReactionRepository::asSeenBy(
                    reactions.tallies({messageId}).value(messageId), callerId),
                changed ? version : original.version, callerId, emoji, add};
            if (changed)
                events.append(eventFor(QStringLiteral("reaction:update"), update.toJson(),
                    chats.memberIds(original.chatId)));
            return update;
        });
}

Result<QList<Message>> MessageService::search(
    const QString &callerId, const QString &chatId, const QString &query)
{
    const QString trimmed = query.trimmed();
    if (trimmed.isEmpty())
        return ApiError::badRequest(QStringLiteral("missing_field"),
            QStringLiteral("Type something to search for."), QStringLiteral("q"));
    if (validation::codePointCount(trimmed) > limits::searchQueryMaxChars)
        return ApiError::invalidField(
            QStringLiteral("q"), QStringLiteral("The search text is too long."));
    return m_database.read([&](QSqlDatabase &db) -> Result<QList<Message>> {
        ChatRepository chats(db);
        if (!chatId.isEmpty() && !ChatAccess::of(chats, chatId, callerId))
            return ChatAccess::chatNotFound();
        const QList<Message> found = MessageRepository(db).search(
            callerId, chatId, validation::foldedForSearch(trimmed), limits::messageSearchLimit);
        return ChatViews(db, m_presence).messages(found, callerId);
    });
}

Result<Done> MessageService::markRead(
    const QString &callerId, const QString &chatId, qint64 messageId)
{
    return advance(callerId, chatId, messageId, Position::Read);
}

Result<Done> MessageService::markDelivered(
    const QString &callerId, const QString &chatId, qint64 messageId)
{
    return advance(callerId, chatId, messageId, Position::Delivered);
}

void MessageService::markDeliveredMany(const QList<Delivery> &deliveries)
{
    // One report per chat and person, the furthest.
    QList<ChatRepository::DeliveredMove> reports;
    QHash<QPair<QString, QString>, qsizetype> reported;
    for (const Delivery &delivery : deliveries) {
        const auto key = qMakePair(delivery.chatId, delivery.userId);
        const auto seen = reported.constFind(key);
        if (seen == reported.cend()) {
            reported.insert(key, reports.size());
            reports.append({delivery.chatId, delivery.userId, 0, delivery.messageId});
        } else {
            auto &report = reports[*seen];
            report.toMessageId = qMax(report.toMessageId, delivery.messageId);
        }
    }
    if (reports.isEmpty())
        return;
    writeAndPublish<Done>(
        m_database, m_events, [&](QSqlDatabase &db, RealtimeEvents &events) -> Result<Done> {
            // A mark lost in a crash is only a late tick (the next report of the chat raises
            // the same messages): no wait for the disk while holding the version lock.
            db::Database::commitWithoutWaitingForDisk(db);
            ChatRepository chats(db);
            // Positions first, before the version lock that every writer of the server waits
            // for: they carry no version, and only ever move forward.
            const QList<ChatRepository::DeliveredMove> moves = chats.deliveredMoves(reports);
            if (moves.isEmpty())
                return Done{};
            chats.advanceDeliveredMany(moves);
            // The messages that become delivered: other people's, in a mover's range, not
            // delivered yet; read per chat over the union of its ranges.
            QHash<QString, QList<qsizetype>> movesInChat; // in report order
            for (qsizetype i = 0; i < moves.size(); ++i)
                movesInChat[moves.at(i).chatId].append(i);
            QList<MessageRepository::IdRange> ranges;
            for (auto it = movesInChat.cbegin(); it != movesInChat.cend(); ++it) {
                MessageRepository::IdRange range{it.key(), moves.at(it->first()).fromMessageId, 0};
                for (const qsizetype i : *it) {
                    range.afterId = qMin(range.afterId, moves.at(i).fromMessageId);
                    range.upToId = qMax(range.upToId, moves.at(i).toMessageId);
                }
                ranges.append(range);
            }
            MessageRepository messages(db);
            // Each goes to the first reader (in report order) whose range holds it, so the
            // sender hears of a delivery once, as if the reports were applied one by one.
            std::vector<bool> announced(size_t(moves.size()), false);
            QList<qint64> delivered;
            for (const auto &message :
                messages.withStatusBelow(ranges, MessageRepository::Delivered)) {
                for (const qsizetype i : movesInChat.value(message.chatId)) {
                    const auto &move = moves.at(i);
                    if (move.userId != message.senderId && message.id > move.fromMessageId
                        && message.id <= move.toMessageId) {
                        announced[size_t(i)] = true;
                        delivered.append(message.id);
                        break;
                    }
                }
            }
            if (delivered.isEmpty())
                return Done{};
            // Only now the version lock: statuses are raised where `status < delivered`, so one
            // raised meanwhile (read) is left alone.
            const qint64 version = VersionRepository(db).next();
            messages.setStatus(delivered, MessageRepository::Delivered, version);
            QStringList changedChats;
            for (auto it = movesInChat.cbegin(); it != movesInChat.cend(); ++it) {
                if (std::any_of(it->cbegin(), it->cend(),
                        [&](qsizetype i) { return announced[size_t(i)]; }))
                    changedChats.append(it.key());
            }
            chats.touchMany(changedChats, version, m_clock.nowMs());
            const QHash<QString, QStringList> members = m_memberLists.membersOf(db, changedChats);
            for (qsizetype i = 0; i < moves.size(); ++i) {
                if (!announced[size_t(i)])
                    continue;
                const auto &move = moves.at(i);
                events.append(eventFor(QStringLiteral("message:delivered"),
                    QJsonObject{{QStringLiteral("chatId"), move.chatId},
                        {QStringLiteral("userId"), move.userId},
                        {QStringLiteral("messageId"), move.toMessageId},
                        {QStringLiteral("version"), version}},
                    members.value(move.chatId)));
            }
            return Done{};
        });
}

Result<Done> MessageService::advance(
    const QString &callerId, const QString &chatId, qint64 messageId, Position position)
{
    const auto current = [&](const MemberRecord &member) {
        return position == Position::Read ? member.readMessageId : member.deliveredMessageId;
    };
    // A cheap look first: most reports move nothing, and then take no version.
    const auto moves = m_database.read([&](QSqlDatabase &db) -> Result<bool> {
        ChatRepository chats(db);
        const auto member = chats.member(chatId, callerId);
        if (!member)
            return ChatAccess::chatNotFound();
        const auto message = MessageRepository(db).find(messageId);
        if (!message || message->chatId != chatId)
            return notInThisChat(QStringLiteral("messageId"));
        return messageId > current(*member);
    });
    if (!moves || !moves.value())
        return moves ? Result<Done>(Done{}) : Result<Done>(moves.error());

    return writeAndPublish<Done>(
        m_database, m_events, [&](QSqlDatabase &db, RealtimeEvents &events) -> Result<Done> {
            const qint64 version = VersionRepository(db).next();
            ChatRepository chats(db);
            const auto member = chats.member(chatId, callerId);
            if (!member)
                return ChatAccess::chatNotFound();
            const qint64 from = current(*member);
            if (messageId <= from)
                return Done{};
            const bool read = position == Position::Read;
            if (read)
                chats.advanceRead(chatId, callerId, messageId);
            else
                chats.advanceDelivered(chatId, callerId, messageId);
            const int raised = MessageRepository(db).raiseStatus(chatId, callerId, from, messageId,
                read ? MessageRepository::Read : MessageRepository::Delivered, version);
            // A read moves the reader's unread count; a delivery matters only to senders.
            if (!read && raised == 0)
                return Done{};
            chats.touch(chatId, version, m_clock.nowMs());
            events.append(eventFor(
                read ? QStringLiteral("message:read") : QStringLiteral("message:delivered"),
                QJsonObject{{QStringLiteral("chatId"), chatId},
                    {QStringLiteral("userId"), callerId}, {QStringLiteral("messageId"), messageId},
                    {QStringLiteral("version"), version}},
                chats.memberIds(chatId)));
            return Done{};
        });
}

} // namespace kocmoc
