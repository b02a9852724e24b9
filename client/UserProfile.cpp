#include "UserProfile.h"

#include <QRegularExpression>
#include <QTextBoundaryFinder>

#include <utility>

namespace {

// The first grapheme cluster, so that "Ёлка" gives "Ё" even when the Ё is
// written as Е plus a combining diaeresis, and an emoji stays whole.
QString firstGrapheme(const QString &word)
{
    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, word);
    const qsizetype end = finder.toNextBoundary();
    return end > 0 ? word.left(end) : word;
}

} // namespace

UserProfile::UserProfile(kocmoc::User user, QString email)
    : m_user(std::move(user))
    , m_email(std::move(email))
{ }

UserProfile UserProfile::fromJson(const QJsonObject &json)
{
    return UserProfile(
        kocmoc::User::fromJson(json), json.value(QStringLiteral("email")).toString());
}

QString UserProfile::initials() const
{
    const QString source
        = m_user.displayName.trimmed().isEmpty() ? m_user.username : m_user.displayName;
    QStringList words = source.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    // Words that begin with a letter or digit: "КОСМОС ☕ Команда" gives "КК", not "К☕".
    // A name of emoji only keeps its first one.
    const QStringList lettered
        = words.filter(QRegularExpression(QStringLiteral("^[\\p{L}\\p{N}]")));
    if (!lettered.isEmpty())
        words = lettered;
    QString letters;
    for (qsizetype i = 0; i < words.size() && i < 2; ++i)
        letters += firstGrapheme(words.at(i));
    return letters.toUpper();
}
