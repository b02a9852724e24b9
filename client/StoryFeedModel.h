#pragma once

#include <kocmoc/Story.h>
#include <kocmoc/User.h>

#include <QAbstractListModel>
#include <QHash>
#include <QJsonObject>
#include <QPointer>
#include <QSet>
#include <QtQml/qqmlregistration.h>

class Messenger;
class RestResponse;
Q_MOC_INCLUDE("Messenger.h")

// The stories row (SPEC 2.5, docs/api.md Stories): one row per author, the
// signed-in person first (always, so the "+" to add one shows even without
// stories), then the authors with stories not yet viewed, then those seen in
// full; within each, the author with the newest story first. Loaded with
// GET /api/stories once signed in and after every (re)connect (Messenger.synced),
// kept live with the realtime events story:new and story:delete.
//
// | role       | type     | what                                                   |
// |------------|----------|--------------------------------------------------------|
// | authorId   | string   | the author's user id                                   |
// | displayName| string   | their name                                             |
// | avatarUrl  | string   | uploaded avatar (absolute URL), else empty             |
// | initials   | string   | for the generated avatar                               |
// | online     | bool     | a device of theirs is connected                        |
// | storyCount | int      | live stories (0 only on the own row)                   |
// | seenFlags  | list     | one bool per story, oldest first: viewed (ring arcs)   |
// | allSeen    | bool     | nothing left to view (a dim ring)                      |
// | isMine     | bool     | the signed-in person's own row                         |
// | latestAt   | date     | when the newest story was posted (invalid: none)       |
//
// The viewer reads an author's stories with storiesOf(): a list of maps with
// storyId, authorId, type (photo, video, text), fileUrl, thumbnailUrl, mime,
// width, height, durationMs, text, background, createdAt, seen and viewsCount
// (-1 on others' stories).
class StoryFeedModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Messenger *messenger READ messenger WRITE setMessenger NOTIFY messengerChanged)
    // No answer from the server yet: the row shows skeletons.
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role {
        AuthorIdRole = Qt::UserRole + 1,
        DisplayNameRole,
        AvatarUrlRole,
        InitialsRole,
        OnlineRole,
        StoryCountRole,
        SeenFlagsRole,
        AllSeenRole,
        IsMineRole,
        LatestAtRole,
    };
    Q_ENUM(Role)

    explicit StoryFeedModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Messenger *messenger() const { return m_messenger; }
    void setMessenger(Messenger *messenger);
    bool loading() const { return m_loading; }
    int count() const { return int(m_authors.size()); }

    // The authors in the row's order now, for a viewer that goes from one to the next
    // while the row reorders under it.
    Q_INVOKABLE QStringList authorIds() const;
    // Only authors that have stories, in the row's order.
    Q_INVOKABLE QStringList authorIdsWithStories() const;
    // {authorId, displayName, avatarUrl, initials, isMine}; empty for an unknown author.
    Q_INVOKABLE QVariantMap author(const QString &authorId) const;
    Q_INVOKABLE QVariantList storiesOf(const QString &authorId) const;
    // Where the viewer starts with this author: the first story not viewed, else 0.
    Q_INVOKABLE int firstUnseenIndex(const QString &authorId) const;
    Q_INVOKABLE int rowOf(const QString &authorId) const;

    // Marks the story seen here at once (the ring, the order) and tells the server
    // once (POST /api/stories/{id}/view); the person's own stories only locally.
    Q_INVOKABLE void markViewed(const QString &storyId);
    // Who viewed an own story: answered with viewersLoaded (or operationFailed).
    Q_INVOKABLE void loadViewers(const QString &storyId) { fetchViewers(storyId, false); }
    // The same without a word on failure: the count on an own story, fresh as it is shown
    // (views are not announced by the server).
    Q_INVOKABLE void refreshViews(const QString &storyId) { fetchViewers(storyId, true); }
    // Deletes an own story; gone here once the server agrees (storyRemoved).
    Q_INVOKABLE void deleteStory(const QString &storyId);
    Q_INVOKABLE void reload();

    // A Story object from the server (a story just published here, or story:new).
    void applyStory(const QJsonObject &story);

signals:
    void messengerChanged();
    void loadingChanged();
    void countChanged();
    // The stories of that author changed (added, removed): a viewer showing them re-reads.
    void storiesChanged(const QString &authorId);
    void storyRemoved(const QString &storyId, const QString &authorId);
    // [{userId, displayName, avatarUrl, initials, viewedAt}], the most recent first.
    void viewersLoaded(const QString &storyId, const QVariantList &viewers);
    // Something the person asked for failed; readable and localised.
    void operationFailed(const QString &message);

private:
    struct Author
    {
        kocmoc::User user;
        QList<kocmoc::Story> stories; // oldest first
        bool hasUnseen() const;
        qint64 latestMs() const;
    };

    QString ownId() const;
    void clear();
    void applyList(const QJsonArray &groups);
    void ensureOwnRow();
    void refreshOwnProfile();
    void removeStory(const QString &storyId);
    void postView(const QString &storyId);
    void fetchViewers(const QString &storyId, bool quiet);
    void onEvent(const QString &name, const QJsonValue &payload);
    void sortRows();
    bool lessThan(const Author &left, const Author &right) const;
    void rowChanged(int row);
    int findStory(const QString &storyId, int *storyIndex) const;
    QString absoluteUrl(const QString &path) const;
    QVariantMap storyMap(const kocmoc::Story &story) const;
    QString storyError(const RestResponse &response) const;
    void setLoading(bool loading);

    QPointer<Messenger> m_messenger;
    QList<Author> m_authors;
    bool m_loading = true;
    quint64 m_generation = 0; // answers for an earlier load or account are dropped
    // Views the server has not confirmed yet (no connection): sent again after a reconnect.
    QSet<QString> m_unsentViews;
};
