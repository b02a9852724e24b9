#include "Router.h"

namespace kocmoc::http {

namespace {

QStringList splitPath(const QString &path)
{
    return path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
}

bool isParam(const QString &segment)
{
    return segment.startsWith(QLatin1Char('{')) && segment.endsWith(QLatin1Char('}'));
}

} // namespace

void Router::add(const QByteArray &method, const QString &pattern, Handler handler)
{
    m_routes.push_back(Route{method, pattern, splitPath(pattern), std::move(handler)});
}

Router::Match Router::match(const QByteArray &method, const QString &path) const
{
    const QStringList segments = splitPath(path);
    Match result;
    for (const Route &route : m_routes) {
        if (route.segments.size() != segments.size())
            continue;
        QHash<QString, QString> params;
        bool matches = true;
        for (qsizetype i = 0; i < segments.size() && matches; ++i) {
            const QString &expected = route.segments.at(i);
            if (isParam(expected))
                params.insert(expected.mid(1, expected.size() - 2), segments.at(i));
            else
                matches = expected == segments.at(i);
        }
        if (!matches)
            continue;
        // HEAD is answered by the GET handler without a body.
        if (route.method == method || (method == "HEAD" && route.method == "GET")) {
            result.handler = &route.handler;
            result.params = std::move(params);
            result.pattern = route.pattern;
            return result;
        }
        if (!result.allowedMethods.contains(route.method))
            result.allowedMethods.append(route.method);
    }
    return result;
}

} // namespace kocmoc::http
