#include "MemberListModel.h"

#include "Messenger.h"
#include "UserProfile.h"

#include <QDateTime>

using namespace kocmoc;

MemberListModel::MemberListModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

int MemberListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_members.size());
}

QHash<int, QByteArray> MemberListModel::roleNames() const
{
    return {{UserIdRole, "userId"}, {DisplayNameRole, "displayName"}, {UsernameRole, "username"},
        {AvatarUrlRole, "avatarUrl"}, {InitialsRole, "initials"}, {RoleRole, "role"},
        {OnlineRole, "online"}, {LastSeenRole, "lastSeen"}, {IsMeRole, "isMe"}};
}

QVariant MemberListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const ChatMember &member = m_members.at(index.row());
    switch (role) {
    case UserIdRole:
        return member.user.id;
    case DisplayNameRole:
        return member.user.displayName;
    case UsernameRole:
        return member.user.username;
    case AvatarUrlRole:
        return m_messenger ? m_messenger->chats()->fileUrl(member.user.avatarUrl) : QString();
    case InitialsRole:
        return UserProfile(member.user).initials();
    case RoleRole:
        return member.role;
    case OnlineRole:
        return member.user.online;
    case LastSeenRole:
        return member.user.lastSeenAtMs > 0
            ? QDateTime::fromMSecsSinceEpoch(member.user.lastSeenAtMs)
            : QDateTime();
    case IsMeRole:
        return m_messenger && member.user.id == m_messenger->currentUserId();
    default:
        return {};
    }
}

int MemberListModel::onlineCount() const
{
    return int(std::count_if(m_members.cbegin(), m_members.cend(),
        [](const ChatMember &member) { return member.user.online; }));
}

QStringList MemberListModel::userIds() const
{
    QStringList ids;
    ids.reserve(m_members.size());
    for (const ChatMember &member : m_members)
        ids.append(member.user.id);
    return ids;
}

void MemberListModel::setMessenger(Messenger *messenger)
{
    if (messenger == m_messenger)
        return;
    if (m_messenger)
        m_messenger->chats()->disconnect(this);
    m_messenger = messenger;
    if (m_messenger)
        connect(
            m_messenger->chats(), &ChatListModel::chatChanged, this, [this](const QString &chatId) {
                if (chatId == m_chatId)
                    reload();
            });
    emit messengerChanged();
    reload();
}

void MemberListModel::setChatId(const QString &chatId)
{
    if (chatId == m_chatId)
        return;
    m_chatId = chatId;
    emit chatIdChanged();
    reload();
}

void MemberListModel::reload()
{
    const Chat *chat = m_messenger ? m_messenger->chats()->chat(m_chatId) : nullptr;
    const QList<ChatMember> members = chat ? chat->members : QList<ChatMember>();
    if (members == m_members)
        return;
    beginResetModel();
    m_members = members;
    endResetModel();
    emit countChanged();
}
