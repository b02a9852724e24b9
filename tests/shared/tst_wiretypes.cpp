#include <kocmoc/ApiError.h>
#include <kocmoc/JsonTime.h>
#include <kocmoc/Session.h>
#include <kocmoc/User.h>

#include <QJsonDocument>
#include <QTest>

using namespace kocmoc;

class WireTypesTest : public QObject
{
    Q_OBJECT

private slots:
    void timesAreIsoUtcWithMilliseconds()
    {
        QCOMPARE(json::isoFromMs(1795264496789), QStringLiteral("2026-11-21T12:34:56.789Z"));
        QCOMPARE(json::msFromIso(QStringLiteral("2026-11-21T12:34:56.789Z")), 1795264496789);
        QCOMPARE(json::isoOrNull(0), QJsonValue(QJsonValue::Null));
        QCOMPARE(json::msFromIso(QStringLiteral("yesterday")), 0);
    }

    void userRoundTrip()
    {
        User user{QStringLiteral("3f1c2a9e-0000-4000-8000-000000000001"), QStringLiteral("makar"),
            QStringLiteral("Макар Иванов"), QString(), QStringLiteral("Привет"),
            QStringLiteral("🚀"), true, 10, true, 1795264496789};
        const QJsonObject json = user.toJson();
        for (const char *key : {"id", "username", "displayName", "avatarUrl", "bio", "emojiStatus",
                 "verified", "accessLevel", "online", "lastSeenAt"})
            QVERIFY2(json.contains(QLatin1String(key)), key);
        QCOMPARE(json.value("avatarUrl"), QJsonValue(QJsonValue::Null));
        QCOMPARE(json.value("lastSeenAt").toString(), QStringLiteral("2026-11-21T12:34:56.789Z"));
        // Through text, as on the wire.
        const QJsonObject parsed = QJsonDocument::fromJson(QJsonDocument(json).toJson()).object();
        QCOMPARE(User::fromJson(parsed), user);
    }

    void userNeverSeen()
    {
        const User user
            = User::fromJson(QJsonObject{{"id", "x"}, {"lastSeenAt", QJsonValue::Null}});
        QCOMPARE(user.lastSeenAtMs, 0);
        QCOMPARE(user.accessLevel, 1);
        QCOMPARE(user.toJson().value("lastSeenAt"), QJsonValue(QJsonValue::Null));
    }

    void sessionRoundTrip()
    {
        const Session session{QStringLiteral("s-1"), QStringLiteral("KOCMOC Desktop"),
            QStringLiteral("10.0.0.7"), 1795264496000, 1795264496789, true};
        QCOMPARE(Session::fromJson(session.toJson()), session);
    }

    void errorBody()
    {
        const ApiError error = ApiError::invalidField(
            QStringLiteral("email"), QStringLiteral("This is not an email address."));
        const QJsonObject body = error.toJson();
        QCOMPARE(body.value("error").toObject().value("code").toString(),
            QStringLiteral("invalid_field"));
        QCOMPARE(body.value("error").toObject().value("field").toString(), QStringLiteral("email"));
        QCOMPARE(ApiError::fromJson(400, body).message, error.message);
        // "field" only where one field is at fault.
        QVERIFY(!ApiError::notFound().toJson().value("error").toObject().contains("field"));
        QCOMPARE(ApiError::tooManyRequests(QStringLiteral("locked"), QStringLiteral("…"), 0)
                     .retryAfterSeconds,
            1);
    }
};

QTEST_APPLESS_MAIN(WireTypesTest)
#include "tst_wiretypes.moc"
