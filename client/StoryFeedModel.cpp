#include "StoryFeedModel.h"

#include "ErrorMessages.h"
#include "Messenger.h"
#include "RestClient.h"
#include "UserProfile.h"

#include <kocmoc/JsonTime.h>

#include <QDateTime>
#include <QJsonArray>

#include <algorithm>

using namespace kocmoc;

bool StoryFeedModel::Author::hasUnseen() const
{
    return std::any_of(
        stories.cbegin(), stories.cend(), [](const Story &story) { return !story.viewed; });
}

qint64 StoryFeedModel::Author::latestMs() const
{
    return stories.isEmpty() ? 0 : stories.constLast().createdAtMs;
}

StoryFeedModel::StoryFeedModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

int StoryFeedModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_authors.size());
}

QHash<int, QByteArray> StoryFeedModel::roleNames() const
{
    return {{AuthorIdRole, "authorId"}, {DisplayNameRole, "displayName"},
        {AvatarUrlRole, "avatarUrl"}, {InitialsRole, "initials"}, {OnlineRole, "online"},
        {StoryCountRole, "storyCount"}, {SeenFlagsRole, "seenFlags"}, {AllSeenRole, "allSeen"},
        {IsMineRole, "isMine"}, {LatestAtRole, "latestAt"}};
}

QVariant StoryFeedModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Author &author = m_authors.at(index.row());
    switch (role) {
    case AuthorIdRole:
        return author.user.id;
    case DisplayNameRole:
        return author.user.displayName;
    case AvatarUrlRole:
        return absoluteUrl(author.user.avatarUrl);
    case InitialsRole:
        return UserProfile(author.user).initials();
    case OnlineRole:
        return author.user.online;
    case StoryCountRole:
        return int(author.stories.size());
    case SeenFlagsRole: {
        QVariantList flags;
        flags.reserve(author.stories.size());
        for (const Story &story : author.stories)
            flags.append(story.viewed);
        return flags;
    }
    case AllSeenRole:
        return !author.hasUnseen();
    case IsMineRole:
        return author.user.id == ownId();
    case LatestAtRole:
        return author.latestMs() > 0 ? QDateTime::fromMSecsSinceEpoch(author.latestMs())
                                     : QDateTime();
    default:
        return {};
    }
}

QString StoryFeedModel::ownId() const
{
    if (!m_messenger)
        return {};
    if (m_messenger->api() && m_messenger->api()->signedIn())
        return m_messenger->api()->currentUser().id();
    return m_messenger->currentUserId();
}

void StoryFeedModel::setMessenger(Messenger *messenger)
{
    if (messenger == m_messenger)
        return;
    if (m_messenger) {
        m_messenger->disconnect(this);
        m_messenger->realtime().disconnect(this);
        if (m_messenger->api())
            m_messenger->api()->disconnect(this);
    }
    m_messenger = messenger;
    clear();
    if (m_messenger) {
        connect(m_messenger, &Messenger::synced, this, &StoryFeedModel::reload);
        connect(&m_messenger->realtime(), &RealtimeClient::eventReceived, this,
            &StoryFeedModel::onEvent);
        auto watchApi = [this] {
            if (!m_messenger || !m_messenger->api())
                return;
            ApiClient *api = m_messenger->api();
            api->disconnect(this);
            connect(api, &ApiClient::signedInChanged, this, [this] {
                clear();
                reload();
            });
            connect(api, &ApiClient::currentUserChanged, this, &StoryFeedModel::refreshOwnProfile);
        };
        connect(m_messenger, &Messenger::apiChanged, this, [this, watchApi] {
            watchApi();
            clear();
            reload();
        });
        watchApi();
    }
    emit messengerChanged();
    reload();
}

void StoryFeedModel::clear()
{
    ++m_generation;
    m_unsentViews.clear();
    if (!m_authors.isEmpty()) {
        beginResetModel();
        m_authors.clear();
        endResetModel();
        emit countChanged();
    }
    setLoading(true);
}

void StoryFeedModel::setLoading(bool loading)
{
    if (loading == m_loading)
        return;
    m_loading = loading;
    emit loadingChanged();
}

