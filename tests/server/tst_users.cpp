#include "ServerTestCase.h"

using namespace kocmoc;
using namespace kocmoc::test;

class UsersTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    QString m_token;
    QString m_makarId;

    Response get(const QString &path)
    {
        return m_server->call("GET", path, QJsonValue::Undefined, m_token);
    }
    Response patch(const QJsonObject &body)
    {
        return m_server->call("PATCH", QStringLiteral("/api/users/me"), body, m_token);
    }

    QStringList searchNames(const QString &query)
    {
        const Response response = get(
            QStringLiteral("/api/users?q=") + QString::fromLatin1(QUrl::toPercentEncoding(query)));
        QStringList names;
        for (const QJsonValue user : response.array())
            names.append(user.toObject().value("username").toString());
        return names;
    }

private slots:
    void initTestCase()
    {
        KOCMOC_REQUIRE_DATABASE();
        m_server = std::make_unique<TestServer>();
        KOCMOC_START(*m_server);
        m_token = m_server->registerUser(QStringLiteral("viewer"), QStringLiteral("Зритель"))
                      .value("accessToken")
                      .toString();
        m_makarId = m_server->registerUser(QStringLiteral("makar"), QStringLiteral("Макар Иванов"))
                        .value("user")
                        .toObject()
                        .value("id")
                        .toString();
        m_server->registerUser(QStringLiteral("makarena"), QStringLiteral("Makarena Diaz"));
        m_server->registerUser(QStringLiteral("olga"), QStringLiteral("Ольга Макарова"));
        m_server->registerUser(QStringLiteral("percent_man"), QStringLiteral("100% Real"));
    }

    void everyUserRouteNeedsAToken()
    {
        for (const QString &path : {QStringLiteral("/api/users"), QStringLiteral("/api/users/me"),
                 QStringLiteral("/api/users/") + m_makarId}) {
            const Response response = m_server->call("GET", path);
            QCOMPARE(response.status, 401);
            QCOMPARE(response.errorCode(), QStringLiteral("unauthorized"));
        }
    }

    void meShowsTheOwnProfile()
    {
        const Response response = get(QStringLiteral("/api/users/me"));
        QCOMPARE(response.status, 200);
        const QJsonObject me = response.object();
        QCOMPARE(me.value("username").toString(), QStringLiteral("viewer"));
        QCOMPARE(me.value("email").toString(), QStringLiteral("viewer@example.org"));
        for (const char *key : {"id", "username", "displayName", "avatarUrl", "bio", "emojiStatus",
                 "verified", "accessLevel", "online", "lastSeenAt"})
            QVERIFY2(me.contains(QLatin1String(key)), key);
    }

    void profileEdits()
    {
        // "Ё" typed as E + combining diaeresis is stored in its composed form.
        const Response edited = patch({{"displayName", QStringLiteral("  Зрител\u0415\u0308  ")},
            {"bio", QStringLiteral("Пишу код\nи стихи")}, {"emojiStatus", QStringLiteral("🚀")}});
        QCOMPARE(edited.status, 200);
        QCOMPARE(edited.object().value("displayName").toString(), QStringLiteral("Зрител\u0401"));
        QCOMPARE(edited.object().value("bio").toString(), QStringLiteral("Пишу код\nи стихи"));
        QCOMPARE(edited.object().value("emojiStatus").toString(), QStringLiteral("🚀"));
        // Fields left out stay as they were.
        const Response partial = patch({{"bio", QStringLiteral("")}});
        QCOMPARE(partial.object().value("displayName").toString(), QStringLiteral("Зрител\u0401"));
        QCOMPARE(partial.object().value("emojiStatus").toString(), QStringLiteral("🚀"));
        QCOMPARE(get(QStringLiteral("/api/users/me")).object().value("bio").toString(), QString());
    }

    void profileEditsAreChecked_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("empty display name") << QJsonObject{{"displayName", ""}} << "displayName";
        QTest::newRow("display name too long")
            << QJsonObject{{"displayName", QString(65, QLatin1Char('x'))}} << "displayName";
        QTest::newRow("display name with bidi")
            << QJsonObject{{"displayName", QStringLiteral("a\u202Eb")}} << "displayName";
        QTest::newRow("display name wrong type")
            << QJsonObject{{"displayName", 42}} << "displayName";
        QTest::newRow("bio too long")
            << QJsonObject{{"bio", QString(501, QLatin1Char('b'))}} << "bio";
        QTest::newRow("emoji status is text")
            << QJsonObject{{"emojiStatus", "hello"}} << "emojiStatus";
        QTest::newRow("avatar that is no file")
            << QJsonObject{{"avatarFileId", "3f1c0000-0000-4000-8000-000000000000"}}
            << "avatarFileId";
    }

    void profileEditsAreChecked()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, field);
        const Response response = patch(body);
        QCOMPARE(response.status, 400);
        QCOMPARE(response.errorField(), field);
    }

    void searchFindsPrefixesInAnyCaseAndScript_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("cyrillic prefix") << "мак" << QStringList{"makar", "olga"};
        QTest::newRow("cyrillic upper case") << "МАКАР" << QStringList{"makar", "olga"};
        QTest::newRow("second word") << "иван" << QStringList{"makar"};
        QTest::newRow("username prefix") << "makar" << QStringList{"makar", "makarena"};
        QTest::newRow("latin display name") << "diaz" << QStringList{"makarena"};
        QTest::newRow("no middle of a word") << "кар" << QStringList{};
        QTest::newRow("percent is literal") << "100%" << QStringList{"percent_man"};
        QTest::newRow("underscore is literal") << "m_" << QStringList{};
    }

    void searchFindsPrefixesInAnyCaseAndScript()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, expected);
        QStringList found = searchNames(query);
        found.sort();
        expected.sort();
        QCOMPARE(found, expected);
    }

    void searchChecksItsParameters()
    {
        QCOMPARE(get(QStringLiteral("/api/users?q=")).errorField(), QStringLiteral("q"));
        QCOMPARE(
            get(QStringLiteral("/api/users?q=a&limit=0")).errorField(), QStringLiteral("limit"));
        QCOMPARE(get(QStringLiteral("/api/users?q=a&limit=51")).status, 400);
        QCOMPARE(get(QStringLiteral("/api/users?q=a&limit=x")).status, 400);
        QCOMPARE(get(QStringLiteral("/api/users?q=mak&limit=1")).array().size(), 1);
    }

    void userById()
    {
        const Response found = get(QStringLiteral("/api/users/") + m_makarId);
        QCOMPARE(found.status, 200);
        QCOMPARE(found.object().value("displayName").toString(), QStringLiteral("Макар Иванов"));
        QVERIFY(!found.object().contains("email")); // only the owner sees it
        QCOMPARE(
            get(QStringLiteral("/api/users/00000000-0000-4000-8000-000000000000")).status, 404);
        QCOMPARE(get(QStringLiteral("/api/users/'%20OR%201=1--")).status, 404);
    }
};

QTEST_GUILESS_MAIN(UsersTest)
#include "tst_users.moc"
