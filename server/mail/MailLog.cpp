#include "MailLog.h"

namespace kocmoc::mail {

Q_LOGGING_CATEGORY(lcMail, "kocmoc.mail")

} // namespace kocmoc::mail
