#!/usr/bin/python3
"""A fast SMTP sink for large end-to-end runs, built on aiosmtpd: it accepts every message and
appends each accepted recipient as one line to `--log` before it answers 250, so the log is the
server's record of what it took (one line per delivered copy). Message bodies are not kept.

    /usr/bin/python3 recipient_sink.py --port-file FILE --log FILE [--delay SECONDS]

--delay makes it a slow relay: it waits that long after each message's data before it records
the recipients and answers.
"""

import argparse
import asyncio
import os
import signal

from aiosmtpd.smtp import SMTP


class RecipientLog:
    def __init__(self, path, delay):
        self.log = open(path, "a", buffering=1)
        self.delay = delay

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            await asyncio.sleep(self.delay)
        self.log.write("".join(recipient + "\n" for recipient in envelope.rcpt_tos))
        self.log.flush()
        return "250 2.0.0 Ok: recorded"


async def serve(args):
    loop = asyncio.get_running_loop()
    handler = RecipientLog(args.log, args.delay)
    server = await loop.create_server(lambda: SMTP(handler, hostname="herald-test-sink"), "127.0.0.1", 0)
    port_file = args.port_file + ".tmp"
    with open(port_file, "w") as handle:
        handle.write(str(server.sockets[0].getsockname()[1]))
    os.replace(port_file, args.port_file)
    stop = asyncio.Event()
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM, signal.SIGINT])
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_signal_handler(signal.SIGINT, stop.set)
    await stop.wait()
    server.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port-file", required=True)
    parser.add_argument("--log", required=True)
    parser.add_argument("--delay", type=float, default=0.0)
    asyncio.run(serve(parser.parse_args()))


if __name__ == "__main__":
    main()
