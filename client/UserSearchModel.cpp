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
    : UserListModel(parent)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(debounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &UserSearchModel::search);
}

QString UserSearchModel::absoluteFileUrl(const QString &path) const
{
    return m_api ? m_api->fileUrl(path).toString() : QString();
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
