#pragma once

#include <QSortFilterProxyModel>
#include <QtQml/qqmlregistration.h>

// The instant filter of the chat list: the chats whose title or username
// contains the text, case-insensitively, as it is typed. Set sourceModel to
// Messenger.chats; the roles are ChatListModel's.
class ChatListFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString filterText READ filterText WRITE setFilterText NOTIFY filterTextChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    explicit ChatListFilterModel(QObject *parent = nullptr);

    QString filterText() const { return m_filterText; }
    void setFilterText(const QString &text);
    int count() const { return rowCount(); }

signals:
    void filterTextChanged();
    void countChanged();

private:
    QString m_filterText;
};
