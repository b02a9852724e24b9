#pragma once

#include <QByteArray>
#include <QString>
#include <QUrlQuery>

namespace kocmoc {

class Clock;

// Signed, expiring download URLs: a File's url and thumbnailUrl work without an
// Authorization header, so that QML's Image and media players can load them. The
// expiry is rounded up to the next whole hour past limits::signedUrlLifetimeMs, so
// that one file keeps one URL for an hour and clients can cache it.
// The key is derived from the token secret once at start; URLs are built on worker
// threads, so it is read-only afterwards.
namespace fileUrls {

void setKey(const QByteArray &tokenSecret);
// The server's clock, for code that builds File objects without one at hand (ChatViews).
void setClock(const Clock *clock);
qint64 now();

enum class Variant { Original, Thumbnail };

// "/api/files/{id}?expires=…&signature=…" (or …/thumbnail?…), relative to the server.
QString signedUrl(const QString &fileId, Variant variant, qint64 nowMs);
// The signature of a request's query is right for this file and not yet expired.
// What a user's or chat's avatarUrl holds: the signed thumbnail URL, or empty.
QString avatarUrl(const QString &fileId);
bool verify(const QString &fileId, Variant variant, const QUrlQuery &query, qint64 nowMs);

} // namespace fileUrls

} // namespace kocmoc
