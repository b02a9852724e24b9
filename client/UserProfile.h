#pragma once

#include <kocmoc/User.h>

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

// A person's profile as QML reads it: the wire type kocmoc::User, plus the
// fields only the owner sees (email) and what the UI derives from it.
// A value type, so a binding such as `api.currentUser.displayName` follows a
// whole new profile through one change signal.
class UserProfile
{
    Q_GADGET
    QML_VALUE_TYPE(userProfile)
    Q_PROPERTY(bool valid READ isValid CONSTANT)
    Q_PROPERTY(QString id READ id CONSTANT)
    Q_PROPERTY(QString username READ username CONSTANT)
    Q_PROPERTY(QString displayName READ displayName CONSTANT)
    Q_PROPERTY(QString bio READ bio CONSTANT)
    Q_PROPERTY(QString emojiStatus READ emojiStatus CONSTANT)
    Q_PROPERTY(QString avatarUrl READ avatarUrl CONSTANT)
    Q_PROPERTY(bool verified READ verified CONSTANT)
    Q_PROPERTY(QString email READ email CONSTANT)
    Q_PROPERTY(QString initials READ initials CONSTANT)

public:
    UserProfile() = default;
    explicit UserProfile(kocmoc::User user, QString email = {});

    // Reads the server's own-profile object (a User with email and emailVerified).
    static UserProfile fromJson(const QJsonObject &json);

    bool isValid() const { return !m_user.id.isEmpty(); }
    QString id() const { return m_user.id; }
    QString username() const { return m_user.username; }
    QString displayName() const { return m_user.displayName; }
    QString bio() const { return m_user.bio; }
    QString emojiStatus() const { return m_user.emojiStatus; }
    QString avatarUrl() const { return m_user.avatarUrl; }
    bool verified() const { return m_user.verified; }
    QString email() const { return m_email; }
    const kocmoc::User &user() const { return m_user; }

    // Up to two letters for the generated avatar: the first letters of the first
    // two words of the display name, else of the username.
    QString initials() const;

    bool operator==(const UserProfile &) const = default;

private:
    kocmoc::User m_user;
    QString m_email;
};
