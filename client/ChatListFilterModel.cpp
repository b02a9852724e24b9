#include "ChatListFilterModel.h"

#include "ChatListModel.h"

ChatListFilterModel::ChatListFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setFilterRole(ChatListModel::SearchTextRole);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    // The source keeps its own order (newest activity first); rows that change stay filtered.
    setDynamicSortFilter(true);
    connect(this, &QAbstractItemModel::rowsInserted, this, &ChatListFilterModel::countChanged);
    connect(this, &QAbstractItemModel::rowsRemoved, this, &ChatListFilterModel::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &ChatListFilterModel::countChanged);
}

void ChatListFilterModel::setFilterText(const QString &text)
{
    if (text == m_filterText)
        return;
    m_filterText = text;
    setFilterFixedString(text.trimmed());
    emit filterTextChanged();
}
