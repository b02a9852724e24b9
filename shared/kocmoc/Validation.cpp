#include "Validation.h"

#include "Limits.h"

namespace kocmoc::validation {

namespace {

bool isBidiControl(char32_t c)
{
    // Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the marks.
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E
        || c == 0x200F || c == 0x061C;
}

bool isBidiOverride(char32_t c)
{
    // Embeddings, overrides and isolates reorder what follows them; the marks only nudge.
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

} // namespace

int codePointCount(const QString &text)
{
    int count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        ++count;
    }
    return count;
}

bool hasForbiddenCharacters(const QString &text, bool allowNewlines)
{
    for (const char32_t c : text.toUcs4()) {
        if (allowNewlines && c == '\n')
            continue;
        if (c < 0x20 || (c >= 0x7F && c < 0xA0) || isBidiControl(c) || c == 0xFFFD
            || (c >= 0xD800 && c <= 0xDFFF))
            return true;
    }
    return false;
}

QString normalizedDisplayName(const QString &displayName)
{
    return displayName.normalized(QString::NormalizationForm_C).trimmed();
}

QString normalizedMessageText(const QString &text)
{
    QString normalized = text;
    normalized.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    normalized.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    qsizetype end = normalized.size();
    while (end > 0 && normalized.at(end - 1).isSpace())
        --end;
    normalized.truncate(end);
    return normalized;
}

QString normalizedEmail(const QString &email)
{
    return email.trimmed().toCaseFolded();
}

QString foldedForSearch(const QString &text)
{
    return text.normalized(QString::NormalizationForm_C).toCaseFolded();
}

std::optional<ApiError> checkEmail(const QString &email)
{
    const QString field = QStringLiteral("email");
    if (email.isEmpty())
        return ApiError::invalidField(field, QStringLiteral("Enter an email address."));
    if (email.size() > limits::emailMaxChars)
        return ApiError::invalidField(field, QStringLiteral("The email address is too long."));
    const qsizetype at = email.indexOf(QLatin1Char('@'));
    const bool wellFormed = at > 0 && at == email.lastIndexOf(QLatin1Char('@'))
        && email.indexOf(QLatin1Char('.'), at + 2) > at + 1 && !email.endsWith(QLatin1Char('.'))
        && !hasForbiddenCharacters(email, false) && !email.contains(QLatin1Char(' '));
    if (!wellFormed)
        return ApiError::invalidField(field, QStringLiteral("This is not an email address."));
    return std::nullopt;
}

std::optional<ApiError> checkPassword(const QString &password, const QString &field)
{
    const int length = codePointCount(password);
    if (length < limits::passwordMinChars)
        return ApiError::invalidField(field,
            QStringLiteral("The password needs at least %1 characters.")
                .arg(limits::passwordMinChars));
    if (length > limits::passwordMaxChars)
        return ApiError::invalidField(field,
            QStringLiteral("The password can have at most %1 characters.")
                .arg(limits::passwordMaxChars));
    return std::nullopt;
}

std::optional<ApiError> checkUsername(const QString &username)
{
    const QString field = QStringLiteral("username");
    if (username.size() < limits::usernameMinChars || username.size() > limits::usernameMaxChars)
        return ApiError::invalidField(field,
            QStringLiteral("A username has %1 to %2 characters.")
                .arg(limits::usernameMinChars)
                .arg(limits::usernameMaxChars));
    for (const QChar c : username) {
        const bool allowed = (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
            || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('_');
        if (!allowed)
            return ApiError::invalidField(field,
                QStringLiteral("A username has only Latin letters, digits and underscores."));
    }
    return std::nullopt;
}

std::optional<ApiError> checkDisplayName(const QString &displayName)
{
    const QString field = QStringLiteral("displayName");
    if (displayName.isEmpty())
        return ApiError::invalidField(field, QStringLiteral("Enter a display name."));
    if (codePointCount(displayName) > limits::displayNameMaxChars)
        return ApiError::invalidField(field,
            QStringLiteral("A display name has at most %1 characters.")
                .arg(limits::displayNameMaxChars));
    if (hasForbiddenCharacters(displayName, false))
        return ApiError::invalidField(field,
            QStringLiteral("A display name cannot hold control or text-direction characters."));
    return std::nullopt;
}

std::optional<ApiError> checkBio(const QString &bio)
{
    const QString field = QStringLiteral("bio");
    if (codePointCount(bio) > limits::bioMaxChars)
        return ApiError::invalidField(
            field, QStringLiteral("A bio has at most %1 characters.").arg(limits::bioMaxChars));
    if (hasForbiddenCharacters(bio, true))
        return ApiError::invalidField(
            field, QStringLiteral("The bio holds characters that are not allowed."));
    return std::nullopt;
}

std::optional<ApiError> checkEmojiStatus(const QString &emojiStatus)
{
    const QString field = QStringLiteral("emojiStatus");
    if (codePointCount(emojiStatus) > limits::emojiStatusMaxChars)
        return ApiError::invalidField(field, QStringLiteral("An emoji status is one emoji."));
    for (const char32_t c : emojiStatus.toUcs4()) {
        // Emoji sequences are symbols, joiners and selectors; letters would make it a second bio.
        const QChar::Category category = QChar::category(c);
        const bool letter = category <= QChar::Letter_Other && category >= QChar::Letter_Uppercase;
        if (letter || c < 0x20 || isBidiControl(c))
            return ApiError::invalidField(field, QStringLiteral("An emoji status is one emoji."));
    }
    return std::nullopt;
}

std::optional<ApiError> checkChatTitle(const QString &title)
{
    const QString field = QStringLiteral("title");
    if (title.isEmpty())
        return ApiError::invalidField(field, QStringLiteral("Give the group a title."));
    if (codePointCount(title) > limits::chatTitleMaxChars)
        return ApiError::invalidField(field,
            QStringLiteral("A title has at most %1 characters.").arg(limits::chatTitleMaxChars));
    if (hasForbiddenCharacters(title, false))
        return ApiError::invalidField(
            field, QStringLiteral("A title cannot hold control or text-direction characters."));
    return std::nullopt;
}

std::optional<ApiError> checkMessageText(const QString &text)
{
    const QString field = QStringLiteral("text");
    if (text.isEmpty())
        return ApiError::invalidField(field, QStringLiteral("A message needs some text."));
    if (codePointCount(text) > limits::messageTextMaxChars)
        return ApiError::badRequest(QStringLiteral("text_too_long"),
            QStringLiteral("A message has at most %1 characters; split it into several.")
                .arg(limits::messageTextMaxChars),
            field);
    for (const char32_t c : text.toUcs4()) {
        const bool control = (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7F && c < 0xA0);
        if (control || isBidiOverride(c) || (c >= 0xD800 && c <= 0xDFFF))
            return ApiError::invalidField(field,
                QStringLiteral("The text holds control or text-direction override characters."));
    }
    return std::nullopt;
}

std::optional<ApiError> checkClientId(const QString &clientId)
{
    const QString field = QStringLiteral("clientId");
    const QString rule = QStringLiteral("A clientId has 1 to %1 Latin letters, digits, '_' or '-'.")
                             .arg(limits::clientIdMaxChars);
    if (clientId.isEmpty() || clientId.size() > limits::clientIdMaxChars)
        return ApiError::invalidField(field, rule);
    for (const QChar c : clientId) {
        const bool allowed = (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
            || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('_')
            || c == QLatin1Char('-');
        if (!allowed)
            return ApiError::invalidField(field, rule);
    }
    return std::nullopt;
}

std::optional<ApiError> checkReaction(const QString &emoji)
{
    const ApiError notAnEmoji = ApiError::invalidField(
        QStringLiteral("emoji"), QStringLiteral("A reaction is one emoji."));
    const int length = codePointCount(emoji);
    if (length == 0 || length > limits::reactionMaxChars)
        return notAnEmoji;
    bool beyondAscii = false;
    for (const char32_t c : emoji.toUcs4()) {
        // As with emoji statuses: symbols, joiners and selectors, never words or plain ASCII.
        const QChar::Category category = QChar::category(c);
        const bool letter = category <= QChar::Letter_Other && category >= QChar::Letter_Uppercase;
        if (letter || c <= 0x20 || (c >= 0x7F && c < 0xA0) || isBidiControl(c) || QChar::isSpace(c))
            return notAnEmoji;
        beyondAscii = beyondAscii || c > 0x7F;
    }
    if (!beyondAscii)
        return notAnEmoji;
    return std::nullopt;
}

} // namespace kocmoc::validation
