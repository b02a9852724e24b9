#include "ChatListModel.h"

#include "RestClient.h"
#include "UserProfile.h"

#include <QDateTime>

using namespace kocmoc;

namespace {

QDateTime dateTimeOf(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms) : QDateTime();
}

} // namespace

ChatListModel::ChatListModel(QObject *parent)
    : QAbstractListModel(parent)
{
    // Every change of a chat is announced by chatChanged, removals and resets included.
    connect(this, &ChatListModel::chatChanged, this, &ChatListModel::updateUnreadTotal);
    connect(this, &QAbstractItemModel::modelReset, this, &ChatListModel::updateUnreadTotal);
}

void ChatListModel::updateUnreadTotal()
{
    int total = 0;
    for (const Chat &chat : std::as_const(m_chats))
        total += chat.unreadCount;
    if (total == m_unreadTotal)
        return;
    m_unreadTotal = total;
    emit unreadTotalChanged();
}

int ChatListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_chats.size());
}

QHash<int, QByteArray> ChatListModel::roleNames() const
{
    return {{ChatIdRole, "chatId"}, {TitleRole, "title"}, {IsGroupRole, "isGroup"},
        {AvatarUrlRole, "avatarUrl"}, {AvatarKeyRole, "avatarKey"}, {InitialsRole, "initials"},
        {LastMessageTextRole, "lastMessageText"}, {LastMessageTypeRole, "lastMessageType"},
        {LastMessageMineRole, "lastMessageMine"}, {LastMessageStatusRole, "lastMessageStatus"},
        {LastSenderNameRole, "lastSenderName"}, {LastActivityRole, "lastActivity"},
        {UnreadCountRole, "unreadCount"}, {OnlineRole, "online"}, {LastSeenRole, "lastSeen"},
        {TypingNamesRole, "typingNames"}, {MemberCountRole, "memberCount"},
        {OtherUserIdRole, "otherUserId"}, {SearchTextRole, "searchText"}, {MyRoleRole, "myRole"}};
}

const ChatMember *ChatListModel::otherMember(const Chat &chat) const
{
    for (const ChatMember &member : chat.members) {
        if (member.user.id != m_currentUserId)
            return &member;
    }
    return nullptr;
}

QVariant ChatListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Chat &chat = m_chats.at(index.row());
    const bool group = chat.type == chat::typeGroup;
    const ChatMember *other = group ? nullptr : otherMember(chat);
    switch (role) {
    case ChatIdRole:
        return chat.id;
    case TitleRole:
        if (group || !other)
            return chat.title;
        return other->user.displayName.isEmpty() ? other->user.username : other->user.displayName;
    case IsGroupRole:
        return group;
    case AvatarUrlRole:
        return fileUrl(group || !other ? chat.avatarUrl : other->user.avatarUrl);
    case AvatarKeyRole:
        return group || !other ? chat.id : other->user.id;
    case InitialsRole: {
        if (group || !other) {
            User named;
            named.displayName = chat.title;
            return UserProfile(named).initials();
        }
        return UserProfile(other->user).initials();
    }
    case LastMessageTextRole:
        return chat.lastMessage ? chat.lastMessage->text : QString();
    case LastMessageTypeRole:
        return chat.lastMessage ? chat.lastMessage->type : QString();
    case LastMessageMineRole:
        return chat.lastMessage && chat.lastMessage->senderId == m_currentUserId;
    case LastMessageStatusRole:
        return chat.lastMessage ? chat.lastMessage->status : QString();
    case LastSenderNameRole:
        return chat.lastMessage ? memberName(chat.id, chat.lastMessage->senderId) : QString();
    case LastActivityRole:
        return dateTimeOf(activityOf(chat));
    case UnreadCountRole:
        return chat.unreadCount;
    case OnlineRole:
        return other && other->user.online;
    case LastSeenRole:
        return other ? dateTimeOf(other->user.lastSeenAtMs) : QDateTime();
    case TypingNamesRole:
        return m_typing.value(chat.id);
    case MemberCountRole:
        return int(chat.members.size());
    case OtherUserIdRole:
        return other ? other->user.id : QString();
    case SearchTextRole: {
        QString text = data(index, TitleRole).toString();
        if (other)
            text += QLatin1Char(' ') + other->user.username;
        return text;
    }
    case MyRoleRole:
        return chat.myRole;
    default:
        return {};
    }
}

qint64 ChatListModel::activityOf(const Chat &chat)
{
    return chat.lastMessage ? std::max(chat.lastMessage->createdAtMs, chat.createdAtMs)
                            : chat.createdAtMs;
}

void ChatListModel::reset(const QList<Chat> &chats)
{
    beginResetModel();
    m_chats = chats;
    std::stable_sort(m_chats.begin(), m_chats.end(),
        [](const Chat &a, const Chat &b) { return activityOf(a) > activityOf(b); });
    m_typing.clear();
    endResetModel();
    emit countChanged();
    for (const Chat &chat : std::as_const(m_chats))
        emit chatChanged(chat.id);
}

