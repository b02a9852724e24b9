#pragma once

#include <QByteArray>
#include <QString>

namespace kocmoc::http {

// Told of every answer as it is written, on the server thread (metrics).
class RequestObserver
{
public:
    virtual ~RequestObserver() = default;
    // route: the router's pattern ("/api/chats/{id}"), or "unmatched" when none matched.
    virtual void requestAnswered(
        const QString &route, const QByteArray &method, int status, double seconds)
        = 0;
};

} // namespace kocmoc::http
