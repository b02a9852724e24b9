#include "LocalMailbox.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTcpServer>

namespace kocmoc::test {

quint16 freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

QUrl smtpUrl(const QString &scheme, quint16 port)
{
    QUrl url;
    url.setScheme(scheme);
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port);
    return url;
}

QString decodeHeader(const QByteArray &value)
{
    static const QRegularExpression encodedWord(
        QStringLiteral(R"(=\?([^?]+)\?([BbQq])\?([^?]*)\?=)"));
    const QString text = QString::fromLatin1(value);
    QString result;
    QByteArray pending; // bytes of adjacent encoded words, decoded together
    qsizetype last = 0;
    auto it = encodedWord.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const QString between = text.mid(last, match.capturedStart() - last);
        if (!(last > 0 && !pending.isEmpty() && between.trimmed().isEmpty())) {
            result += QString::fromUtf8(pending);
            pending.clear();
            result += between;
        }
        if (match.captured(1).compare(QStringLiteral("utf-8"), Qt::CaseInsensitive) != 0)
            return QStringLiteral("<unexpected charset %1>").arg(match.captured(1));
        const QByteArray payload = match.captured(3).toLatin1();
        if (match.captured(2).compare(QStringLiteral("b"), Qt::CaseInsensitive) == 0) {
            pending += QByteArray::fromBase64(payload);
        } else {
            QByteArray q = payload;
            q.replace('_', ' ');
            pending += QByteArray::fromPercentEncoding(q, '=');
        }
        last = match.capturedEnd();
    }
    result += QString::fromUtf8(pending);
    result += text.mid(last);
    return result;
}

StoredMail parseMail(const QByteArray &raw)
{
    StoredMail mail;
    const QByteArrayList lines = raw.split('\n');
    qsizetype i = 0;
    QByteArray name;
    for (; i < lines.size(); ++i) {
        QByteArray line = lines.at(i);
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty()) {
            ++i;
            break;
        }
        if ((line.startsWith(' ') || line.startsWith('\t')) && !name.isEmpty()) {
            mail.headers[name] += line;
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        name = line.left(colon).trimmed().toLower();
        mail.headers[name] = line.mid(colon + 1).trimmed();
    }
    for (; i < lines.size(); ++i) {
        QByteArray line = lines.at(i);
        if (line.endsWith('\r'))
            line.chop(1);
        if (!line.isEmpty())
            mail.bodyLines.append(line);
    }
    mail.subject = decodeHeader(mail.headers.value("subject"));
    const auto decoded = QByteArray::fromBase64Encoding(
        mail.bodyLines.join(), QByteArray::AbortOnBase64DecodingErrors);
    mail.bodyDecoded = bool(decoded);
    mail.body = QString::fromUtf8(*decoded);
    return mail;
}

std::vector<StoredMail> readMaildir(const QString &maildir)
{
    std::vector<StoredMail> mails;
    for (const QString &sub : {QStringLiteral("new"), QStringLiteral("cur")}) {
        const QDir dir(maildir + u'/' + sub);
        for (const QFileInfo &info : dir.entryInfoList(QDir::Files)) {
            QFile file(info.filePath());
            if (file.open(QIODevice::ReadOnly))
                mails.push_back(parseMail(file.readAll()));
        }
    }
    return mails;
}

qsizetype countMaildir(const QString &maildir)
{
    return qsizetype(readMaildir(maildir).size());
}

} // namespace kocmoc::test
