#include "MessageListModel.h"

#include "Messenger.h"
#include "RestClient.h"
#include "UserProfile.h"

#include <QDateTime>
#include <QJsonArray>

using namespace kocmoc;

MessageListModel::MessageListModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QHash<int, QByteArray> MessageListModel::roleNames() const
{
    return {{MessageIdRole, "messageId"}, {ClientIdRole, "clientId"}, {SenderIdRole, "senderId"},
        {SenderNameRole, "senderName"}, {SenderInitialsRole, "senderInitials"},
        {IsMineRole, "isMine"}, {TypeRole, "type"}, {TextRole, "text"},
        {CreatedAtRole, "createdAt"}, {StatusRole, "status"}, {EditedRole, "edited"},
        {DeletedRole, "deleted"}, {ReplyToIdRole, "replyToId"},
        {ReplyToSenderNameRole, "replyToSenderName"}, {ReplyToTextRole, "replyToText"},
        {ForwardedFromNameRole, "forwardedFromName"}, {ReactionsRole, "reactions"},
        {ShowDateRole, "showDate"}, {FirstInGroupRole, "firstInGroup"},
        {SenderAvatarUrlRole, "senderAvatarUrl"}, {FilesRole, "files"}, {UploadRole, "upload"}};
}

bool MessageListModel::sameDay(int row, int olderRow) const
{
    if (olderRow >= m_rows.size())
        return false;
    const QDate day = QDateTime::fromMSecsSinceEpoch(m_rows.at(row).message.createdAtMs).date();
    return day == QDateTime::fromMSecsSinceEpoch(m_rows.at(olderRow).message.createdAtMs).date();
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const int row = index.row();
    const Row &item = m_rows.at(row);
    const Message &message = item.message;
    const QString me = m_messenger ? m_messenger->currentUserId() : QString();
    const auto nameOf = [this](const QString &userId) {
        return m_messenger ? m_messenger->chats()->memberName(m_chatId, userId) : QString();
    };
    switch (role) {
    case MessageIdRole:
        return message.id;
    case ClientIdRole:
        return message.clientId;
    case SenderIdRole:
        return message.senderId;
    case SenderNameRole:
        return nameOf(message.senderId);
    case SenderInitialsRole: {
        User sender;
        sender.displayName = nameOf(message.senderId);
        return UserProfile(sender).initials();
    }
    case SenderAvatarUrlRole:
        return m_messenger ? m_messenger->chats()->memberAvatarUrl(m_chatId, message.senderId)
                           : QString();
    case IsMineRole:
        return message.senderId == me;
    case TypeRole:
        return message.type;
    case TextRole:
        return message.text;
    case CreatedAtRole:
        return QDateTime::fromMSecsSinceEpoch(message.createdAtMs);
    case StatusRole:
        if (item.failed)
            return QStringLiteral("failed");
        if (item.pending)
            return QStringLiteral("pending");
        return message.status;
    case EditedRole:
        return message.editedAtMs > 0;
    case DeletedRole:
        return message.deleted;
    case ReplyToIdRole:
        return message.replyTo ? message.replyTo->id : 0;
    case ReplyToSenderNameRole:
        return message.replyTo ? nameOf(message.replyTo->senderId) : QString();
    case ReplyToTextRole: {
        if (!message.replyTo)
            return QString();
        if (!message.replyTo->text.isEmpty())
            return message.replyTo->text;
        // A pending reply knows only the id: the text comes from the loaded message.
        const int repliedRow = rowOf(message.replyTo->id);
        return repliedRow >= 0 ? m_rows.at(repliedRow).message.text : QString();
    }
    case ForwardedFromNameRole:
        return message.forwardedFrom ? message.forwardedFrom->senderName : QString();
    case ReactionsRole: {
        QVariantList reactions;
        for (const Reaction &reaction : message.reactions)
            reactions.append(QVariantMap{{QStringLiteral("emoji"), reaction.emoji},
                {QStringLiteral("count"), reaction.count},
                {QStringLiteral("mine"), reaction.mine}});
        return reactions;
    }
    case ShowDateRole:
        // The oldest loaded message gets one only when nothing older exists.
        return row + 1 < m_rows.size() ? !sameDay(row, row + 1) : !m_hasMore;
    case FirstInGroupRole:
        return row + 1 >= m_rows.size() || !sameDay(row, row + 1)
            || m_rows.at(row + 1).message.senderId != message.senderId;
    case FilesRole:
        return filesOf(message);
    case UploadRole:
        return QVariant::fromValue(static_cast<QObject *>(item.upload.data()));
    default:
        return {};
    }
}

