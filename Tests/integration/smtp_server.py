#!/usr/bin/python3
"""A real SMTP server for Herald's mail tests, built on aiosmtpd.

Run it with the system interpreter (`/usr/bin/python3 smtp_server.py --spool DIR`). It listens on
127.0.0.1 (port 0 picks a free one), writes the port to `--port-file` once it accepts connections,
and saves every accepted message as `DIR/msg-NNNN.eml` with its envelope in `DIR/msg-NNNN.json`.
Each new connection leaves a file in `DIR/connections/`.

Optional behaviour:
  --tls-cert/--tls-key        offer STARTTLS with this certificate
  --require-starttls          refuse everything but EHLO/STARTTLS/QUIT before TLS
  --implicit-tls              speak TLS from the first byte (smtps) instead of offering STARTTLS
  --auth-user/--auth-password require AUTH PLAIN or LOGIN with these credentials
  --smtputf8                  advertise and accept SMTPUTF8
  --fail-first-data CODE      reply CODE (e.g. 451) to the end of the first DATA, once
  --reject-rcpt REGEX         reply 550 to RCPT TO addresses matching REGEX
  --drop-during-data          close the connection in the middle of the first DATA, once
  --random-failures RATE      reply with a code from --failure-codes to this fraction (0..1) of DATA
                              transactions, logging each as a JSON line in DIR/faults.jsonl (421
                              also closes the connection); --seed makes the choice reproducible
  --failure-codes CODES       comma-separated codes for --random-failures (default 421,451,452,550,552)
  --exit-on-stdin-eof         stop when stdin reaches end of file (the parent closed it or died)
  --idle-timeout SECONDS      close connections idle this long (default 60)
"""

import argparse
import asyncio
import itertools
import json
import glob
import os
import random
import re
import signal
import ssl
import sys

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


RANDOM_REPLIES = {
    421: "421 4.3.2 Service shutting down, closing transmission channel",
    451: "451 4.3.0 Local error in processing, try again later",
    452: "452 4.3.1 Insufficient system storage",
    550: "550 5.7.1 Message rejected by policy",
    552: "552 5.3.4 Message size exceeds fixed maximum message size",
}


def write_atomically(path, data):
    temporary = path + ".tmp"
    with open(temporary, "wb") as handle:
        handle.write(data)
    os.replace(temporary, path)


class Faults:
    def __init__(self, args):
        self.fail_first_data = args.fail_first_data
        self.reject_rcpt = re.compile(args.reject_rcpt) if args.reject_rcpt else None
        self.drop_during_data = args.drop_during_data
        self.random_rate = args.random_failures
        self.failure_codes = [int(code) for code in args.failure_codes.split(",")]
        self.random = random.Random(args.seed)

    def take_random_failure(self):
        if self.random_rate and self.random.random() < self.random_rate:
            return self.random.choice(self.failure_codes)
        return None

    def take_data_failure(self):
        code, self.fail_first_data = self.fail_first_data, None
        return code

    def take_drop(self):
        drop, self.drop_during_data = self.drop_during_data, False
        return drop


class SpoolHandler:
    def __init__(self, spool, faults):
        self.spool = spool
        self.faults = faults
        # A restarted server (same spool) goes on numbering where the previous one stopped.
        self.sequence = itertools.count(len(glob.glob(os.path.join(spool, "msg-*.eml"))) + 1)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.faults.reject_rcpt and self.faults.reject_rcpt.search(address):
            return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown"
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        code = self.faults.take_data_failure()
        if code:
            return f"{code} 4.3.0 Temporary failure, please try again later"
        code = self.faults.take_random_failure()
        if code:
            with open(os.path.join(self.spool, "faults.jsonl"), "a") as log:
                log.write(json.dumps({"code": code, "rcpt_tos": envelope.rcpt_tos}) + "\n")
            if code == 421:
                asyncio.get_running_loop().call_later(0.05, server.transport.close)
            return RANDOM_REPLIES[code]
        number = next(self.sequence)
        base = os.path.join(self.spool, f"msg-{number:04d}")
        meta = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "mail_options": envelope.mail_options,
            "smtputf8": envelope.smtp_utf8,
            "tls": session.ssl is not None or server.transport.get_extra_info("ssl_object") is not None,
            "authenticated": bool(session.authenticated),
        }
        # The envelope first: readers list the .eml files and then open each one's .json.
        write_atomically(base + ".json", json.dumps(meta).encode())
        write_atomically(base + ".eml", envelope.original_content)
        return f"250 2.0.0 Ok: queued as msg-{number:04d}"


