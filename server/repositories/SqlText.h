#pragma once

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <initializer_list>

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

// Rows that travel as one JSON array parameter, so that one prepared statement serves
// any number of them: a FROM item named `alias` with the given "name TYPE" columns,
// json_to_recordset on PostgreSQL and json_each on SQLite. Bind jsonParameter(rows).
inline QString jsonRows(
    bool postgres, std::initializer_list<QLatin1StringView> columns, QLatin1StringView alias)
{
    QStringList parts;
    if (postgres) {
        for (const QLatin1StringView column : columns)
            parts.append(column);
        return QStringLiteral("json_to_recordset(?::json) AS %1(%2)")
            .arg(alias, parts.join(QStringLiteral(", ")));
    }
    for (const QLatin1StringView column : columns) {
        const QString name = QString(column).section(QLatin1Char(' '), 0, 0);
        parts.append(QStringLiteral("json_extract(value, '$.%1') AS %1").arg(name));
    }
    return QStringLiteral("(SELECT %1 FROM json_each(?)) AS %2")
        .arg(parts.join(QStringLiteral(", ")), alias);
}

// The texts of a JSON array parameter as a one-column subquery ("value"), for IN (...).
inline QString jsonTexts(bool postgres)
{
    return postgres ? QStringLiteral("SELECT value FROM json_array_elements_text(?::json)")
                    : QStringLiteral("SELECT value FROM json_each(?)");
}

// The same for a JSON array of integers (ids).
inline QString jsonIntegers(bool postgres)
{
    return postgres ? QStringLiteral("SELECT value::bigint FROM json_array_elements_text(?::json)")
                    : QStringLiteral("SELECT value FROM json_each(?)");
}

inline bool isPostgres(const QSqlDatabase &db)
{
    return db.driverName() == QLatin1String("QPSQL");
}

// A statement whose text differs between the drivers: build(postgres) runs once per
// driver and call site (each lambda is its own type), and db's text is returned.
template <typename Build> const QString &forDriver(const QSqlDatabase &db, Build build)
{
    static const QString postgres = build(true);
    static const QString sqlite = build(false);
    return isPostgres(db) ? postgres : sqlite;
}

inline QString jsonParameter(const QJsonArray &values)
{
    return QString::fromUtf8(QJsonDocument(values).toJson(QJsonDocument::Compact));
}

} // namespace kocmoc::sqltext
