#include "TokenStore.h"

#include <QLoggingCategory>
#include <QPointer>
#include <QSettings>
#include <qt6keychain/keychain.h>

#include <memory>

namespace {
Q_LOGGING_CATEGORY(lcTokens, "kocmoc.tokens")
} // namespace

namespace {

const QString keychainService = QStringLiteral("KOCMOC");
const QString settingsGroup = QStringLiteral("sessions");

std::unique_ptr<QSettings> openSettings(const QString &file)
{
    return file.isEmpty() ? std::make_unique<QSettings>()
                          : std::make_unique<QSettings>(file, QSettings::IniFormat);
}

// Any failure but "not found" means there is no usable keychain (DESIGN.md:
// QtKeychain fails fast without a Secret Service).
bool keychainMissing(QKeychain::Error error)
{
    return error != QKeychain::NoError && error != QKeychain::EntryNotFound;
}

} // namespace

TokenStore::TokenStore(QObject *parent)
    : QObject(parent)
{ }

QString TokenStore::settingsFileName() const
{
    return openSettings(m_settingsFile)->fileName();
}

QString TokenStore::keyFor(const QUrl &server)
{
    // Slashes would make QSettings groups of the URL's parts.
    return QString::fromLatin1(
        server.toString(QUrl::StripTrailingSlash).toUtf8().toBase64(QByteArray::Base64UrlEncoding));
}

void TokenStore::save(const QUrl &server, const QString &secret)
{
    const QString key = keyFor(server);
    if (!m_keychainEnabled) {
        warnOnce(QStringLiteral("the keychain is switched off"));
        saveToSettings(key, secret);
        emit saved();
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(keychainService, this);
    job->setKey(key);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [this, key, secret](QKeychain::Job *done) {
        if (done->error() == QKeychain::NoError) {
            removeFromSettings(key); // an older fallback copy must not outlive the secure one
        } else {
            warnOnce(done->errorString());
            saveToSettings(key, secret);
        }
        emit saved();
    });
    job->start();
}

void TokenStore::load(const QUrl &server, QObject *context, Loaded done)
{
    const QString key = keyFor(server);
    if (!m_keychainEnabled) {
        done(loadFromSettings(key));
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(keychainService, this);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, context,
        [this, key, done = std::move(done)](QKeychain::Job *finished) {
            auto *read = static_cast<QKeychain::ReadPasswordJob *>(finished);
            if (read->error() == QKeychain::NoError && !read->textData().isEmpty()) {
                done(read->textData());
                return;
            }
            if (keychainMissing(read->error()))
                warnOnce(read->errorString());
            done(loadFromSettings(key));
        });
    job->start();
}

void TokenStore::remove(const QUrl &server)
{
    const QString key = keyFor(server);
    removeFromSettings(key);
    if (!m_keychainEnabled)
        return;
    auto *job = new QKeychain::DeletePasswordJob(keychainService, this);
    job->setKey(key);
    job->start();
}

void TokenStore::saveToSettings(const QString &key, const QString &secret)
{
    auto settings = openSettings(m_settingsFile);
    settings->setValue(settingsGroup + QLatin1Char('/') + key, secret);
}

QString TokenStore::loadFromSettings(const QString &key) const
{
    return openSettings(m_settingsFile)->value(settingsGroup + QLatin1Char('/') + key).toString();
}

void TokenStore::removeFromSettings(const QString &key)
{
    auto settings = openSettings(m_settingsFile);
    if (settings->contains(settingsGroup + QLatin1Char('/') + key))
        settings->remove(settingsGroup + QLatin1Char('/') + key);
}

void TokenStore::warnOnce(const QString &why)
{
    if (m_warned)
        return;
    m_warned = true;
    qCWarning(lcTokens).noquote() << QStringLiteral(
        "No keychain is available (%1): the session is kept in %2, which "
        "anyone who can read your files can read.")
                                         .arg(why, settingsFileName());
}
