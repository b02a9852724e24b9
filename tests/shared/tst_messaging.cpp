#include <kocmoc/Chat.h>
#include <kocmoc/Limits.h>
#include <kocmoc/Message.h>
#include <kocmoc/Validation.h>

#include <QJsonDocument>
#include <QTest>

using namespace kocmoc;

// The wire types and rules of chats and messages that server and client share.
class MessagingTest : public QObject
{
    Q_OBJECT

private:
    static Message sampleMessage()
    {
        Message message;
        message.id = 9007199254740991; // the largest id a JSON number holds exactly
        message.chatId = QStringLiteral("c-1");
        message.clientId = QStringLiteral("client-1");
        message.senderId = QStringLiteral("u-1");
        message.type = message::typeText;
        message.text = QStringLiteral("Привет 🚀\nвторая строка");
        message.replyTo = MessageReply{41, QStringLiteral("u-2"), QStringLiteral("Вопрос?")};
        message.forwardedFrom = ForwardedFrom{
            7, QStringLiteral("c-0"), QStringLiteral("u-3"), QStringLiteral("Ольга")};
        message.reactions
            = {Reaction{QStringLiteral("👍"), 2, true}, Reaction{QStringLiteral("🎉"), 1, false}};
        message.status = message::statusRead;
        message.editedAtMs = 1795264497000;
        message.createdAtMs = 1795264496789;
        message.version = 9007199254740991;
        return message;
    }

    // Through text, as on the wire.
    static QJsonObject overTheWire(const QJsonObject &json)
    {
        return QJsonDocument::fromJson(QJsonDocument(json).toJson()).object();
    }

private slots:
    void messageRoundTrip()
    {
        const Message message = sampleMessage();
        const QJsonObject json = message.toJson();
        for (const char *key : {"id", "chatId", "clientId", "senderId", "type", "text", "files",
                 "replyTo", "forwardedFrom", "reactions", "status", "editedAt", "deleted",
                 "createdAt", "version"})
            QVERIFY2(json.contains(QLatin1String(key)), key);
        QCOMPARE(json.value("createdAt").toString(), QStringLiteral("2026-11-21T12:34:56.789Z"));
        QCOMPARE(Message::fromJson(overTheWire(json)), message);
    }

    void plainMessageHasNulls()
    {
        Message message;
        message.id = 5;
        message.type = message::typeText;
        message.status = message::statusSent;
        message.createdAtMs = 1;
        const QJsonObject json = message.toJson();
        QCOMPARE(json.value("replyTo"), QJsonValue(QJsonValue::Null));
        QCOMPARE(json.value("forwardedFrom"), QJsonValue(QJsonValue::Null));
        QCOMPARE(json.value("editedAt"), QJsonValue(QJsonValue::Null));
        QCOMPARE(json.value("files").toArray().size(), 0);
        QCOMPARE(json.value("reactions").toArray().size(), 0);
        QCOMPARE(Message::fromJson(overTheWire(json)), message);
    }

    void chatRoundTrip()
    {
        Chat chat;
        chat.id = QStringLiteral("c-1");
        chat.type = chat::typeGroup;
        chat.title = QStringLiteral("Команда");
        chat.members = {
            ChatMember{User{QStringLiteral("u-1"), QStringLiteral("makar"), QStringLiteral("Макар"),
                           QString(), QString(), QString(), false, 1, true, 0},
                chat::roleOwner},
            ChatMember{User{QStringLiteral("u-2"), QStringLiteral("emma"), QStringLiteral("Emma"),
                           QString(), QString(), QString(), false, 1, false, 1795264496789},
                chat::roleMember}};
        chat.myRole = chat::roleOwner;
        chat.lastMessage = sampleMessage();
        chat.unreadCount = 3;
        chat.readMessageId = 40;
        chat.createdAtMs = 1795264000000;
        chat.updatedAtMs = 1795264496789;
        chat.version = 77;
        const QJsonObject json = chat.toJson();
        for (const char *key :
            {"id", "type", "title", "avatarUrl", "members", "myRole", "lastMessage", "unreadCount",
                "readMessageId", "createdAt", "updatedAt", "version"})
            QVERIFY2(json.contains(QLatin1String(key)), key);
        QCOMPARE(json.value("avatarUrl"), QJsonValue(QJsonValue::Null));
        QCOMPARE(json.value("members").toArray().at(0).toObject().value("role").toString(),
            QStringLiteral("owner"));
        QCOMPARE(Chat::fromJson(overTheWire(json)), chat);

        chat.lastMessage.reset();
        QCOMPARE(chat.toJson().value("lastMessage"), QJsonValue(QJsonValue::Null));
        QCOMPARE(Chat::fromJson(overTheWire(chat.toJson())), chat);
    }

    void messageTypes()
    {
        QCOMPARE(message::types(),
            QStringList({"text", "photo", "video", "document", "audio", "voice", "sticker"}));
    }

