#include "MemberDirectory.h"

#include "repositories/ChatRepository.h"

namespace kocmoc {

QHash<QString, QStringList> MemberDirectory::membersOf(QSqlDatabase &db, const QStringList &chatIds)
{
    ChatRepository chats(db);
    const QHash<QString, qint64> versions = chats.membersVersions(chatIds);
    QHash<QString, QStringList> members;
    QStringList stale;
    {
        const QMutexLocker locker(&m_mutex);
        for (auto it = versions.cbegin(); it != versions.cend(); ++it) {
            const auto kept = m_chats.constFind(it.key());
            if (kept != m_chats.cend() && kept->version == it.value())
                members.insert(it.key(), kept->memberIds);
            else
                stale.append(it.key());
        }
    }
    if (stale.isEmpty())
        return members;
    const QHash<QString, QStringList> read = chats.memberIdsOf(stale);
    const QMutexLocker locker(&m_mutex);
    if (m_chats.size() + stale.size() > maxChats)
        m_chats.clear(); // bounded memory; the busy chats come back with the next batches
    for (const QString &chatId : std::as_const(stale)) {
        const QStringList ids = read.value(chatId);
        members.insert(chatId, ids);
        m_chats.insert(chatId, Entry{versions.value(chatId), ids});
    }
    return members;
}

} // namespace kocmoc
