#include "ClientDevice.h"
#include "Localization.h"
#include "Notifier.h"
#include "ServerTestCase.h"

#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QWindow>

using namespace kocmoc;
using namespace kocmoc::test;

using Notification = Notifier::Notification;
Q_DECLARE_METATYPE(Notifier::Incoming)
Q_DECLARE_METATYPE(std::optional<Notifier::Notification>)

// Desktop notifications as a person meets them: a message from someone else
// while KOCMOC is in the background shows who wrote and what, as plain text on
// one line; nothing shows while the window is in front or when switched off.
// On this machine there is no system tray: then only the window's alert is
// given, and nothing breaks.
class NotifierTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    quint16 m_port = 0;
    Localization m_localization;
    int m_counter = 0;

    QJsonObject person(const char *prefix, const QString &displayName)
    {
        return m_server->registerUser(
            QStringLiteral("%1_%2").arg(QLatin1String(prefix)).arg(++m_counter), displayName);
    }
    static QString idOf(const QJsonObject &grant)
    {
        return grant.value(QStringLiteral("user"))
            .toObject()
            .value(QStringLiteral("id"))
            .toString();
    }
    static QString tokenOf(const QJsonObject &grant)
    {
        return grant.value(QStringLiteral("accessToken")).toString();
    }
    static QString usernameOf(const QJsonObject &grant)
    {
        return grant.value(QStringLiteral("user"))
            .toObject()
            .value(QStringLiteral("username"))
            .toString();
    }
    void send(const QJsonObject &from, const QString &chatId, const QString &text)
    {
        QCOMPARE(sendAs(*m_server, tokenOf(from), chatId, text).status, 201);
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

    void decision_data()
    {
        QTest::addColumn<Notifier::Incoming>("message");
        QTest::addColumn<bool>("windowActive");
        QTest::addColumn<bool>("enabled");
        QTest::addColumn<std::optional<Notification>>("expected");

        const Notifier::Incoming direct{QStringLiteral("c1"), QStringLiteral("Борис Петров"), false,
            QStringLiteral("Борис Петров"), QStringLiteral("text"), QStringLiteral("Привет!")};
        QTest::newRow("direct, in the background")
            << direct << false << true
            << std::optional(Notification{QStringLiteral("c1"), QStringLiteral("Борис Петров"),
                   QStringLiteral("Привет!")});
        QTest::newRow("window in front") << direct << true << true << std::optional<Notification>();
        QTest::newRow("switched off") << direct << false << false << std::optional<Notification>();

        Notifier::Incoming group = direct;
        group.chatTitle = QStringLiteral("Команда");
        group.isGroup = true;
        QTest::newRow("group: its title, then who wrote")
            << group << false << true
            << std::optional(Notification{QStringLiteral("c1"), QStringLiteral("Команда"),
                   QStringLiteral("Борис Петров: Привет!")});

        Notifier::Incoming lines = direct;
        lines.text = QStringLiteral("  first line\n\nsecond\tline  ");
        QTest::newRow("one line") << lines << false << true
                                  << std::optional(Notification{QStringLiteral("c1"),
                                         QStringLiteral("Борис Петров"),
                                         QStringLiteral("first line second line")});

        Notifier::Incoming markup = direct;
        markup.text = QStringLiteral("<b>x</b> & <a href=\"y\">z</a>");
        QTest::newRow("markup stays text")
            << markup << false << true
            << std::optional(Notification{QStringLiteral("c1"), QStringLiteral("Борис Петров"),
                   QStringLiteral("<b>x</b> & <a href=\"y\">z</a>")});

        Notifier::Incoming photo = direct;
        photo.type = QStringLiteral("photo");
        photo.text.clear();
        QTest::newRow("photo") << photo << false << true
                               << std::optional(Notification{QStringLiteral("c1"),
                                      QStringLiteral("Борис Петров"), QStringLiteral("Photo")});
        photo.text = QStringLiteral("Закат");
        QTest::newRow("photo with a caption")
            << photo << false << true
            << std::optional(Notification{QStringLiteral("c1"), QStringLiteral("Борис Петров"),
                   QStringLiteral("Photo: Закат")});

        Notifier::Incoming blank = direct;
        blank.text = QStringLiteral(" \n ");
        QTest::newRow("nothing to say") << blank << false << true << std::optional<Notification>();
    }

    void decision()
    {
        QFETCH(Notifier::Incoming, message);
        QFETCH(bool, windowActive);
        QFETCH(bool, enabled);
        QFETCH(std::optional<Notification>, expected);
        const auto notification = Notifier::notificationFor(message, windowActive, enabled);
        QCOMPARE(notification.has_value(), expected.has_value());
        if (expected) {
            QCOMPARE(notification->chatId, expected->chatId);
            QCOMPARE(notification->title, expected->title);
            QCOMPARE(notification->body, expected->body);
        }
    }

    void longTextsAreShortened()
    {
        const QString text = QString(200, QLatin1Char('a'));
        const QString body = Notifier::preview(QStringLiteral("text"), text);
        QCOMPARE(body.size(), Notifier::previewLength);
        QVERIFY(body.endsWith(QStringLiteral("…")));
        // An emoji is never cut in half.
        const QString emoji
            = QString(Notifier::previewLength - 2, QLatin1Char('a')) + QStringLiteral("🚀🚀🚀");
        const QString cut = Notifier::preview(QStringLiteral("text"), emoji);
        QVERIFY(!cut.isEmpty());
        for (qsizetype i = 0; i < cut.size(); ++i) {
            if (cut.at(i).isHighSurrogate())
                QVERIFY(i + 1 < cut.size() && cut.at(i + 1).isLowSurrogate());
        }
    }

    void desktopServersGetEscapedText()
    {
        const QString shown = Notifier::escapedForDesktop(QStringLiteral("<b>x</b> & y"));
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN) && !defined(Q_OS_ANDROID)
        QCOMPARE(shown, QStringLiteral("&lt;b&gt;x&lt;/b&gt; &amp; y"));
#else
        QCOMPARE(shown, QStringLiteral("<b>x</b> & y"));
#endif
    }

    // Boris writes while Alice's KOCMOC is in the background: she is told, once per
    // message, with his name and his words; with the window in front she is not.
    void messagesFromOthersNotifyWhileInTheBackground()
    {
        const QJsonObject alice = person("alice", QStringLiteral("Алиса Смирнова"));
        const QJsonObject boris = person("boris", QStringLiteral("Борис Петров"));
        const QJsonObject emma = person("emma", QStringLiteral("Emma Wilson"));
        const QString direct
            = m_server
                  ->call("POST", QStringLiteral("/api/chats"),
                      QJsonObject{{QStringLiteral("userId"), idOf(alice)}}, tokenOf(boris))
                  .object()
                  .value(QStringLiteral("id"))
                  .toString();
        const QString group
            = m_server
                  ->call("POST", QStringLiteral("/api/chats/group"),
                      QJsonObject{{QStringLiteral("title"), QStringLiteral("Команда")},
                          {QStringLiteral("memberIds"), QJsonArray{idOf(alice), idOf(emma)}}},
                      tokenOf(boris))
                  .object()
                  .value(QStringLiteral("id"))
                  .toString();
        QVERIFY(!direct.isEmpty());
        QVERIFY(!group.isEmpty());

        QTemporaryDir dir;
        ClientDevice device(m_port, dir.path());
        QVERIFY(device.signIn(usernameOf(alice)));
        QVERIFY(device.ready());
        QTRY_COMPARE_WITH_TIMEOUT(device.messenger.chats()->count(), 2, answerMs);

        QWindow window; // never shown: in the background, as when another app is in front
        Notifier notifier;
        notifier.setMessenger(&device.messenger);
        notifier.setWindow(&window);
        // No system tray here (offscreen): the alert alone, without a crash.
        QCOMPARE(notifier.usesTray(), QSystemTrayIcon::isSystemTrayAvailable());
        QSignalSpy notified(&notifier, &Notifier::notified);
        QSignalSpy received(&device.messenger, &Messenger::messageReceived);

        send(boris, direct, QStringLiteral("Смотрим запуск вместе?\nЯ возьму пиццу"));
        QTRY_COMPARE_WITH_TIMEOUT(notified.size(), 1, answerMs);
        auto shown = notified.takeFirst().at(0).value<Notification>();
        QCOMPARE(shown.title, QStringLiteral("Борис Петров"));
        QCOMPARE(shown.body, QStringLiteral("Смотрим запуск вместе? Я возьму пиццу"));
        QCOMPARE(shown.chatId, direct);

        send(emma, group, QStringLiteral("<b>x</b>"));
        QTRY_COMPARE_WITH_TIMEOUT(notified.size(), 1, answerMs);
        shown = notified.takeFirst().at(0).value<Notification>();
        QCOMPARE(shown.title, QStringLiteral("Команда"));
        QCOMPARE(shown.body, QStringLiteral("Emma Wilson: <b>x</b>"));

        // Her own messages, from another device, never notify.
        received.clear();
        send(alice, direct, QStringLiteral("Конечно!"));
        send(boris, direct, QStringLiteral("Отлично"));
        QTRY_COMPARE_WITH_TIMEOUT(notified.size(), 1, answerMs);
        QCOMPARE(notified.takeFirst().at(0).value<Notification>().body, QStringLiteral("Отлично"));

        // Switched off in the settings: nothing, though the message arrives.
        notifier.setEnabled(false);
        received.clear();
        send(boris, direct, QStringLiteral("Ты тут?"));
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, answerMs);
        QCOMPARE(notified.size(), 0);
        notifier.setEnabled(true);

        // The window in front: the chat list shows it already.
        window.show();
        window.requestActivate();
        if (!QTest::qWaitForWindowActive(&window))
            QSKIP("This platform does not activate windows.");
        received.clear();
        send(boris, direct, QStringLiteral("Вижу, ты тут"));
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, answerMs);
        QCOMPARE(notified.size(), 0);
    }
};

QTEST_MAIN(NotifierTest)
#include "tst_notifier.moc"
