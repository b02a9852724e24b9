#include <security/TokenService.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>
#include <QTest>

using kocmoc::security::AccessClaims;
using kocmoc::security::TokenService;

namespace {

const QByteArray secret = QByteArrayLiteral("0123456789abcdef0123456789abcdef");
const QByteArray otherSecret = QByteArrayLiteral("fedcba9876543210fedcba9876543210");
constexpr qint64 nowSeconds = 1'700'000'000;
constexpr qint64 nowMs = nowSeconds * 1000;
constexpr auto base64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QByteArray encode(const QByteArray &data)
{
    return data.toBase64(base64Url);
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray hs256Header()
{
    return QByteArrayLiteral(R"({"alg":"HS256","typ":"JWT"})");
}

QJsonObject validPayload()
{
    return QJsonObject{{QStringLiteral("sub"), QStringLiteral("user-1")},
        {QStringLiteral("sid"), QStringLiteral("session-1")}, {QStringLiteral("lvl"), 1},
        {QStringLiteral("iat"), nowSeconds - 60}, {QStringLiteral("nbf"), nowSeconds - 60},
        {QStringLiteral("exp"), nowSeconds + 840}};
}

QJsonObject payloadWith(const QString &key, const QJsonValue &value)
{
    QJsonObject payload = validPayload();
    if (value.isUndefined())
        payload.remove(key);
    else
        payload.insert(key, value);
    return payload;
}

// Signs already encoded segments exactly as given, the way an attacker holding the key could.
QByteArray signRaw(const QByteArray &header64, const QByteArray &payload64,
    const QByteArray &key = secret,
    QCryptographicHash::Algorithm algorithm = QCryptographicHash::Sha256)
{
    const QByteArray input = header64 + '.' + payload64;
    return input + '.' + encode(QMessageAuthenticationCode::hash(input, key, algorithm));
}

QByteArray sign(
    const QByteArray &header, const QJsonObject &payload, const QByteArray &key = secret)
{
    return signRaw(encode(header), encode(json(payload)), key);
}

AccessClaims sampleClaims()
{
    AccessClaims claims;
    claims.userId = QStringLiteral("7c9e6679-7425-40de-944b-e07fc1f90ae7");
    claims.sessionId = QStringLiteral("session-Сессия");
    claims.accessLevel = 10;
    claims.issuedAtMs = nowMs - 60'000;
    claims.expiresAtMs = nowMs + 15 * 60'000;
    return claims;
}

} // namespace

class TestTokenService : public QObject
{
    Q_OBJECT

private slots:
    void roundTripKeepsEveryClaim();
    void issuedTokenHasTheFixedHeader();
    void timesAreWholeSecondsOnTheWire();
    void handcraftedValidTokenIsAccepted();
    void clockSkewIsTolerated();
    void refusesInvalidTokens_data();
    void refusesInvalidTokens();
    void expiredTokens_data();
    void expiredTokens();
    void keyedHash();
};

void TestTokenService::roundTripKeepsEveryClaim()
{
    const TokenService service(secret);
    const AccessClaims claims = sampleClaims();
    const auto verified = service.verifyAccessToken(service.issueAccessToken(claims), nowMs);
    QVERIFY2(verified.ok(), qPrintable(verified.ok() ? QString() : verified.error().code));
    QCOMPARE(verified->userId, claims.userId);
    QCOMPARE(verified->sessionId, claims.sessionId);
    QCOMPARE(verified->accessLevel, claims.accessLevel);
    QCOMPARE(verified->issuedAtMs, claims.issuedAtMs);
    QCOMPARE(verified->expiresAtMs, claims.expiresAtMs);
}

void TestTokenService::issuedTokenHasTheFixedHeader()
{
    const TokenService service(secret);
    const QList<QByteArray> segments
        = service.issueAccessToken(sampleClaims()).toLatin1().split('.');
    QCOMPARE(segments.size(), 3);
    QCOMPARE(QByteArray::fromBase64(segments[0], QByteArray::Base64UrlEncoding), hs256Header());
    for (const QByteArray &segment : segments) {
        QVERIFY(!segment.contains('='));
        QVERIFY(!segment.contains('+'));
        QVERIFY(!segment.contains('/'));
    }
    // A token made by another server with another secret is not ours.
    const TokenService other(otherSecret);
    const auto foreign = other.verifyAccessToken(service.issueAccessToken(sampleClaims()), nowMs);
    QVERIFY(!foreign.ok());
    QCOMPARE(foreign.error().code, QStringLiteral("invalid_token"));
}

void TestTokenService::timesAreWholeSecondsOnTheWire()
{
    const TokenService service(secret);
    AccessClaims claims = sampleClaims();
    claims.issuedAtMs = nowMs + 999;
    claims.expiresAtMs = nowMs + 900'999;
    const QByteArray payload64 = service.issueAccessToken(claims).toLatin1().split('.').at(1);
    const QJsonObject payload
        = QJsonDocument::fromJson(QByteArray::fromBase64(payload64, QByteArray::Base64UrlEncoding))
              .object();
    QCOMPARE(payload.size(), 6);
    QCOMPARE(payload.value(QLatin1StringView("iat")).toInteger(), nowSeconds);
    QCOMPARE(payload.value(QLatin1StringView("nbf")).toInteger(), nowSeconds);
    QCOMPARE(payload.value(QLatin1StringView("exp")).toInteger(), nowSeconds + 900);
    QCOMPARE(payload.value(QLatin1StringView("lvl")).toInteger(), 10);
    QCOMPARE(payload.value(QLatin1StringView("sub")).toString(), claims.userId);
    QCOMPARE(payload.value(QLatin1StringView("sid")).toString(), claims.sessionId);
    // The raw JSON holds plain integers, as other JWT libraries expect.
    const QByteArray raw = QByteArray::fromBase64(payload64, QByteArray::Base64UrlEncoding);
    QVERIFY2(raw.contains("\"exp\":1700000900"), raw.constData());

    const auto verified = service.verifyAccessToken(service.issueAccessToken(claims), nowMs);
    QVERIFY(verified.ok());
    QCOMPARE(verified->issuedAtMs, nowMs);
    QCOMPARE(verified->expiresAtMs, nowMs + 900'000);
}

void TestTokenService::handcraftedValidTokenIsAccepted()
{
    // Guards the negative cases below: the helpers themselves make acceptable tokens.
    const TokenService service(secret);
    QVERIFY(
        service.verifyAccessToken(QString::fromLatin1(sign(hs256Header(), validPayload())), nowMs)
            .ok());
    // "typ" is optional.
    QVERIFY(service
                .verifyAccessToken(
                    QString::fromLatin1(sign(R"({"alg":"HS256"})", validPayload())), nowMs)
                .ok());
}

void TestTokenService::clockSkewIsTolerated()
{
    const TokenService service(secret);
    QJsonObject payload = validPayload();
    payload.insert(QStringLiteral("iat"), nowSeconds + 5);
    payload.insert(QStringLiteral("nbf"), nowSeconds + 5);
    QVERIFY(
        service.verifyAccessToken(QString::fromLatin1(sign(hs256Header(), payload)), nowMs).ok());
}

void TestTokenService::refusesInvalidTokens_data()
{
    QTest::addColumn<QByteArray>("token");

    const QByteArray header64 = encode(hs256Header());
    const QByteArray payload64 = encode(json(validPayload()));
    const QByteArray valid = signRaw(header64, payload64);
    const QByteArray signature64 = valid.split('.').at(2);

    // Algorithm confusion.
    const QByteArray none = encode(R"({"alg":"none","typ":"JWT"})");
    QTest::newRow("alg none, no signature") << none + '.' + payload64 + '.';
    QTest::newRow("alg none, with signature") << signRaw(none, payload64);
    QTest::newRow("alg None") << sign(R"({"alg":"None","typ":"JWT"})", validPayload());
    QTest::newRow("alg HS512") << signRaw(
        encode(R"({"alg":"HS512","typ":"JWT"})"), payload64, secret, QCryptographicHash::Sha512);
    QTest::newRow("alg HS512, HS256 signature")
        << sign(R"({"alg":"HS512","typ":"JWT"})", validPayload());
    QTest::newRow("alg RS256") << sign(R"({"alg":"RS256","typ":"JWT"})", validPayload());
    QTest::newRow("alg hs256") << sign(R"({"alg":"hs256","typ":"JWT"})", validPayload());
    QTest::newRow("alg missing") << sign(R"({"typ":"JWT"})", validPayload());
    QTest::newRow("alg not a string") << sign(R"({"alg":256,"typ":"JWT"})", validPayload());
    QTest::newRow("alg array") << sign(R"({"alg":["HS256"],"typ":"JWT"})", validPayload());
    QTest::newRow("typ JWS") << sign(R"({"alg":"HS256","typ":"JWS"})", validPayload());
    QTest::newRow("typ null") << sign(R"({"alg":"HS256","typ":null})", validPayload());
    QTest::newRow("crit header") << sign(
        R"({"alg":"HS256","typ":"JWT","crit":["exp"]})", validPayload());
    QTest::newRow("kid header") << sign(
        R"({"alg":"HS256","typ":"JWT","kid":"../../etc/passwd"})", validPayload());

    // Forgery.
    QByteArray flipped = QByteArray::fromBase64(signature64, QByteArray::Base64UrlEncoding);
    flipped[5] = char(flipped[5] ^ 0x01);
    QTest::newRow("flipped signature byte") << header64 + '.' + payload64 + '.' + encode(flipped);
    QTest::newRow("truncated signature")
        << header64 + '.' + payload64 + '.' + encode(flipped.left(31));
    QTest::newRow("signature of the payload only") << header64 + '.' + payload64 + '.'
            + encode(
                QMessageAuthenticationCode::hash(payload64, secret, QCryptographicHash::Sha256));
    QTest::newRow("lvl raised without re-signing") << header64 + '.'
            + encode(json(payloadWith(QStringLiteral("lvl"), 100))) + '.' + signature64;
    QTest::newRow("sub changed without re-signing") << header64 + '.'
            + encode(json(payloadWith(QStringLiteral("sub"), QStringLiteral("admin")))) + '.'
            + signature64;
    QTest::newRow("other secret") << sign(hs256Header(), validPayload(), otherSecret);
    QTest::newRow("empty secret") << sign(hs256Header(), validPayload(), QByteArray());
    QTest::newRow("signature moved to header") << signature64 + '.' + payload64 + '.' + header64;

    // Shape.
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("dots only") << QByteArrayLiteral("..");
    QTest::newRow("garbage") << QByteArrayLiteral("not a token");
    QTest::newRow("2 segments") << header64 + '.' + payload64;
    QTest::newRow("4 segments") << valid + '.' + signature64;
    QTest::newRow("trailing dot") << valid + '.';
    QTest::newRow("leading dot") << '.' + valid;
    QTest::newRow("signature padded") << valid + '=';
    QTest::newRow("signature padded twice") << valid + "==";
    // Signed over exactly these bytes, so only strict decoding can refuse them.
    QByteArray padded;
    for (QString sub = QStringLiteral("user-1"); !padded.endsWith('='); sub += QLatin1Char('x'))
        padded
            = json(payloadWith(QStringLiteral("sub"), sub)).toBase64(QByteArray::Base64UrlEncoding);
    QTest::newRow("payload padded, signed") << signRaw(header64, padded);
    QTest::newRow("header padded, signed")
        << signRaw(hs256Header().toBase64(QByteArray::Base64UrlEncoding) + "==", payload64);
    QTest::newRow("space inside payload, signed")
        << signRaw(header64, payload64.left(10) + ' ' + payload64.mid(10));
    QTest::newRow("newline inside payload, signed")
        << signRaw(header64, payload64.left(10) + '\n' + payload64.mid(10));
    QTest::newRow("space inside signature")
        << header64 + '.' + payload64 + '.' + signature64.left(10) + ' ' + signature64.mid(10);
    QTest::newRow("leading space") << ' ' + valid;
    QTest::newRow("trailing newline") << valid + '\n';
    QTest::newRow("'+' in signature")
        << header64 + '.' + payload64 + '.' + signature64.left(5) + '+' + signature64.mid(6);
    QTest::newRow("'/' in signature")
        << header64 + '.' + payload64 + '.' + signature64.left(5) + '/' + signature64.mid(6);
    // 32 bytes leave 2 spare bits in the last character; a second spelling must not verify.
    QByteArray respelled = signature64;
    const char last = respelled.back();
    respelled.back() = last == 'A' ? 'B' : char(last + 1);
    QTest::newRow("non-canonical signature") << header64 + '.' + payload64 + '.' + respelled;

    // Header and payload that are not what they claim.
    QTest::newRow("header not JSON") << signRaw(encode("alg=HS256"), payload64);
    QTest::newRow("header JSON array") << signRaw(encode(R"(["HS256"])"), payload64);
    QTest::newRow("header empty") << signRaw(QByteArray(), payload64);
    QTest::newRow("payload not JSON") << signRaw(header64, encode("sub=user-1"));
    QTest::newRow("payload JSON array") << signRaw(header64, encode(R"(["user-1"])"));
    QTest::newRow("payload empty") << signRaw(header64, QByteArray());
    QTest::newRow("sub missing") << sign(hs256Header(), payloadWith(QStringLiteral("sub"), {}));
    QTest::newRow("sub empty") << sign(
        hs256Header(), payloadWith(QStringLiteral("sub"), QString()));
    QTest::newRow("sub number") << sign(hs256Header(), payloadWith(QStringLiteral("sub"), 1));
    QTest::newRow("sid missing") << sign(hs256Header(), payloadWith(QStringLiteral("sid"), {}));
    QTest::newRow("sid empty") << sign(
        hs256Header(), payloadWith(QStringLiteral("sid"), QString()));
    QTest::newRow("lvl missing") << sign(hs256Header(), payloadWith(QStringLiteral("lvl"), {}));
    QTest::newRow("lvl string") << sign(
        hs256Header(), payloadWith(QStringLiteral("lvl"), QStringLiteral("100")));
    QTest::newRow("lvl fraction") << sign(hs256Header(), payloadWith(QStringLiteral("lvl"), 1.5));
    QTest::newRow("lvl beyond int")
        << sign(hs256Header(), payloadWith(QStringLiteral("lvl"), 4'294'967'297.0));
    QTest::newRow("exp missing") << sign(hs256Header(), payloadWith(QStringLiteral("exp"), {}));
    QTest::newRow("exp string") << sign(
        hs256Header(), payloadWith(QStringLiteral("exp"), QStringLiteral("1700000900")));
    QTest::newRow("iat missing") << sign(hs256Header(), payloadWith(QStringLiteral("iat"), {}));
    QTest::newRow("nbf missing") << sign(hs256Header(), payloadWith(QStringLiteral("nbf"), {}));
    QTest::newRow("exp absurd") << sign(hs256Header(), payloadWith(QStringLiteral("exp"), 1e300));

    // Not yet valid, beyond the 5 s of skew.
    QTest::newRow("nbf in the future")
        << sign(hs256Header(), payloadWith(QStringLiteral("nbf"), nowSeconds + 6));
    QTest::newRow("iat in the future")
        << sign(hs256Header(), payloadWith(QStringLiteral("iat"), nowSeconds + 6));
    QTest::newRow("iat far in the future")
        << sign(hs256Header(), payloadWith(QStringLiteral("iat"), nowSeconds + 86'400));
}

void TestTokenService::refusesInvalidTokens()
{
    QFETCH(QByteArray, token);
    const TokenService service(secret);
    const auto result = service.verifyAccessToken(QString::fromLatin1(token), nowMs);
    QVERIFY2(!result.ok(), token.constData());
    QCOMPARE(result.error().status, 401);
    QCOMPARE(result.error().code, QStringLiteral("invalid_token"));
    QCOMPARE(result.error().message, QStringLiteral("The access token is not valid."));
}

void TestTokenService::expiredTokens_data()
{
    QTest::addColumn<qint64>("expSeconds");
    QTest::addColumn<qint64>("verifiedAtMs");
    QTest::addColumn<bool>("expired");
    QTest::newRow("exp == now") << nowSeconds << nowMs << true;
    QTest::newRow("exp < now") << nowSeconds - 1 << nowMs << true;
    QTest::newRow("exp long past") << nowSeconds - 86'400 << nowMs << true;
    QTest::newRow("exp 1 ms ahead") << nowSeconds << nowMs - 1 << false;
    QTest::newRow("exp ahead") << nowSeconds + 900 << nowMs << false;
}

void TestTokenService::expiredTokens()
{
    QFETCH(qint64, expSeconds);
    QFETCH(qint64, verifiedAtMs);
    QFETCH(bool, expired);
    const TokenService service(secret);
    AccessClaims claims = sampleClaims();
    claims.issuedAtMs = nowMs - 3'600'000;
    claims.expiresAtMs = expSeconds * 1000;
    const auto result = service.verifyAccessToken(service.issueAccessToken(claims), verifiedAtMs);
    QCOMPARE(!result.ok(), expired);
    if (expired) {
        QCOMPARE(result.error().status, 401);
        QCOMPARE(result.error().code, QStringLiteral("token_expired"));
        QCOMPARE(
            result.error().message, QStringLiteral("The access token has expired; refresh it."));
    }
}

void TestTokenService::keyedHash()
{
    const TokenService service(secret);
    const TokenService other(otherSecret);
    const QByteArray data = QByteArrayLiteral("refresh-token-value");
    const QByteArray hash = service.keyedHash(data);
    QCOMPARE(hash.size(), 64);
    QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{64}$"))
                .match(QString::fromLatin1(hash))
                .hasMatch());
    QCOMPARE(service.keyedHash(data), hash);
    QCOMPARE(TokenService(secret).keyedHash(data), hash);
    QVERIFY(other.keyedHash(data) != hash);
    QVERIFY(service.keyedHash(QByteArrayLiteral("refresh-token-valuf")) != hash);
    QCOMPARE(
        hash, QMessageAuthenticationCode::hash(data, secret, QCryptographicHash::Sha256).toHex());
    // RFC 4231 test case 2, so the hash is plain HMAC-SHA256 and not a home-made variant.
    QCOMPARE(TokenService(QByteArrayLiteral("Jefe")).keyedHash("what do ya want for nothing?"),
        QByteArrayLiteral("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
}

QTEST_APPLESS_MAIN(TestTokenService)
#include "tst_tokenservice.moc"