void StoryFeedModel::reload()
{
    RestClient *rest = m_messenger ? m_messenger->rest() : nullptr;
    if (!rest || !m_messenger->api()->signedIn())
        return;
    ensureOwnRow();
    // Views that did not reach the server before the connection dropped go first.
    const QSet<QString> unsent = m_unsentViews;
    for (const QString &storyId : unsent)
        postView(storyId);
    const quint64 generation = m_generation;
    rest->send("GET", QStringLiteral("/api/stories"), QJsonValue::Undefined,
        RestClient::Auth::Bearer, this, [this, generation](const RestResponse &response) {
            if (generation != m_generation)
                return;
            if (!response.ok()) {
                // Offline: the row keeps what it had; the next catch-up loads it again.
                if (response.reachedServer())
                    emit operationFailed(storyError(response));
                setLoading(false);
                return;
            }
            applyList(response.json.toArray());
            setLoading(false);
        });
}

void StoryFeedModel::applyList(const QJsonArray &groups)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<Author> authors;
    for (const QJsonValue &value : groups) {
        const QJsonObject group = value.toObject();
        Author author;
        author.user = User::fromJson(group.value(QStringLiteral("author")).toObject());
        for (const QJsonValue &storyValue : group.value(QStringLiteral("stories")).toArray()) {
            Story story = Story::fromJson(storyValue.toObject());
            if (story.expiresAtMs > 0 && story.expiresAtMs <= now)
                continue;
            if (m_unsentViews.contains(story.id))
                story.viewed = true;
            author.stories.append(story);
        }
        if (!author.user.id.isEmpty() && !author.stories.isEmpty())
            authors.append(author);
    }
    beginResetModel();
    m_authors = authors;
    std::stable_sort(m_authors.begin(), m_authors.end(),
        [this](const Author &left, const Author &right) { return lessThan(left, right); });
    endResetModel();
    ensureOwnRow();
    emit countChanged();
    for (const Author &author : std::as_const(m_authors))
        emit storiesChanged(author.user.id);
}

// The own row stays even without stories: it holds the "+".
void StoryFeedModel::ensureOwnRow()
{
    const QString id = ownId();
    if (id.isEmpty() || rowOf(id) >= 0)
        return;
    Author own;
    own.user = m_messenger->api()->currentUser().user();
    beginInsertRows({}, 0, 0);
    m_authors.prepend(own);
    endInsertRows();
    emit countChanged();
}

void StoryFeedModel::refreshOwnProfile()
{
    const int row = rowOf(ownId());
    if (row < 0 || !m_messenger || !m_messenger->api())
        return;
    const User user = m_messenger->api()->currentUser().user();
    // Presence comes from the server's list; the rest from the profile just edited.
    const bool online = m_authors[row].user.online;
    m_authors[row].user = user;
    m_authors[row].user.online = online;
    rowChanged(row);
}

bool StoryFeedModel::lessThan(const Author &left, const Author &right) const
{
    const QString own = ownId();
    if ((left.user.id == own) != (right.user.id == own))
        return left.user.id == own;
    if (left.hasUnseen() != right.hasUnseen())
        return left.hasUnseen();
    return left.latestMs() > right.latestMs();
}

// Moves rows one at a time (never a reset), so the row's delegates slide instead of blinking.
void StoryFeedModel::sortRows()
{
    QList<Author> ordered = m_authors;
    std::stable_sort(ordered.begin(), ordered.end(),
        [this](const Author &left, const Author &right) { return lessThan(left, right); });
    for (int target = 0; target < ordered.size(); ++target) {
        const int current = rowOf(ordered.at(target).user.id);
        if (current == target || current < 0)
            continue;
        beginMoveRows({}, current, current, {}, target);
        m_authors.move(current, target);
        endMoveRows();
    }
}

void StoryFeedModel::rowChanged(int row)
{
    const QModelIndex changed = index(row);
    emit dataChanged(changed, changed);
}

int StoryFeedModel::rowOf(const QString &authorId) const
{
    for (int row = 0; row < m_authors.size(); ++row) {
        if (m_authors.at(row).user.id == authorId)
            return row;
    }
    return -1;
}

int StoryFeedModel::findStory(const QString &storyId, int *storyIndex) const
{
    for (int row = 0; row < m_authors.size(); ++row) {
        const QList<Story> &stories = m_authors.at(row).stories;
        for (int i = 0; i < stories.size(); ++i) {
            if (stories.at(i).id == storyId) {
                if (storyIndex)
                    *storyIndex = i;
                return row;
            }
        }
    }
    return -1;
}

QStringList StoryFeedModel::authorIds() const
{
    QStringList ids;
    for (const Author &author : m_authors)
        ids.append(author.user.id);
    return ids;
}