void MessageListModel::setMessenger(Messenger *messenger)
{
    if (messenger == m_messenger)
        return;
    if (m_messenger)
        m_messenger->disconnect(this);
    m_messenger = messenger;
    if (m_messenger) {
        connect(m_messenger, &Messenger::messageUpserted, this, [this](const Message &message) {
            if (message.chatId == m_chatId)
                upsert(message);
        });
        connect(m_messenger, &Messenger::messageDeleted, this,
            [this](const QString &chatId, qint64 id, qint64 version) {
                if (chatId != m_chatId)
                    return;
                const int row = rowOf(id);
                if (row < 0)
                    return;
                Message &message = m_rows[row].message;
                message.deleted = true;
                message.text.clear();
                message.files = {};
                message.reactions.clear();
                message.version = std::max(message.version, version);
                rowChanged(row);
            });
        connect(m_messenger, &Messenger::reactionsUpdated, this, &MessageListModel::applyReactions);
        connect(m_messenger, &Messenger::receiptMoved, this,
            [this](const QString &chatId, qint64 upTo, const QString &status) {
                if (chatId == m_chatId)
                    applyReceipt(upTo, status);
            });
        connect(m_messenger, &Messenger::pendingAdded, this, &MessageListModel::addPending);
        connect(m_messenger, &Messenger::pendingFailed, this, &MessageListModel::markFailed);
        connect(m_messenger, &Messenger::uploadAdded, this, &MessageListModel::addUpload);
        connect(
            m_messenger->chats(), &ChatListModel::chatChanged, this, [this](const QString &chatId) {
                // Member names may have changed: the name roles follow.
                if (chatId == m_chatId && !m_rows.isEmpty())
                    emit dataChanged(index(0), index(int(m_rows.size()) - 1),
                        {SenderNameRole, SenderInitialsRole, SenderAvatarUrlRole,
                            ReplyToSenderNameRole});
            });
    }
    emit messengerChanged();
    reload();
}

void MessageListModel::setChatId(const QString &chatId)
{
    if (chatId == m_chatId)
        return;
    m_chatId = chatId;
    emit chatIdChanged();
    reload();
}

void MessageListModel::reload()
{
    ++m_generation;
    beginResetModel();
    m_rows.clear();
    if (m_messenger && !m_chatId.isEmpty()) {
        // The cache first, newest first, then the outbox on top.
        const QList<Message> recent = m_messenger->recentMessages(m_chatId);
        for (auto it = recent.crbegin(); it != recent.crend(); ++it)
            m_rows.append(Row{*it});
        const QList<OutboxEntry> pending = m_messenger->pendingFor(m_chatId);
        for (const OutboxEntry &entry : pending)
            m_rows.prepend(Row{entry.toMessage(m_messenger->currentUserId()), true, entry.failed});
        const QList<AttachmentSender *> uploads = m_messenger->uploadsFor(m_chatId);
        for (AttachmentSender *upload : uploads) {
            m_rows.prepend(uploadRow(upload));
            followUpload(upload);
        }
    }
    endResetModel();
    emit countChanged();
    setHasMore(false);
    setLoading(false);
    loadNewest();
}

void MessageListModel::loadNewest()
{
    if (!m_messenger || m_chatId.isEmpty() || !m_messenger->rest())
        return;
    setLoading(true);
    const quint64 generation = m_generation;
    m_messenger->rest()->send("GET",
        QStringLiteral("/api/chats/%1/messages?limit=%2").arg(m_chatId).arg(pageSize),
        QJsonValue(QJsonValue::Undefined), RestClient::Auth::Bearer, this,
        [this, generation](const RestResponse &response) {
            if (generation != m_generation)
                return;
            setLoading(false);
            if (!response.ok())
                return; // offline: the cached messages stay
            const QJsonObject page = response.object();
            QList<Message> messages;
            for (const QJsonValue &value : page.value(QStringLiteral("messages")).toArray())
                messages.append(Message::fromJson(value.toObject()));
            // Older cached rows that the page does not reach may have gaps before them;
            // the page is the truth about the newest stretch.
            const qint64 oldestOnPage = messages.isEmpty() ? 0 : messages.first().id;
            for (int row = int(m_rows.size()) - 1; row >= 0 && oldestOnPage > 0; --row) {
                if (!m_rows.at(row).pending && m_rows.at(row).message.id < oldestOnPage) {
                    beginRemoveRows({}, row, row);
                    m_rows.removeAt(row);
                    endRemoveRows();
                }
            }
            for (const Message &message : std::as_const(messages))
                upsert(message);
            setHasMore(page.value(QStringLiteral("hasMore")).toBool());
            emit countChanged();
            m_messenger->keepRecent(messages);
        });
}

