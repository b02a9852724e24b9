#pragma once

#include <QtGlobal>

// Every size, count and duration the product enforces, in one place so that the
// server's checks, the client's checks and the docs can never disagree.
namespace kocmoc::limits {

// HTTP
inline constexpr qint64 defaultMaxBodyBytes = 50LL * 1024 * 1024;
inline constexpr qint64 maxHeaderBlockBytes = 16 * 1024;
inline constexpr int headerTimeoutMs = 10'000;
inline constexpr int bodyIdleTimeoutMs = 30'000;
inline constexpr int keepAliveIdleMs = 30'000;
// Bodies of every route but the uploads: JSON and Socket.IO polling.
inline constexpr qint64 maxJsonBodyBytes = 1024 * 1024;

// Accounts
inline constexpr int passwordMinChars = 8;
inline constexpr int passwordMaxChars = 128;
inline constexpr int usernameMinChars = 3;
inline constexpr int usernameMaxChars = 32;
inline constexpr int displayNameMaxChars = 64;
inline constexpr int bioMaxChars = 500;
inline constexpr int emojiStatusMaxChars = 16;
inline constexpr int emailMaxChars = 254;
inline constexpr int deviceNameMaxChars = 200;

// Email codes and lockout
inline constexpr int codeDigits = 6;
inline constexpr qint64 codeLifetimeMs = 10LL * 60 * 1000;
inline constexpr int codeMaxAttempts = 5;
inline constexpr int lockoutFailures = 5;
inline constexpr qint64 lockoutDurationMs = 15LL * 60 * 1000;

// Tokens
inline constexpr qint64 accessTokenLifetimeMs = 15LL * 60 * 1000;
inline constexpr qint64 refreshTokenLifetimeMs = 60LL * 24 * 60 * 60 * 1000;
inline constexpr int minTokenSecretBytes = 32;

// Users
inline constexpr int userSearchDefaultLimit = 20;
inline constexpr int userSearchMaxLimit = 50;
inline constexpr int searchQueryMaxChars = 64;

// Chats
inline constexpr int chatTitleMaxChars = 128;
inline constexpr int groupMaxMembers = 1000;

// Messages
inline constexpr int messageTextMaxChars = 4096;
inline constexpr int clientIdMaxChars = 64;
inline constexpr int messagePageDefaultLimit = 50;
inline constexpr int messagePageMaxLimit = 100;
inline constexpr int messageSearchLimit = 50;
inline constexpr int forwardMaxChats = 20;
inline constexpr int reactionMaxChars = 16; // code points of one emoji sequence
inline constexpr int reactionsPerUserMax = 10; // different emoji one person puts on one message
inline constexpr int defaultSendIntervalMs = 200; // between two sends of one person
inline constexpr int syncMessageLimit = 500; // messages in one /api/sync answer

// Files (the upload cap itself is the server's max-body-mb, 50 MB by default)
inline constexpr qint64 uploadChunkMaxBytes = 8LL * 1024 * 1024; // one tus PATCH
inline constexpr qint64 defaultStorageQuotaBytes = 1024LL * 1024 * 1024; // per user
inline constexpr qint64 maxImagePixels = 50'000'000; // width × height, read from the header
inline constexpr int thumbnailMaxSide = 320;
inline constexpr int fileNameMaxChars = 200;
inline constexpr int messageFilesMax = 10;
inline constexpr int waveformMaxValues = 100;
inline constexpr qint64 mediaMaxDurationMs = 6LL * 60 * 60 * 1000; // of a voice or audio file
inline constexpr qint64 signedUrlLifetimeMs = 6LL * 60 * 60 * 1000; // at least; see FileUrls
inline constexpr qint64 uploadLifetimeMs = 24LL * 60 * 60 * 1000; // an unfinished tus upload
inline constexpr int unfinishedUploadsMax = 20; // per user at a time

// Stories
inline constexpr qint64 storyLifetimeMs = 24LL * 60 * 60 * 1000;
inline constexpr int storyTextMaxChars = 700;
inline constexpr int storyBackgroundMaxChars = 64;

// Access levels
inline constexpr int levelUser = 1;
inline constexpr int levelAdmin = 10;
inline constexpr int levelSuperAdmin = 100;

} // namespace kocmoc::limits
