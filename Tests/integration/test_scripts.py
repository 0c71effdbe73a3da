"""The helper scripts a newcomer runs first (issue #23): what they install says so in one line,
their tools' chatter goes to a log file, an unreachable package registry is one clear sentence,
and the benchmark table names the build the figures come from."""

import os
import stat
import subprocess
import sys

import pytest

from conftest import BINARY, ROOT

PYPI_INSTALL = os.path.join(ROOT, "scripts", "pypi-install")
INSTALL_PACKAGES = os.path.join(ROOT, "scripts", "install-packages")
RESULTS_TABLE = os.path.join(ROOT, "scripts", "benchmarks", "results_table.py")
# Nothing listens on port 9 (discard) of the loopback interface: connections are refused at once.
UNREACHABLE = "http://127.0.0.1:9"


@pytest.mark.parametrize("environment", [
    {"PIP_INDEX_URL": UNREACHABLE + "/simple"},
    {"HTTPS_PROXY": UNREACHABLE, "https_proxy": UNREACHABLE},
], ids=["unreachable index", "unreachable proxy"])
def test_pypi_install_says_in_one_sentence_when_the_registry_cannot_be_reached(tmp_path, environment):
    target = tmp_path / "python" / "tool"
    env = dict(os.environ, PIP_CONFIG_FILE=os.devnull, **environment)
    env.pop("PIP_FIND_LINKS", None)
    result = subprocess.run([PYPI_INSTALL, "--target", str(target), "herald-no-such-package==1.0"],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2, result.stderr  # what it installs, then one sentence
    assert lines[0].startswith("installing herald-no-such-package==1.0 from PyPI into " + str(target))
    sentence = lines[1]
    assert sentence.startswith("pypi-install: cannot reach the package index")
    assert "herald-no-such-package==1.0" in sentence and "PIP_INDEX_URL" in sentence and str(target) in sentence
    assert "Traceback" not in result.stderr and "WARNING" not in result.stderr
    assert not target.exists()
    log = (tmp_path / "python" / "tool.log").read_text()
    assert "herald-no-such-package" in log  # pip's own account stays in the log


def test_pypi_install_refuses_a_wrong_call():
    result = subprocess.run([PYPI_INSTALL, "--global", "x"], capture_output=True, text=True, timeout=30)
    assert result.returncode == 2 and result.stderr.startswith("usage: scripts/pypi-install")


def test_install_packages_is_silent_when_everything_is_installed(tmp_path):
    result = subprocess.run([INSTALL_PACKAGES, "bash", "coreutils"], capture_output=True, text=True, timeout=60,
                            env=dict(os.environ, HERALD_INSTALL_LOG=str(tmp_path / "apt.log")))
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert not (tmp_path / "apt.log").exists()


def fake_tool(directory, name, script):
    path = directory / name
    path.write_text("#!/bin/sh\n" + script)
    path.chmod(path.stat().st_mode | stat.S_IEXEC)


def test_install_packages_keeps_apt_output_in_the_log_and_says_what_failed(tmp_path):
    # A stand-in apt-get that behaves like one whose mirror cannot be reached (the real one would
    # change this machine); dpkg-query is the real one and reports the package as missing.
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake_tool(bin_dir, "apt-get", 'echo "Ign:1 http://deb.debian.org/debian bookworm InRelease"\n'
                                  'echo "debconf: delaying package configuration" >&2\n'
                                  'echo "E: Failed to fetch http://deb.debian.org/debian/dists/bookworm/InRelease '
                                  ' Could not connect to deb.debian.org:80" >&2\nexit 100\n')
    fake_tool(bin_dir, "sudo", 'exec "$@"\n')
    log = tmp_path / "apt.log"
    env = dict(os.environ, PATH=f"{bin_dir}:{os.environ['PATH']}", HERALD_INSTALL_LOG=str(log))
    result = subprocess.run([INSTALL_PACKAGES, "herald-no-such-package"], capture_output=True, text=True,
                            env=env, timeout=60)
    assert result.returncode == 1 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0] == f"installing Debian packages: herald-no-such-package (log: {log})"
    assert lines[1].startswith("install-packages: cannot reach the Debian package mirror to install "
                               "herald-no-such-package;") and str(log) in lines[1]
    # The end of the log follows, indented; the full output is in the file.
    assert all(line.startswith("  ") for line in lines[2:])
    text = log.read_text()
    assert "debconf: delaying package configuration" in text and "Could not connect" in text


def results_log(tmp_path, build):
    path = tmp_path / "bench.log"
    path.write_text("MACHINE cores=2 cpu=Test_CPU memory_gib=4 kernel=6.1 swift=6.3\n"
                    f"RUN started=2026-12-03_08:00_UTC load_before=0 load_after=0 builds_before=0 builds_after=0 "
                    f"binary=/x/herald{' build=' + build if build else ''}\n")
    return path


@pytest.mark.parametrize("build, label", [
    ("debug", "**debug build**"), ("release", "release build"), (None, "build configuration unknown")])
def test_the_benchmark_table_names_the_build_the_binary_reported(tmp_path, build, label):
    table = subprocess.run([sys.executable, RESULTS_TABLE, str(results_log(tmp_path, build))],
                           capture_output=True, text=True, check=True).stdout
    assert label in table
    if build != "release":
        assert "release build" not in table


@pytest.mark.parametrize("p99, verdict", [("1.234", "**met**"), ("5.000", "not met"), ("0.900", "**met**")])
def test_the_benchmark_table_shows_the_redirect_p99_against_its_target(tmp_path, p99, verdict):
    log = results_log(tmp_path, "release")
    with open(log, "a") as handle:
        handle.write(f"RESULT redirect runs=3 wrk=-t2/-c32/-d10s link_rps=9000 link_rps_min=8000 link_rps_max=9500 "
                     f"link_p50_ms=0.5 link_p99_ms={p99} link_p99_ms_min=0.8 link_p99_ms_max=7.0 pixel_rps=9100 "
                     f"pixel_p99_ms=1.1 pixel_p99_ms_min=1.0 pixel_p99_ms_max=1.3 healthz_rps=10000 "
                     f"healthz_rps_min=9900 healthz_rps_max=10100 healthz_p99_ms=0.9 healthz_p99_ms_min=0.8 "
                     f"healthz_p99_ms_max=1.0 clicks=5 filtered=1 opens=7\n")
    table = subprocess.run([sys.executable, RESULTS_TABLE, str(log)], capture_output=True, text=True,
                           check=True).stdout
    row = next(line for line in table.splitlines() if "GET /l/{id}" in line)
    assert f"p99 {float(p99):.2f} (0.80–7.00) ms" in row and f"target p99 < 5 ms: {verdict}" in row
    assert "`GET /healthz`: 10,000 (9,900–10,100) req/s" in row
    assert any("GET /o/{id}" in line and "7 opens" in line for line in table.splitlines())


def test_herald_version_names_its_build_configuration():
    output = subprocess.run([BINARY, "--version"], capture_output=True, text=True, check=True).stdout.strip()
    expected = "release" if "/release/" in BINARY else "debug"
    assert output == f"herald ({expected} build)"
