#pragma once

#include <kocmoc/User.h>

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

// What every list of people has in common (MemberListModel, UserSearchModel):
// the rows are Users, and these roles come from them the same way everywhere.
//
// | role        | type   | what                                        |
// |-------------|--------|---------------------------------------------|
// | userId      | string | their id                                    |
// | displayName | string | their name                                  |
// | username    | string | their @username                             |
// | avatarUrl   | string | uploaded avatar (absolute URL), else empty  |
// | initials    | string | for the generated avatar                    |
// | online      | bool   | a device of theirs is connected             |
//
// A subclass says where its rows are (userCount, userAt), how a server path
// becomes an absolute URL, and adds its own roles from FirstOwnRole on.
class UserListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ANONYMOUS

public:
    enum Role {
        UserIdRole = Qt::UserRole + 1,
        DisplayNameRole,
        UsernameRole,
        AvatarUrlRole,
        InitialsRole,
        OnlineRole,
        FirstOwnRole,
    };
    Q_ENUM(Role)

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

protected:
    virtual int userCount() const = 0;
    virtual const kocmoc::User &userAt(int row) const = 0;
    // An avatar's path on the server as an absolute URL; empty stays empty.
    virtual QString absoluteFileUrl(const QString &path) const = 0;
    virtual QHash<int, QByteArray> ownRoleNames() const { return {}; }
    virtual QVariant ownData(int /*row*/, int /*role*/) const { return {}; }
};
