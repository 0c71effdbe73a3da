"""Install like real software (#20): the release binaries alone in an empty folder (templates built in;
`herald` and the `herald-serve` that `herald serve` runs, #22),
an override folder with one changed page, and the Debian package installed with apt-get as root.

HERALD_RELEASE_BINARY names the release build (scripts/test builds it once); HERALD_PACKAGE the .deb
scripts/package made from it. Without them the debug binary is used and the package test is skipped."""
import grp
import json
import os
import pwd
import shutil
import stat
import subprocess
import tempfile
import time
import urllib.parse

import pytest

from conftest import BINARY, http, save_output, wait_for

RELEASE = os.environ.get("HERALD_RELEASE_BINARY") or BINARY
PACKAGE = os.environ.get("HERALD_PACKAGE")
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def start_alone(folder, smtp_port, port, **settings):
    """Copies the two binaries alone into `folder` (empty) and serves from there; returns the process."""
    shutil.copy2(RELEASE, os.path.join(folder, "herald"))
    shutil.copy2(os.path.join(os.path.dirname(RELEASE), "herald-serve"), os.path.join(folder, "herald-serve"))
    config = {"listen": f"127.0.0.1:{port}", "base_url": f"http://127.0.0.1:{port}",
              "smtp_url": f"smtp://127.0.0.1:{smtp_port}", "mail_from": "News <news@example.org>",
              "signup_challenge": "off", **settings}
    with open(os.path.join(folder, "herald.yml"), "w") as handle:
        json.dump(config, handle)
    log = open(os.path.join(folder, "..", f"herald-{port}.log"), "ab")
    process = subprocess.Popen([os.path.join(folder, "herald"), "serve"], cwd=folder, stdout=log, stderr=log,
                               env={"PATH": "/usr/bin:/bin"})
    def healthy():
        assert process.poll() is None, open(log.name).read()
        try:
            return http("GET", f"http://127.0.0.1:{port}/healthz")[0] == 200
        except OSError:
            return False
    wait_for(healthy, what="herald /healthz")
    return process


def free_port():
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_binary_alone_serves_takes_a_signup_and_mails(smtp, workdir):
    folder = os.path.join(workdir, "alone")
    os.mkdir(folder)
    port = free_port()
    process = start_alone(folder, smtp.port, port)
    try:
        assert not any(os.path.exists(os.path.join(d, "templates")) for d in (folder, workdir))
        status, _, page = http("GET", f"http://127.0.0.1:{port}/")
        assert status == 200 and b'name="email"' in page and b"<form" in page
        status, _, script = http("GET", f"http://127.0.0.1:{port}/challenge.js")
        assert status == 200 and len(script) > 100
        status, _, openapi = http("GET", f"http://127.0.0.1:{port}/api/v1/openapi.json")
        assert status == 200 and json.loads(openapi)["openapi"].startswith("3.")
        body = urllib.parse.urlencode({"email": "reader@example.org", "newsletter": "news"})
        status, _, _ = http("POST", f"http://127.0.0.1:{port}/subscribe", body, FORM)
        assert status in (200, 303)
        [message] = smtp.wait_for_messages(1)
        assert message["To"].addresses[0].addr_spec == "reader@example.org"
        assert "/confirm" in message.get_body(("plain",)).get_content()
        hostile = urllib.parse.urlencode({"email": "a@b.c\r\nBcc: x@evil.org<script>", "newsletter": "news"})
        assert http("POST", f"http://127.0.0.1:{port}/subscribe", hostile, FORM)[0] == 422
    finally:
        process.terminate()
        process.wait(timeout=15)
    assert sorted(os.listdir(folder))[:3] == ["herald", "herald-serve", "herald.keys"]


def test_one_overridden_page_changes_only_that_page(smtp, workdir):
    plain, custom = os.path.join(workdir, "plain"), os.path.join(workdir, "custom")
    os.makedirs(os.path.join(workdir, "overrides", "pages"))
    with open(os.path.join(workdir, "overrides", "pages", "index.mustache"), "w") as handle:
        handle.write("<!doctype html><title>Ours</title><p>Our own page for {{site_name}} &amp; readers</p>\n")
    os.mkdir(plain), os.mkdir(custom)
    ports = free_port(), free_port()
    first = start_alone(plain, smtp.port, ports[0])
    second = start_alone(custom, smtp.port, ports[1], templates=os.path.join(workdir, "overrides"))
    try:
        index = [http("GET", f"http://127.0.0.1:{p}/")[2] for p in ports]
        assert b"Our own page for Herald &amp; readers" in index[1] and b"Our own page" not in index[0]
        missing = [http("GET", f"http://127.0.0.1:{p}/confirm?token=nope")[2].replace(str(p).encode(), b"PORT")
                   for p in ports]
        assert missing[0] == missing[1] and len(missing[0]) > 200
    finally:
        for process in (first, second):
            process.terminate()
            process.wait(timeout=15)
    log = open(os.path.join(workdir, f"herald-{ports[1]}.log")).read()
    assert "1 file(s) overridden" in log and "pages/index.mustache" in log


