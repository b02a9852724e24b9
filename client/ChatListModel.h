#pragma once

#include <kocmoc/Chat.h>

#include <QAbstractListModel>
#include <QHash>
#include <QStringList>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

// The signed-in person's chats, the most recent activity first, as the
// sidebar shows them. Messenger fills it (from the cache at start, then from
// the server and realtime events); QML only reads it.
//
// | role             | type        | what                                                   |
// |------------------|-------------|--------------------------------------------------------|
// | chatId           | string      | the chat's id                                          |
// | title            | string      | group title, or the other person's name (direct chat)  |
// | isGroup          | bool        | a group rather than a direct chat                      |
// | avatarUrl        | string      | uploaded avatar (absolute URL), empty for a generated one |
// | avatarKey        | string      | picks the generated avatar's colour (Theme.avatarGradient) |
// | initials         | string      | up to two letters for the generated avatar             |
// | lastMessageText  | string      | plain text of the newest message (empty when none)     |
// | lastMessageType  | string      | its type: text, photo, voice, …                        |
// | lastMessageMine  | bool        | written by the signed-in person                        |
// | lastMessageStatus| string      | its tick when mine: sent, delivered, read              |
// | lastSenderName   | string      | who wrote it (shown in groups)                         |
// | lastActivity     | date        | time of the newest message, or of creation             |
// | unreadCount      | int         | messages from others after the read position           |
// | online           | bool        | direct chat: the other person is online                |
// | lastSeen         | date        | direct chat: when they were last online (invalid: never/now) |
// | typingNames      | list<string>| who is typing right now (display names)                |
// | memberCount      | int         | members                                                |
// | otherUserId      | string      | direct chat: the other person's id                     |
// | searchText       | string      | what the instant filter matches (title and usernames)  |
// | myRole           | string      | the signed-in person's role: owner, admin or member    |
class ChatListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Messenger.chats is the list of chats")
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    // Unread messages in all chats (the phone's menu button shows them).
    Q_PROPERTY(int unreadTotal READ unreadTotal NOTIFY unreadTotalChanged)

public:
    enum Role {
        ChatIdRole = Qt::UserRole + 1,
        TitleRole,
        IsGroupRole,
        AvatarUrlRole,
        AvatarKeyRole,
        InitialsRole,
        LastMessageTextRole,
        LastMessageTypeRole,
        LastMessageMineRole,
        LastMessageStatusRole,
        LastSenderNameRole,
        LastActivityRole,
        UnreadCountRole,
        OnlineRole,
        LastSeenRole,
        TypingNamesRole,
        MemberCountRole,
        OtherUserIdRole,
        SearchTextRole,
        MyRoleRole,
    };
    Q_ENUM(Role)

    explicit ChatListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    int count() const { return int(m_chats.size()); }
    int unreadTotal() const { return m_unreadTotal; }

    void setCurrentUserId(const QString &userId) { m_currentUserId = userId; }
    // Avatars come as paths on this server; the model gives them as absolute URLs.
    void setServerUrl(const QUrl &url) { m_serverUrl = url; }
    // An uploaded avatar's path on the server as a URL an Image loads; empty stays empty.
    QString fileUrl(const QString &path) const;
    void reset(const QList<kocmoc::Chat> &chats);
    void clear() { reset({}); }
    // Inserts or replaces (an older version never replaces a newer one); keeps the order.
    void upsert(const kocmoc::Chat &chat);
    void remove(const QString &chatId);
    // A new or changed message: the chat's last message and its place in the list.
    void applyMessage(const kocmoc::Message &message, bool countsAsUnread);
    void setUnreadCount(const QString &chatId, int count);
    void setPresence(const QString &userId, bool online, qint64 lastSeenAtMs);
    void setTypingNames(const QString &chatId, const QStringList &names);
    void setLastMessageStatus(const QString &chatId, qint64 upToMessageId, const QString &status);

    const kocmoc::Chat *chat(const QString &chatId) const;
    QList<kocmoc::Chat> chats() const { return m_chats; }
    // The display name of a member of the chat, or empty when not known.
    QString memberName(const QString &chatId, const QString &userId) const;
    // The absolute URL of a member's uploaded avatar, or empty.
    QString memberAvatarUrl(const QString &chatId, const QString &userId) const;
    Q_INVOKABLE int indexOf(const QString &chatId) const;
    Q_INVOKABLE QString chatIdAt(int row) const
    {
        return row >= 0 && row < m_chats.size() ? m_chats.at(row).id : QString();
    }
    // Everything the delegate shows for one chat, for bindings outside a delegate (the header).
    Q_INVOKABLE QVariantMap get(const QString &chatId) const;

signals:
    void countChanged();
    void unreadTotalChanged();
    void chatChanged(const QString &chatId);

private:
    static qint64 activityOf(const kocmoc::Chat &chat);
    const kocmoc::ChatMember *otherMember(const kocmoc::Chat &chat) const;
    // Moves the row to where its activity belongs and reports the change.
    void reposition(int row);
    void changed(int row);
    void updateUnreadTotal();

    QList<kocmoc::Chat> m_chats;
    QHash<QString, QStringList> m_typing;
    QString m_currentUserId;
    QUrl m_serverUrl;
    int m_unreadTotal = 0;
};
