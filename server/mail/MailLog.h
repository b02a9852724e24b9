#pragma once

#include <QLoggingCategory>

namespace kocmoc::mail {

Q_DECLARE_LOGGING_CATEGORY(lcMail)

} // namespace kocmoc::mail
