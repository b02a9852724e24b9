#include "ApiClient.h"

#include "ErrorMessages.h"

#include <kocmoc/Validation.h>

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

using namespace kocmoc;

namespace {

// Renew when four fifths of the access token's life are over, so that a request
// never has to wait for a renewal; retry after this long when renewing failed.
constexpr double renewAtLifeFraction = 0.8;
constexpr int renewalRetryMs = 30'000;

} // namespace

ApiClient::ApiClient(QObject *parent)
    : QObject(parent)
{
    m_rest.setBaseUrl(defaultServerUrl());
    connect(&m_rest, &RestClient::sessionLost, this, [this] {
        if (!signedIn())
            return; // already signed out on purpose
        forgetSession();
        setError(ErrorMessages::sessionEnded());
    });
    connect(&m_rest, &RestClient::tokensRenewed, this, [this](const SessionTokens &tokens) {
        keepSession(tokens);
        scheduleRenewal(tokens.expiresInSeconds);
        emit accessTokenChanged();
    });
    connect(&m_rest, &RestClient::renewalFailed, this, [this] {
        if (signedIn())
            m_renewalTimer.start(renewalRetryMs);
    });
    m_renewalTimer.setSingleShot(true);
    connect(&m_renewalTimer, &QTimer::timeout, &m_rest, &RestClient::renewNow);
}

QUrl ApiClient::fileUrl(const QString &path) const
{
    if (path.isEmpty())
        return {};
    const QUrl url(path);
    return url.isRelative() ? RestClient::urlFor(serverUrl(), path) : url;
}

void ApiClient::restoreSession()
{
    if (signedIn() || m_restoring)
        return;
    setRestoring(true);
    const QUrl server = serverUrl();
    m_tokenStore.load(server, this, [this, server](const QString &secret) {
        setRestoring(false);
        if (secret.isEmpty() || signedIn() || server != serverUrl())
            return;
        const QJsonObject kept = QJsonDocument::fromJson(secret.toUtf8()).object();
        const QString refreshToken = kept.value(QStringLiteral("refreshToken")).toString();
        const UserProfile user
            = UserProfile::fromJson(kept.value(QStringLiteral("user")).toObject());
        if (refreshToken.isEmpty() || !user.isValid())
            return;
        // Signed in at once with the profile kept, so the cache can show while the
        // renewal is on its way (or while there is no network at all).
        m_rest.startSession({QString(), refreshToken, 0});
        setCurrentUser(user);
        emit signedInChanged();
        m_rest.renewNow();
    });
}

void ApiClient::endRevokedSession()
{
    if (!signedIn())
        return;
    forgetSession();
    setError(ErrorMessages::sessionEnded());
}

void ApiClient::keepSession(const SessionTokens &tokens)
{
    m_keptTokens = tokens;
    QJsonObject user = m_currentUser.user().toJson();
    user.insert(QStringLiteral("email"), m_currentUser.email());
    const QJsonObject kept{
        {QStringLiteral("refreshToken"), tokens.refreshToken}, {QStringLiteral("user"), user}};
    m_tokenStore.save(
        serverUrl(), QString::fromUtf8(QJsonDocument(kept).toJson(QJsonDocument::Compact)));
}

void ApiClient::scheduleRenewal(int expiresInSeconds)
{
    if (expiresInSeconds <= 0)
        return;
    m_renewalTimer.start(int(expiresInSeconds * 1000 * renewAtLifeFraction));
}

void ApiClient::setRestoring(bool restoring)
{
    if (restoring == m_restoring)
        return;
    m_restoring = restoring;
    emit restoringChanged();
}

void ApiClient::setServerUrl(const QUrl &url)
{
    if (url == m_rest.baseUrl())
        return;
    if (signedIn())
        forgetSession();
    m_rest.setBaseUrl(url);
    emit serverUrlChanged();
}

void ApiClient::login(const QString &identifier, const QString &password)
{
    if (busy())
        return;
    clearError();
    const QString name = identifier.trimmed();
    const bool byEmail = name.contains(QLatin1Char('@'));
    const QString identifierField = QStringLiteral("identifier");
    if (const auto problem
        = byEmail ? validation::checkEmail(name) : validation::checkUsername(name))
        return refuse(*problem, name, identifierField);
    if (const auto problem = validation::checkPassword(password))
        return refuse(*problem, password, problem->field);

    const QJsonObject body{{byEmail ? QStringLiteral("email") : QStringLiteral("username"), name},
        {QStringLiteral("password"), password}};
    call("POST", QStringLiteral("/api/auth/login"), body, RestClient::Auth::None,
        [this, name, identifierField](const RestResponse &response) {
            if (!response.ok()) {
                const QString &field = response.error.field;
                const bool aboutIdentifier
                    = field == QLatin1String("email") || field == QLatin1String("username");
                showFailure(response, aboutIdentifier ? name : QString(),
                    aboutIdentifier ? identifierField : field);
                return;
            }
            startSession(response);
        });
}

