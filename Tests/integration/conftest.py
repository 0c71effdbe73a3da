"""Fixtures for Herald's end-to-end tests: a real SMTP server (aiosmtpd, tests/integration/smtp_server.py),
a real `herald serve` process on a free loopback port, and helpers to read the mail it sends with
Python's own `email` parser. Everything started here is stopped when the test ends, also on failure."""

import email
import email.policy
import glob
import json
import os
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BINARY = os.environ.get("HERALD_BINARY", os.path.join(ROOT, ".build", "debug", "herald"))
OUTPUT = os.environ.get("TEST_OUTPUT_DIR", os.path.join(ROOT, "test-output"))


def thread_stacks(pid):
    """Every thread's stack of a running process (eu-stack from elfutils, else gdb), for a hang's report."""
    for command in (["eu-stack", "-p", str(pid)],
                    ["gdb", "-p", str(pid), "-batch", "-ex", "thread apply all bt 30"]):
        try:
            run = subprocess.run(command, capture_output=True, text=True, timeout=60, errors="replace")
            return run.stdout[-20000:] or run.stderr[-2000:]
        except (OSError, subprocess.TimeoutExpired) as error:
            last = f"{command[0]}: {error}"
    return last


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(predicate, timeout=15.0, interval=0.1, what="condition"):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out waiting for {what}")


class SMTPServer:
    """aiosmtpd on a free port, saving each message as spool/msg-NNNN.eml (+ .json envelope)."""

    def __init__(self, directory, *extra):
        self.spool = os.path.join(directory, "spool")
        os.makedirs(os.path.join(self.spool, "connections"), exist_ok=True)
        port_file = os.path.join(directory, "smtp.port")
        self.process = subprocess.Popen(
            ["/usr/bin/python3", os.path.join(HERE, "smtp_server.py"), "--port-file", port_file, "--spool", self.spool, *extra],
            stdout=subprocess.DEVNULL, stderr=open(os.path.join(directory, "smtp.log"), "wb"))
        self.port = int(wait_for(lambda: os.path.exists(port_file) and open(port_file).read().strip(), what="SMTP server"))

    def messages(self):
        """Every received message, parsed with email.policy.default, in arrival order."""
        result = []
        # Numeric order: "msg-10000" must come after "msg-9999".
        paths = glob.glob(os.path.join(self.spool, "msg-*.eml"))
        for path in sorted(paths, key=lambda p: int(os.path.basename(p)[4:-4])):
            with open(path, "rb") as handle:
                message = email.message_from_binary_file(handle, policy=email.policy.default)
            with open(path[:-4] + ".json") as handle:
                message.envelope = json.load(handle)
            message.path = path
            result.append(message)
        return result

    def wait_for_messages(self, count, timeout=20.0):
        return wait_for(lambda: len(self.messages()) >= count and self.messages(), timeout=timeout,
                        what=f"{count} message(s)")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


