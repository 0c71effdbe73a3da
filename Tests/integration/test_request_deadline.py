"""The whole-request deadline of `herald serve` (issue #16): a client that trickles a request byte by
byte, each byte well inside the idle timeout, is cut off once the request has taken longer than
`request_deadline_seconds`; a kept-alive connection gets a fresh deadline for each request.

The idle timeout alone counts decoded HTTP parts: a head trickled slower than it is cut off, but each
byte of a body is a part, so a body trickled a byte at a time kept the connection forever."""

import socket
import time

from conftest import FORM, http

HEAD = b"POST /subscribe HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"


def request(address, padding=0):
    """(head, body) of a form signup; `padding` adds an ignored field to make the body longer."""
    body = b"email=" + address.replace("@", "%40").encode() + (b"&pad=" + b"x" * padding if padding else b"")
    return HEAD + b"Content-Length: %d\r\n\r\n" % len(body), body


def trickle(sock, data, pause):
    """Sends `data` a byte at a time; returns how many bytes went out before the server closed."""
    for sent, byte in enumerate(data):
        try:
            sock.send(bytes([byte]))
        except (BrokenPipeError, ConnectionResetError):
            return sent
        time.sleep(pause)
    return len(data)


def closed_by_server(sock, timeout):
    sock.settimeout(timeout)
    try:
        return sock.recv(1024) == b""
    except ConnectionResetError:
        return True
    except socket.timeout:
        return False


def test_a_client_trickling_a_request_is_cut_off_at_the_deadline(make_herald, smtp):
    herald = make_herald(idle_timeout_seconds=2, request_deadline_seconds=3)
    head, data = request("slow@example.org", padding=200)  # about 50 s at the pace below
    sock = socket.create_connection(("127.0.0.1", herald.port), timeout=30)
    started = time.time()
    sock.sendall(head)
    sent = trickle(sock, data, pause=0.25)  # each pause well inside the 2 s idle timeout
    if sent == len(data):
        assert closed_by_server(sock, 5)
    elapsed = time.time() - started
    assert sent < len(data), "the server kept reading a request trickled past the deadline"
    assert 2.5 <= elapsed < 6, f"cut off after {elapsed:.1f} s, deadline 3 s"
    sock.close()
    # Nothing of the trickled request was acted on, and others are served as usual.
    assert http("POST", herald.base_url + "/subscribe", "email=fast%40example.org", FORM)[0] == 303
    with herald.db() as db:
        assert db.execute("SELECT count(*) FROM subscribers WHERE email = 'slow@example.org'").fetchone()[0] == 0


def test_each_request_on_a_kept_alive_connection_gets_its_own_deadline(make_herald):
    herald = make_herald(idle_timeout_seconds=2, request_deadline_seconds=3)
    sock = socket.create_connection(("127.0.0.1", herald.port), timeout=10)
    for number in range(3):  # about 2 s per request, over 6 s in all: only the total passes the deadline
        head, body = request(f"kept{number}@example.org")
        sock.sendall(head)
        trickle(sock, body, pause=2.0 / len(body))
        answer = sock.recv(65536)
        assert answer.startswith(b"HTTP/1.1 303"), answer[:200]
        time.sleep(0.8)  # waiting between requests does not count either
    sock.close()
