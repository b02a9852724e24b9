#pragma once

#include <QSqlDatabase>
#include <QStringList>

namespace kocmoc {

// Who sees whom in realtime: the people sharing a chat with a user see their online
// status, and a chat's members see each other typing.
class PresenceRepository
{
public:
    explicit PresenceRepository(QSqlDatabase &db)
        : m_db(db)
    { }

    QStringList contactsOf(const QString &userId);
    QStringList membersOf(const QString &chatId);

private:
    QSqlDatabase &m_db;
};

} // namespace kocmoc
