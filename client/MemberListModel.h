#pragma once

#include <kocmoc/Chat.h>

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

class Messenger;
Q_MOC_INCLUDE("Messenger.h")

// The members of one chat (owners first, then admins, then members, as the
// server orders them), with their presence kept live.
//
// | role        | type   | what                                              |
// |-------------|--------|---------------------------------------------------|
// | userId      | string | the member's id                                   |
// | displayName | string | their name                                        |
// | username    | string | their @username                                   |
// | avatarUrl   | string | uploaded avatar (absolute URL), else empty        |
// | initials    | string | for the generated avatar                          |
// | role        | string | owner, admin or member                            |
// | online      | bool   | a device of theirs is connected                   |
// | lastSeen    | date   | when they were last online (invalid: never)       |
// | isMe        | bool   | the signed-in person                              |
class MemberListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Messenger *messenger READ messenger WRITE setMessenger NOTIFY messengerChanged)
    Q_PROPERTY(QString chatId READ chatId WRITE setChatId NOTIFY chatIdChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int onlineCount READ onlineCount NOTIFY countChanged)

public:
    enum Role {
        UserIdRole = Qt::UserRole + 1,
        DisplayNameRole,
        UsernameRole,
        AvatarUrlRole,
        InitialsRole,
        RoleRole,
        OnlineRole,
        LastSeenRole,
        IsMeRole,
    };
    Q_ENUM(Role)

    explicit MemberListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Messenger *messenger() const { return m_messenger; }
    void setMessenger(Messenger *messenger);
    QString chatId() const { return m_chatId; }
    void setChatId(const QString &chatId);
    int count() const { return int(m_members.size()); }
    int onlineCount() const;
    // Everyone's id, e.g. to leave them out of "Add people".
    Q_INVOKABLE QStringList userIds() const;

signals:
    void messengerChanged();
    void chatIdChanged();
    void countChanged();

private:
    void reload();

    QPointer<Messenger> m_messenger;
    QString m_chatId;
    QList<kocmoc::ChatMember> m_members;
};
