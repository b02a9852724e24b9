#include "MessageFormat.h"

#include <QLocale>
#include <QRandomGenerator>
#include <QUrl>

namespace kocmoc::mail {

namespace {

constexpr qsizetype maxAddressLength = 254; // RFC 5321 path limit without the brackets
constexpr qsizetype maxLocalPartLength = 64;
constexpr qsizetype headerLineLimit = 78;
// 45 bytes make 60 base64 characters: with "=?UTF-8?B?" and "?=" a word stays within 75.
constexpr qsizetype encodedWordBytes = 45;
constexpr qsizetype base64LineLength = 76;

bool isAsciiAlnum(char16_t c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
}

bool isAtext(char16_t c)
{
    return isAsciiAlnum(c) || QStringView(u"!#$%&'*+-/=?^_`{|}~").contains(QChar(c));
}

bool isDotAtom(QStringView text, bool (*allowed)(char16_t))
{
    if (text.isEmpty() || text.startsWith(u'.') || text.endsWith(u'.') || text.contains(u".."))
        return false;
    for (const QChar c : text) {
        if (c != u'.' && !allowed(c.unicode()))
            return false;
    }
    return true;
}

bool isHostnameCharacter(char16_t c)
{
    return isAsciiAlnum(c) || c == u'-';
}

QByteArray withCrlf(const QString &text)
{
    QString normalized = text;
    normalized.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    normalized.replace(u'\r', u'\n');
    normalized.replace(QStringLiteral("\n"), QStringLiteral("\r\n"));
    return normalized.toUtf8();
}

QByteArray randomHex(int bytes)
{
    QByteArray random(bytes, Qt::Uninitialized);
    for (char &byte : random)
        byte = static_cast<char>(QRandomGenerator::system()->bounded(256));
    return random.toHex();
}

} // namespace

std::optional<QByteArray> wireAddress(const QString &address)
{
    const qsizetype at = address.lastIndexOf(u'@');
    if (at <= 0 || address.size() > maxAddressLength)
        return std::nullopt;
    const QStringView local = QStringView(address).left(at);
    if (local.size() > maxLocalPartLength || !isDotAtom(local, isAtext))
        return std::nullopt;

    const QString domain = address.mid(at + 1);
    // QUrl::toAce lets ASCII punctuation through, so it only sees letters, digits, '-' and '.'.
    for (const QChar c : domain) {
        const bool allowed = c.unicode() < 0x80 ? isHostnameCharacter(c.unicode()) || c == u'.'
                                                : c.isLetterOrNumber() || c.isMark();
        if (!allowed)
            return std::nullopt;
    }
    const QByteArray ace = QUrl::toAce(domain);
    if (!isDotAtom(QString::fromLatin1(ace), isHostnameCharacter))
        return std::nullopt;
    return local.toLatin1() + '@' + ace;
}

QByteArray encodedHeaderText(const QString &text, qsizetype headerNameLength)
{
    QString flat = text;
    flat.replace(QStringLiteral("\r\n"), QStringLiteral(" "));
    flat.replace(u'\r', u' ');
    flat.replace(u'\n', u' ');

    bool plain = headerNameLength + 2 + flat.size() <= headerLineLimit
        && !flat.contains(QStringLiteral("=?"));
    for (const QChar c : std::as_const(flat))
        plain = plain && c.unicode() >= 0x20 && c.unicode() < 0x7f;
    if (plain)
        return flat.toLatin1();

    const QByteArray utf8 = flat.toUtf8();
    QByteArrayList words;
    for (qsizetype pos = 0; pos < utf8.size();) {
        qsizetype end = std::min(pos + encodedWordBytes, utf8.size());
        // A word must hold whole characters: back off from UTF-8 continuation bytes.
        while (end < utf8.size() && (static_cast<uchar>(utf8.at(end)) & 0xC0) == 0x80)
            --end;
        words.append("=?UTF-8?B?" + utf8.mid(pos, end - pos).toBase64() + "?=");
        pos = end;
    }
    return words.join("\r\n ");
}

QByteArray formatMessage(const QByteArray &from, const QByteArray &to, const QString &subject,
    const QString &body, const QDateTime &date)
{
    const QByteArray fromDomain = from.mid(from.lastIndexOf('@') + 1);
    const QString dateText
        = QLocale::c().toString(date.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss"));

    QByteArray message;
    message += "From: " + from + "\r\n";
    message += "To: " + to + "\r\n";
    message += "Subject: " + encodedHeaderText(subject, qstrlen("Subject")) + "\r\n";
    message += "Date: " + dateText.toLatin1() + " +0000\r\n";
    message += "Message-ID: <" + randomHex(16) + '@' + fromDomain + ">\r\n";
    message += "MIME-Version: 1.0\r\n";
    message += "Content-Type: text/plain; charset=utf-8\r\n";
    message += "Content-Transfer-Encoding: base64\r\n";
    message += "\r\n";
    const QByteArray encoded = withCrlf(body).toBase64();
    for (qsizetype pos = 0; pos < encoded.size(); pos += base64LineLength)
        message += encoded.mid(pos, base64LineLength) + "\r\n";
    return message;
}

QByteArray dataSection(const QByteArray &message)
{
    QByteArray data;
    data.reserve(message.size() + 8);
    bool lineStart = true;
    for (const char c : message) {
        if (lineStart && c == '.')
            data += '.'; // RFC 5321 4.5.2: a line starting with "." gets another one
        data += c;
        lineStart = c == '\n';
    }
    if (!data.isEmpty() && !data.endsWith("\r\n"))
        data += "\r\n";
    data += ".\r\n";
    return data;
}

QString printable(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == u'\r')
            out += QStringLiteral("\\r");
        else if (c == u'\n')
            out += QStringLiteral("\\n");
        else if (c == u'\\')
            out += QStringLiteral("\\\\");
        else if (c.isPrint() || c == u' ' || c.isSurrogate()) // surrogates: emoji stay readable
            out += c;
        else
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
    }
    return out;
}

} // namespace kocmoc::mail