def test_broken_override_stops_start_up_naming_file_and_line(workdir):
    os.makedirs(os.path.join(workdir, "broken", "pages"))
    with open(os.path.join(workdir, "broken", "pages", "thank_you.mustache"), "w") as handle:
        handle.write("<p>fine</p>\n<p>{{#newsletters}}never closed</p>\n")
    with open(os.path.join(workdir, "herald.yml"), "w") as handle:
        json.dump({"templates": os.path.join(workdir, "broken"), "listen": f"127.0.0.1:{free_port()}"}, handle)
    result = subprocess.run([RELEASE, "serve", "--config", os.path.join(workdir, "herald.yml")], cwd=workdir,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 3
    assert "broken/pages/thank_you.mustache" in result.stderr and "line" in result.stderr


def test_init_refuses_non_empty_folder_and_leaves_nothing(workdir):
    target = os.path.join(workdir, "site")
    ok = subprocess.run([RELEASE, "init", target], capture_output=True, text=True, timeout=60)
    assert ok.returncode == 0 and "Next steps" in ok.stdout
    assert stat.S_IMODE(os.stat(os.path.join(target, "herald.keys")).st_mode) == 0o600
    again = subprocess.run([RELEASE, "init", target], capture_output=True, text=True, timeout=60)
    assert again.returncode == 3 and "already exists" in again.stderr
    os.makedirs(os.path.join(workdir, "busy"))
    open(os.path.join(workdir, "busy", "x"), "w").close()
    busy = subprocess.run([RELEASE, "init", os.path.join(workdir, "busy")], capture_output=True, text=True)
    assert busy.returncode == 3 and "not empty" in busy.stderr
    assert os.listdir(os.path.join(workdir, "busy")) == ["x"]


def run(*command, **kwargs):
    return subprocess.run(command, capture_output=True, text=True, timeout=600, **kwargs)


@pytest.mark.skipif(not PACKAGE or os.getuid() != 0, reason="needs HERALD_PACKAGE (scripts/test) and root")
def test_debian_package_installs_runs_and_purges():
    lint = run("lintian", "--fail-on", "error", PACKAGE)
    save_output("lintian.txt", lint.stdout + lint.stderr)
    assert lint.returncode == 0, lint.stdout + lint.stderr
    # Package.swift links with packed relative relocations (RELR), which need glibc 2.36's loader.
    depends = run("dpkg-deb", "-f", PACKAGE, "Depends").stdout
    assert "libc6 (>= 2.36)" in depends, depends
    installed = run("apt-get", "install", "-y", "-q", PACKAGE, env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    assert installed.returncode == 0, installed.stdout + installed.stderr
    try:
        user = pwd.getpwnam("herald")
        assert user.pw_dir == "/var/lib/herald" and user.pw_shell == "/usr/sbin/nologin"
        config = os.stat("/etc/herald/herald.yml")
        assert stat.S_IMODE(config.st_mode) == 0o640 and config.st_uid == 0
        assert grp.getgrgid(config.st_gid).gr_name == "herald"
        assert stat.S_IMODE(os.stat("/etc/herald/secrets.env").st_mode) == 0o640
        keys = os.stat("/var/lib/herald/herald.keys")
        assert stat.S_IMODE(keys.st_mode) == 0o600 and keys.st_uid == user.pw_uid
        assert os.path.exists("/var/lib/herald/herald.sqlite")
        assert os.access("/usr/libexec/herald/herald-serve", os.X_OK)
        for unit in ("herald.service", "herald-digest@.service", "herald-digest@.timer"):
            assert os.path.exists(f"/lib/systemd/system/{unit}")
        verify = run("systemd-analyze", "verify", "/lib/systemd/system/herald.service",
                     "/lib/systemd/system/herald-digest@news.service", "/lib/systemd/system/herald-digest@news.timer")
        assert verify.returncode == 0, verify.stderr
        env = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "HERALD_CONFIG": "/etc/herald/herald.yml"}
        assert run("runuser", "-u", "herald", "--", "herald", "migrate", cwd="/var/lib/herald", env=env).returncode == 0
        port = free_port()
        serve = subprocess.Popen(["runuser", "-u", "herald", "--", "herald", "serve"], cwd="/var/lib/herald",
                                 env={**env, "HERALD_LISTEN": f"127.0.0.1:{port}"},
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_for(lambda: _answers(port), what="packaged herald /healthz")
        finally:
            serve.terminate()
            serve.wait(timeout=15)
    finally:
        purged = run("apt-get", "purge", "-y", "-q", "herald", env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    assert purged.returncode == 0, purged.stderr
    for gone in ("/usr/bin/herald", "/usr/libexec/herald", "/etc/herald", "/var/lib/herald", "/lib/systemd/system/herald.service"):
        assert not os.path.exists(gone), gone
    assert pwd.getpwnam("herald")  # system users stay after purge, as Debian does


def _answers(port):
    try:
        return http("GET", f"http://127.0.0.1:{port}/healthz")[0] == 200
    except OSError:
        return False
