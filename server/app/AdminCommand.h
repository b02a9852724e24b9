#pragma once

#include <QProcessEnvironment>
#include <QStringList>

namespace kocmoc {

// "kocmoc-server admin …": account administration from the shell, on the database the
// server's settings name (the same flags, variables and config file as the server).
//   admin create --email E --username U --display-name D [--password-file F]
//       creates a super-admin; the password comes from the file or stdin (not echoed).
//   admin level <username> <1|10|100>
class AdminCommand
{
public:
    static bool isAdminCommand(const QStringList &arguments);
    static QString helpText();
    // Returns the process's exit code: 0 done, 1 refused or failed, 2 wrong usage.
    static int run(const QStringList &arguments, const QProcessEnvironment &environment);
};

} // namespace kocmoc
