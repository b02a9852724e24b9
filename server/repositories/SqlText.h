#pragma once

#include <QString>

namespace kocmoc::sqltext {

// "?, ?, ?": placeholders for an IN list of n bound values (n ≥ 1).
inline QString placeholders(qsizetype n)
{
    QString list = QStringLiteral("?");
    for (qsizetype i = 1; i < n; ++i)
        list += QStringLiteral(", ?");
    return list;
}

// A LIKE pattern for text that contains `needle` literally; use with ESCAPE '\'.
inline QString containsPattern(QString needle)
{
    needle.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    needle.replace(QLatin1Char('%'), QLatin1String("\\%"));
    needle.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + needle + QLatin1Char('%');
}

} // namespace kocmoc::sqltext
