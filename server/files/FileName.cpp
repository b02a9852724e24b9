#include "FileName.h"

#include <kocmoc/Limits.h>

#include <QRegularExpression>

namespace kocmoc::fileName {

namespace {

const QString fallbackName = QStringLiteral("file");

bool isForbidden(QChar c)
{
    if (c.unicode() < 0x20 || c.unicode() == 0x7f)
        return true;
    // Invisible formatting (right-to-left override disguises "gpj.exe" as "exe.jpg").
    if (c.category() == QChar::Other_Format || c.category() == QChar::Other_Control)
        return true;
    return QStringView(u"<>:\"/\\|?*").contains(c);
}

bool isWindowsDeviceName(const QString &name)
{
    static const QRegularExpression device(
        QStringLiteral("^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$"),
        QRegularExpression::CaseInsensitiveOption);
    const QString stem = name.section(QLatin1Char('.'), 0, 0).trimmed();
    return device.match(stem).hasMatch();
}

QString trimmedDotsAndSpaces(QString name)
{
    while (!name.isEmpty() && (name.front() == QLatin1Char('.') || name.front().isSpace()))
        name.remove(0, 1);
    while (!name.isEmpty() && (name.back() == QLatin1Char('.') || name.back().isSpace()))
        name.chop(1);
    return name;
}

} // namespace

QString sanitized(const QString &name)
{
    QString base = name.left(name.indexOf(QChar(0)));
    base = base.section(QRegularExpression(QStringLiteral("[/\\\\]")), -1);
    QString clean;
    clean.reserve(base.size());
    for (const QChar c : std::as_const(base))
        clean.append(isForbidden(c) ? QChar(QLatin1Char('_')) : c);
    // Keep a lone surrogate out: it is not text.
    clean = QString::fromUtf8(clean.toUtf8());
    clean = trimmedDotsAndSpaces(clean.simplified());
    if (clean.isEmpty())
        return fallbackName;
    if (isWindowsDeviceName(clean))
        clean.prepend(QLatin1Char('_'));
    if (clean.size() > limits::fileNameMaxChars) {
        const qsizetype dot = clean.lastIndexOf(QLatin1Char('.'));
        const qsizetype extensionSize = dot > 0 ? clean.size() - dot : 0;
        const QString extension
            = extensionSize > 0 && extensionSize <= 16 ? clean.mid(dot) : QString();
        QString stem = clean.left(limits::fileNameMaxChars - extension.size());
        if (!stem.isEmpty() && stem.back().isHighSurrogate())
            stem.chop(1);
        clean = trimmedDotsAndSpaces(stem) + extension;
    }
    return clean;
}

} // namespace kocmoc::fileName