void ApiClient::registerAccount(const QString &email, const QString &password,
    const QString &username, const QString &displayName)
{
    if (busy())
        return;
    clearError();
    const QHash<QString, QString> values{
        {QStringLiteral("email"), email.trimmed()},
        {QStringLiteral("username"), username.trimmed()},
        {QStringLiteral("displayName"), validation::normalizedDisplayName(displayName)},
        {QStringLiteral("password"), password},
    };
    // In the order the registration form asks, so the first complaint is the topmost field's.
    for (const auto &problem : {validation::checkDisplayName(values[QStringLiteral("displayName")]),
             validation::checkUsername(values[QStringLiteral("username")]),
             validation::checkEmail(values[QStringLiteral("email")]),
             validation::checkPassword(password)}) {
        if (problem)
            return refuse(*problem, values.value(problem->field), problem->field);
    }

    QJsonObject body;
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        body.insert(it.key(), it.value());
    call("POST", QStringLiteral("/api/auth/register"), body, RestClient::Auth::None,
        [this, values](const RestResponse &response) {
            if (!response.ok()) {
                showFailure(response, values.value(response.error.field), response.error.field);
                return;
            }
            startSession(response);
        });
}

void ApiClient::logout()
{
    if (!signedIn() || m_signingOut)
        return;
    clearError();
    m_signingOut = true;
    call("POST", QStringLiteral("/api/auth/logout"), QJsonValue(QJsonValue::Undefined),
        RestClient::Auth::Bearer, [this](const RestResponse &) {
            m_signingOut = false;
            forgetSession();
        });
}

void ApiClient::refreshProfile()
{
    if (!signedIn())
        return;
    call("GET", QStringLiteral("/api/users/me"), QJsonValue(QJsonValue::Undefined),
        RestClient::Auth::Bearer, [this](const RestResponse &response) {
            if (!signedIn())
                return; // signed out while the answer was on its way
            if (!response.ok()) {
                showFailure(response, {}, {});
                return;
            }
            const UserProfile user = UserProfile::fromJson(response.object());
            if (user.id() != m_currentUser.id()) {
                setError(ErrorMessages::unreadableAnswer());
                return;
            }
            setCurrentUser(user);
        });
}

void ApiClient::updateProfile(
    const QJsonObject &changes, QObject *context, RestClient::Handler done)
{
    if (!signedIn())
        return;
    const QString userId = m_currentUser.id();
    m_rest.send("PATCH", QStringLiteral("/api/users/me"), changes, RestClient::Auth::Bearer,
        context, [this, userId, done = std::move(done)](const RestResponse &response) {
            if (response.ok() && signedIn()) {
                const UserProfile user = UserProfile::fromJson(response.object());
                if (user.id() == userId) {
                    setCurrentUser(user);
                    if (!m_keptTokens.refreshToken.isEmpty())
                        keepSession(m_keptTokens);
                }
            }
            done(response);
        });
}

void ApiClient::clearError()
{
    setError({});
}

void ApiClient::call(const QByteArray &method, const QString &path, const QJsonValue &body,
    RestClient::Auth auth, RestClient::Handler handler)
{
    if (++m_pendingOperations == 1)
        emit busyChanged();
    m_rest.send(method, path, body, auth, this,
        [this, handler = std::move(handler)](const RestResponse &response) {
            // The outcome first, then "not busy": a UI never sees idle without a result.
            handler(response);
            if (--m_pendingOperations == 0)
                emit busyChanged();
        });
}

void ApiClient::startSession(const RestResponse &grant)
{
    const QJsonObject json = grant.object();
    const SessionTokens tokens{json.value(QStringLiteral("accessToken")).toString(),
        json.value(QStringLiteral("refreshToken")).toString(),
        json.value(QStringLiteral("expiresIn")).toInt()};
    const UserProfile user = UserProfile::fromJson(json.value(QStringLiteral("user")).toObject());
    if (tokens.accessToken.isEmpty() || tokens.refreshToken.isEmpty() || !user.isValid()) {
        setError(ErrorMessages::unreadableAnswer());
        return;
    }
    m_rest.startSession(tokens);
    setCurrentUser(user);
    keepSession(tokens);
    scheduleRenewal(tokens.expiresInSeconds);
    emit signedInChanged();
    emit accessTokenChanged();
}

void ApiClient::forgetSession()
{
    const bool wasSignedIn = signedIn();
    m_renewalTimer.stop();
    if (wasSignedIn)
        m_tokenStore.remove(serverUrl());
    m_rest.endSession();
    m_keptTokens = {};
    setCurrentUser({});
    if (wasSignedIn)
        emit signedInChanged();
}

void ApiClient::setCurrentUser(const UserProfile &user)
{
    if (user == m_currentUser)
        return;
    m_currentUser = user;
    emit currentUserChanged();
}

void ApiClient::setError(const QString &message, const QString &field)
{
    if (message == m_errorMessage && field == m_errorField)
        return;
    m_errorMessage = message;
    m_errorField = field;
    emit errorChanged();
}

void ApiClient::refuse(const ApiError &problem, const QString &value, const QString &field)
{
    setError(ErrorMessages::forApiError(problem, value), field);
}

void ApiClient::showFailure(
    const RestResponse &response, const QString &fieldValue, const QString &field)
{
    setError(ErrorMessages::forResponse(response, serverUrl(), fieldValue),
        response.reachedServer() ? field : QString());
}
