#include "RotatingLogFile.h"

namespace kocmoc {

RotatingLogFile::RotatingLogFile(QString path, qint64 maxBytes, int keep)
    : m_path(std::move(path))
    , m_maxBytes(maxBytes)
    , m_keep(keep)
{ }

QString RotatingLogFile::rotatedName(int index) const
{
    return m_path + QLatin1Char('.') + QString::number(index);
}

bool RotatingLogFile::open()
{
    QMutexLocker lock(&m_mutex);
    m_file.setFileName(m_path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append))
        return false;
    // Logs may hold addresses and user ids: only the owner reads them.
    m_file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    m_size = m_file.size();
    return true;
}

void RotatingLogFile::write(const QByteArray &line)
{
    QMutexLocker lock(&m_mutex);
    if (!m_file.isOpen())
        return;
    if (m_size > 0 && m_size + line.size() > m_maxBytes)
        rotate();
    if (m_file.write(line) > 0)
        m_size += line.size();
    m_file.flush();
}

void RotatingLogFile::rotate()
{
    m_file.close();
    QFile::remove(rotatedName(m_keep));
    for (int index = m_keep - 1; index >= 1; --index)
        QFile::rename(rotatedName(index), rotatedName(index + 1));
    if (m_keep > 0)
        QFile::rename(m_path, rotatedName(1));
    else
        QFile::remove(m_path);
    m_file.open(QIODevice::WriteOnly | QIODevice::Truncate);
    m_file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    m_size = 0;
}

} // namespace kocmoc
