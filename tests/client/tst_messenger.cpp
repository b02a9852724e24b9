#include "ClientDevice.h"
#include "Localization.h"
#include "MessageListModel.h"
#include "ServerTestCase.h"

#include <QDir>
#include <QSettings>
#include <QTemporaryDir>

using namespace kocmoc;
using namespace kocmoc::test;

// The client core as a person uses it, against the real server running in this
// thread: chats at sign-in, messages between two devices as they happen,
// typing and presence, writing without a network, starting without one, and a
// session ended elsewhere. The server is stopped and started again on the same
// port to take the network away and give it back.
class MessengerTest : public QObject
{
    Q_OBJECT

private:
    struct Person
    {
        QString username;
        QString id;
        QString token;
    };

    std::unique_ptr<TestServer> m_server;
    quint16 m_port = 0;
    Localization m_localization;
    int m_counter = 0;

    Person registerPerson(const char *prefix, const QString &displayName)
    {
        Person person;
        person.username = QStringLiteral("%1_%2").arg(QLatin1String(prefix)).arg(++m_counter);
        const QJsonObject grant = m_server->registerUser(person.username, displayName);
        person.id
            = grant.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toString();
        person.token = grant.value(QStringLiteral("accessToken")).toString();
        return person;
    }

    QString directChat(const Person &from, const Person &to)
    {
        return m_server
            ->call("POST", QStringLiteral("/api/chats"),
                QJsonObject{{QStringLiteral("userId"), to.id}}, from.token)
            .object()
            .value(QStringLiteral("id"))
            .toString();
    }

    QJsonObject send(const Person &from, const QString &chatId, const QString &text)
    {
        return sendAs(*m_server, from.token, chatId, text).object();
    }

    // How many messages of the chat, as the server stores them, say exactly this.
    int storedCopies(const Person &reader, const QString &chatId, const QString &text)
    {
        const QJsonArray messages
            = m_server
                  ->call("GET", QStringLiteral("/api/chats/%1/messages?limit=100").arg(chatId),
                      QJsonValue::Undefined, reader.token)
                  .object()
                  .value(QStringLiteral("messages"))
                  .toArray();
        return int(
            std::count_if(messages.begin(), messages.end(), [&text](const QJsonValue &message) {
                return message.toObject().value(QStringLiteral("text")).toString() == text;
            }));
    }

    // The account cache files in a device's folder.
    static QStringList cacheFiles(const QString &dataDir)
    {
        return QDir(dataDir + QStringLiteral("/cache"))
            .entryList({QStringLiteral("cache-*")}, QDir::Files);
    }

    static int rowsSaying(const MessageListModel &model, const QString &text)
    {
        int rows = 0;
        for (int row = 0; row < model.rowCount(); ++row)
            rows += model.data(model.index(row), MessageListModel::TextRole).toString() == text;
        return rows;
    }

    static QString statusOfNewest(const MessageListModel &model)
    {
        return model.rowCount() == 0
            ? QString()
            : model.data(model.index(0), MessageListModel::StatusRole).toString();
    }

    static std::unique_ptr<MessageListModel> openChat(ClientDevice &device, const QString &chatId)
    {
        auto model = std::make_unique<MessageListModel>();
        model->setMessenger(&device.messenger);
        model->setChatId(chatId);
        return model;
    }

    void restartServer()
    {
        m_server->stop();
        KOCMOC_START(*m_server);
    }

private slots:
    void initTestCase()
    {
        KOCMOC_REQUIRE_DATABASE();
        QVERIFY(m_localization.install(QStringLiteral("en")));
        m_port = freePort();
        QVERIFY(m_port != 0);
        m_server
            = std::make_unique<TestServer>([this](ServerConfig &config) { config.port = m_port; });
        KOCMOC_START(*m_server);
    }

