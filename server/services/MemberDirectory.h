#pragma once

#include <QHash>
#include <QMutex>
#include <QSqlDatabase>
#include <QStringList>

namespace kocmoc {

// Who is in each chat, for the events of sends and delivery marks. Member lists are kept
// between transactions and checked against each chat's members_version in the caller's
// transaction, so a batch over two hundred chats reads two hundred numbers instead of ten
// thousand member rows, and a list is never older than the transaction reading it. Shared
// by the worker threads; each process keeps its own, so a cluster stays right too.
class MemberDirectory
{
public:
    static constexpr qsizetype maxChats = 4096;

    // chat id → member ids, in no order; chats that do not exist are missing.
    QHash<QString, QStringList> membersOf(QSqlDatabase &db, const QStringList &chatIds);

private:
    struct Entry
    {
        qint64 version = 0;
        QStringList memberIds;
    };
    QMutex m_mutex;
    QHash<QString, Entry> m_chats;
};

} // namespace kocmoc
