#pragma once

#include <kocmoc/Limits.h>

#include <QObject>
#include <QtQml/qqmlregistration.h>

// The account rules of libkocmoc for QML, so hints such as "at least 8
// characters" quote the numbers the server enforces.
class AccountLimits : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(int passwordMinChars MEMBER m_passwordMinChars CONSTANT)
    Q_PROPERTY(int passwordMaxChars MEMBER m_passwordMaxChars CONSTANT)
    Q_PROPERTY(int usernameMinChars MEMBER m_usernameMinChars CONSTANT)
    Q_PROPERTY(int usernameMaxChars MEMBER m_usernameMaxChars CONSTANT)
    Q_PROPERTY(int displayNameMaxChars MEMBER m_displayNameMaxChars CONSTANT)
    Q_PROPERTY(int bioMaxChars MEMBER m_bioMaxChars CONSTANT)

public:
    using QObject::QObject;

private:
    // MEMBER needs storage; the values are the shared constants.
    const int m_passwordMinChars = kocmoc::limits::passwordMinChars;
    const int m_passwordMaxChars = kocmoc::limits::passwordMaxChars;
    const int m_usernameMinChars = kocmoc::limits::usernameMinChars;
    const int m_usernameMaxChars = kocmoc::limits::usernameMaxChars;
    const int m_displayNameMaxChars = kocmoc::limits::displayNameMaxChars;
    const int m_bioMaxChars = kocmoc::limits::bioMaxChars;
};