    void signInShowsChatsWithTheirLastMessage()
    {
        const Person alice = registerPerson("alice", QStringLiteral("Алиса Смирнова"));
        const Person boris = registerPerson("boris", QStringLiteral("Борис Петров"));
        const QString chatId = directChat(boris, alice);
        send(boris, chatId, QStringLiteral("Первое"));
        send(boris, chatId, QStringLiteral("Привет, Алиса!"));

        QTemporaryDir dir;
        ClientDevice device(m_port, dir.path());
        QVERIFY(device.signIn(alice.username));
        QTRY_COMPARE_WITH_TIMEOUT(device.messenger.chats()->count(), 1, answerMs);
        QVERIFY(device.ready());
        const QVariantMap chat = device.chat(chatId);
        QCOMPARE(chat.value(QStringLiteral("title")).toString(), QStringLiteral("Борис Петров"));
        QCOMPARE(chat.value(QStringLiteral("initials")).toString(), QStringLiteral("БП"));
        QCOMPARE(chat.value(QStringLiteral("lastMessageText")).toString(),
            QStringLiteral("Привет, Алиса!"));
        QCOMPARE(chat.value(QStringLiteral("unreadCount")).toInt(), 2);
        QCOMPARE(chat.value(QStringLiteral("isGroup")).toBool(), false);

        auto messages = openChat(device, chatId);
        QTRY_COMPARE_WITH_TIMEOUT(messages->rowCount(), 2, answerMs);
        QCOMPARE(messages->data(messages->index(0), MessageListModel::TextRole).toString(),
            QStringLiteral("Привет, Алиса!"));
        QCOMPARE(messages->data(messages->index(0), MessageListModel::SenderNameRole).toString(),
            QStringLiteral("Борис Петров"));
        QCOMPARE(messages->data(messages->index(0), MessageListModel::IsMineRole).toBool(), false);
        QCOMPARE(messages->data(messages->index(1), MessageListModel::ShowDateRole).toBool(), true);
        QVERIFY(!messages->hasMore());

        // Opening it reads it.
        device.messenger.setCurrentChatId(chatId);
        QCOMPARE(device.chat(chatId).value(QStringLiteral("unreadCount")).toInt(), 0);
    }

    void olderMessagesLoadPageByPage()
    {
        const Person alice = registerPerson("pager", QStringLiteral("Pager"));
        const Person boris = registerPerson("writer", QStringLiteral("Writer"));
        const QString chatId = directChat(boris, alice);
        for (int i = 1; i <= MessageListModel::pageSize + 10; ++i)
            send(boris, chatId, QStringLiteral("message %1").arg(i));

        QTemporaryDir dir;
        ClientDevice device(m_port, dir.path());
        QVERIFY(device.signIn(alice.username));
        QVERIFY(device.ready());
        auto messages = openChat(device, chatId);
        QTRY_COMPARE_WITH_TIMEOUT(messages->rowCount(), MessageListModel::pageSize, answerMs);
        QVERIFY(messages->hasMore());
        messages->loadOlder();
        QTRY_COMPARE_WITH_TIMEOUT(messages->rowCount(), MessageListModel::pageSize + 10, answerMs);
        QVERIFY(!messages->hasMore());
        QCOMPARE(
            messages->data(messages->index(messages->rowCount() - 1), MessageListModel::TextRole)
                .toString(),
            QStringLiteral("message 1"));
        QCOMPARE(messages->rowsMatching(QStringLiteral("MESSAGE 60")).size(), 1);
        QCOMPARE(messages->rowsMatching(QStringLiteral("message 5")).size(), 11); // 5, 50 … 59
    }

