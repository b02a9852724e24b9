#pragma once

#include "RestResponse.h"

#include <kocmoc/ApiError.h>

#include <QCoreApplication>
#include <QNetworkReply>
#include <QString>
#include <QUrl>

// Turns what went wrong into a sentence for the person at the screen, in their
// language. The server's own messages are English and meant for developers;
// the client keys its texts on the error codes of the wire contract instead.
class ErrorMessages
{
    Q_DECLARE_TR_FUNCTIONS(ErrorMessages)

public:
    // fieldValue is what was sent for error.field: the texts about a field say
    // what is wrong with that value (too short, taken, ...).
    static QString forResponse(
        const RestResponse &response, const QUrl &server, const QString &fieldValue = {});
    static QString forApiError(const kocmoc::ApiError &error, const QString &fieldValue = {});
    static QString forNetworkError(QNetworkReply::NetworkError error, const QUrl &server);
    static QString sessionEnded();
    static QString unreadableAnswer();

private:
    static QString forField(const kocmoc::ApiError &error, const QString &value);
};
