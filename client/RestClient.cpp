#include "RestClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QSysInfo>

#include <utility>

namespace {

// Long enough for a slow mobile link, short enough that a dead server does not
// leave the UI busy for minutes.
constexpr int transferTimeoutMs = 20'000;

QByteArray userAgent()
{
    // The server shows it as the device name in the list of sessions.
    return QStringLiteral("KOCMOC/%1 (%2)")
        .arg(QStringLiteral(KOCMOC_VERSION), QSysInfo::prettyProductName())
        .toUtf8();
}

QByteArray jsonBytes(const QJsonValue &body)
{
    const QJsonDocument document
        = body.isArray() ? QJsonDocument(body.toArray()) : QJsonDocument(body.toObject());
    return document.toJson(QJsonDocument::Compact);
}

} // namespace

RestClient::RestClient(QObject *parent)
    : QObject(parent)
{
    m_network.setAutoDeleteReplies(true);
    m_network.setTransferTimeout(transferTimeoutMs);
}

void RestClient::startSession(const SessionTokens &tokens)
{
    m_tokens = tokens;
    ++m_sessionGeneration;
}

void RestClient::endSession()
{
    m_tokens = {};
    ++m_sessionGeneration;
}

void RestClient::renewNow()
{
    if (!m_renewing && !m_tokens.refreshToken.isEmpty())
        renewSession();
}

void RestClient::send(const QByteArray &method, const QString &path, const QJsonValue &body,
    Auth auth, QObject *context, Handler handler)
{
    dispatch(Call{method, path, body, auth, false, 0, {}, context, std::move(handler)});
}

QNetworkReply *RestClient::sendRaw(const QByteArray &method, const QString &path,
    const QList<std::pair<QByteArray, QByteArray>> &headers, const QByteArray &body, Auth auth)
{
    QNetworkRequest request = this->request(path, auth);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    // As a custom verb, HEAD would wait for the body its Content-Length announces.
    if (method == "HEAD")
        return m_network.head(request);
    return m_network.sendCustomRequest(request, method, body);
}

QUrl RestClient::urlFor(const QUrl &server, const QString &path)
{
    // Appended rather than resolved, so that a server behind a proxy at
    // https://host/kocmoc/ keeps its prefix.
    QUrl url = server;
    QString basePath = url.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    // path may carry a query ("/api/sync?since=3", a signed file URL); both parts come
    // percent-encoded (an emoji in a reaction's path), so neither is encoded again.
    const qsizetype queryAt = path.indexOf(QLatin1Char('?'));
    url.setPath(basePath + path.left(queryAt), QUrl::TolerantMode);
    if (queryAt >= 0)
        url.setQuery(path.mid(queryAt + 1));
    return url;
}

QNetworkRequest RestClient::request(const QString &path, Auth auth) const
{
    QNetworkRequest request(urlFor(m_baseUrl, path));
    request.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    request.setRawHeader("Accept", "application/json");
    if (auth == Auth::Bearer)
        request.setRawHeader("Authorization", "Bearer " + m_tokens.accessToken.toLatin1());
    return request;
}

void RestClient::dispatch(Call call)
{
    if (call.auth == Auth::Bearer && m_tokens.accessToken.isEmpty()
        && !m_tokens.refreshToken.isEmpty()) {
        // A resumed session: no access token yet. The call waits for the first one, and
        // learns why when none comes.
        call.renewed = true;
        call.sessionGeneration = m_sessionGeneration;
        RestResponse noAnswer;
        noAnswer.networkError = QNetworkReply::UnknownNetworkError;
        m_waitingForRenewal.append({std::move(call), noAnswer});
        if (!m_renewing)
            renewSession();
        return;
    }
    QNetworkRequest request = this->request(call.path, call.auth);
    QByteArray payload;
    if (!call.body.isUndefined()) {
        request.setHeader(
            QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        payload = jsonBytes(call.body);
    }
    if (call.auth == Auth::Bearer) {
        call.sessionGeneration = m_sessionGeneration;
        call.sentToken = m_tokens.accessToken;
    }
    QNetworkReply *reply = m_network.sendCustomRequest(request, call.method, payload);
    connect(reply, &QNetworkReply::finished, this, [this, reply, call = std::move(call)]() mutable {
        finish(std::move(call), RestResponse::fromReply(reply));
    });
}

void RestClient::finish(Call call, const RestResponse &response)
{
    const bool currentSession = call.auth == Auth::Bearer
        && call.sessionGeneration == m_sessionGeneration && hasSession();
    if (!currentSession) {
        deliver(call, response);
        return;
    }
    const bool expired
        = response.status == 401 && response.error.code == QLatin1String("token_expired");
    if (expired && !call.renewed && !m_tokens.refreshToken.isEmpty()) {
        call.renewed = true;
        if (call.sentToken != m_tokens.accessToken) {
            // Another call renewed the token while this one was on its way.
            dispatch(std::move(call));
            return;
        }
        m_waitingForRenewal.append({std::move(call), response});
        if (!m_renewing)
            renewSession();
        return;
    }
    deliver(call, response);
    if (response.status == 401 || response.error.code == QLatin1String("banned"))
        loseSession(response.error);
}

void RestClient::deliver(const Call &call, const RestResponse &response)
{
    if (call.context && call.handler)
        call.handler(response);
}

void RestClient::renewSession()
{
    m_renewing = true;
    const quint64 generation = m_sessionGeneration;
    const QJsonObject body{{QStringLiteral("refreshToken"), m_tokens.refreshToken}};
    send("POST", QStringLiteral("/api/auth/refresh"), body, Auth::None, this,
        [this, generation](const RestResponse &response) {
            m_renewing = false;
            const QList<ExpiredCall> waiting = std::exchange(m_waitingForRenewal, {});
            if (generation != m_sessionGeneration) {
                // Signed out or in as someone else meanwhile: these calls belonged to a session
                // that is gone, and the new tokens belong to nobody.
                for (const ExpiredCall &expired : waiting)
                    deliver(expired.call, expired.answer);
                return;
            }
            const QJsonObject grant = response.object();
            const SessionTokens renewed{grant.value(QStringLiteral("accessToken")).toString(),
                grant.value(QStringLiteral("refreshToken")).toString(),
                grant.value(QStringLiteral("expiresIn")).toInt()};
            if (response.ok() && !renewed.accessToken.isEmpty()
                && !renewed.refreshToken.isEmpty()) {
                // The refresh token rotates with every use: the old one is now a leak alarm.
                m_tokens = renewed;
                emit tokensRenewed(renewed);
                for (const ExpiredCall &expired : waiting)
                    dispatch(expired.call);
                return;
            }
            // The callers learn why the renewal failed (no connection, session revoked, ...).
            for (const ExpiredCall &expired : waiting)
                deliver(expired.call, response.ok() ? expired.answer : response);
            // Without an answer, or with a server fault, the session may still be good.
            if (response.ok() || response.status == 401 || response.status == 403)
                loseSession(response.error);
            else
                emit renewalFailed();
        });
}

void RestClient::loseSession(const kocmoc::ApiError &reason)
{
    endSession();
    emit sessionLost(reason);
}