    void twoDevicesExchangeMessagesAsTheyHappen()
    {
        const Person alice = registerPerson("anna", QStringLiteral("Анна"));
        const Person boris = registerPerson("bob", QStringLiteral("Боб"));
        QTemporaryDir aliceDir;
        QTemporaryDir borisDir;
        ClientDevice aliceDevice(m_port, aliceDir.path());
        ClientDevice borisDevice(m_port, borisDir.path());
        QVERIFY(aliceDevice.signIn(alice.username));
        QVERIFY(borisDevice.signIn(boris.username));
        QVERIFY(aliceDevice.ready());
        QVERIFY(borisDevice.ready());

        QSignalSpy opened(&aliceDevice.messenger, &Messenger::chatOpened);
        aliceDevice.messenger.openDirectChat(boris.id);
        QVERIFY(opened.wait(answerMs));
        const QString chatId = opened.first().first().toString();
        QCOMPARE(aliceDevice.messenger.currentChatId(), chatId);
        // Boris learns of the chat without asking.
        QTRY_COMPARE_WITH_TIMEOUT(borisDevice.messenger.chats()->count(), 1, answerMs);
        QCOMPARE(borisDevice.chat(chatId).value(QStringLiteral("title")).toString(),
            QStringLiteral("Анна"));

        auto aliceView = openChat(aliceDevice, chatId);
        auto borisView = openChat(borisDevice, chatId);
        aliceDevice.messenger.sendMessage(chatId, QStringLiteral("Как дела?  \r\n"));
        // Shown at once, before the server has it.
        QCOMPARE(aliceView->rowCount(), 1);
        QCOMPARE(aliceView->data(aliceView->index(0), MessageListModel::TextRole).toString(),
            QStringLiteral("Как дела?"));
        QCOMPARE(aliceView->data(aliceView->index(0), MessageListModel::IsMineRole).toBool(), true);

        QTRY_COMPARE_WITH_TIMEOUT(rowsSaying(*borisView, QStringLiteral("Как дела?")), 1, answerMs);
        QTRY_COMPARE_WITH_TIMEOUT(
            borisDevice.chat(chatId).value(QStringLiteral("lastMessageText")).toString(),
            QStringLiteral("Как дела?"), answerMs);
        QCOMPARE(borisDevice.chat(chatId).value(QStringLiteral("unreadCount")).toInt(), 1);
        // Boris's device received it: delivered; Boris opens the chat: read.
        QTRY_COMPARE_WITH_TIMEOUT(
            statusOfNewest(*aliceView), QStringLiteral("delivered"), answerMs);
        borisDevice.messenger.setCurrentChatId(chatId);
        QTRY_COMPARE_WITH_TIMEOUT(statusOfNewest(*aliceView), QStringLiteral("read"), answerMs);
        QCOMPARE(borisDevice.chat(chatId).value(QStringLiteral("unreadCount")).toInt(), 0);

        // The answer, on the chat Alice has open: no unread badge for her.
        borisDevice.messenger.sendMessage(chatId, QStringLiteral("Отлично!"));
        QTRY_COMPARE_WITH_TIMEOUT(rowsSaying(*aliceView, QStringLiteral("Отлично!")), 1, answerMs);
        QCOMPARE(aliceView->rowCount(), 2);
        QCOMPARE(aliceDevice.chat(chatId).value(QStringLiteral("unreadCount")).toInt(), 0);

        // Edits, reactions and deletions show on the other device.
        const qint64 answerId
            = aliceView->data(aliceView->index(0), MessageListModel::MessageIdRole).toLongLong();
        QTRY_VERIFY_WITH_TIMEOUT(borisView->rowOf(answerId) >= 0, answerMs);
        borisDevice.messenger.editMessage(answerId, QStringLiteral("Отлично, спасибо!"));
        QTRY_COMPARE_WITH_TIMEOUT(
            aliceView->data(aliceView->index(0), MessageListModel::TextRole).toString(),
            QStringLiteral("Отлично, спасибо!"), answerMs);
        QVERIFY(aliceView->data(aliceView->index(0), MessageListModel::EditedRole).toBool());
        aliceDevice.messenger.setReaction(answerId, QStringLiteral("👍"), true);
        QTRY_COMPARE_WITH_TIMEOUT(borisView
                                      ->data(borisView->index(borisView->rowOf(answerId)),
                                          MessageListModel::ReactionsRole)
                                      .toList()
                                      .size(),
            1, answerMs);
        const QVariantMap reaction = borisView
                                         ->data(borisView->index(borisView->rowOf(answerId)),
                                             MessageListModel::ReactionsRole)
                                         .toList()
                                         .first()
                                         .toMap();
        QCOMPARE(reaction.value(QStringLiteral("emoji")).toString(), QStringLiteral("👍"));
        QCOMPARE(reaction.value(QStringLiteral("mine")).toBool(), false);
        QTRY_VERIFY_WITH_TIMEOUT(
            aliceView->data(aliceView->index(0), MessageListModel::ReactionsRole)
                .toList()
                .value(0)
                .toMap()
                .value(QStringLiteral("mine"))
                .toBool(),
            answerMs);
        borisDevice.messenger.deleteMessage(answerId);
        QTRY_VERIFY_WITH_TIMEOUT(
            aliceView->data(aliceView->index(0), MessageListModel::DeletedRole).toBool(), answerMs);
        QVERIFY(
            aliceView->data(aliceView->index(0), MessageListModel::TextRole).toString().isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(
            aliceDevice.chat(chatId).value(QStringLiteral("lastMessageText")).toString(),
            QStringLiteral("Как дела?"), answerMs);
    }

    void typingAndPresenceShowOnTheOtherDevice()
    {
        const Person alice = registerPerson("tanya", QStringLiteral("Таня"));
        const Person boris = registerPerson("petya", QStringLiteral("Петя"));
        const QString chatId = directChat(alice, boris);
        QTemporaryDir aliceDir;
        ClientDevice aliceDevice(m_port, aliceDir.path());
        QVERIFY(aliceDevice.signIn(alice.username));
        QVERIFY(aliceDevice.ready());
        QCOMPARE(aliceDevice.chat(chatId).value(QStringLiteral("online")).toBool(), false);

        {
            QTemporaryDir borisDir;
            ClientDevice borisDevice(m_port, borisDir.path());
            QVERIFY(borisDevice.signIn(boris.username));
            QVERIFY(borisDevice.ready());
            QTRY_VERIFY_WITH_TIMEOUT(
                aliceDevice.chat(chatId).value(QStringLiteral("online")).toBool(), answerMs);

            borisDevice.messenger.setTyping(chatId, true);
            QTRY_COMPARE_WITH_TIMEOUT(
                aliceDevice.chat(chatId).value(QStringLiteral("typingNames")).toStringList(),
                QStringList{QStringLiteral("Петя")}, answerMs);
            borisDevice.messenger.setTyping(chatId, false);
            QTRY_VERIFY_WITH_TIMEOUT(aliceDevice.chat(chatId)
                                         .value(QStringLiteral("typingNames"))
                                         .toStringList()
                                         .isEmpty(),
                answerMs);
        } // Boris closes the app

        QTRY_VERIFY_WITH_TIMEOUT(
            !aliceDevice.chat(chatId).value(QStringLiteral("online")).toBool(), answerMs);
        QVERIFY(aliceDevice.chat(chatId).value(QStringLiteral("lastSeen")).toDateTime().isValid());
    }

    void writtenOfflineIsSentExactlyOnceWhenTheServerReturns()
    {
        const Person alice = registerPerson("offline", QStringLiteral("Офлайн"));
        const Person boris = registerPerson("friend", QStringLiteral("Друг"));
        const QString chatId = directChat(alice, boris);
        QTemporaryDir aliceDir;
        QTemporaryDir borisDir;
        ClientDevice aliceDevice(m_port, aliceDir.path());
        ClientDevice borisDevice(m_port, borisDir.path());
        QVERIFY(aliceDevice.signIn(alice.username));
        QVERIFY(borisDevice.signIn(boris.username));
        QVERIFY(aliceDevice.ready());
        QVERIFY(borisDevice.ready());
        auto aliceView = openChat(aliceDevice, chatId);
        auto borisView = openChat(borisDevice, chatId);

        m_server->stop();
        QTRY_VERIFY_WITH_TIMEOUT(!aliceDevice.messenger.online(), answerMs);
        const QString text = QStringLiteral("Написано без сети");
        aliceDevice.messenger.sendMessage(chatId, text);
        aliceDevice.messenger.sendMessage(chatId, QStringLiteral("И ещё одно"));
        QCOMPARE(aliceDevice.messenger.pendingCount(), 2);
        QCOMPARE(rowsSaying(*aliceView, text), 1);
        QCOMPARE(aliceView->data(aliceView->index(1), MessageListModel::StatusRole).toString(),
            QStringLiteral("pending"));
        // Retried as long as it takes: a while with no server changes nothing.
        QTest::qWait(1500);
        QCOMPARE(aliceDevice.messenger.pendingCount(), 2);

        KOCMOC_START(*m_server);
        QTRY_COMPARE_WITH_TIMEOUT(aliceDevice.messenger.pendingCount(), 0, answerMs);
        QTRY_COMPARE_WITH_TIMEOUT(rowsSaying(*borisView, text), 1, answerMs);
        QTRY_COMPARE_WITH_TIMEOUT(
            rowsSaying(*borisView, QStringLiteral("И ещё одно")), 1, answerMs);
        QCOMPARE(rowsSaying(*aliceView, text), 1);
        QVERIFY(aliceView->data(aliceView->index(1), MessageListModel::StatusRole).toString()
            != QLatin1String("pending"));
        QCOMPARE(storedCopies(boris, chatId, text), 1);
        // In the order written.
        QCOMPARE(borisView->data(borisView->index(0), MessageListModel::TextRole).toString(),
            QStringLiteral("И ещё одно"));
    }

    void startsFromTheCacheWithoutANetworkAndCatchesUpLater()
    {
        const Person alice = registerPerson("cached", QStringLiteral("Кэш Кэшевич"));
        const Person boris = registerPerson("sender", QStringLiteral("Отправитель"));
        const QString chatId = directChat(boris, alice);
        send(boris, chatId, QStringLiteral("До перезапуска"));
        QTemporaryDir dir;

        {
            ClientDevice device(m_port, dir.path());
            QSignalSpy kept(&device.api.tokenStore(), &TokenStore::saved);
            QVERIFY(device.signIn(alice.username));
            QVERIFY(kept.wait(answerMs));
            QVERIFY(device.ready());
            QTRY_COMPARE_WITH_TIMEOUT(device.messenger.chats()->count(), 1, answerMs);
            auto view = openChat(device, chatId);
            QTRY_COMPARE_WITH_TIMEOUT(view->rowCount(), 1, answerMs);
        } // the app quits

        m_server->stop();
        {
            ClientDevice device(m_port, dir.path());
            device.api.restoreSession();
            QTRY_VERIFY_WITH_TIMEOUT(device.api.signedIn(), answerMs);
            QCOMPARE(device.api.currentUser().username(), alice.username);
            QTRY_COMPARE_WITH_TIMEOUT(device.messenger.chats()->count(), 1, answerMs);
            QVERIFY(!device.messenger.online());
            QCOMPARE(device.chat(chatId).value(QStringLiteral("title")).toString(),
                QStringLiteral("Отправитель"));
            QCOMPARE(device.chat(chatId).value(QStringLiteral("lastMessageText")).toString(),
                QStringLiteral("До перезапуска"));
            auto view = openChat(device, chatId);
            QCOMPARE(view->rowCount(), 1);
            QCOMPARE(view->data(view->index(0), MessageListModel::TextRole).toString(),
                QStringLiteral("До перезапуска"));
            // Written while offline, and the app closed before the network came back.
            device.messenger.sendMessage(chatId, QStringLiteral("Из офлайна"));
            QCOMPARE(view->rowCount(), 2);
        }

        // Meanwhile Boris writes and edits.
        KOCMOC_START(*m_server);
        const QJsonObject later = send(boris, chatId, QStringLiteral("Пока тебя не было"));
        QCOMPARE(m_server
                     ->call("PATCH",
                         QStringLiteral("/api/messages/%1/edit")
                             .arg(later.value(QStringLiteral("id")).toInteger()),
                         QJsonObject{
                             {QStringLiteral("text"), QStringLiteral("Пока тебя не было (изм.)")}},
                         boris.token)
                     .status,
            200);

        ClientDevice device(m_port, dir.path());
        device.api.restoreSession();
        QTRY_VERIFY_WITH_TIMEOUT(device.api.signedIn(), answerMs);
        auto view = openChat(device, chatId);
        QTRY_VERIFY_WITH_TIMEOUT(rowsSaying(*view, QStringLiteral("Из офлайна")) == 1, answerMs);
        QVERIFY(device.online());
        QTRY_COMPARE_WITH_TIMEOUT(device.messenger.pendingCount(), 0, answerMs);
        QTRY_COMPARE_WITH_TIMEOUT(
            rowsSaying(*view, QStringLiteral("Пока тебя не было (изм.)")), 1, answerMs);
        QTRY_COMPARE_WITH_TIMEOUT(
            storedCopies(boris, chatId, QStringLiteral("Из офлайна")), 1, answerMs);
        QTRY_COMPARE_WITH_TIMEOUT(
            device.chat(chatId).value(QStringLiteral("lastMessageText")).toString(),
            QStringLiteral("Из офлайна"), answerMs);
    }

    void aSessionEndedElsewhereSignsOut()
    {
        const Person alice = registerPerson("revoked", QStringLiteral("Отозванная"));
        QTemporaryDir dir;
        ClientDevice device(m_port, dir.path());
        QVERIFY(device.signIn(alice.username));
        QVERIFY(device.ready());

        // Her other device signs out all the others.
        const QString other
            = m_server
                  ->call("POST", QStringLiteral("/api/auth/login"),
                      QJsonObject{{QStringLiteral("username"), alice.username},
                          {QStringLiteral("password"), QStringLiteral("correct horse battery")}})
                  .object()
                  .value(QStringLiteral("accessToken"))
                  .toString();
        QCOMPARE(
            m_server
                ->call("DELETE", QStringLiteral("/api/auth/sessions"), QJsonValue::Undefined, other)
                .status,
            200);

        QTRY_VERIFY_WITH_TIMEOUT(!device.api.signedIn(), answerMs);
        QCOMPARE(device.api.errorMessage(),
            QStringLiteral("Your session has ended. Please sign in again."));
        QCOMPARE(device.messenger.chats()->count(), 0);
        QVERIFY(!device.messenger.online());

        // Nothing is left to resume, and nothing she read stays on the disk.
        ClientDevice restarted(m_port, dir.path());
        restarted.api.restoreSession();
        QTRY_VERIFY_WITH_TIMEOUT(!restarted.api.restoring(), answerMs);
        QVERIFY(!restarted.api.signedIn());
        QTRY_COMPARE_WITH_TIMEOUT(cacheFiles(dir.path()), QStringList(), answerMs);
    }

    // Signing out leaves none of the account's chats or messages on the machine;
    // quitting while signed in keeps them for the next start.
    void signingOutDeletesTheCache()
    {
        const Person alice = registerPerson("leaver", QStringLiteral("Алиса"));
        const Person boris = registerPerson("writer", QStringLiteral("Борис"));
        send(boris, directChat(boris, alice), QStringLiteral("Секрет"));
        QTemporaryDir dir;
        {
            ClientDevice device(m_port, dir.path());
            QVERIFY(device.signIn(alice.username));
            QVERIFY(device.ready());
            QTRY_COMPARE_WITH_TIMEOUT(device.messenger.chats()->count(), 1, answerMs);
        }
        QCOMPARE(cacheFiles(dir.path()).size(), 1);

        ClientDevice device(m_port, dir.path());
        device.api.restoreSession();
        QTRY_VERIFY_WITH_TIMEOUT(device.api.signedIn(), answerMs);
        QTRY_COMPARE_WITH_TIMEOUT(device.messenger.chats()->count(), 1, answerMs);
        device.api.logout();
        QTRY_VERIFY_WITH_TIMEOUT(!device.api.signedIn(), answerMs);
        QCOMPARE(device.messenger.chats()->count(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(cacheFiles(dir.path()), QStringList(), answerMs);
    }

    // A group's owner adds people; a member leaves, and the group is gone from her list.
    void membersAreAddedAndLeave()
    {
        const Person owner = registerPerson("owner", QStringLiteral("Владелец"));
        const Person member = registerPerson("member", QStringLiteral("Участница"));
        const Person newcomer = registerPerson("newcomer", QStringLiteral("Новичок"));
        QTemporaryDir ownerDir;
        QTemporaryDir memberDir;
        ClientDevice owners(m_port, ownerDir.path());
        ClientDevice members(m_port, memberDir.path());
        QVERIFY(owners.signIn(owner.username));
        QVERIFY(members.signIn(member.username));
        QVERIFY(owners.ready());
        QVERIFY(members.ready());

        QSignalSpy opened(&owners.messenger, &Messenger::chatOpened);
        owners.messenger.createGroup(QStringLiteral("Клуб"), {member.id});
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, answerMs);
        const QString groupId = opened.first().at(0).toString();
        QCOMPARE(owners.chat(groupId).value(QStringLiteral("myRole")).toString(),
            QStringLiteral("owner"));
        QTRY_COMPARE_WITH_TIMEOUT(
            members.chat(groupId).value(QStringLiteral("memberCount")).toInt(), 2, answerMs);

        owners.messenger.addMembers(groupId, {newcomer.id});
        QTRY_COMPARE_WITH_TIMEOUT(
            owners.chat(groupId).value(QStringLiteral("memberCount")).toInt(), 3, answerMs);
        QTRY_COMPARE_WITH_TIMEOUT(
            members.chat(groupId).value(QStringLiteral("memberCount")).toInt(), 3, answerMs);

        // The only owner cannot leave: she is told why.
        QSignalSpy refused(&owners.messenger, &Messenger::operationFailed);
        owners.messenger.leaveChat(groupId);
        QTRY_COMPARE_WITH_TIMEOUT(refused.size(), 1, answerMs);
        QCOMPARE(refused.first().at(0).toString(),
            QStringLiteral("You are the group's only owner. Make someone else an owner first, or "
                           "delete the group."));

        members.messenger.setCurrentChatId(groupId);
        members.messenger.leaveChat(groupId);
        QTRY_COMPARE_WITH_TIMEOUT(members.messenger.chats()->indexOf(groupId), -1, answerMs);
        QCOMPARE(members.messenger.currentChatId(), QString());
        QTRY_COMPARE_WITH_TIMEOUT(
            owners.chat(groupId).value(QStringLiteral("memberCount")).toInt(), 2, answerMs);
    }
};

QTEST_MAIN(MessengerTest)
#include "tst_messenger.moc"
