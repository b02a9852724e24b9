#pragma once

#include "UserListModel.h"

#include <kocmoc/User.h>

#include <QPointer>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

class ApiClient;
Q_MOC_INCLUDE("ApiClient.h")

// People found by name or username (GET /api/users?q=), for the "New chat"
// and "New group" dialogs. The query is sent a moment after typing pauses;
// the signed-in person is left out.
//
// Roles: those of every UserListModel (userId, displayName, username,
// avatarUrl, initials, online), nothing more.
class UserSearchModel : public UserListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ApiClient *api READ api WRITE setApi NOTIFY apiChanged)
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    explicit UserSearchModel(QObject *parent = nullptr);

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

protected:
    int userCount() const override { return int(m_users.size()); }
    const kocmoc::User &userAt(int row) const override { return m_users.at(row); }
    QString absoluteFileUrl(const QString &path) const override;

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
