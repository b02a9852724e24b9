#pragma once

#include "HttpReply.h"
#include "HttpRequest.h"

#include <functional>
#include <vector>

namespace kocmoc::http {

using Handler = std::function<void(const HttpRequest &, HttpReply)>;
// Runs before every matched handler; returns true when it answered the request itself.
using Gate = std::function<bool(const HttpRequest &, const HttpReply &)>;

// Method-aware routing over path patterns like "/api/users/{id}". Unlike
// QHttpServer 6.4's router it tells a wrong method (405 with Allow) from an
// unknown path (404).
class Router
{
public:
    void add(const QByteArray &method, const QString &pattern, Handler handler);
    template <typename Routes>
    void add(const QByteArray &method, const QString &pattern, Routes *routes,
        void (Routes::*member)(const HttpRequest &, const HttpReply &))
    {
        add(method, pattern, [routes, member](const HttpRequest &request, HttpReply reply) {
            (routes->*member)(request, reply);
        });
    }

    struct Match
    {
        const Handler *handler = nullptr; // null: no route for this method
        QHash<QString, QString> params;
        QList<QByteArray> allowedMethods; // for 405 when the path exists
        QString pattern; // of the matched route, for metrics and logs
    };
    Match match(const QByteArray &method, const QString &path) const;

    // One gate for the whole API (maintenance mode); none lets everything through.
    void setGate(Gate gate) { m_gate = std::move(gate); }
    const Gate &gate() const { return m_gate; }

private:
    struct Route
    {
        QByteArray method;
        QString pattern;
        QStringList segments; // "{name}" matches one segment
        Handler handler;
    };
    std::vector<Route> m_routes;
    Gate m_gate;
};

} // namespace kocmoc::http
