#include "UserListModel.h"

#include "UserProfile.h"

int UserListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : userCount();
}

QHash<int, QByteArray> UserListModel::roleNames() const
{
    QHash<int, QByteArray> names{{UserIdRole, "userId"}, {DisplayNameRole, "displayName"},
        {UsernameRole, "username"}, {AvatarUrlRole, "avatarUrl"}, {InitialsRole, "initials"},
        {OnlineRole, "online"}};
    names.insert(ownRoleNames());
    return names;
}

QVariant UserListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const kocmoc::User &user = userAt(index.row());
    switch (role) {
    case UserIdRole:
        return user.id;
    case DisplayNameRole:
        return user.displayName;
    case UsernameRole:
        return user.username;
    case AvatarUrlRole:
        return absoluteFileUrl(user.avatarUrl);
    case InitialsRole:
        return UserProfile(user).initials();
    case OnlineRole:
        return user.online;
    default:
        return ownData(index.row(), role);
    }
}
