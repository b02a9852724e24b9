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

QString normalizedDisplayName(const QString &displayName); // NFC, trimmed
QString normalizedEmail(const QString &email); // trimmed, case-folded
QString foldedForSearch(const QString &text); // NFC + case folding, for prefix search

// Code points, not UTF-16 units: limits are in characters a person counts.
int codePointCount(const QString &text);
bool hasForbiddenCharacters(const QString &text, bool allowNewlines);

} // namespace kocmoc::validation
