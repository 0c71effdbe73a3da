"""A small webhook receiver written against Herald's documented scheme (README, "Webhooks"):

    Herald-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
    Herald-Event-Id: <event id>

It verifies the signature in constant time, rejects timestamps more than TOLERANCE seconds away
from its clock (replays), and acknowledges an already-processed event id without processing it
again. It can be told to fail its first N requests (to exercise Herald's retries)."""

import hashlib
import hmac
import http.server
import json
import threading
import time

TOLERANCE = 300


def verify(secret, header, body, now):
    """True when `header` signs `body` with `secret` at a time within TOLERANCE of `now`."""
    fields = {}
    signatures = []
    for part in header.split(","):
        key, _, value = part.strip().partition("=")
        if key == "v1":
            signatures.append(value)
        elif key == "t":
            fields["t"] = value
    if "t" not in fields or not fields["t"].isdigit() or not signatures:
        return False
    timestamp = int(fields["t"])
    if abs(now - timestamp) > TOLERANCE:
        return False
    expected = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return any(hmac.compare_digest(expected, candidate) for candidate in signatures)


class Receiver:
    """An HTTP server on 127.0.0.1 in a background thread; see the module docstring."""

    def __init__(self, secret, fail_first=0, clock_offset=0):
        self.secret = secret
        self.fail_first = fail_first
        self.clock_offset = clock_offset
        self.lock = threading.Lock()
        self.requests = []      # every request: (headers dict, body bytes, status answered)
        self.events = []        # accepted, processed events (parsed JSON), once per id
        self.seen_ids = set()
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(length)
                status = receiver.handle(dict(self.headers.items()), body)
                self.send_response(status)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok" if status < 300 else b"no")

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks/herald"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def handle(self, headers, body):
        with self.lock:
            status = self._decide(headers, body)
            self.requests.append((headers, body, status))
            return status

    def _decide(self, headers, body):
        if self.fail_first > 0:
            self.fail_first -= 1
            return 503
        signature = headers.get("Herald-Signature", "")
        if not verify(self.secret, signature, body, time.time() + self.clock_offset):
            return 401
        event_id = headers.get("Herald-Event-Id", "")
        if event_id in self.seen_ids:
            return 200  # already processed: acknowledge, do nothing
        event = json.loads(body)
        if event.get("id") != event_id:
            return 400
        self.seen_ids.add(event_id)
        self.events.append(event)
        return 200

    def stop(self):
        self.server.shutdown()
        self.server.server_close()
