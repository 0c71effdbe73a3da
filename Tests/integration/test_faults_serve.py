"""`herald serve` SIGKILLed while it takes signups from many clients: after a restart, every signup that
was answered 2xx is in the database with its confirmation mail queued (or already sent)."""

import http.client
import threading
import time
import urllib.parse

from conftest import free_port


def post_signups(port, prefix, stop, acknowledged, failures):
    index = 0
    while not stop.is_set():
        address = f"{prefix}-{index}@example.org"
        index += 1
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("POST", "/subscribe", urllib.parse.urlencode({"email": address}),
                               {"Content-Type": "application/x-www-form-urlencoded", "Accept": "text/html"})
            status = connection.getresponse().status
            connection.close()
        except (OSError, http.client.HTTPException):
            failures.append(address)  # no answer: the process died with the request in flight
            continue
        if 200 <= status < 400:
            acknowledged.append(address)


def test_every_acknowledged_signup_survives_sigkill_of_serve(make_herald):
    # No SMTP server: confirmations stay queued, so the check does not depend on delivery.
    herald = make_herald(smtp_url=f"smtp://127.0.0.1:{free_port()}", outbox_retry_seconds=3600)
    acknowledged, failures, kills = [], [], 3
    for kill in range(kills):
        stop = threading.Event()
        clients = [threading.Thread(target=post_signups, args=(herald.port, f"k{kill}c{n}", stop, acknowledged, failures))
                   for n in range(16)]
        for client in clients:
            client.start()
        time.sleep(1.5)
        herald.process.kill()
        herald.process.wait()
        stop.set()
        for client in clients:
            client.join()
        herald.start()
    with herald.db() as db:
        stored = {row[0] for row in db.execute("SELECT email FROM subscribers")}
        queued = {row[0] for row in db.execute(
            "SELECT json_extract(recipients, '$[0]') FROM outbox WHERE kind = 'confirmation'")}
    lost = [a for a in acknowledged if a not in stored or a not in queued]
    print(f"\nserve SIGKILLed {kills} times under 16 clients: {len(acknowledged)} signups acknowledged, "
          f"{len(failures)} refused or unanswered (server down), {len(lost)} lost")
    assert len(acknowledged) > 100
    assert lost == []
