#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

// How a message looks on the wire: addresses, headers, the MIME body, the DATA section.
namespace kocmoc::mail {

// The address as it goes into MAIL FROM / RCPT TO and the headers: a dot-atom local
// part and an IDN domain in ACE form. Nothing else passes, because quotes, angle
// brackets, spaces or line breaks would let a caller add headers or SMTP commands.
std::optional<QByteArray> wireAddress(const QString &address);

// A header value: as is when it is short printable ASCII, otherwise RFC 2047
// encoded words (UTF-8, base64) folded onto continuation lines.
QByteArray encodedHeaderText(const QString &text, qsizetype headerNameLength);

// A complete RFC 5322 message with CRLF line endings and a base64 text/plain body.
QByteArray formatMessage(const QByteArray &from, const QByteArray &to, const QString &subject,
    const QString &body, const QDateTime &date);

// What follows the DATA command: the dot-stuffed message and the terminating ".".
QByteArray dataSection(const QByteArray &message);

// Control and other unprintable characters escaped, so that text from callers or
// servers cannot forge lines in the log.
QString printable(const QString &text);

} // namespace kocmoc::mail