    void messageText_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("stored");
        QTest::addColumn<QString>("code"); // empty: accepted
        QTest::newRow("plain") << "Привет"
                               << "Привет"
                               << "";
        QTest::newRow("trailing whitespace goes") << "hi \n\t "
                                                  << "hi"
                                                  << "";
        QTest::newRow("leading indentation stays") << "  code"
                                                   << "  code"
                                                   << "";
        QTest::newRow("CR LF becomes LF") << "a\r\nb\rc"
                                          << "a\nb\nc"
                                          << "";
        QTest::newRow("tabs are fine") << "a\tb"
                                       << "a\tb"
                                       << "";
        QTest::newRow("empty") << ""
                               << ""
                               << "invalid_field";
        QTest::newRow("only spaces") << "   "
                                     << ""
                                     << "invalid_field";
        QTest::newRow("NUL") << QStringLiteral("a") + QChar(0) + "b"
                             << QStringLiteral("a") + QChar(0) + "b"
                             << "invalid_field";
        QTest::newRow("bell") << "a\ab"
                              << "a\ab"
                              << "invalid_field";
        QTest::newRow("right-to-left override") << "a\u202Eb"
                                                << "a\u202Eb"
                                                << "invalid_field";
        QTest::newRow("isolate") << "a\u2067b"
                                 << "a\u2067b"
                                 << "invalid_field";
        QTest::newRow("right-to-left mark is fine") << "שלום\u200F"
                                                    << "שלום\u200F"
                                                    << "";
        const QString longest = QString(QStringLiteral("ё")).repeated(limits::messageTextMaxChars);
        QTest::newRow("4096 characters") << longest << longest << "";
        const QString rockets = QString(QStringLiteral("🚀")).repeated(limits::messageTextMaxChars);
        QTest::newRow("4096 emoji, 8192 UTF-16 units") << rockets << rockets << "";
        QTest::newRow("4097 characters") << longest + "x" << longest + "x"
                                         << "text_too_long";
    }

    void messageText()
    {
        QFETCH(QString, typed);
        QFETCH(QString, stored);
        QFETCH(QString, code);
        const QString normalized = validation::normalizedMessageText(typed);
        QCOMPARE(normalized, stored);
        const auto problem = validation::checkMessageText(normalized);
        QCOMPARE(problem ? problem->code : QString(), code);
        if (problem)
            QCOMPARE(problem->field, QStringLiteral("text"));
    }

    void clientIds_data()
    {
        QTest::addColumn<QString>("clientId");
        QTest::addColumn<bool>("valid");
        QTest::newRow("uuid") << "3f1c2a9e-0000-4000-8000-000000000001" << true;
        QTest::newRow("underscore") << "draft_12" << true;
        QTest::newRow("64 characters") << QString(64, QLatin1Char('a')) << true;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("65 characters") << QString(65, QLatin1Char('a')) << false;
        QTest::newRow("space") << "a b" << false;
        QTest::newRow("cyrillic") << "ид" << false;
        QTest::newRow("slash") << "a/b" << false;
    }

    void clientIds()
    {
        QFETCH(QString, clientId);
        QFETCH(bool, valid);
        const auto problem = validation::checkClientId(clientId);
        QCOMPARE(!problem.has_value(), valid);
        if (problem)
            QCOMPARE(problem->field, QStringLiteral("clientId"));
    }

    void reactions_data()
    {
        QTest::addColumn<QString>("emoji");
        QTest::addColumn<bool>("valid");
        QTest::newRow("thumbs up") << "👍" << true;
        QTest::newRow("with skin tone") << "👍🏽" << true;
        QTest::newRow("family (joined)") << "👨‍👩‍👧‍👦" << true;
        QTest::newRow("flag") << "🇷🇺" << true;
        QTest::newRow("keycap") << "1️⃣" << true;
        QTest::newRow("heart with selector") << "❤️" << true;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("word") << "like" << false;
        QTest::newRow("cyrillic letter") << "ж" << false;
        QTest::newRow("digits only") << "42" << false;
        QTest::newRow("punctuation only") << ":)" << false;
        QTest::newRow("with a space") << "👍 👍" << false;
        QTest::newRow("17 code points") << QString(QStringLiteral("👍")).repeated(17) << false;
        QTest::newRow("bidi") << "👍\u202E" << false;
    }

    void reactions()
    {
        QFETCH(QString, emoji);
        QFETCH(bool, valid);
        const auto problem = validation::checkReaction(emoji);
        QCOMPARE(!problem.has_value(), valid);
        if (problem)
            QCOMPARE(problem->field, QStringLiteral("emoji"));
    }

    void chatTitles_data()
    {
        QTest::addColumn<QString>("title");
        QTest::addColumn<bool>("valid");
        QTest::newRow("cyrillic") << "Команда КОСМОС" << true;
        QTest::newRow("emoji") << "🚀 Launch" << true;
        QTest::newRow("128 characters") << QString(128, QLatin1Char('t')) << true;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("129 characters") << QString(129, QLatin1Char('t')) << false;
        QTest::newRow("new line") << "a\nb" << false;
        QTest::newRow("override") << "a\u202Db" << false;
    }

    void chatTitles()
    {
        QFETCH(QString, title);
        QFETCH(bool, valid);
        const auto problem = validation::checkChatTitle(title);
        QCOMPARE(!problem.has_value(), valid);
        if (problem)
            QCOMPARE(problem->field, QStringLiteral("title"));
    }
};

QTEST_GUILESS_MAIN(MessagingTest)
#include "tst_messaging.moc"
