#pragma once

#include <kocmoc/ApiError.h>
#include <kocmoc/FileTypes.h>

#include <QCoreApplication>
#include <QString>

// What the client checks before it uploads a file (SPEC 2.4): the size limit and
// the type, decided from the content like the server does (docs/api.md, Files),
// so that a refusal comes at once and with a clear message instead of after
// sending 50 MB. The server checks again and has the last word; this is the same
// list (kocmoc::fileTypes in libkocmoc) — shared-mime-info through QMimeDatabase, a
// whitelist, programs refused.
class FileChecks
{
    Q_DECLARE_TR_FUNCTIONS(FileChecks)

public:
    using Kind = kocmoc::fileTypes::Kind;

    struct Verdict
    {
        bool ok = false;
        QString mimeType; // what the content is, e.g. "audio/x-opus+ogg"
        Kind kind = Kind::Document;
        qint64 size = 0;
        QString message; // why not, readable and localised; empty when ok
    };

    // maxBytes: the server's upload limit (kocmoc::limits::defaultMaxBodyBytes unless the
    // server said otherwise).
    static Verdict check(const QString &path, qint64 maxBytes);

    // A server's refusal of an upload (413, 415, 507, …) as a sentence for the person.
    static QString forUploadError(const kocmoc::ApiError &error, qint64 maxBytes);
    static QString tooLarge(qint64 maxBytes);
    static QString unreadable(const QString &path);
    static QString programsRefused();

    // "12.3 MB", for messages.
    static QString megabytes(qint64 bytes);
};
