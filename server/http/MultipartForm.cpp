#include "MultipartForm.h"

#include <QUrl>

namespace kocmoc::http {

namespace {

ApiError badMultipart(const QString &message)
{
    return ApiError::badRequest(QStringLiteral("bad_multipart"), message);
}

// The value of `name` among "; "-separated parameters, unquoted.
std::optional<QByteArray> parameter(QByteArrayView header, QByteArrayView name)
{
    qsizetype at = 0;
    while (at < header.size()) {
        qsizetype end = at;
        bool quoted = false;
        while (end < header.size() && (quoted || header[end] != ';')) {
            if (header[end] == '"')
                quoted = !quoted;
            else if (quoted && header[end] == '\\')
                ++end;
            ++end;
        }
        const QByteArrayView item = header.sliced(at, qMin(end, header.size()) - at).trimmed();
        const qsizetype equals = item.indexOf('=');
        if (equals > 0 && item.first(equals).trimmed().compare(name, Qt::CaseInsensitive) == 0) {
            QByteArray value = item.sliced(equals + 1).trimmed().toByteArray();
            if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"')) {
                value = value.mid(1, value.size() - 2);
                value.replace("\\\"", "\"").replace("\\\\", "\\");
            }
            return value;
        }
        at = end + 1;
    }
    return std::nullopt;
}

// filename*=UTF-8''%D1%84.png (RFC 5987), the form browsers use for non-ASCII names.
std::optional<QString> extendedValue(const QByteArray &value)
{
    const qsizetype first = value.indexOf('\'');
    const qsizetype second = first < 0 ? -1 : value.indexOf('\'', first + 1);
    if (second < 0 || value.first(first).compare("utf-8", Qt::CaseInsensitive) != 0)
        return std::nullopt;
    return QString::fromUtf8(QByteArray::fromPercentEncoding(value.mid(second + 1)));
}

} // namespace

QByteArray multipartBoundary(const QByteArray &contentType)
{
    const qsizetype semicolon = contentType.indexOf(';');
    if (semicolon < 0
        || contentType.first(semicolon).trimmed().compare(
               "multipart/form-data", Qt::CaseInsensitive)
            != 0)
        return {};
    return parameter(QByteArrayView(contentType).sliced(semicolon + 1), "boundary")
        .value_or(QByteArray());
}

Result<MultipartForm> MultipartForm::parse(const QByteArray &contentType, const QByteArray &body)
{
    const QByteArray boundary = multipartBoundary(contentType);
    if (boundary.isEmpty() || boundary.size() > 70)
        return badMultipart(QStringLiteral("The multipart boundary is missing or too long."));
    const QByteArray delimiter = "--" + boundary;
    MultipartForm form;
    form.m_body = body;

    qsizetype at = body.indexOf(delimiter);
    if (at < 0)
        return badMultipart(QStringLiteral("The body has no part."));
    while (true) {
        at += delimiter.size();
        if (body.mid(at, 2) == "--")
            break; // the closing delimiter
        if (body.mid(at, 2) != "\r\n")
            return badMultipart(QStringLiteral("A part delimiter is malformed."));
        at += 2;
        const qsizetype headEnd = body.indexOf("\r\n\r\n", at);
        if (headEnd < 0 || headEnd - at > 16 * 1024)
            return badMultipart(QStringLiteral("A part's headers are missing or too long."));
        Part part;
        for (const QByteArray &line : body.mid(at, headEnd - at).split('\n')) {
            const QByteArray trimmedLine = line.trimmed();
            const qsizetype colon = trimmedLine.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = trimmedLine.first(colon).trimmed().toLower();
            const QByteArray value = trimmedLine.sliced(colon + 1).trimmed();
            if (name == "content-type") {
                part.contentType = value;
            } else if (name == "content-disposition") {
                part.name = QString::fromUtf8(parameter(value, "name").value_or(QByteArray()));
                if (const auto extended = parameter(value, "filename*")) {
                    if (const auto decoded = extendedValue(*extended)) {
                        part.fileName = *decoded;
                        part.hasFileName = true;
                    }
                }
                if (!part.hasFileName) {
                    if (const auto plain = parameter(value, "filename")) {
                        part.fileName = QString::fromUtf8(*plain);
                        part.hasFileName = true;
                    }
                }
            }
        }
        part.offset = headEnd + 4;
        const qsizetype next = body.indexOf("\r\n" + delimiter, part.offset);
        if (next < 0)
            return badMultipart(QStringLiteral("The body ends inside a part."));
        part.size = next - part.offset;
        form.m_parts.append(part);
        at = next + 2;
    }
    return form;
}

const MultipartForm::Part *MultipartForm::part(const QString &name) const
{
    for (const Part &part : m_parts) {
        if (part.name == name)
            return &part;
    }
    return nullptr;
}

std::optional<QString> MultipartForm::field(const QString &name) const
{
    const Part *found = part(name);
    if (!found || found->hasFileName || found->size > 64 * 1024)
        return std::nullopt;
    return QString::fromUtf8(content(*found));
}

QByteArrayView MultipartForm::content(const Part &part) const
{
    return QByteArrayView(m_body).sliced(part.offset, part.size);
}

} // namespace kocmoc::http
