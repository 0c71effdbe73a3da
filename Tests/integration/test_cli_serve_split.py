"""`herald serve` runs the HTTP server from its own executable, `herald-serve` (#22): the other commands
do not link Hummingbird or HeraldServer, `herald serve` keeps its PID (exec) so SIGTERM reaches the
server, and a missing `herald-serve` is a clear error."""

import os
import shutil
import signal
import subprocess

import pytest

from conftest import BINARY, wait_for

SERVE_BINARY = os.path.join(os.path.dirname(BINARY), "herald-serve")
PACKAGED = "/usr/libexec/herald/herald-serve"


def symbols(path):
    """nm's symbol names (undefined ones included) of an unstripped build."""
    result = subprocess.run(["nm", "-a", path], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_herald_links_no_hummingbird_and_herald_serve_does():
    herald, serve = symbols(BINARY), symbols(SERVE_BINARY)
    for module in ("Hummingbird", "HeraldServer", "MultipartKit"):
        assert module not in herald, module
        assert module in serve, module
    with open(BINARY, "rb") as handle:
        assert b"Hummingbird" not in handle.read()


def test_serve_execs_herald_serve_in_the_same_process_and_stops_on_sigterm(herald):
    pid = herald.process.pid
    assert os.readlink(f"/proc/{pid}/exe") == os.path.realpath(SERVE_BINARY)
    with open(f"/proc/{pid}/cmdline", "rb") as handle:
        argv = handle.read().split(b"\0")[:-1]
    assert argv[1:] == [b"--config", herald.config_path.encode()]
    herald.process.send_signal(signal.SIGTERM)
    assert herald.process.wait(timeout=60) == 0


def test_serve_usage_errors_are_answered_before_the_exec():
    result = subprocess.run([BINARY, "serve", "--log-level", "loud"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "loud" in result.stderr
    result = subprocess.run([BINARY, "serve", "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "--config" in result.stdout and "herald-serve" in result.stdout


@pytest.mark.skipif(os.path.exists(PACKAGED), reason=f"{PACKAGED} is installed and would be found")
def test_missing_herald_serve_is_a_clear_error(tmp_path):
    alone = tmp_path / "herald"
    shutil.copy2(BINARY, alone)
    result = subprocess.run([str(alone), "serve"], capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert result.returncode == 3
    assert "cannot find the herald-serve executable" in result.stderr
    assert str(tmp_path / "herald-serve") in result.stderr and PACKAGED in result.stderr
    assert os.listdir(tmp_path) == ["herald"]  # nothing was started: no database, no key file


def test_a_symlink_to_herald_finds_herald_serve_beside_the_real_binary(tmp_path, herald):
    link = tmp_path / "herald"
    os.symlink(BINARY, link)
    herald.stop()
    herald.process = subprocess.Popen([str(link), "serve", "--config", herald.config_path], cwd=herald.directory,
                                      stdout=open(herald.log_path, "ab"), stderr=subprocess.STDOUT)
    wait_for(herald._healthy, what="herald /healthz through a symlink")
    assert os.readlink(f"/proc/{herald.process.pid}/exe") == os.path.realpath(SERVE_BINARY)
