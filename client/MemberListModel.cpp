#include "MemberListModel.h"

#include "ErrorMessages.h"
#include "Messenger.h"

#include <QDateTime>
#include <QJsonObject>

using namespace kocmoc;

MemberListModel::MemberListModel(QObject *parent)
    : UserListModel(parent)
{ }

QString MemberListModel::absoluteFileUrl(const QString &path) const
{
    return m_messenger ? m_messenger->chats()->fileUrl(path) : QString();
}

QHash<int, QByteArray> MemberListModel::ownRoleNames() const
{
    return {{RoleRole, "role"}, {LastSeenRole, "lastSeen"}, {IsMeRole, "isMe"},
        {CanChangeRoleRole, "canChangeRole"}, {CanRemoveRole, "canRemove"},
        {ChangingRole, "changing"}};
}

QVariant MemberListModel::ownData(int row, int role) const
{
    const ChatMember &chatMember = m_members.at(row);
    switch (role) {
    case RoleRole:
        return chatMember.role;
    case LastSeenRole:
        return chatMember.user.lastSeenAtMs > 0
            ? QDateTime::fromMSecsSinceEpoch(chatMember.user.lastSeenAtMs)
            : QDateTime();
    case IsMeRole:
        return m_messenger && chatMember.user.id == m_messenger->currentUserId();
    case CanChangeRoleRole:
        return canChangeRole(chatMember);
    case CanRemoveRole:
        return canRemove(chatMember);
    case ChangingRole:
        return m_changing.contains(chatMember.user.id);
    default:
        return {};
    }
}

int MemberListModel::onlineCount() const
{
    return int(std::count_if(m_members.cbegin(), m_members.cend(),
        [](const ChatMember &chatMember) { return chatMember.user.online; }));
}

QString MemberListModel::myRole() const
{
    if (!m_messenger)
        return {};
    for (const ChatMember &chatMember : m_members) {
        if (chatMember.user.id == m_messenger->currentUserId())
            return chatMember.role;
    }
    return {};
}

bool MemberListModel::canChangeRole(const ChatMember &chatMember) const
{
    // Owners only; other owners keep their role here (handing over ownership is not offered).
    const Chat *shown = m_messenger ? m_messenger->chats()->chat(m_chatId) : nullptr;
    return shown && shown->type == chat::typeGroup && myRole() == chat::roleOwner
        && chatMember.user.id != m_messenger->currentUserId() && chatMember.role != chat::roleOwner;
}

bool MemberListModel::canRemove(const ChatMember &chatMember) const
{
    // Owners and admins remove people, an admin not an owner; oneself leaves instead.
    const Chat *shown = m_messenger ? m_messenger->chats()->chat(m_chatId) : nullptr;
    if (!shown || shown->type != chat::typeGroup
        || chatMember.user.id == m_messenger->currentUserId())
        return false;
    const QString mine = myRole();
    return mine == chat::roleOwner
        || (mine == chat::roleAdmin && chatMember.role != chat::roleOwner);
}

QStringList MemberListModel::userIds() const
{
    QStringList ids;
    ids.reserve(m_members.size());
    for (const ChatMember &chatMember : m_members)
        ids.append(chatMember.user.id);
    return ids;
}

void MemberListModel::setRole(const QString &userId, const QString &role)
{
    if (!m_messenger || m_chatId.isEmpty() || m_changing.contains(userId)
        || (role != chat::roleAdmin && role != chat::roleMember))
        return;
    clearError();
    setChanging(userId, true);
    m_messenger->rest()->send("PATCH",
        QStringLiteral("/api/chats/%1/members/%2").arg(m_chatId, userId),
        QJsonObject{{QStringLiteral("role"), role}}, RestClient::Auth::Bearer, this,
        [this, userId](const RestResponse &response) {
            setChanging(userId, false);
            if (!response.ok()) {
                fail(response, tr("Only the group's owners can change roles."));
                return;
            }
            // The chat list keeps the newer of this answer and a chat:update that came first.
            if (m_messenger)
                m_messenger->chats()->upsert(Chat::fromJson(response.object()));
        });
}

void MemberListModel::removeMember(const QString &userId)
{
    if (!m_messenger || m_chatId.isEmpty() || m_changing.contains(userId))
        return;
    clearError();
    setChanging(userId, true);
    const QString chatId = m_chatId;
    m_messenger->rest()->send("DELETE",
        QStringLiteral("/api/chats/%1/members/%2").arg(chatId, userId),
        QJsonValue(QJsonValue::Undefined), RestClient::Auth::Bearer, this,
        [this, chatId, userId](const RestResponse &response) {
            if (!response.ok()) {
                setChanging(userId, false);
                fail(response,
                    tr("Only the group's owners and admins can remove people, and "
                       "only owners can remove an owner."));
                return;
            }
            // 204 carries no chat: the chat as it is now, so the row goes without waiting
            // for member:leave.
            if (!m_messenger)
                return;
            m_messenger->rest()->send("GET", QStringLiteral("/api/chats/%1").arg(chatId),
                QJsonValue(QJsonValue::Undefined), RestClient::Auth::Bearer, this,
                [this, userId](const RestResponse &chat) {
                    setChanging(userId, false);
                    if (chat.ok() && m_messenger)
                        m_messenger->chats()->upsert(Chat::fromJson(chat.object()));
                });
        });
}

void MemberListModel::fail(const RestResponse &response, const QString &forbiddenText)
{
    if (response.error.code == QLatin1String("forbidden"))
        setErrorMessage(forbiddenText);
    else if (response.status == 404)
        setErrorMessage(tr("This person is no longer in the group."));
    else
        setErrorMessage(ErrorMessages::forResponse(response,
            m_messenger && m_messenger->api() ? m_messenger->api()->serverUrl() : QUrl()));
}

void MemberListModel::setChanging(const QString &userId, bool changing)
{
    if (changing ? !m_changing.contains(userId) : m_changing.remove(userId)) {
        if (changing)
            m_changing.insert(userId);
        for (int row = 0; row < m_members.size(); ++row) {
            if (m_members.at(row).user.id == userId)
                emit dataChanged(index(row), index(row), {ChangingRole});
        }
    }
}

void MemberListModel::setErrorMessage(const QString &message)
{
    if (message == m_errorMessage)
        return;
    m_errorMessage = message;
    emit errorMessageChanged();
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
    m_changing.clear();
    clearError();
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