void MessageListModel::loadOlder()
{
    if (!m_messenger || m_chatId.isEmpty() || m_loading || !m_hasMore || m_rows.isEmpty())
        return;
    qint64 oldest = 0;
    for (auto it = m_rows.crbegin(); it != m_rows.crend(); ++it) {
        if (it->message.id > 0) {
            oldest = it->message.id;
            break;
        }
    }
    if (oldest == 0)
        return;
    setLoading(true);
    const quint64 generation = m_generation;
    m_messenger->rest()->send("GET",
        QStringLiteral("/api/chats/%1/messages?before=%2&limit=%3")
            .arg(m_chatId)
            .arg(oldest)
            .arg(pageSize),
        QJsonValue(QJsonValue::Undefined), RestClient::Auth::Bearer, this,
        [this, generation](const RestResponse &response) {
            if (generation != m_generation)
                return;
            setLoading(false);
            if (!response.ok())
                return;
            const QJsonObject page = response.object();
            const QJsonArray messages = page.value(QStringLiteral("messages")).toArray();
            // Oldest first on the wire: appended from the newest down.
            QList<Row> older;
            for (qsizetype i = messages.size() - 1; i >= 0; --i) {
                const Message message = Message::fromJson(messages.at(i).toObject());
                if (rowOf(message.id) < 0)
                    older.append(Row{message});
            }
            const bool hadMore = m_hasMore;
            m_hasMore = page.value(QStringLiteral("hasMore")).toBool();
            if (!older.isEmpty()) {
                const int first = int(m_rows.size());
                beginInsertRows({}, first, first + int(older.size()) - 1);
                m_rows.append(older);
                endInsertRows();
                if (first > 0)
                    rowChanged(first - 1); // its date separator and grouping may change
                emit countChanged();
            }
            if (hadMore != m_hasMore)
                emit hasMoreChanged();
        });
}

int MessageListModel::rowOf(qint64 messageId) const
{
    if (messageId <= 0)
        return -1;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).message.id == messageId)
            return row;
    }
    return -1;
}

int MessageListModel::rowOfClientId(const QString &clientId) const
{
    if (clientId.isEmpty())
        return -1;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).message.clientId == clientId)
            return row;
    }
    return -1;
}

QList<int> MessageListModel::rowsMatching(const QString &query) const
{
    QList<int> rows;
    const QString needle = query.trimmed();
    if (needle.isEmpty())
        return rows;
    for (int row = 0; row < m_rows.size(); ++row) {
        const Message &message = m_rows.at(row).message;
        if (!message.deleted && message.text.contains(needle, Qt::CaseInsensitive))
            rows.append(row);
    }
    return rows;
}

void MessageListModel::upsert(const Message &message)
{
    int row = rowOf(message.id);
    if (row < 0 && message.senderId == (m_messenger ? m_messenger->currentUserId() : QString()))
        row = rowOfClientId(message.clientId);
    if (row >= 0) {
        Row &item = m_rows[row];
        if (!item.pending && message.version < item.message.version)
            return;
        const bool wasPending = item.pending;
        item = Row{message};
        if (!wasPending) {
            rowChanged(row);
            return;
        }
        // The server's copy of a pending message: its place is now decided by its id.
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    }
    int at = 0;
    while (at < m_rows.size() && (m_rows.at(at).pending || m_rows.at(at).message.id > message.id))
        ++at;
    if (at == m_rows.size() && m_hasMore && !m_rows.isEmpty())
        return; // older than everything loaded: paging will bring it
    insertRow(at, Row{message});
}

void MessageListModel::addPending(const OutboxEntry &entry)
{
    if (entry.chatId != m_chatId || rowOfClientId(entry.clientId) >= 0)
        return;
    insertRow(0, Row{entry.toMessage(m_messenger->currentUserId()), true, false});
}

void MessageListModel::markFailed(const OutboxEntry &entry)
{
    const int row = rowOfClientId(entry.clientId);
    if (row < 0 || !m_rows.at(row).pending)
        return;
    m_rows[row].failed = true;
    rowChanged(row);
}

