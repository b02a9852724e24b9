#include "FileRoutes.h"

#include "JsonAnswer.h"
#include "files/FileUrls.h"
#include "http/MultipartForm.h"
#include "services/StickerCatalog.h"

#include <kocmoc/Limits.h>

#include <QJsonArray>
#include <QUrl>

namespace kocmoc {

using http::HttpReply;
using http::HttpRequest;
using http::HttpResponse;

namespace {

constexpr qint64 minuteMs = 60'000;

struct ByteRange
{
    qint64 first = 0;
    qint64 last = 0; // inclusive
};

enum class RangeAnswer { Whole, Partial, Unsatisfiable };

// A single "bytes=" range (RFC 9110, 14.1.2). A header we do not understand, and a
// list of several ranges, get the whole file: the RFC lets a server ignore Range.
RangeAnswer parseRange(const QByteArray &header, qint64 size, ByteRange *range)
{
    if (!header.startsWith("bytes=") || header.contains(','))
        return RangeAnswer::Whole;
    const QByteArray spec = header.mid(6).trimmed();
    const qsizetype dash = spec.indexOf('-');
    if (dash < 0)
        return RangeAnswer::Whole;
    const QByteArray from = spec.first(dash).trimmed();
    const QByteArray to = spec.sliced(dash + 1).trimmed();
    const auto digits = [](const QByteArray &text) {
        return !text.isEmpty() && text.size() <= 18
            && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (from.isEmpty()) {
        if (!digits(to))
            return RangeAnswer::Whole;
        const qint64 suffix = to.toLongLong(); // the last n bytes
        if (suffix == 0 || size == 0)
            return RangeAnswer::Unsatisfiable;
        *range = {qMax<qint64>(0, size - suffix), size - 1};
        return RangeAnswer::Partial;
    }
    if (!digits(from) || (!to.isEmpty() && !digits(to)))
        return RangeAnswer::Whole;
    const qint64 first = from.toLongLong();
    const qint64 last = to.isEmpty() ? size - 1 : qMin(to.toLongLong(), size - 1);
    if (!to.isEmpty() && to.toLongLong() < first)
        return RangeAnswer::Whole; // invalid: ignored
    if (first >= size)
        return RangeAnswer::Unsatisfiable;
    *range = {first, last};
    return RangeAnswer::Partial;
}

// Content-Disposition with an ASCII fallback and the exact name in filename* (RFC 6266, 5987).
QByteArray contentDisposition(const QString &name, bool shownInPlace)
{
    QByteArray fallback;
    for (const QChar c : name)
        fallback.append(c.unicode() >= 0x20 && c.unicode() < 0x7f && c != QLatin1Char('"')
                    && c != QLatin1Char('\\')
                ? char(c.unicode())
                : '_');
    return QByteArray(shownInPlace ? "inline" : "attachment") + "; filename=\"" + fallback
        + "\"; filename*=UTF-8''" + QUrl::toPercentEncoding(name);
}

bool etagMatches(const QByteArray &header, const QByteArray &etag)
{
    for (const QByteArray &candidate : header.split(',')) {
        const QByteArray tag = candidate.trimmed();
        if (tag == "*" || tag == etag || tag == "W/" + etag)
            return true;
    }
    return false;
}

} // namespace

void FileRoutes::addTo(http::Router &router)
{
    router.add("POST", QStringLiteral("/api/upload/file"), this, &FileRoutes::upload);
    router.add("GET", QStringLiteral("/api/files/{id}"), this, &FileRoutes::download);
    router.add("GET", QStringLiteral("/api/files/{id}/thumbnail"), this, &FileRoutes::thumbnail);
    router.add("GET", QStringLiteral("/api/stickers"), this, &FileRoutes::stickers);
}

void FileRoutes::upload(const HttpRequest &request, const HttpReply &reply)
{
    const auto claims = m_api.requireToken(request, reply);
    if (!claims)
        return;
    if (m_api.rateLimited(reply, QStringLiteral("upload:") + claims->userId,
            m_api.config.uploadRatePerMinute, minuteMs))
        return;
    const QByteArray contentType = request.header("content-type");
    Result<UploadMetadata> metadata = UploadMetadata{};
    std::shared_ptr<http::MultipartForm> form;
    if (contentType.trimmed().toLower().startsWith("multipart/form-data")) {
        auto parsed = http::MultipartForm::parse(contentType, request.body);
        if (!parsed) {
            reply.error(parsed.error());
            return;
        }
        form = std::make_shared<http::MultipartForm>(std::move(parsed.value()));
        const http::MultipartForm::Part *file = form->part(QStringLiteral("file"));
        if (!file || !file->hasFileName) {
            reply.error(ApiError::badRequest(QStringLiteral("missing_field"),
                QStringLiteral("The form has no file in the field 'file'."),
                QStringLiteral("file")));
            return;
        }
        metadata = UploadMetadata::parse(file->fileName,
            form->field(QStringLiteral("durationMs")).value_or(QString()),
            form->field(QStringLiteral("waveform")).value_or(QString()));
    } else {
        metadata = UploadMetadata::parse(request.queryValue(QStringLiteral("name")),
            request.queryValue(QStringLiteral("durationMs")),
            request.queryValue(QStringLiteral("waveform")));
    }
    if (!metadata) {
        reply.error(metadata.error());
        return;
    }
    // The body stays shared with QtHttpServer's buffer; the worker writes it out.
    m_api.respondAs(*claims, reply,
        [this, body = request.body, form, metadata = metadata.value()](
            const AuthContext &caller) -> Result<HttpResponse> {
            QByteArrayView bytes = body;
            if (form)
                bytes = form->content(*form->part(QStringLiteral("file")));
            return jsonAnswer(m_files.storeBytes(caller.userId, bytes, metadata), 201,
                [](const File &file) { return file.toJson(); });
        });
}

void FileRoutes::download(const HttpRequest &request, const HttpReply &reply)
{
    serve(request, reply, false);
}

void FileRoutes::thumbnail(const HttpRequest &request, const HttpReply &reply)
{
    serve(request, reply, true);
}

void FileRoutes::serve(const HttpRequest &request, const HttpReply &reply, bool thumbnail)
{
    const QString fileId = request.param(QStringLiteral("id"));
    const auto deliver = [request, reply](Result<Download> result) {
        if (!result)
            reply.error(result.error());
        else
            sendDownload(request, reply, result.value());
    };
    // A signed URL stands for the check made when it was handed out.
    if (request.query.hasQueryItem(QStringLiteral("signature"))) {
        const auto variant = thumbnail ? fileUrls::Variant::Thumbnail : fileUrls::Variant::Original;
        if (!fileUrls::verify(fileId, variant, request.query, m_api.clock.nowMs())) {
            reply.error(ApiError::forbidden(QStringLiteral(
                "This link has expired or is not valid; load the message again for a fresh one.")));
            return;
        }
        m_api.workers.run<Download>(
            [this, fileId, thumbnail] { return m_files.download(fileId, QString(), thumbnail); },
            deliver);
        return;
    }
    const auto claims = m_api.requireToken(request, reply);
    if (!claims)
        return;
    m_api.workers.run<Download>(
        [this, claims = *claims, fileId, thumbnail]() -> Result<Download> {
            const auto caller = m_api.auth.authorize(claims);
            if (!caller)
                return caller.error();
            return m_files.download(fileId, caller->userId, thumbnail);
        },
        deliver);
}

void FileRoutes::sendDownload(
    const HttpRequest &request, const HttpReply &reply, const Download &download)
{
    HttpResponse head;
    head.setHeader("Content-Type", download.mime.toLatin1());
    head.setHeader("ETag", download.etag);
    head.setHeader("Accept-Ranges", "bytes");
    head.setHeader("Cache-Control", "private, max-age=3600");
    head.setHeader("X-Content-Type-Options", "nosniff");
    head.setHeader("Content-Disposition", contentDisposition(download.name, download.inline_));
    // Whatever a file holds, a browser must not run it as a page of this origin.
    head.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");

    if (etagMatches(request.header("if-none-match"), download.etag)) {
        head.status = 304;
        reply.send(head);
        return;
    }
    ByteRange range{0, download.size - 1};
    RangeAnswer answer = RangeAnswer::Whole;
    const QByteArray ifRange = request.header("if-range");
    if (ifRange.isEmpty() || ifRange == download.etag)
        answer = parseRange(request.header("range"), download.size, &range);
    if (answer == RangeAnswer::Unsatisfiable) {
        HttpResponse refusal
            = HttpResponse::error(ApiError{416, QStringLiteral("range_not_satisfiable"),
                QStringLiteral("The file has %1 bytes.").arg(download.size), {}, 0});
        refusal.setHeader("Content-Range", "bytes */" + QByteArray::number(download.size));
        reply.send(refusal);
        return;
    }
    if (answer == RangeAnswer::Whole)
        range = {0, download.size - 1};
    const qint64 length = range.last - range.first + 1;
    head.status = answer == RangeAnswer::Partial ? 206 : 200;
    if (answer == RangeAnswer::Partial)
        head.setHeader("Content-Range",
            "bytes " + QByteArray::number(range.first) + '-' + QByteArray::number(range.last) + '/'
                + QByteArray::number(download.size));
    head.setHeader("Content-Length", QByteArray::number(length));
    reply.sendFile(head, download.path, range.first, length);
}

void FileRoutes::stickers(const HttpRequest &request, const HttpReply &reply)
{
    m_api.respondAuthenticated(request, reply, [this](const AuthContext &) -> Result<HttpResponse> {
        const qint64 now = m_api.clock.nowMs();
        QStringList fileIds;
        for (const StickerCatalog::Sticker &sticker : StickerCatalog::builtIn().stickers())
            fileIds.append(sticker.fileId);
        QHash<QString, FileRecord> files;
        m_api.database.read([&](QSqlDatabase &db) {
            for (const FileRecord &file : FileRepository(db).byIds(fileIds))
                files.insert(file.id, file);
        });
        QJsonArray sets;
        for (const StickerCatalog::Set &set : StickerCatalog::builtIn().sets()) {
            QJsonArray stickers;
            for (const StickerCatalog::Sticker &sticker : set.stickers) {
                if (!files.contains(sticker.fileId))
                    continue;
                stickers.append(QJsonObject{{QStringLiteral("id"), sticker.id},
                    {QStringLiteral("emoji"), sticker.emoji},
                    {QStringLiteral("file"), files.value(sticker.fileId).toFile(now).toJson()}});
            }
            sets.append(QJsonObject{{QStringLiteral("id"), set.id},
                {QStringLiteral("title"), set.title}, {QStringLiteral("stickers"), stickers}});
        }
        return HttpResponse::json(200, http::compactJson(sets));
    });
}

} // namespace kocmoc