int ChatListModel::indexOf(const QString &chatId) const
{
    for (int i = 0; i < m_chats.size(); ++i) {
        if (m_chats.at(i).id == chatId)
            return i;
    }
    return -1;
}

const Chat *ChatListModel::chat(const QString &chatId) const
{
    const int row = indexOf(chatId);
    return row < 0 ? nullptr : &m_chats.at(row);
}

QString ChatListModel::memberName(const QString &chatId, const QString &userId) const
{
    const Chat *found = chat(chatId);
    if (!found)
        return {};
    for (const ChatMember &member : found->members) {
        if (member.user.id == userId)
            return member.user.displayName.isEmpty() ? member.user.username
                                                     : member.user.displayName;
    }
    return {};
}

QString ChatListModel::fileUrl(const QString &path) const
{
    if (path.isEmpty())
        return {};
    const QUrl url(path);
    return (url.isRelative() ? RestClient::urlFor(m_serverUrl, path) : url).toString();
}

QString ChatListModel::memberAvatarUrl(const QString &chatId, const QString &userId) const
{
    if (const Chat *found = chat(chatId)) {
        for (const ChatMember &member : found->members) {
            if (member.user.id == userId)
                return fileUrl(member.user.avatarUrl);
        }
    }
    return {};
}

QVariantMap ChatListModel::get(const QString &chatId) const
{
    QVariantMap values;
    const int row = indexOf(chatId);
    if (row < 0)
        return values;
    const QHash<int, QByteArray> names = roleNames();
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        values.insert(QString::fromLatin1(it.value()), data(index(row), it.key()));
    return values;
}

void ChatListModel::upsert(const Chat &chat)
{
    const int row = indexOf(chat.id);
    if (row < 0) {
        int at = 0;
        while (at < m_chats.size() && activityOf(m_chats.at(at)) >= activityOf(chat))
            ++at;
        beginInsertRows({}, at, at);
        m_chats.insert(at, chat);
        endInsertRows();
        emit countChanged();
        emit chatChanged(chat.id);
        return;
    }
    if (chat.version < m_chats.at(row).version)
        return;
    m_chats[row] = chat;
    changed(row);
    reposition(row);
}

void ChatListModel::remove(const QString &chatId)
{
    const int row = indexOf(chatId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_chats.removeAt(row);
    endRemoveRows();
    m_typing.remove(chatId);
    emit countChanged();
    emit chatChanged(chatId);
}

void ChatListModel::applyMessage(const Message &message, bool countsAsUnread)
{
    const int row = indexOf(message.chatId);
    if (row < 0)
        return;
    Chat &chat = m_chats[row];
    const bool newer = !chat.lastMessage || message.id >= chat.lastMessage->id;
    if (newer) {
        if (message.deleted && chat.lastMessage && chat.lastMessage->id == message.id)
            chat.lastMessage.reset(); // Messenger asks the server for the one before it
        else if (!message.deleted)
            chat.lastMessage = message;
    }
    if (countsAsUnread)
        ++chat.unreadCount;
    changed(row);
    reposition(row);
}

void ChatListModel::setUnreadCount(const QString &chatId, int count)
{
    const int row = indexOf(chatId);
    if (row < 0 || m_chats.at(row).unreadCount == count)
        return;
    m_chats[row].unreadCount = count;
    changed(row);
}

void ChatListModel::setPresence(const QString &userId, bool online, qint64 lastSeenAtMs)
{
    for (int row = 0; row < m_chats.size(); ++row) {
        bool touched = false;
        for (ChatMember &member : m_chats[row].members) {
            if (member.user.id == userId) {
                member.user.online = online;
                if (lastSeenAtMs > 0)
                    member.user.lastSeenAtMs = lastSeenAtMs;
                touched = true;
            }
        }
        if (touched)
            changed(row);
    }
}

void ChatListModel::setTypingNames(const QString &chatId, const QStringList &names)
{
    if (m_typing.value(chatId) == names)
        return;
    if (names.isEmpty())
        m_typing.remove(chatId);
    else
        m_typing.insert(chatId, names);
    const int row = indexOf(chatId);
    if (row >= 0)
        changed(row);
}

void ChatListModel::setLastMessageStatus(
    const QString &chatId, qint64 upToMessageId, const QString &status)
{
    const int row = indexOf(chatId);
    if (row < 0)
        return;
    auto &last = m_chats[row].lastMessage;
    if (!last || last->id > upToMessageId || last->senderId != m_currentUserId
        || last->status == message::statusRead)
        return;
    last->status = status;
    changed(row);
}

void ChatListModel::changed(int row)
{
    emit dataChanged(index(row), index(row));
    emit chatChanged(m_chats.at(row).id);
}

void ChatListModel::reposition(int row)
{
    const qint64 activity = activityOf(m_chats.at(row));
    int target = 0;
    while (target < m_chats.size() && (target == row || activityOf(m_chats.at(target)) > activity))
        ++target;
    // target counts rows before which it belongs, itself excluded.
    int destination = target;
    if (destination > row)
        --destination;
    if (destination == row)
        return;
    beginMoveRows({}, row, row, {}, destination > row ? destination + 1 : destination);
    m_chats.move(row, destination);
    endMoveRows();
}