QStringList StoryFeedModel::authorIdsWithStories() const
{
    QStringList ids;
    for (const Author &author : m_authors) {
        if (!author.stories.isEmpty())
            ids.append(author.user.id);
    }
    return ids;
}

QVariantMap StoryFeedModel::author(const QString &authorId) const
{
    const int row = rowOf(authorId);
    if (row < 0)
        return {};
    const User &user = m_authors.at(row).user;
    return {{QStringLiteral("authorId"), user.id},
        {QStringLiteral("displayName"), user.displayName},
        {QStringLiteral("avatarUrl"), absoluteUrl(user.avatarUrl)},
        {QStringLiteral("initials"), UserProfile(user).initials()},
        {QStringLiteral("isMine"), user.id == ownId()}};
}

QString StoryFeedModel::absoluteUrl(const QString &path) const
{
    if (path.isEmpty() || !m_messenger || !m_messenger->api())
        return {};
    return m_messenger->api()->fileUrl(path).toString();
}

QVariantMap StoryFeedModel::storyMap(const Story &story) const
{
    QVariantMap map{{QStringLiteral("storyId"), story.id},
        {QStringLiteral("authorId"), story.authorId}, {QStringLiteral("type"), story.type},
        {QStringLiteral("text"), story.text}, {QStringLiteral("background"), story.background},
        {QStringLiteral("createdAt"), QDateTime::fromMSecsSinceEpoch(story.createdAtMs)},
        {QStringLiteral("seen"), story.viewed},
        {QStringLiteral("viewsCount"), story.viewCount ? *story.viewCount : -1},
        {QStringLiteral("fileUrl"), QString()}, {QStringLiteral("thumbnailUrl"), QString()},
        {QStringLiteral("mime"), QString()}, {QStringLiteral("width"), 0},
        {QStringLiteral("height"), 0}, {QStringLiteral("durationMs"), 0}};
    if (story.file) {
        map.insert(QStringLiteral("fileUrl"), absoluteUrl(story.file->url));
        map.insert(QStringLiteral("thumbnailUrl"), absoluteUrl(story.file->thumbnailUrl));
        map.insert(QStringLiteral("mime"), story.file->mime);
        map.insert(QStringLiteral("width"), story.file->width);
        map.insert(QStringLiteral("height"), story.file->height);
        map.insert(QStringLiteral("durationMs"), story.file->durationMs);
    }
    return map;
}

QVariantList StoryFeedModel::storiesOf(const QString &authorId) const
{
    const int row = rowOf(authorId);
    QVariantList list;
    if (row < 0)
        return list;
    for (const Story &story : m_authors.at(row).stories)
        list.append(storyMap(story));
    return list;
}

int StoryFeedModel::firstUnseenIndex(const QString &authorId) const
{
    const int row = rowOf(authorId);
    if (row < 0)
        return 0;
    const QList<Story> &stories = m_authors.at(row).stories;
    for (int i = 0; i < stories.size(); ++i) {
        if (!stories.at(i).viewed)
            return i;
    }
    return 0;
}

void StoryFeedModel::markViewed(const QString &storyId)
{
    int storyIndex = -1;
    const int row = findStory(storyId, &storyIndex);
    if (row < 0)
        return;
    Story &story = m_authors[row].stories[storyIndex];
    if (story.viewed)
        return;
    story.viewed = true;
    const bool own = story.authorId == ownId();
    rowChanged(row);
    sortRows();
    if (!own)
        postView(storyId);
}

void StoryFeedModel::postView(const QString &storyId)
{
    RestClient *rest = m_messenger ? m_messenger->rest() : nullptr;
    if (!rest)
        return;
    m_unsentViews.insert(storyId);
    const quint64 generation = m_generation;
    rest->send("POST", QStringLiteral("/api/stories/%1/view").arg(storyId), QJsonValue::Undefined,
        RestClient::Auth::Bearer, this, [this, generation, storyId](const RestResponse &response) {
            if (generation != m_generation)
                return;
            // Kept for the next reconnect only when the server did not answer at all.
            if (response.reachedServer() && response.status < 500)
                m_unsentViews.remove(storyId);
            if (response.status == 404)
                removeStory(storyId); // expired or deleted meanwhile
        });
}

