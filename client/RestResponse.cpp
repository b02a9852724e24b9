#include "RestResponse.h"

#include <QJsonArray>
#include <QJsonDocument>

RestResponse RestResponse::fromReply(QNetworkReply *reply)
{
    RestResponse response;
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (response.status == 0) {
        // QNetworkReply reports 4xx/5xx as errors too; only a missing answer counts as one here.
        response.networkError = reply->error() == QNetworkReply::NoError
            ? QNetworkReply::UnknownNetworkError
            : reply->error();
        return response;
    }
    const QJsonDocument document = QJsonDocument::fromJson(reply->readAll());
    response.json
        = document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
    if (!response.ok()) {
        response.error = kocmoc::ApiError::fromJson(response.status, response.object());
        response.error.retryAfterSeconds = reply->rawHeader("Retry-After").toInt();
    }
    return response;
}
