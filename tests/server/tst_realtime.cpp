#include "MessagingTestSupport.h"
#include "RealtimeClient.h"

using namespace kocmoc;
using namespace kocmoc::test;

// The realtime hub end to end: sockets of the server's own Socket.IO, real sign-ins,
// real chats; what each person's devices receive, and what they must not.
class RealtimeTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    int m_counter = 0;

    Person person(const char *name)
    {
        return signUp(*m_server, QStringLiteral("%1_%2").arg(QLatin1String(name)).arg(++m_counter));
    }

    QString directChat(const Person &from, const Person &to)
    {
        return m_server
            ->call("POST", QStringLiteral("/api/chats"), QJsonObject{{"userId", to.id}}, from.token)
            .object()
            .value("id")
            .toString();
    }

    QString group(const Person &owner, const QString &title, const QList<Person> &others)
    {
        QJsonArray memberIds;
        for (const Person &other : others)
            memberIds.append(other.id);
        return m_server
            ->call("POST", QStringLiteral("/api/chats/group"),
                QJsonObject{{"title", title}, {"memberIds", memberIds}}, owner.token)
            .object()
            .value("id")
            .toString();
    }

    // A message's status in the chat's history as someone loads it (which delivers it).
    QString statusIn(const Person &who, const QString &chatId, qint64 id)
    {
        const QJsonArray page
            = m_server
                  ->call("GET", QStringLiteral("/api/chats/%1/messages").arg(chatId),
                      QJsonValue::Undefined, who.token)
                  .object()
                  .value("messages")
                  .toArray();
        for (const QJsonValue message : page) {
            if (message["id"].toInteger() == id)
                return message["status"].toString();
        }
        return QString();
    }

    std::unique_ptr<RealtimeClient> device(const Person &who)
    {
        auto client = std::make_unique<RealtimeClient>();
        if (!client->connectTo(m_server->server().port(), who.token))
            qWarning() << "could not connect:" << client->connectError();
        return client;
    }

    // A group of senders, each with a connected device, and its owner's device listening.
    struct Crowd
    {
        QString chatId;
        std::unique_ptr<RealtimeClient> listener;
        std::vector<std::unique_ptr<RealtimeClient>> devices;
    };
    Crowd crowd(int senderCount, const char *name, const QString &title)
    {
        const Person owner = person("owner");
        QList<Person> senders;
        for (int i = 0; i < senderCount; ++i)
            senders.append(person(name));
        Crowd crowd{group(owner, title, senders), device(owner), {}};
        for (const Person &sender : senders)
            crowd.devices.push_back(device(sender));
        return crowd;
    }

