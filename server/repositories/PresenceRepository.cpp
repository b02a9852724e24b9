#include "PresenceRepository.h"

#include "db/Sql.h"

namespace kocmoc {

using db::Sql;

QStringList PresenceRepository::contactsOf(const QString &userId)
{
    Sql query(m_db,
        QStringLiteral("SELECT DISTINCT other.user_id FROM chat_members mine "
                       "JOIN chat_members other ON other.chat_id = mine.chat_id "
                       "WHERE mine.user_id = ? AND other.user_id <> ?"));
    query.bind(userId).bind(userId).exec();
    QStringList contacts;
    while (query.next())
        contacts.append(query.text(0));
    return contacts;
}

QStringList PresenceRepository::membersOf(const QString &chatId)
{
    Sql query(m_db, QStringLiteral("SELECT user_id FROM chat_members WHERE chat_id = ?"));
    query.bind(chatId).exec();
    QStringList members;
    while (query.next())
        members.append(query.text(0));
    return members;
}

} // namespace kocmoc
