#pragma once

#include <kocmoc/ApiError.h>

#include <QSqlDatabase>

#include <optional>

namespace kocmoc {

// An avatar is a photo its setter uploaded, with a thumbnail (what avatarUrl serves);
// the empty id clears it. 400 naming `field` otherwise. Inside a transaction.
std::optional<ApiError> checkAvatarFile(
    QSqlDatabase &db, const QString &fileId, const QString &callerId, const QString &field);

} // namespace kocmoc
