#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

// Keeps what it takes to resume a session after a restart (the refresh token
// and the profile, as one JSON text per server) in the system keychain through
// QtKeychain. Where there is no keychain (no Secret Service, a headless
// machine) it falls back to the settings file and says so in the log once:
// that file is readable by anyone who can read the user's files.
class TokenStore : public QObject
{
    Q_OBJECT

public:
    using Loaded = std::function<void(const QString &secret)>; // empty: nothing stored

    explicit TokenStore(QObject *parent = nullptr);

    // Another settings file than the application's (tests keep theirs apart).
    void setSettingsFile(const QString &path) { m_settingsFile = path; }
    void setKeychainEnabled(bool enabled) { m_keychainEnabled = enabled; }
    // Where the fallback copy lives, for the warning and for tests.
    QString settingsFileName() const;

    void save(const QUrl &server, const QString &secret);
    void load(const QUrl &server, QObject *context, Loaded done);
    void remove(const QUrl &server);

signals:
    // A save finished, in the keychain or in the fallback.
    void saved();

private:
    static QString keyFor(const QUrl &server);
    void saveToSettings(const QString &key, const QString &secret);
    QString loadFromSettings(const QString &key) const;
    void removeFromSettings(const QString &key);
    void warnOnce(const QString &why);

    QString m_settingsFile;
    bool m_keychainEnabled = true;
    bool m_warned = false;
};
