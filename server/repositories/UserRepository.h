#pragma once

#include <kocmoc/User.h>

#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>

#include <optional>

namespace kocmoc {

// A user row with what only the server sees.
struct UserRecord
{
    User user;
    QString email;
    QString passwordHash;
    bool emailVerified = false;
    bool banned = false;
    qint64 createdAtMs = 0;

    QJsonObject
    ownProfileJson() const; // the User plus what only its owner sees: email, emailVerified
};

struct NewUser
{
    QString id;
    QString email;
    QString username;
    QString displayName;
    QString passwordHash;
    qint64 nowMs = 0;
};

struct ProfileChange
{
    std::optional<QString> displayName;
    std::optional<QString> bio;
    std::optional<QString> emojiStatus;
    std::optional<QString> avatarFileId; // empty: no avatar
};

// SQL for users; used inside a Database::transaction on a worker thread.
class UserRepository
{
public:
    explicit UserRepository(QSqlDatabase &db)
        : m_db(db)
    { }

    std::optional<UserRecord> findById(const QString &id);
    std::optional<UserRecord> findByEmail(const QString &email);
    std::optional<UserRecord> findByUsername(const QString &username);
    bool emailTaken(const QString &email);
    bool usernameTaken(const QString &username);
    bool insert(const NewUser &user); // false when the email or username is taken
    void updateProfile(const QString &id, const ProfileChange &change, qint64 nowMs);
    void updatePasswordHash(const QString &id, const QString &passwordHash, qint64 nowMs);
    void markEmailVerified(const QString &id, qint64 nowMs);
    void touchLastSeen(const QString &id, qint64 nowMs);
    void setBanned(const QString &id, bool banned, qint64 nowMs);
    void setVerified(const QString &id, bool verified, qint64 nowMs);
    void setAccessLevel(const QString &id, int accessLevel, qint64 nowMs);
    // Prefix of the username, or of the display name or any word in it; case-insensitive, any
    // script.
    QList<User> search(const QString &query, int limit);

    static QString emailKey(const QString &email);
    static QString usernameKey(const QString &username);

private:
    std::optional<UserRecord> findOne(const QString &whereColumn, const QString &value);

    QSqlDatabase &m_db;
};

} // namespace kocmoc
