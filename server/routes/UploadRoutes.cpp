#include "UploadRoutes.h"

#include "JsonAnswer.h"

#include <kocmoc/Limits.h>

namespace kocmoc {

using http::HttpReply;
using http::HttpRequest;
using http::HttpResponse;

namespace {

const QByteArray tusVersion = "1.0.0";

// Upload-Metadata: comma-separated "key base64value" pairs (tus 1.0, creation).
std::optional<QHash<QString, QString>> parseMetadata(const QByteArray &header)
{
    QHash<QString, QString> values;
    for (const QByteArray &pair : header.split(',')) {
        const QByteArray trimmed = pair.trimmed();
        if (trimmed.isEmpty())
            continue;
        const qsizetype space = trimmed.indexOf(' ');
        const QByteArray key = space < 0 ? trimmed : trimmed.first(space);
        const auto decoded = QByteArray::fromBase64Encoding(
            space < 0 ? QByteArray() : trimmed.sliced(space + 1).trimmed(),
            QByteArray::AbortOnBase64DecodingErrors);
        if (key.isEmpty() || !decoded)
            return std::nullopt;
        values.insert(QString::fromUtf8(key), QString::fromUtf8(*decoded));
    }
    return values;
}

std::optional<qint64> headerNumber(const HttpRequest &request, const QByteArray &name)
{
    const QByteArray text = request.header(name).trimmed();
    if (text.isEmpty() || text.size() > 18
        || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    return text.toLongLong();
}

} // namespace

void UploadRoutes::addTo(http::Router &router)
{
    for (const QString &collection :
        {QStringLiteral("/api/uploads"), QStringLiteral("/api/uploads/")}) {
        router.add("OPTIONS", collection, this, &UploadRoutes::options);
        router.add("POST", collection, this, &UploadRoutes::create);
    }
    router.add("HEAD", QStringLiteral("/api/uploads/{id}"), this, &UploadRoutes::head);
    router.add("PATCH", QStringLiteral("/api/uploads/{id}"), this, &UploadRoutes::patch);
    router.add("DELETE", QStringLiteral("/api/uploads/{id}"), this, &UploadRoutes::terminate);
    router.add("GET", QStringLiteral("/api/uploads/{id}/file"), this, &UploadRoutes::file);
}

HttpResponse UploadRoutes::tusResponse(int status) const
{
    HttpResponse response = HttpResponse::empty(status);
    response.setHeader("Tus-Resumable", tusVersion);
    return response;
}

bool UploadRoutes::versionOk(const HttpRequest &request, const HttpReply &reply) const
{
    if (request.header("tus-resumable").trimmed() == tusVersion)
        return true;
    HttpResponse response = HttpResponse::error(ApiError{412, QStringLiteral("tus_version"),
        QStringLiteral("Send Tus-Resumable: 1.0.0, the only tus version this server speaks."),
        QStringLiteral("Tus-Resumable"), 0});
    response.setHeader("Tus-Version", tusVersion);
    reply.send(response);
    return false;
}

void UploadRoutes::options(const HttpRequest &, const HttpReply &reply)
{
    HttpResponse response = tusResponse(204);
    response.setHeader("Tus-Version", tusVersion);
    response.setHeader("Tus-Extension", "creation,termination");
    response.setHeader("Tus-Max-Size", QByteArray::number(m_api.config.maxBodyBytes));
    // Not in tus 1.0: how large one PATCH may be here.
    response.setHeader("Kocmoc-Max-Chunk-Size",
        QByteArray::number(qMin(m_api.config.maxBodyBytes, limits::uploadChunkMaxBytes)));
    reply.send(response);
}

void UploadRoutes::create(const HttpRequest &request, const HttpReply &reply)
{
    if (!versionOk(request, reply))
        return;
    const auto claims = m_api.requireToken(request, reply);
    if (!claims)
        return;
    if (m_api.rateLimited(reply, QStringLiteral("upload:") + claims->userId,
            m_api.config.uploadRatePerMinute, 60'000))
        return;
    if (!request.header("upload-defer-length").isEmpty()) {
        reply.error(ApiError::badRequest(QStringLiteral("unsupported_extension"),
            QStringLiteral("Deferred lengths are not supported; send Upload-Length."),
            QStringLiteral("Upload-Defer-Length")));
        return;
    }
    const auto length = headerNumber(request, "upload-length");
    if (!length) {
        reply.error(ApiError::badRequest(QStringLiteral("missing_field"),
            QStringLiteral("Upload-Length (a whole number of bytes) is required."),
            QStringLiteral("Upload-Length")));
        return;
    }
    const auto metadata = parseMetadata(request.header("upload-metadata"));
    if (!metadata) {
        reply.error(ApiError::invalidField(QStringLiteral("Upload-Metadata"),
            QStringLiteral("Upload-Metadata is comma-separated \"key base64\" pairs.")));
        return;
    }
    const auto upload = UploadMetadata::parse(
        metadata->value(QStringLiteral("filename"), metadata->value(QStringLiteral("name"))),
        metadata->value(QStringLiteral("durationMs")), metadata->value(QStringLiteral("waveform")));
    if (!upload) {
        reply.error(upload.error());
        return;
    }
    m_api.respondAs(*claims, reply,
        [this, length = *length, upload = upload.value()](
            const AuthContext &caller) -> Result<HttpResponse> {
            const auto created = m_uploads.create(caller.userId, length, upload);
            if (!created)
                return created.error();
            HttpResponse response = tusResponse(201);
            response.setHeader("Location", "/api/uploads/" + created->id.toLatin1());
            return response;
        });
}

void UploadRoutes::head(const HttpRequest &request, const HttpReply &reply)
{
    if (!versionOk(request, reply))
        return;
    m_api.respondAuthenticated(request, reply,
        [this, id = request.param(QStringLiteral("id"))](
            const AuthContext &caller) -> Result<HttpResponse> {
            const auto state = m_uploads.status(caller.userId, id);
            if (!state)
                return state.error();
            HttpResponse response = tusResponse(200);
            response.setHeader("Upload-Offset", QByteArray::number(state->offset));
            response.setHeader("Upload-Length", QByteArray::number(state->length));
            response.setHeader("Cache-Control", "no-store");
            return response;
        });
}

void UploadRoutes::patch(const HttpRequest &request, const HttpReply &reply)
{
    if (!versionOk(request, reply))
        return;
    const auto claims = m_api.requireToken(request, reply);
    if (!claims)
        return;
    if (request.header("content-type").trimmed().toLower() != "application/offset+octet-stream") {
        reply.error(ApiError{415, QStringLiteral("unsupported_media_type"),
            QStringLiteral("A PATCH carries application/offset+octet-stream."), {}, 0});
        return;
    }
    const auto offset = headerNumber(request, "upload-offset");
    if (!offset) {
        reply.error(ApiError::badRequest(QStringLiteral("missing_field"),
            QStringLiteral("Upload-Offset (a whole number of bytes) is required."),
            QStringLiteral("Upload-Offset")));
        return;
    }
    const QString id = request.param(QStringLiteral("id"));
    if (m_busy.contains(id)) {
        reply.error(ApiError::conflict(QStringLiteral("upload_busy"),
            QStringLiteral("Another request is writing this upload; ask HEAD where it stands.")));
        return;
    }
    m_busy.insert(id);
    m_api.workers.run<UploadState>(
        [this, claims = *claims, id, offset = *offset,
            body = request.body]() -> Result<UploadState> {
            const auto caller = m_api.auth.authorize(claims);
            if (!caller)
                return caller.error();
            return m_uploads.append(caller->userId, id, offset, body);
        },
        [this, id, reply](Result<UploadState> state) {
            m_busy.remove(id);
            if (!state) {
                reply.error(state.error());
                return;
            }
            HttpResponse response = tusResponse(204);
            response.setHeader("Upload-Offset", QByteArray::number(state->offset));
            if (state->file)
                response.setHeader("Kocmoc-File-Id", state->file->id.toLatin1());
            reply.send(response);
        });
}

void UploadRoutes::terminate(const HttpRequest &request, const HttpReply &reply)
{
    if (!versionOk(request, reply))
        return;
    m_api.respondAuthenticated(request, reply,
        [this, id = request.param(QStringLiteral("id"))](
            const AuthContext &caller) -> Result<HttpResponse> {
            const auto done = m_uploads.terminate(caller.userId, id);
            if (!done)
                return done.error();
            return tusResponse(204);
        });
}

void UploadRoutes::file(const HttpRequest &request, const HttpReply &reply)
{
    m_api.respondAuthenticated(request, reply,
        [this, id = request.param(QStringLiteral("id"))](
            const AuthContext &caller) -> Result<HttpResponse> {
            return jsonAnswer(m_uploads.file(caller.userId, id), 200,
                [](const File &file) { return file.toJson(); });
        });
}

} // namespace kocmoc