void StoryFeedModel::fetchViewers(const QString &storyId, bool quiet)
{
    RestClient *rest = m_messenger ? m_messenger->rest() : nullptr;
    if (!rest)
        return;
    const quint64 generation = m_generation;
    rest->send("GET", QStringLiteral("/api/stories/%1/views").arg(storyId), QJsonValue::Undefined,
        RestClient::Auth::Bearer, this,
        [this, generation, storyId, quiet](const RestResponse &response) {
            if (generation != m_generation)
                return;
            if (!response.ok()) {
                if (!quiet)
                    emit operationFailed(storyError(response));
                return;
            }
            QVariantList viewers;
            for (const QJsonValue &value : response.json.toArray()) {
                const User user = User::fromJson(value[QStringLiteral("user")].toObject());
                const qint64 at = json::msFromIso(value[QStringLiteral("viewedAt")].toString());
                viewers.append(QVariantMap{{QStringLiteral("userId"), user.id},
                    {QStringLiteral("displayName"), user.displayName},
                    {QStringLiteral("avatarUrl"), absoluteUrl(user.avatarUrl)},
                    {QStringLiteral("initials"), UserProfile(user).initials()},
                    {QStringLiteral("viewedAt"), QDateTime::fromMSecsSinceEpoch(at)}});
            }
            // The count on the story follows what the list says.
            int storyIndex = -1;
            const int row = findStory(storyId, &storyIndex);
            if (row >= 0 && m_authors.at(row).stories.at(storyIndex).viewCount != viewers.size()) {
                m_authors[row].stories[storyIndex].viewCount = int(viewers.size());
                emit storiesChanged(m_authors.at(row).user.id);
            }
            emit viewersLoaded(storyId, viewers);
        });
}

void StoryFeedModel::deleteStory(const QString &storyId)
{
    RestClient *rest = m_messenger ? m_messenger->rest() : nullptr;
    if (!rest)
        return;
    const quint64 generation = m_generation;
    rest->send("DELETE", QStringLiteral("/api/stories/%1").arg(storyId), QJsonValue::Undefined,
        RestClient::Auth::Bearer, this, [this, generation, storyId](const RestResponse &response) {
            if (generation != m_generation)
                return;
            if (response.ok() || response.status == 404) {
                // 404: it is gone already (expired, deleted on another device).
                removeStory(storyId);
                return;
            }
            emit operationFailed(storyError(response));
        });
}

void StoryFeedModel::removeStory(const QString &storyId)
{
    int storyIndex = -1;
    const int row = findStory(storyId, &storyIndex);
    if (row < 0)
        return;
    const QString authorId = m_authors.at(row).user.id;
    m_authors[row].stories.removeAt(storyIndex);
    m_unsentViews.remove(storyId);
    if (m_authors.at(row).stories.isEmpty() && authorId != ownId()) {
        beginRemoveRows({}, row, row);
        m_authors.removeAt(row);
        endRemoveRows();
        emit countChanged();
    } else {
        rowChanged(row);
        sortRows();
    }
    emit storyRemoved(storyId, authorId);
    emit storiesChanged(authorId);
}

void StoryFeedModel::applyStory(const QJsonObject &json)
{
    Story story = Story::fromJson(json);
    if (story.id.isEmpty() || story.authorId.isEmpty())
        return;
    if (findStory(story.id, nullptr) >= 0)
        return; // the publisher and story:new both bring it
    if (story.authorId == ownId()) {
        story.viewed = true;
        if (!story.viewCount)
            story.viewCount = 0;
        ensureOwnRow();
    }
    const int row = rowOf(story.authorId);
    if (row < 0) {
        // Someone not in the row yet: their name and avatar come with the list.
        reload();
        return;
    }
    m_authors[row].stories.append(story);
    rowChanged(row);
    sortRows();
    emit storiesChanged(story.authorId);
}

void StoryFeedModel::onEvent(const QString &name, const QJsonValue &payload)
{
    if (name == QLatin1String("story:new"))
        applyStory(payload.toObject());
    else if (name == QLatin1String("story:delete"))
        removeStory(payload[QStringLiteral("id")].toString());
}

QString StoryFeedModel::storyError(const RestResponse &response) const
{
    if (response.status == 404)
        return tr("This story is no longer available.");
    if (response.status == 403)
        return tr("Only the author of a story can do that.");
    const QUrl server
        = m_messenger && m_messenger->api() ? m_messenger->api()->serverUrl() : QUrl();
    return ErrorMessages::forResponse(response, server);
}