class Herald:
    """A `herald serve` process with its own database, configuration and SMTP server."""

    def __init__(self, directory, smtp_port, settings):
        self.directory = directory
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.database = os.path.join(directory, "herald.sqlite")
        config = {
            "listen": f"127.0.0.1:{self.port}",
            "base_url": self.base_url,
            "database_url": f"sqlite:{self.database}",
            "smtp_url": f"smtp://127.0.0.1:{smtp_port}",
            "mail_from": "Newsroom <news@example.org>",
            "templates": os.path.join(ROOT, "templates"),
            "site_name": "Kyiv Independent Test",
            "allowed_origins": ["https://news.example.org"],
            "rate_limit_burst": 1000,
            "rate_limit_per_minute": 6000,
            # The suites that are not about the signup challenge send hundreds of signups a
            # minute from one address; test_challenge.py turns it on (auto is the default).
            "signup_challenge": "off",
            "newsletters": [
                {"slug": "news", "title": "Morning News", "description": "Every morning"},
                {"slug": "daily", "title": "Дайджест дня", "description": "Щодня", "time_zone": "Europe/Kyiv"},
            ],
        }
        config.update(settings)
        config = {key: value for key, value in config.items() if value is not None}  # None: leave the key out
        self.config_path = os.path.join(directory, "herald.yml")
        with open(self.config_path, "w") as handle:
            json.dump(config, handle)  # JSON is valid YAML
        self.log_path = os.path.join(directory, "herald.log")
        self.process = None
        self.start()

    def start(self):
        self.process = subprocess.Popen(
            [BINARY, "serve", "--config", self.config_path], cwd=self.directory,
            stdout=open(self.log_path, "ab"), stderr=subprocess.STDOUT)
        wait_for(self._healthy, what="herald /healthz")

    def _healthy(self):
        if self.process.poll() is not None:
            raise AssertionError("herald exited early:\n" + open(self.log_path).read())
        try:
            return urllib.request.urlopen(self.base_url + "/healthz", timeout=1).status == 200
        except (urllib.error.URLError, ConnectionError, OSError):
            return False

    def stop(self, timeout=60):
        """SIGTERM, then wait for the graceful stop. A process still running after `timeout` seconds
        (generous: a debug build on a loaded CI machine) is a hang: its threads' stacks and the log's
        tail go into the failure, and it is killed so nothing outlives the test."""
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                stacks = thread_stacks(self.process.pid)
                self.process.kill()
                self.process.wait(timeout=10)
                with open(self.log_path, errors="replace") as handle:
                    tail = "".join(handle.readlines()[-40:])
                raise AssertionError(
                    f"herald serve did not stop within {timeout} s of SIGTERM\n"
                    f"== its threads:\n{stacks}\n== the end of its log:\n{tail}") from None

    def db(self):
        return sqlite3.connect(self.database, timeout=10)

    @property
    def keys_path(self):
        return os.path.join(os.path.dirname(self.database), "herald.keys")

    def keys(self):
        """The key file `herald serve` created beside the database."""
        return secret_keys(self.keys_path)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def secret_keys(path):
    """The keys of a Herald key file (`herald.keys`): {"manage-link": [newest, …], "erasure": [key]}."""
    keys = {"manage-link": [], "erasure": []}
    with open(path) as handle:
        for line in handle:
            fields = line.split("#", 1)[0].split()
            if fields:
                keys[fields[0]].append(fields[1])
    return keys


def http(method, url, body=None, headers=None):
    """(status, headers, body bytes) without following redirects or raising on 4xx/5xx."""
    if isinstance(body, str):
        body = body.encode()
    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with OPENER.open(request, timeout=15) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


FORM = {"Content-Type": "application/x-www-form-urlencoded", "Accept": "text/html"}
JSON = {"Content-Type": "application/json", "Accept": "application/json"}


@pytest.fixture
def workdir(request):
    directory = tempfile.mkdtemp(prefix="herald-e2e-")
    yield directory


@pytest.fixture
def smtp(workdir):
    server = SMTPServer(workdir)
    yield server
    server.stop()


@pytest.fixture
def make_herald(workdir, smtp):
    started = []

    def start(**settings):
        herald = Herald(workdir, smtp.port, settings)
        started.append(herald)
        return herald

    yield start
    for herald in started:
        herald.stop()


@pytest.fixture
def herald(make_herald):
    return make_herald()


def body_parts(message):
    text = message.get_body(preferencelist=("plain",)).get_content()
    html_part = message.get_body(preferencelist=("html",))
    return text, (html_part.get_content() if html_part else None)


def all_defects(message):
    found = []
    for part in message.walk():
        found += [repr(d) for d in part.defects]
    return found


def link_in(message, path):
    """The first https?:// link in the text part whose path starts with `path`."""
    import re
    text, _ = body_parts(message)
    match = re.search(r"https?://[^\s<>\"]+" + re.escape(path) + r"[^\s<>\"]+", text)
    assert match, f"no {path} link in:\n{text}"
    return match.group(0)


def save_output(name, data):
    os.makedirs(OUTPUT, exist_ok=True)
    with open(os.path.join(OUTPUT, name), "wb") as handle:
        handle.write(data if isinstance(data, bytes) else data.encode())
