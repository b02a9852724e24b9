#pragma once

#include <kocmoc/Result.h>

#include <QByteArray>
#include <QList>
#include <QString>

namespace kocmoc::http {

// A multipart/form-data body (RFC 7578) already in memory. Parts are views into the
// body (offset and size), so a 50 MB file part is never copied.
class MultipartForm
{
public:
    struct Part
    {
        QString name;
        QString fileName; // from filename*= (RFC 5987) or filename=; empty for plain fields
        bool hasFileName = false;
        QByteArray contentType;
        qsizetype offset = 0; // of the content in the body
        qsizetype size = 0;
    };

    // 400 "bad_multipart" naming what is wrong.
    static Result<MultipartForm> parse(const QByteArray &contentType, const QByteArray &body);

    const Part *part(const QString &name) const;
    // A plain field's value as text (at most 64 KB), or nothing.
    std::optional<QString> field(const QString &name) const;
    QByteArrayView content(const Part &part) const;

private:
    QByteArray m_body; // shared, not copied
    QList<Part> m_parts;
};

// The boundary parameter of a multipart Content-Type, or empty.
QByteArray multipartBoundary(const QByteArray &contentType);

} // namespace kocmoc::http
