#pragma once

#include "ApiError.h"

#include <QString>

#include <optional>

// Rules for what people type, shared so the client can refuse before sending.
// Each check returns the error naming the field, or nothing when the value is fine.
namespace kocmoc::validation {

std::optional<ApiError> checkEmail(const QString &email);
std::optional<ApiError> checkPassword(
    const QString &password, const QString &field = QStringLiteral("password"));
// ASCII letters, digits and underscore only: look-alike Cyrillic and Latin
// letters in names people search for would let one user pass for another.
std::optional<ApiError> checkUsername(const QString &username);
// Expects the NFC form (see normalizedDisplayName).
std::optional<ApiError> checkDisplayName(const QString &displayName);
std::optional<ApiError> checkBio(const QString &bio);
std::optional<ApiError> checkEmojiStatus(const QString &emojiStatus);

// Chat titles: expects the NFC form (see normalizedDisplayName, which suits titles too).
std::optional<ApiError> checkChatTitle(const QString &title);
// Message text: expects the normalised form (see normalizedMessageText); too long is
// "text_too_long". New lines and tabs are fine; NUL, other controls and bidi overrides are not.
std::optional<ApiError> checkMessageText(const QString &text);
// The id a client gives a new message so that a retry never duplicates it: 1–64 of [A-Za-z0-9_-].
std::optional<ApiError> checkClientId(const QString &clientId);
// One emoji as a reaction: up to 16 code points, no letters, something beyond ASCII.
std::optional<ApiError> checkReaction(const QString &emoji);

QString normalizedDisplayName(const QString &displayName); // NFC, trimmed
// Line breaks become LF and trailing whitespace goes; leading spaces may be indentation.
QString normalizedMessageText(const QString &text);
QString normalizedEmail(const QString &email); // trimmed, case-folded
QString foldedForSearch(const QString &text); // NFC + case folding, for prefix search

// Code points, not UTF-16 units: limits are in characters a person counts.
int codePointCount(const QString &text);
bool hasForbiddenCharacters(const QString &text, bool allowNewlines);

} // namespace kocmoc::validation
