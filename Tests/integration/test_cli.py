"""The `herald` command line: help, check-email, configuration errors, migrate."""

import json
import re
import os
import subprocess

from conftest import BINARY


def run(*arguments, stdin=None, cwd=None, env=None):
    return subprocess.run([BINARY, *arguments], input=stdin, capture_output=True, text=True, cwd=cwd,
                          env=env or dict(os.environ), timeout=60)


def subcommands_in(help_text):
    """Names listed under SUBCOMMANDS: in ArgumentParser's help."""
    if "SUBCOMMANDS:" not in help_text:
        return []
    section = help_text.split("SUBCOMMANDS:", 1)[1]
    names = []
    for line in section.splitlines()[1:]:
        if not line.startswith("  "):
            break
        match = re.match(r"^  (\S+)", line)
        if match and match.group(1) != "help":
            names.append(match.group(1))
    return names


def test_every_command_explains_itself():
    pending, seen = [[]], []
    while pending:
        command = pending.pop()
        result = run(*command, "--help")
        assert result.returncode == 0, command
        assert "USAGE" in result.stdout.upper() and len(result.stdout) > 100, command
        seen.append(" ".join(command))
        pending.extend(command + [name] for name in subcommands_in(result.stdout))
    for expected in ("serve", "migrate", "check-email", "outbox deliver", "digest send", "digest preview",
                     "subscribers purge-pending", "subscribers import", "subscribers export", "bounces ingest",
                     "webhooks deliver"):
        assert expected in seen, (expected, seen)


def test_check_email_lines_and_exit_codes():
    result = run("check-email", "Jane@Example.org", "jane@gmial", "a@localhost")
    lines = result.stdout.splitlines()
    assert result.returncode == 1
    assert lines[0] == "valid Jane@example.org"
    assert lines[1].startswith("invalid ") and lines[1].endswith("(did you mean jane@gmail.com?)")
    assert lines[2].startswith("invalid special_use_domain: ")
    assert run("check-email", "ok@example.org").returncode == 0
    assert run("check-email").returncode == 2


def test_check_email_reads_stdin_and_writes_json():
    result = run("check-email", "--json", "-", stdin="jane@bücher.de\n\n\"quoted\"@example.org\nx@gmail.con\n")
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["result"] for o in objects] == ["valid", "invalid", "invalid", "valid"]
    assert objects[0]["address"] == "jane@xn--bcher-kva.de" and objects[0]["display"] == "jane@bücher.de"
    assert objects[2]["code"] == "quoted_local_part"
    assert objects[3]["suggestion"] == "x@gmail.com"
    assert result.returncode == 1


def test_hostile_cli_input_gets_clear_answers():
    result = run("check-email", "-", stdin="a" * 1_000_000 + "@example.org\n" + "a@b.com\x00x\n" + "a\x1b@b.com\n"
                 + "<script>@example.org\n" + "a@b.com Bcc: x@y.org\n")
    assert result.returncode == 1
    assert all(line.startswith("invalid ") for line in result.stdout.splitlines())


def test_bad_configuration_stops_with_the_key_named(tmp_path):
    config = tmp_path / "herald.yml"
    config.write_text("listen: 127.0.0.1:8080\nsmtp_pool_size: lots\n")
    result = run("migrate", "--config", str(config), cwd=tmp_path)
    assert result.returncode == 3
    assert f"{config}:2: key 'smtp_pool_size': expected a whole number" in result.stderr
    config.write_text("colour: blue\n")
    assert "key 'colour': unknown key" in run("migrate", "--config", str(config), cwd=tmp_path).stderr
    env = dict(os.environ, HERALD_LISTEN="nowhere")
    (tmp_path / "empty").mkdir()
    result = run("migrate", cwd=tmp_path / "empty", env=env)
    assert result.returncode != 0 and "HERALD_LISTEN: expected host:port" in result.stderr


def test_migrate_twice_is_harmless_and_default_database_is_created(tmp_path):
    assert run("migrate", cwd=tmp_path).returncode == 0
    assert run("migrate", cwd=tmp_path).returncode == 0
    assert (tmp_path / "herald.sqlite").exists()


def test_unreachable_database_exits_non_zero_with_the_path(tmp_path):
    result = run("migrate", cwd=tmp_path, env=dict(os.environ, HERALD_DATABASE_URL="sqlite:/nonexistent/dir/h.sqlite"))
    assert result.returncode == 3
    assert "/nonexistent/dir/h.sqlite" in result.stderr


def test_invalid_utf8_on_stdin_has_its_own_code():
    result = subprocess.run([BINARY, "check-email", "--json", "-"], input=b"\xff\xfe@example.org\nok@example.org",
                            capture_output=True, timeout=60)
    objects = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [o.get("code") for o in objects] == ["invalid_utf8", None]
