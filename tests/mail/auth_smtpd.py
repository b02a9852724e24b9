"""SMTP server for tst_mailer that requires AUTH over plain TCP.

aiosmtpd's command line cannot set an authenticator, hence this script.
Usage: auth_smtpd.py PORT MAILDIR USER PASSWORD MECHANISMS
MECHANISMS is a comma-separated subset of PLAIN,LOGIN that the server offers.
Messages go into MAILDIR like with `aiosmtpd -c aiosmtpd.handlers.Mailbox`.
"""

import asyncio
import sys
import warnings

from aiosmtpd.handlers import Mailbox
from aiosmtpd.smtp import SMTP, AuthResult


def main() -> None:
    port, maildir, user, password, offered = sys.argv[1:6]
    user_bytes = user.encode()
    password_bytes = password.encode()
    offered_mechanisms = offered.split(",")
    excluded = [m for m in ("PLAIN", "LOGIN") if m not in offered_mechanisms]

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = auth_data.login == user_bytes and auth_data.password == password_bytes
        # handled=False: aiosmtpd then answers 535 itself.
        return AuthResult(success=ok, handled=False)

    # AUTH without TLS is what this test server is for; aiosmtpd warns about it.
    warnings.simplefilter("ignore")
    loop = asyncio.new_event_loop()
    handler = Mailbox(maildir)

    def factory() -> SMTP:
        return SMTP(
            handler,
            authenticator=authenticator,
            auth_required=True,
            auth_require_tls=False,
            auth_exclude_mechanism=excluded,
            loop=loop,
        )

    loop.run_until_complete(loop.create_server(factory, host="127.0.0.1", port=int(port)))
    loop.run_forever()


if __name__ == "__main__":
    main()