class TestSMTP(SMTP):
    """Counts connections and can drop one in the middle of DATA."""

    connection_numbers = itertools.count(1)

    def __init__(self, handler, spool, faults, **kwargs):
        super().__init__(handler, **kwargs)
        self.spool = spool
        self.faults = faults

    def connection_made(self, transport):
        is_new = self.transport is None
        super().connection_made(transport)
        if is_new:
            number = next(TestSMTP.connection_numbers)
            write_atomically(os.path.join(self.spool, "connections", f"conn-{number:04d}"), b"")

    async def smtp_DATA(self, arg):
        if self.envelope.rcpt_tos and self.faults.take_drop():
            await self.push("354 End data with <CR><LF>.<CR><LF>")
            await self._reader.readline()  # part of the message, then hang up
            self.transport.close()
            return
        return await super().smtp_DATA(arg)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--port-file", required=True)
    parser.add_argument("--spool", required=True)
    parser.add_argument("--tls-cert")
    parser.add_argument("--tls-key")
    parser.add_argument("--require-starttls", action="store_true")
    parser.add_argument("--implicit-tls", action="store_true")
    parser.add_argument("--auth-user")
    parser.add_argument("--auth-password")
    parser.add_argument("--smtputf8", action="store_true")
    parser.add_argument("--fail-first-data", type=int)
    parser.add_argument("--reject-rcpt")
    parser.add_argument("--drop-during-data", action="store_true")
    parser.add_argument("--random-failures", type=float, default=0)
    parser.add_argument("--failure-codes", default="421,451,452,550,552")
    parser.add_argument("--seed", type=int)
    parser.add_argument("--exit-on-stdin-eof", action="store_true")
    parser.add_argument("--idle-timeout", type=float, default=60)
    args = parser.parse_args()

    os.makedirs(os.path.join(args.spool, "connections"), exist_ok=True)
    faults = Faults(args)
    handler = SpoolHandler(args.spool, faults)

    tls_context = None
    if args.tls_cert:
        tls_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        tls_context.load_cert_chain(args.tls_cert, args.tls_key)

    options = dict(
        enable_SMTPUTF8=args.smtputf8,
        hostname="herald-test-smtp",
        tls_context=None if args.implicit_tls else tls_context,
        require_starttls=args.require_starttls,
        timeout=args.idle_timeout,
    )
    if args.auth_user is not None:

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = (
                isinstance(auth_data, LoginPassword)
                and auth_data.login == args.auth_user.encode()
                and auth_data.password == (args.auth_password or "").encode()
            )
            # handled=False makes aiosmtpd send the standard 535 reply on failure.
            return AuthResult(success=ok, handled=False)

        options.update(
            authenticator=authenticator,
            auth_required=True,
            auth_require_tls=tls_context is not None and not args.implicit_tls,
        )

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    server = loop.run_until_complete(
        loop.create_server(
            lambda: TestSMTP(handler, args.spool, faults, **options),
            args.host,
            args.port,
            ssl=tls_context if args.implicit_tls else None,
        )
    )
    port = server.sockets[0].getsockname()[1]
    write_atomically(args.port_file, str(port).encode())
    print(f"smtp_server listening on {args.host}:{port}", file=sys.stderr, flush=True)

    # A parent running on a thread that blocks signals (libdispatch workers do) passes the mask on.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM, signal.SIGINT])
    loop.add_signal_handler(signal.SIGTERM, loop.stop)
    loop.add_signal_handler(signal.SIGINT, loop.stop)
    if args.exit_on_stdin_eof:
        # The test holds the other end of stdin: when it exits, even by crashing, the server follows.
        loop.add_reader(sys.stdin.fileno(), lambda: os.read(sys.stdin.fileno(), 4096) or loop.stop())
    try:
        loop.run_forever()
    finally:
        server.close()


if __name__ == "__main__":
    main()
