#include "UserSearchModel.h"

#include "ApiClient.h"

#include <QJsonArray>
#include <QUrl>

using namespace kocmoc;

namespace {

// Long enough not to send a request per key, short enough to feel instant.
constexpr int debounceMs = 250;
constexpr int maxQueryLength = 64;

} // namespace

UserSearchModel::UserSearchModel(QObject *parent)
    : QAbstractListModel(parent)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(debounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &UserSearchModel::search);
}

int UserSearchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_users.size());
}

QHash<int, QByteArray> UserSearchModel::roleNames() const
{
    return {{UserIdRole, "userId"}, {DisplayNameRole, "displayName"}, {UsernameRole, "username"},
        {AvatarUrlRole, "avatarUrl"}, {InitialsRole, "initials"}, {OnlineRole, "online"}};
}

QVariant UserSearchModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const User &user = m_users.at(index.row());
    switch (role) {
    case UserIdRole:
        return user.id;
    case DisplayNameRole:
        return user.displayName;
    case UsernameRole:
        return user.username;
    case AvatarUrlRole:
        return m_api ? m_api->fileUrl(user.avatarUrl).toString() : QString();
    case InitialsRole:
        return UserProfile(user).initials();
    case OnlineRole:
        return user.online;
    default:
        return {};
    }
}

void UserSearchModel::setApi(ApiClient *api)
{
    if (api == m_api)
        return;
    m_api = api;
    emit apiChanged();
}

void UserSearchModel::setQuery(const QString &query)
{
    if (query == m_query)
        return;
    m_query = query;
    emit queryChanged();
    ++m_generation;
    if (m_query.trimmed().isEmpty()) {
        m_debounce.stop();
        setBusy(false);
        setUsers({});
        return;
    }
    setBusy(true);
    m_debounce.start();
}

void UserSearchModel::search()
{
    if (!m_api || !m_api->signedIn()) {
        setBusy(false);
        return;
    }
    const quint64 generation = m_generation;
    m_api->rest().send("GET",
        QStringLiteral("/api/users?q=%1&limit=20")
            .arg(QString::fromLatin1(
                QUrl::toPercentEncoding(m_query.trimmed().left(maxQueryLength)))),
        QJsonValue(QJsonValue::Undefined), RestClient::Auth::Bearer, this,
        [this, generation](const RestResponse &response) {
            if (generation != m_generation)
                return; // the query changed meanwhile
            setBusy(false);
            QList<User> users;
            const QString me = m_api ? m_api->currentUser().id() : QString();
            for (const QJsonValue &value : response.json.toArray()) {
                const User user = User::fromJson(value.toObject());
                if (user.id != me)
                    users.append(user);
            }
            setUsers(users);
        });
}

void UserSearchModel::setUsers(const QList<User> &users)
{
    beginResetModel();
    m_users = users;
    endResetModel();
    emit countChanged();
}

void UserSearchModel::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    emit busyChanged();
}