MessageListModel::Row MessageListModel::uploadRow(AttachmentSender *upload) const
{
    Message message;
    message.chatId = upload->chatId();
    message.clientId = upload->clientId();
    message.senderId = m_messenger ? m_messenger->currentUserId() : QString();
    message.type = upload->type();
    message.text = upload->text();
    message.files = QJsonArray{upload->localFile()};
    message.createdAtMs = upload->createdAtMs();
    if (upload->replyToId() > 0)
        message.replyTo = MessageReply{upload->replyToId(), {}, {}};
    return Row{message, true, upload->state() == AttachmentSender::State::Failed, upload};
}

void MessageListModel::addUpload(AttachmentSender *upload)
{
    if (upload->chatId() != m_chatId)
        return;
    followUpload(upload);
    if (rowOfClientId(upload->clientId()) < 0)
        insertRow(0, uploadRow(upload));
}

void MessageListModel::followUpload(AttachmentSender *upload)
{
    disconnect(upload, &AttachmentSender::stateChanged, this, nullptr); // once per upload
    connect(upload, &AttachmentSender::stateChanged, this, [this, upload] {
        const int row = rowOfClientId(upload->clientId());
        if (row < 0 || !m_rows.at(row).pending)
            return;
        if (upload->state() == AttachmentSender::State::Cancelled) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
            if (row > 0)
                rowChanged(row - 1);
            emit countChanged();
            return;
        }
        const bool failed = upload->state() == AttachmentSender::State::Failed;
        if (failed != m_rows.at(row).failed) {
            m_rows[row].failed = failed;
            rowChanged(row);
        }
    });
}

QVariantList MessageListModel::filesOf(const Message &message) const
{
    QVariantList files;
    for (const QJsonValue &value : message.files) {
        QVariantMap file = value.toObject().toVariantMap();
        // Signed paths on the server become URLs an Image or a MediaPlayer can load.
        for (const QString &key : {QStringLiteral("url"), QStringLiteral("thumbnailUrl")}) {
            const QString path = file.value(key).toString();
            if (!path.isEmpty() && m_messenger && m_messenger->api())
                file.insert(key, m_messenger->api()->fileUrl(path).toString());
        }
        files.append(file);
    }
    return files;
}

void MessageListModel::applyReactions(const QJsonObject &update)
{
    if (update.value(QStringLiteral("chatId")).toString() != m_chatId)
        return;
    const int row = rowOf(update.value(QStringLiteral("messageId")).toInteger());
    if (row < 0)
        return;
    Message &message = m_rows[row].message;
    const qint64 version = update.value(QStringLiteral("version")).toInteger();
    if (version < message.version)
        return;
    // The counts are everyone's; "mine" is the reacting person's, so only theirs counts here
    // when that is us. Everybody else keeps what they had.
    const bool byMe = update.value(QStringLiteral("userId")).toString()
        == (m_messenger ? m_messenger->currentUserId() : QString());
    QList<Reaction> reactions;
    for (const QJsonValue &value : update.value(QStringLiteral("reactions")).toArray()) {
        Reaction reaction = Reaction::fromJson(value.toObject());
        if (!byMe) {
            reaction.mine = std::any_of(message.reactions.cbegin(), message.reactions.cend(),
                [&reaction](
                    const Reaction &held) { return held.emoji == reaction.emoji && held.mine; });
        }
        reactions.append(reaction);
    }
    message.reactions = reactions;
    message.version = version;
    rowChanged(row);
}

void MessageListModel::applyReceipt(qint64 upToMessageId, const QString &status)
{
    const QString me = m_messenger ? m_messenger->currentUserId() : QString();
    for (int row = 0; row < m_rows.size(); ++row) {
        Message &message = m_rows[row].message;
        if (m_rows.at(row).pending || message.senderId != me || message.id > upToMessageId
            || message.status == message::statusRead || message.status == status)
            continue;
        message.status = status;
        emit dataChanged(index(row), index(row), {StatusRole});
    }
}

void MessageListModel::insertRow(int row, const Row &value)
{
    beginInsertRows({}, row, row);
    m_rows.insert(row, value);
    endInsertRows();
    if (row > 0)
        rowChanged(row - 1); // the newer neighbour's separator and grouping
    emit countChanged();
}

void MessageListModel::rowChanged(int row)
{
    emit dataChanged(index(row), index(row));
}

void MessageListModel::setLoading(bool loading)
{
    if (loading == m_loading)
        return;
    m_loading = loading;
    emit loadingChanged();
}

void MessageListModel::setHasMore(bool hasMore)
{
    if (hasMore == m_hasMore)
        return;
    m_hasMore = hasMore;
    emit hasMoreChanged();
    if (!m_rows.isEmpty())
        rowChanged(int(m_rows.size()) - 1);
}
