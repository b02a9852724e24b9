#pragma once

#include <kocmoc/User.h>

#include <QAbstractListModel>
#include <QPointer>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

class ApiClient;
Q_MOC_INCLUDE("ApiClient.h")

// People found by name or username (GET /api/users?q=), for the "New chat"
// and "New group" dialogs. The query is sent a moment after typing pauses;
// the signed-in person is left out.
//
// | role        | type   | what                                        |
// |-------------|--------|---------------------------------------------|
// | userId      | string | their id                                    |
// | displayName | string | their name                                  |
// | username    | string | their @username                             |
// | avatarUrl   | string | uploaded avatar (absolute URL), else empty  |
// | initials    | string | for the generated avatar                    |
// | online      | bool   | a device of theirs is connected             |
class UserSearchModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ApiClient *api READ api WRITE setApi NOTIFY apiChanged)
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role {
        UserIdRole = Qt::UserRole + 1,
        DisplayNameRole,
        UsernameRole,
        AvatarUrlRole,
        InitialsRole,
        OnlineRole,
    };
    Q_ENUM(Role)

    explicit UserSearchModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    ApiClient *api() const { return m_api; }
    void setApi(ApiClient *api);
    QString query() const { return m_query; }
    void setQuery(const QString &query);
    bool busy() const { return m_busy; }
    int count() const { return int(m_users.size()); }

signals:
    void apiChanged();
    void queryChanged();
    void busyChanged();
    void countChanged();

private:
    void search();
    void setUsers(const QList<kocmoc::User> &users);
    void setBusy(bool busy);

    QPointer<ApiClient> m_api;
    QString m_query;
    QList<kocmoc::User> m_users;
    bool m_busy = false;
    quint64 m_generation = 0;
    QTimer m_debounce;
};