private slots:
    void initTestCase()
    {
        KOCMOC_REQUIRE_DATABASE();
        m_server
            = std::make_unique<TestServer>([](ServerConfig &config) { config.sendIntervalMs = 0; });
        KOCMOC_START(*m_server);
    }

    void aBadTokenIsRefused()
    {
        RealtimeClient stranger;
        QVERIFY(!stranger.connectTo(m_server->server().port(), QStringLiteral("not-a-token")));
        QCOMPARE(stranger.connectError(), QStringLiteral("unauthorized"));

        const Person anna = person("anna");
        m_server->server().clock().advance(16 * 60 * 1000); // past the access token's 15 minutes
        RealtimeClient late;
        QVERIFY(!late.connectTo(m_server->server().port(), anna.token));
        QCOMPARE(late.connectError(), QStringLiteral("unauthorized"));
    }

    void aSendReachesEveryDeviceOfEveryMemberAndNobodyElse()
    {
        const Person anna = person("anna");
        const Person boris = person("boris");
        const Person outsider = person("outsider");
        const QString chatId = directChat(anna, boris);
        auto annaPhone = device(anna);
        auto annaDesktop = device(anna);
        auto borisPhone = device(boris);
        auto outsiderPhone = device(outsider);
        QVERIFY(
            annaPhone->isConnected() && annaDesktop->isConnected() && borisPhone->isConnected());

        QJsonObject send = textMessage(QStringLiteral("Привет, Борис!"));
        send.insert(QStringLiteral("chatId"), chatId);
        const QJsonArray ack = annaPhone->request(QStringLiteral("message:send"), send);
        QCOMPARE(ack.size(), 2);
        QVERIFY(ack.at(0).isNull());
        const QJsonObject message = ack.at(1).toObject();
        QCOMPARE(message.value("text").toString(), QStringLiteral("Привет, Борис!"));
        QCOMPARE(message.value("senderId").toString(), anna.id);

        QVERIFY(borisPhone->waitFor(QStringLiteral("message:new")));
        QVERIFY(annaDesktop->waitFor(QStringLiteral("message:new")));
        QCOMPARE(borisPhone->firstPayload(QStringLiteral("message:new")).value("id"),
            message.value("id"));
        // The same clientId again: the same message back, and no second event.
        const QJsonArray retry = annaPhone->request(QStringLiteral("message:send"), send);
        QCOMPARE(retry.at(1).toObject().value("id"), message.value("id"));
        QTest::qWait(300);
        QCOMPARE(borisPhone->count(QStringLiteral("message:new")), 1);
        QCOMPARE(outsiderPhone->count(QStringLiteral("message:new")), 0);
    }

    void sendsFollowWhoIsInTheGroupNow()
    {
        // The server keeps member lists between sends; each send must still reach exactly
        // the people in the group at that moment.
        const Person anna = person("anna");
        const Person boris = person("boris");
        const Person vera = person("vera");
        const QString chatId = group(anna, QStringLiteral("Поход"), {boris, vera});
        QVERIFY(!chatId.isEmpty());
        auto annaPhone = device(anna);
        auto borisPhone = device(boris);
        auto veraPhone = device(vera);
        int sent = 0;
        const auto sendToGroup = [&] {
            QJsonObject send = textMessage(QStringLiteral("Сообщение %1").arg(++sent));
            send.insert(QStringLiteral("chatId"), chatId);
            return annaPhone->request(QStringLiteral("message:send"), send);
        };
        QVERIFY(sendToGroup().at(0).isNull());
        QVERIFY(borisPhone->waitFor(QStringLiteral("message:new")));
        QVERIFY(veraPhone->waitFor(QStringLiteral("message:new")));

        QCOMPARE(
            m_server
                ->call("DELETE", QStringLiteral("/api/chats/%1/members/%2").arg(chatId, vera.id),
                    QJsonValue::Undefined, anna.token)
                .status,
            204);
        QVERIFY(sendToGroup().at(0).isNull());
        QTRY_COMPARE(borisPhone->count(QStringLiteral("message:new")), 2);
        QTest::qWait(200);
        QCOMPARE(veraPhone->count(QStringLiteral("message:new")), 1);
        // Vera cannot send to it either.
        QJsonObject fromVera = textMessage(QStringLiteral("Я ещё здесь?"));
        fromVera.insert(QStringLiteral("chatId"), chatId);
        QCOMPARE(veraPhone->request(QStringLiteral("message:send"), fromVera)
                     .at(0)
                     .toObject()
                     .value("code")
                     .toString(),
            QStringLiteral("not_found"));

        QCOMPARE(m_server
                     ->call("POST", QStringLiteral("/api/chats/%1/members").arg(chatId),
                         QJsonObject{{"userIds", QJsonArray{vera.id}}}, anna.token)
                     .status,
            200);
        QVERIFY(sendToGroup().at(0).isNull());
        QTRY_COMPARE(veraPhone->count(QStringLiteral("message:new")), 2);
        QTRY_COMPARE(borisPhone->count(QStringLiteral("message:new")), 3);
        // Vera missed exactly the message sent while she was out.
        QCOMPARE(veraPhone->receivedNamed(QStringLiteral("message:new"))
                     .last()
                     .payload.toObject()
                     .value("text")
                     .toString(),
            QStringLiteral("Сообщение 3"));
    }

    void aMessageToSomeoneConnectedIsDeliveredAtOnce()
    {
        const Person anna = person("anna");
        const Person boris = person("boris");
        const Person vera = person("vera");
        const QString chatId = group(anna, QStringLiteral("Дача"), {boris, vera});
        auto annaPhone = device(anna);
        auto borisPhone = device(boris);
        const auto sendFromAnna = [&](const QString &text) {
            QJsonObject send = textMessage(text);
            send.insert(QStringLiteral("chatId"), chatId);
            return annaPhone->request(QStringLiteral("message:send"), send).at(1).toObject();
        };
        const auto statusInHistory = [&](qint64 id) { return statusIn(anna, chatId, id); };

        // Boris's phone is connected: the message is stored as delivered, and says so in
        // Anna's ack and on Boris's phone, with no receipt after it.
        const QJsonObject first = sendFromAnna(QStringLiteral("Кто приедет?"));
        QCOMPARE(first.value("status").toString(), QStringLiteral("delivered"));
        QVERIFY(borisPhone->waitFor(QStringLiteral("message:new")));
        QCOMPARE(borisPhone->firstPayload(QStringLiteral("message:new")).value("status").toString(),
            QStringLiteral("delivered"));
        // So is a forwarded copy, in the 201 and in message:forward.
        const Response forwarded = m_server->call("POST",
            QStringLiteral("/api/messages/%1/forward").arg(first.value("id").toInteger()),
            QJsonObject{{"chatIds", QJsonArray{chatId}}}, anna.token);
        QCOMPARE(forwarded.status, 201);
        const QJsonObject copy = forwarded.array().first().toObject();
        QCOMPARE(copy.value("status").toString(), QStringLiteral("delivered"));
        QVERIFY(borisPhone->waitFor(QStringLiteral("message:forward")));
        QCOMPARE(
            borisPhone->firstPayload(QStringLiteral("message:forward")).value("status").toString(),
            QStringLiteral("delivered"));
        QTest::qWait(1500); // a delivery mark would have come by now
        QCOMPARE(annaPhone->count(QStringLiteral("message:delivered")), 0);
        QCOMPARE(statusInHistory(first.value("id").toInteger()), QStringLiteral("delivered"));
        QCOMPARE(statusInHistory(copy.value("id").toInteger()), QStringLiteral("delivered"));

        // Nobody else connected: sent.
        borisPhone->close();
        QTRY_VERIFY(!m_server
                         ->call("GET", QStringLiteral("/api/users/") + boris.id,
                             QJsonValue::Undefined, anna.token)
                         .object()
                         .value("online")
                         .toBool());
        const QJsonObject second = sendFromAnna(QStringLiteral("Никого?"));
        const qint64 id = second.value("id").toInteger();
        QCOMPARE(second.value("status").toString(), QStringLiteral("sent"));
        QCOMPARE(statusInHistory(id), QStringLiteral("sent"));

        // A device that connected between the store and the fan-out is marked as the hub
        // does, in one go for both readers: Anna hears of the delivery once.
        m_server->server().messages().markDeliveredMany(
            {{boris.id, chatId, id}, {vera.id, chatId, id}});
        QVERIFY(annaPhone->waitFor(QStringLiteral("message:delivered")));
        QTest::qWait(300);
        const auto delivered = annaPhone->receivedNamed(QStringLiteral("message:delivered"));
        QCOMPARE(delivered.size(), 1);
        const QJsonObject event = delivered.first().payload.toObject();
        QCOMPARE(event.value("chatId").toString(), chatId);
        QCOMPARE(event.value("messageId").toInteger(), id);
        QCOMPARE(event.value("userId").toString(), boris.id); // the first reader in the report
        QCOMPARE(statusInHistory(id), QStringLiteral("delivered"));
    }

    void aMessageFetchedLaterIsDeliveredThen()
    {
        const Person anna = person("anna");
        const Person boris = person("boris");
        const QString chatId = directChat(anna, boris);
        auto annaPhone = device(anna);
        const auto sendFromAnna = [&](const QString &text) {
            QJsonObject send = textMessage(text);
            send.insert(QStringLiteral("chatId"), chatId);
            return annaPhone->request(QStringLiteral("message:send"), send)
                .at(1)
                .toObject()
                .value("id")
                .toInteger();
        };
        const auto statusFor
            = [&](const Person &who, qint64 id) { return statusIn(who, chatId, id); };
        // Boris has no device connected: sent, until his phone loads the chat's history.
        const qint64 first = sendFromAnna(QStringLiteral("Ты где?"));
        QCOMPARE(statusFor(anna, first), QStringLiteral("sent"));
        statusFor(boris, first);
        QVERIFY(annaPhone->waitFor(QStringLiteral("message:delivered")));
        QCOMPARE(annaPhone->firstPayload(QStringLiteral("message:delivered"))
                     .value("messageId")
                     .toInteger(),
            first);
        QCOMPARE(statusFor(anna, first), QStringLiteral("delivered"));

        // What was delivered is announced once: loading the history again changes nothing.
        statusFor(boris, first);
        QTest::qWait(300);
        QCOMPARE(annaPhone->count(QStringLiteral("message:delivered")), 1);
    }

    void eventsOfABurstArriveInTheOrderTheyWereStored()
    {
        // Many devices at once keep the writer's two batches in flight; what members hear
        // still comes in id order, the order of the commits that sync follows too.
        const auto [chatId, listener, devices] = crowd(24, "sender", QStringLiteral("Шторм"));
        const int each = 15; // under a socket's 20 events a second
        for (int round = 0; round < each; ++round) {
            for (const auto &sending : devices) {
                QJsonObject send = textMessage(QStringLiteral("порыв %1").arg(round));
                send.insert(QStringLiteral("chatId"), chatId);
                sending->send(QStringLiteral("message:send"), send);
            }
        }
        const int total = int(devices.size()) * each;
        QVERIFY(listener->waitFor(QStringLiteral("message:new"), total, 30'000));
        qint64 previous = 0;
        for (const auto &event : listener->receivedNamed(QStringLiteral("message:new"))) {
            const qint64 id = event.payload.toObject().value("id").toInteger();
            QVERIFY2(
                id > previous, qPrintable(QStringLiteral("%1 after %2").arg(id).arg(previous)));
            previous = id;
        }
        QCOMPARE(listener->count(QStringLiteral("message:new")), total);
    }

    void aSendRepeatedWithinOneBatchIsStoredOnce()
    {
        // A client that sends again before its answer came (a flaky link) can put both
        // copies into one batch of the writer: one message, and the batch's others stored.
        const auto [chatId, listener, devices] = crowd(12, "repeater", QStringLiteral("Эхо"));
        const int each = 5;
        for (int round = 0; round < each; ++round) {
            for (size_t i = 0; i < devices.size(); ++i) {
                QJsonObject send = textMessage(QStringLiteral("эхо %1").arg(round),
                    QStringLiteral("echo-%1-%2").arg(i).arg(round));
                send.insert(QStringLiteral("chatId"), chatId);
                devices[i]->send(QStringLiteral("message:send"), send);
                devices[i]->send(QStringLiteral("message:send"), send);
            }
        }
        const int total = int(devices.size()) * each;
        QVERIFY(listener->waitFor(QStringLiteral("message:new"), total, 30'000));
        QVERIFY(!listener->waitFor(QStringLiteral("message:new"), total + 1, 500));
        QSet<QString> clientIds;
        for (const auto &event : listener->receivedNamed(QStringLiteral("message:new")))
            clientIds.insert(event.payload.toObject().value("clientId").toString());
        QCOMPARE(clientIds.size(), total);
    }

    void sendErrorsComeBackInTheAck()
    {
        const Person anna = person("anna");
        const Person boris = person("boris");
        const QString chatId = directChat(anna, boris);
        auto phone = device(anna);
        const QJsonArray missing
            = phone->request(QStringLiteral("message:send"), QJsonObject{{"chatId", chatId}});
        QCOMPARE(
            missing.at(0).toObject().value("code").toString(), QStringLiteral("missing_field"));
        QJsonObject notMine = textMessage(QStringLiteral("hi"));
        notMine.insert(
            QStringLiteral("chatId"), QStringLiteral("00000000-0000-4000-8000-000000000000"));
        QCOMPARE(phone->request(QStringLiteral("message:send"), notMine)
                     .at(0)
                     .toObject()
                     .value("code")
                     .toString(),
            QStringLiteral("not_found"));
    }

    void typingGoesToTheOtherMembersOnly()
    {
        const Person anna = person("anna");
        const Person boris = person("boris");
        const Person outsider = person("outsider");
        const QString chatId = directChat(anna, boris);
        auto annaPhone = device(anna);
        auto borisPhone = device(boris);
        auto outsiderPhone = device(outsider);
        annaPhone->send(QStringLiteral("typing:start"), QJsonObject{{"chatId", chatId}});
        QVERIFY(borisPhone->waitFor(QStringLiteral("typing:start")));
        const QJsonObject typing = borisPhone->firstPayload(QStringLiteral("typing:start"));
        QCOMPARE(typing.value("chatId").toString(), chatId);
        QCOMPARE(typing.value("userId").toString(), anna.id);
        annaPhone->send(QStringLiteral("typing:stop"), QJsonObject{{"chatId", chatId}});
        QVERIFY(borisPhone->waitFor(QStringLiteral("typing:stop")));
        // A stranger cannot type into a chat they are not in.
        outsiderPhone->send(QStringLiteral("typing:start"), QJsonObject{{"chatId", chatId}});
        QTest::qWait(300);
        QCOMPARE(borisPhone->count(QStringLiteral("typing:start")), 1);
        QCOMPARE(annaPhone->count(QStringLiteral("typing:start")), 0);
    }

    void presenceFollowsTheDevices()
    {
        const Person anna = person("anna");
        const Person boris = person("boris");
        directChat(anna, boris);
        auto annaPhone = device(anna);
        // Boris's presence as Anna's phone heard it.
        const auto borisPresence = [&] {
            QList<QJsonObject> updates;
            for (const auto &event : annaPhone->receivedNamed(QStringLiteral("presence:update"))) {
                if (event.payload.toObject().value("userId").toString() == boris.id)
                    updates.append(event.payload.toObject());
            }
            return updates;
        };
        {
            auto borisPhone = device(boris);
            auto borisDesktop = device(boris);
            QTRY_COMPARE(borisPresence().size(), 1);
            QCOMPARE(borisPresence().first().value("online").toBool(), true);
            const Response chats = m_server->call(
                "GET", QStringLiteral("/api/chats"), QJsonValue::Undefined, anna.token);
            bool borisOnline = false;
            for (const QJsonValue chat : chats.array()) {
                for (const QJsonValue member : chat.toObject().value("members").toArray()) {
                    const QJsonObject user = member.toObject().value("user").toObject();
                    if (user.value("id").toString() == boris.id)
                        borisOnline = user.value("online").toBool();
                }
            }
            QVERIFY(borisOnline);
            const Response profile = m_server->call(
                "GET", QStringLiteral("/api/users/") + boris.id, QJsonValue::Undefined, anna.token);
            QCOMPARE(profile.object().value("online").toBool(), true);
            borisPhone->close();
            QTest::qWait(300);
            // One device left: still online, nothing announced.
            QCOMPARE(borisPresence().size(), 1);
            borisDesktop->close();
        }
        QTRY_COMPARE(borisPresence().size(), 2);
        QCOMPARE(borisPresence().last().value("online").toBool(), false);
        QVERIFY(borisPresence().last().value("lastSeenAt").toString().endsWith(QLatin1Char('Z')));
    }

    void readsAndDeliveryReachTheSender()
    {
        const Person anna = person("anna");
        const Person boris = person("boris");
        const QString chatId = directChat(anna, boris);
        auto annaPhone = device(anna);
        auto borisPhone = device(boris);
        QJsonObject send = textMessage(QStringLiteral("Are you there?"));
        send.insert(QStringLiteral("chatId"), chatId);
        const QJsonObject sent
            = annaPhone->request(QStringLiteral("message:send"), send).at(1).toObject();
        const qint64 id = sent.value("id").toInteger();
        // Boris's phone is connected, so Anna sees it delivered from the start.
        QCOMPARE(sent.value("status").toString(), QStringLiteral("delivered"));
        const QJsonArray readAck = borisPhone->request(
            QStringLiteral("message:read"), QJsonObject{{"chatId", chatId}, {"messageId", id}});
        QCOMPARE(readAck, QJsonArray{QJsonValue::Null});
        QVERIFY(annaPhone->waitFor(QStringLiteral("message:read")));
        const QJsonObject read = annaPhone->firstPayload(QStringLiteral("message:read"));
        QCOMPARE(read.value("userId").toString(), boris.id);
        QCOMPARE(read.value("messageId").toInteger(), id);
    }

    void anEndedSessionLosesItsSocketsAtOnce()
    {
        const Person anna = person("anna");
        auto phone = device(anna);
        QVERIFY(phone->isConnected());
        QCOMPARE(m_server
                     ->call("POST", QStringLiteral("/api/auth/logout"), QJsonValue::Undefined,
                         anna.token)
                     .status,
            204);
        QVERIFY(phone->waitFor(QStringLiteral("session:revoked")));
        QVERIFY(phone->waitForClose());
    }

    void aFloodingSocketIsWarnedThenDisconnected()
    {
        const Person anna = person("anna");
        const Person boris = person("boris");
        const QString chatId = directChat(anna, boris);
        auto flooder = device(anna);
        auto calm = device(boris);
        for (int i = 0; i < 200 && flooder->isConnected(); ++i) {
            flooder->send(QStringLiteral("typing:start"), QJsonObject{{"chatId", chatId}});
            if (i % 20 == 0)
                QTest::qWait(5);
        }
        QVERIFY(flooder->waitFor(QStringLiteral("error")));
        QCOMPARE(flooder->firstPayload(QStringLiteral("error")).value("code").toString(),
            QStringLiteral("rate_limited"));
        // Keep going over a few seconds: the socket is cut off.
        for (int second = 0; second < 6 && flooder->isConnected(); ++second) {
            for (int i = 0; i < 40; ++i)
                flooder->send(QStringLiteral("typing:start"), QJsonObject{{"chatId", chatId}});
            QTest::qWait(1000);
        }
        QVERIFY(flooder->waitForClose(5000));
        // Others are unaffected.
        QVERIFY(calm->isConnected());
        QJsonObject send = textMessage(QStringLiteral("still here"));
        send.insert(QStringLiteral("chatId"), chatId);
        QVERIFY(calm->request(QStringLiteral("message:send"), send).at(0).isNull());
    }
};

QTEST_GUILESS_MAIN(RealtimeTest)
#include "tst_realtime.moc"
