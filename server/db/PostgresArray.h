#pragma once

#include <QByteArray>
#include <QStringView>

namespace kocmoc::db {

// A PostgreSQL array literal ('{"a","b",NULL}') built element by element, UTF-8, for a
// text parameter read as unnest($1::text[]): a batch's column in one value.
class PostgresArray
{
public:
    void append(QStringView text)
    {
        separate();
        m_text.append('"');
        const QByteArray utf8 = text.toUtf8();
        for (const char c : utf8) {
            if (c == '"' || c == '\\')
                m_text.append('\\');
            m_text.append(c);
        }
        m_text.append('"');
    }
    void append(qint64 value)
    {
        separate();
        m_text.append(QByteArray::number(value));
    }
    void appendNull()
    {
        separate();
        m_text.append("NULL");
    }
    QByteArray literal() const { return m_text + '}'; }

private:
    void separate()
    {
        if (m_text.size() > 1)
            m_text.append(',');
    }

    QByteArray m_text = QByteArrayLiteral("{");
};

} // namespace kocmoc::db
