#include "AvatarFile.h"

#include "repositories/FileRepository.h"

namespace kocmoc {

std::optional<ApiError> checkAvatarFile(
    QSqlDatabase &db, const QString &fileId, const QString &callerId, const QString &field)
{
    if (fileId.isEmpty())
        return std::nullopt;
    const auto file = FileRepository(db).find(fileId);
    if (!file || file->ownerId != callerId)
        return ApiError::badRequest(QStringLiteral("unknown_file"),
            QStringLiteral("There is no such file of yours."), field);
    if (!file->mime.startsWith(QLatin1String("image/")) || file->thumbnailKey.isEmpty())
        return ApiError::badRequest(QStringLiteral("wrong_file_type"),
            QStringLiteral("An avatar is a JPEG, PNG, WebP or GIF image."), field);
    return std::nullopt;
}

} // namespace kocmoc
