#include "FileUrls.h"

#include <kocmoc/Limits.h>

#include "app/Clock.h"

#include <QDateTime>
#include <QMessageAuthenticationCode>

#include <atomic>

#include <sodium.h>

namespace kocmoc::fileUrls {

namespace {

QByteArray &key()
{
    static QByteArray value;
    return value;
}

QByteArray signature(const QString &fileId, Variant variant, qint64 expiresSeconds)
{
    const QByteArray data = fileId.toLatin1() + (variant == Variant::Thumbnail ? "/t:" : "/o:")
        + QByteArray::number(expiresSeconds);
    return QMessageAuthenticationCode::hash(data, key(), QCryptographicHash::Sha256)
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QString path(const QString &fileId, Variant variant)
{
    return QStringLiteral("/api/files/") + fileId
        + (variant == Variant::Thumbnail ? QStringLiteral("/thumbnail") : QString());
}

std::atomic<const Clock *> serverClock = nullptr;

} // namespace

void setClock(const Clock *clock)
{
    serverClock = clock;
}

qint64 now()
{
    const Clock *clock = serverClock;
    return clock ? clock->nowMs() : QDateTime::currentMSecsSinceEpoch();
}

void setKey(const QByteArray &tokenSecret)
{
    // A key of its own, so a URL signature can never stand in for a token's.
    key() = QMessageAuthenticationCode::hash(
        QByteArrayLiteral("kocmoc file urls"), tokenSecret, QCryptographicHash::Sha256);
}

QString signedUrl(const QString &fileId, Variant variant, qint64 nowMs)
{
    constexpr qint64 hourMs = 60LL * 60 * 1000;
    const qint64 expiresMs = ((nowMs + limits::signedUrlLifetimeMs) / hourMs + 1) * hourMs;
    const qint64 expires = expiresMs / 1000;
    return path(fileId, variant) + QStringLiteral("?expires=") + QString::number(expires)
        + QStringLiteral("&signature=") + QString::fromLatin1(signature(fileId, variant, expires));
}

QString avatarUrl(const QString &fileId)
{
    return fileId.isEmpty() ? QString() : signedUrl(fileId, Variant::Thumbnail, now());
}

bool verify(const QString &fileId, Variant variant, const QUrlQuery &query, qint64 nowMs)
{
    bool ok = false;
    const qint64 expires = query.queryItemValue(QStringLiteral("expires")).toLongLong(&ok);
    if (!ok || expires * 1000 <= nowMs || key().isEmpty())
        return false;
    const QByteArray given = query.queryItemValue(QStringLiteral("signature")).toLatin1();
    const QByteArray expected = signature(fileId, variant, expires);
    // Constant time: the signature is a secret until it matches.
    return given.size() == expected.size()
        && sodium_memcmp(given.constData(), expected.constData(), size_t(given.size())) == 0;
}

} // namespace kocmoc::fileUrls
