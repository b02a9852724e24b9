#pragma once

#include "UserListModel.h"

#include <kocmoc/Chat.h>

#include <QPointer>
#include <QtQml/qqmlregistration.h>

class Messenger;
class RestResponse;
Q_MOC_INCLUDE("Messenger.h")

// The members of one chat (owners first, then admins, then members, as the
// server orders them), with their presence kept live, and what the signed-in
// person may do to them in a group (docs/api.md, Chats): owners change roles
// (admin and back), owners and admins remove people (an admin not an owner).
//
// The list follows the chat in Messenger.chats: the server's answer to a change
// here is put there, and so are realtime events (chat:update for roles,
// member:join and member:leave, which fetch the chat again).
//
// Roles: those of every UserListModel (userId, displayName, username,
// avatarUrl, initials, online), and:
//
// | role          | type   | what                                            |
// |---------------|--------|-------------------------------------------------|
// | role          | string | owner, admin or member                          |
// | lastSeen      | date   | when they were last online (invalid: never)     |
// | isMe          | bool   | the signed-in person                            |
// | canChangeRole | bool   | the signed-in person may make them admin/member |
// | canRemove     | bool   | the signed-in person may remove them            |
// | changing      | bool   | a change of theirs is on its way to the server  |
class MemberListModel : public UserListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Messenger *messenger READ messenger WRITE setMessenger NOTIFY messengerChanged)
    Q_PROPERTY(QString chatId READ chatId WRITE setChatId NOTIFY chatIdChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int onlineCount READ onlineCount NOTIFY countChanged)
    // The signed-in person's role in this chat; empty when not a member.
    Q_PROPERTY(QString myRole READ myRole NOTIFY countChanged)
    // Readable and localised; empty when the last change went well.
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)

public:
    enum Role {
        RoleRole = FirstOwnRole,
        LastSeenRole,
        IsMeRole,
        CanChangeRoleRole,
        CanRemoveRole,
        ChangingRole,
    };
    Q_ENUM(Role)

    explicit MemberListModel(QObject *parent = nullptr);

    Messenger *messenger() const { return m_messenger; }
    void setMessenger(Messenger *messenger);
    QString chatId() const { return m_chatId; }
    void setChatId(const QString &chatId);
    int count() const { return int(m_members.size()); }
    int onlineCount() const;
    QString myRole() const;
    QString errorMessage() const { return m_errorMessage; }
    // Everyone's id, e.g. to leave them out of "Add people".
    Q_INVOKABLE QStringList userIds() const;

    // PATCH /api/chats/{id}/members/{userId} with "admin" or "member"; the row
    // shows the new role once the server agrees.
    Q_INVOKABLE void setRole(const QString &userId, const QString &role);
    // DELETE /api/chats/{id}/members/{userId}; the row goes once the server agrees.
    Q_INVOKABLE void removeMember(const QString &userId);
    Q_INVOKABLE void clearError() { setErrorMessage({}); }

signals:
    void messengerChanged();
    void chatIdChanged();
    void countChanged();
    void errorMessageChanged();

protected:
    int userCount() const override { return int(m_members.size()); }
    const kocmoc::User &userAt(int row) const override { return m_members.at(row).user; }
    QString absoluteFileUrl(const QString &path) const override;
    QHash<int, QByteArray> ownRoleNames() const override;
    QVariant ownData(int row, int role) const override;

private:
    void reload();
    bool canChangeRole(const kocmoc::ChatMember &member) const;
    bool canRemove(const kocmoc::ChatMember &member) const;
    void setChanging(const QString &userId, bool changing);
    // The member's change was refused or did not reach the server.
    void fail(const RestResponse &response, const QString &forbiddenText);
    void setErrorMessage(const QString &message);

    QPointer<Messenger> m_messenger;
    QString m_chatId;
    QList<kocmoc::ChatMember> m_members;
    QSet<QString> m_changing; // user ids with a request on its way
    QString m_errorMessage;
};
