#pragma once

#include "AttachmentSender.h"
#include "OutboxEntry.h"

#include <kocmoc/Message.h>

#include <QAbstractListModel>
#include <QJsonObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

class Messenger;
Q_MOC_INCLUDE("Messenger.h")

// The messages of one chat, newest first (row 0 is the newest, so a ListView
// with verticalLayoutDirection: ListView.BottomToTop keeps its place when older
// pages arrive at the end). Shows the cached messages at once, then the
// server's newest page; loadOlder() pages back with the cursor API. Realtime
// events, the outbox's pending messages and delivery receipts update it live.
//
// | role              | type        | what                                                  |
// |-------------------|-------------|-------------------------------------------------------|
// | messageId         | int         | the server's id; 0 while pending                      |
// | clientId          | string      | the id this client gave it (own messages)             |
// | senderId          | string      | author's user id                                      |
// | senderName        | string      | author's display name                                 |
// | senderInitials    | string      | for the author's generated avatar                     |
// | senderAvatarUrl   | string      | the author's uploaded avatar (absolute URL), or empty |
// | isMine            | bool        | written by the signed-in person (bubble on the right) |
// | type              | string      | text, photo, voice, …                                 |
// | text              | string      | plain text; never render as HTML                      |
// | createdAt         | date        | when it was written                                   |
// | status            | string      | own messages: pending, failed, sent, delivered, read  |
// | edited            | bool        | edited after sending                                  |
// | deleted           | bool        | deleted for everyone: show a placeholder              |
// | replyToId         | int         | the message it answers, 0 for none                    |
// | replyToSenderName | string      | who wrote that one                                    |
// | replyToText       | string      | what it said (empty once deleted)                     |
// | forwardedFromName | string      | original author of a forwarded message, else empty    |
// | reactions         | list<object>| {emoji, count, mine} in the order they first appeared |
// | showDate          | bool        | first message of its day: put a date separator above  |
// | firstInGroup      | bool        | first of a run by the same author: show name/avatar   |
// | files             | list<object>| File objects (docs/api.md) with absolute url and      |
// |                   |             | thumbnailUrl; a pending upload's has its local file   |
// | upload            | AttachmentSender | the file on its way (progress, cancel()), or null |
class MessageListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Messenger *messenger READ messenger WRITE setMessenger NOTIFY messengerChanged)
    Q_PROPERTY(QString chatId READ chatId WRITE setChatId NOTIFY chatIdChanged)
    // Older messages exist on the server than the ones loaded.
    Q_PROPERTY(bool hasMore READ hasMore NOTIFY hasMoreChanged)
    // A page is on its way (the first one, or an older one).
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role {
        MessageIdRole = Qt::UserRole + 1,
        ClientIdRole,
        SenderIdRole,
        SenderNameRole,
        SenderInitialsRole,
        IsMineRole,
        TypeRole,
        TextRole,
        CreatedAtRole,
        StatusRole,
        EditedRole,
        DeletedRole,
        ReplyToIdRole,
        ReplyToSenderNameRole,
        ReplyToTextRole,
        ForwardedFromNameRole,
        ReactionsRole,
        ShowDateRole,
        FirstInGroupRole,
        SenderAvatarUrlRole,
        FilesRole,
        UploadRole,
    };
    Q_ENUM(Role)

    static constexpr int pageSize = 50;

    explicit MessageListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Messenger *messenger() const { return m_messenger; }
    void setMessenger(Messenger *messenger);
    QString chatId() const { return m_chatId; }
    void setChatId(const QString &chatId);
    bool hasMore() const { return m_hasMore; }
    bool loading() const { return m_loading; }
    int count() const { return int(m_rows.size()); }

    Q_INVOKABLE void loadOlder();
    // The row of a message, or -1 when it is not loaded.
    Q_INVOKABLE int rowOf(qint64 messageId) const;
    // The rows whose text contains the query (case-insensitive), newest first.
    Q_INVOKABLE QList<int> rowsMatching(const QString &query) const;
    const kocmoc::Message &messageAt(int row) const { return m_rows.at(row).message; }

signals:
    void messengerChanged();
    void chatIdChanged();
    void hasMoreChanged();
    void loadingChanged();
    void countChanged();

private:
    struct Row
    {
        Row(const kocmoc::Message &message, bool pending = false, bool failed = false,
            AttachmentSender *upload = nullptr)
            : message(message)
            , pending(pending)
            , failed(failed)
            , upload(upload)
        { }

        kocmoc::Message message;
        bool pending = false;
        bool failed = false;
        QPointer<AttachmentSender> upload; // a file on its way
    };

    void reload();
    void loadNewest();
    void upsert(const kocmoc::Message &message);
    void addPending(const OutboxEntry &entry);
    void markFailed(const OutboxEntry &entry);
    void addUpload(AttachmentSender *upload);
    // Its row follows it: failed, or gone when cancelled.
    void followUpload(AttachmentSender *upload);
    Row uploadRow(AttachmentSender *upload) const;
    QVariantList filesOf(const kocmoc::Message &message) const;
    void removeMessage(qint64 id);
    void applyReactions(const QJsonObject &update);
    void applyReceipt(qint64 upToMessageId, const QString &status);
    void insertRow(int row, const Row &value);
    void rowChanged(int row);
    int rowOfClientId(const QString &clientId) const;
    bool sameDay(int row, int olderRow) const;
    void setLoading(bool loading);
    void setHasMore(bool hasMore);

    QPointer<Messenger> m_messenger;
    QString m_chatId;
    QList<Row> m_rows;
    bool m_hasMore = false;
    bool m_loading = false;
    quint64 m_generation = 0; // answers for another chat are dropped
};
