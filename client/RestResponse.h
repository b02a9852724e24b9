#pragma once

#include <kocmoc/ApiError.h>

#include <QJsonObject>
#include <QJsonValue>
#include <QNetworkReply>

// What came back for one request: either the server's JSON answer, or the
// reason there is none.
struct RestResponse
{
    // 0 when no HTTP answer arrived; networkError then says why.
    int status = 0;
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QJsonValue json;
    // Filled for every failure that has an HTTP answer, with the Retry-After seconds.
    kocmoc::ApiError error;

    bool ok() const
    {
        return networkError == QNetworkReply::NoError && status >= 200 && status < 300;
    }
    bool reachedServer() const { return status != 0; }
    QJsonObject object() const { return json.toObject(); }

    static RestResponse fromReply(QNetworkReply *reply);
};
