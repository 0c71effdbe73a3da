"""The SSRF guard (issue #16): feed and webhook URLs that lead to loopback, private, link-local,
CGNAT, multicast or unspecified addresses (IPv4 and IPv6, IPv4-mapped included) are refused at
start-up, and at fetch time the address libcurl is about to connect to is checked again (for each
redirect too), unless `allow_private_urls` lists the host or network."""

import http.server
import json
import os
import subprocess
import threading

import pytest

from conftest import BINARY, ROOT
from test_digest import write_feed

# One address per class the guard refuses; the port is closed, so a request that got through
# would fail differently ("cannot connect"), and start-up must fail before any request anyway.
ADDRESS_CLASSES = [
    ("loopback", "127.0.0.1"), ("loopback", "127.255.0.9"), ("private", "10.1.2.3"), ("private", "172.16.0.1"),
    ("private", "192.168.1.1"), ("link-local", "169.254.169.254"), ("CGNAT", "100.64.0.1"),
    ("multicast", "224.0.0.1"), ("unspecified", "0.0.0.0"), ("loopback", "[::1]"), ("private", "[fd00::1]"),
    ("link-local", "[fe80::1]"), ("multicast", "[ff02::1]"), ("unspecified", "[::]"),
    ("loopback", "[::ffff:127.0.0.1]"), ("private", "[::ffff:10.0.0.1]"), ("link-local", "[::ffff:169.254.169.254]"),
]


def write_config(directory, **settings):
    config = {"database_url": f"sqlite:{directory}/herald.sqlite", "mail_folder": f"{directory}/mail",
              "templates": os.path.join(ROOT, "templates"), "base_url": "https://news.example.org"}
    config.update(settings)
    path = os.path.join(directory, "herald.yml")
    with open(path, "w") as handle:
        json.dump(config, handle)
    return path


def herald(config, *arguments):
    return subprocess.run([BINARY, *arguments, "--config", config], cwd=os.path.dirname(config),
                          capture_output=True, text=True, timeout=60)


class FeedServer:
    """An HTTP server on `host` serving a feed at /feed.xml, or a redirect to `redirect`; counts requests."""

    def __init__(self, host, feed_path, redirect=None):
        self.requests = 0
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                server.requests += 1
                if redirect:
                    self.send_response(302)
                    self.send_header("Location", redirect)
                    self.end_headers()
                    return
                with open(feed_path, "rb") as handle:
                    body = handle.read()
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *arguments):
                pass

        self.httpd = http.server.ThreadingHTTPServer((host, 0), Handler)
        self.url = f"http://{host}:{self.httpd.server_address[1]}/feed.xml"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def feed_file(tmp_path):
    path = str(tmp_path / "feed.xml")
    write_feed(path, [("Story", "https://news.example.org/story", "g-1")])
    return path


@pytest.mark.parametrize("kind, address", ADDRESS_CLASSES)
def test_feed_and_webhook_urls_at_private_addresses_stop_start_up(tmp_path, kind, address):
    url = f"http://{address}:9/x"
    for settings in ({"newsletters": [{"slug": "daily", "title": "Daily", "digest_feed": url}]},
                     {"webhooks": [{"url": url, "secret": "whsec-0123456789abcdef-test"}]}):
        result = herald(write_config(str(tmp_path), **settings), "outbox", "status")
        assert result.returncode == 3, result.stdout + result.stderr
        assert f"{kind} address" in result.stderr and url in result.stderr and "allow_private_urls" in result.stderr
    # Listed in allow_private_urls (as the address, or as its network), the same URLs are accepted.
    bare = address.strip("[]")
    network = bare + ("/128" if ":" in bare else "/32")
    for allowed in ([bare], [network]):
        config = write_config(str(tmp_path), allow_private_urls=allowed,
                              webhooks=[{"url": url, "secret": "whsec-0123456789abcdef-test"}])
        result = herald(config, "outbox", "status")
        assert result.returncode == 0, result.stderr


def test_a_host_name_is_judged_by_what_it_resolves_to(tmp_path):
    url = "http://localhost:9/feed.xml"
    settings = {"newsletters": [{"slug": "daily", "title": "Daily", "digest_feed": url}]}
    result = herald(write_config(str(tmp_path), **settings), "outbox", "status")
    assert result.returncode == 3 and "loopback address" in result.stderr
    assert herald(write_config(str(tmp_path), allow_private_urls=["LocalHost."], **settings), "outbox", "status").returncode == 0


def test_bad_allow_private_urls_entries_stop_start_up(tmp_path):
    for entry in ("10.0.0.0/33", "http://10.0.0.1/", "10.0.0.0/8/8", "::1/129", "ex ample.org", ""):
        result = herald(write_config(str(tmp_path), allow_private_urls=[entry]), "outbox", "status")
        assert result.returncode == 3 and "allow_private_urls" in result.stderr, (entry, result.stderr)


def test_a_fetch_is_refused_at_connect_time_and_no_request_reaches_the_server(tmp_path, feed_file):
    server = FeedServer("127.0.0.1", feed_file)
    try:
        config = write_config(str(tmp_path), newsletters=[{"slug": "daily", "title": "Daily"}])
        result = herald(config, "digest", "send", "daily", "--dry-run", "--feed", server.url)
        assert result.returncode == 3
        assert "refused to connect to 127.0.0.1: loopback address 127.0.0.1" in result.stderr, result.stderr
        assert server.requests == 0
        # The same fetch with the address allowed goes through: the test is not blind.
        config = write_config(str(tmp_path), newsletters=[{"slug": "daily", "title": "Daily"}],
                              allow_private_urls=["127.0.0.1"])
        result = herald(config, "digest", "send", "daily", "--dry-run", "--feed", server.url)
        assert result.returncode == 0, result.stderr
        assert server.requests == 1
    finally:
        server.stop()


def test_a_redirect_to_a_private_address_is_checked_again(tmp_path, feed_file):
    target = FeedServer("127.0.0.2", feed_file)
    entry = FeedServer("127.0.0.1", feed_file, redirect=target.url)
    try:
        settings = {"newsletters": [{"slug": "daily", "title": "Daily"}]}
        config = write_config(str(tmp_path), allow_private_urls=["127.0.0.1"], **settings)
        result = herald(config, "digest", "send", "daily", "--dry-run", "--feed", entry.url)
        assert result.returncode == 3
        assert "refused to connect to 127.0.0.2: loopback address 127.0.0.2" in result.stderr, result.stderr
        assert entry.requests == 1 and target.requests == 0
        config = write_config(str(tmp_path), allow_private_urls=["127.0.0.0/8"], **settings)
        result = herald(config, "digest", "send", "daily", "--dry-run", "--feed", entry.url)
        assert result.returncode == 0, result.stderr
        assert target.requests == 1
    finally:
        entry.stop()
        target.stop()
