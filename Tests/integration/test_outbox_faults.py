"""The durable outbox against a real SMTP server that is down, refuses, rejects and hangs up."""

import collections
import os
import subprocess
import time
import urllib.parse

from conftest import BINARY, FORM, SMTPServer, free_port, http, wait_for, Herald


def form(**fields):
    return urllib.parse.urlencode(fields, doseq=True)


def outbox_states(herald):
    with herald.db() as db:
        return dict(db.execute("SELECT state, count(*) FROM outbox GROUP BY state").fetchall())


def start_smtp(workdir, name, *extra, port=None):
    directory = os.path.join(workdir, name)
    os.makedirs(directory, exist_ok=True)
    return SMTPServer(directory, *(["--port", str(port)] if port else []), *extra)


def test_server_down_at_start_then_up_delivers_everything_once(workdir):
    port = free_port()
    herald = Herald(workdir, port, {"outbox_retry_seconds": 1})
    try:
        for index in range(5):
            assert http("POST", herald.base_url + "/subscribe", form(email=f"d{index}@example.org"), FORM)[0] == 303
        wait_for(lambda: outbox_states(herald).get("pending") == 5 and
                 _attempted(herald), timeout=20, what="failed first attempts")
        smtp = start_smtp(workdir, "late", port=port)
        try:
            wait_for(lambda: outbox_states(herald) == {"sent": 5}, timeout=60, what="delivery once the server is up")
            time.sleep(1.5)
            counts = collections.Counter(m.envelope["rcpt_tos"][0] for m in smtp.messages())
            assert counts == {f"d{index}@example.org": 1 for index in range(5)}
        finally:
            smtp.stop()
    finally:
        herald.stop()


def _attempted(herald):
    with herald.db() as db:
        return db.execute("SELECT min(attempts) FROM outbox").fetchone()[0] >= 1


def test_451_is_retried_550_fails_that_row_and_a_dropped_connection_is_retried(workdir):
    smtp = start_smtp(workdir, "faulty", "--fail-first-data", "451", "--reject-rcpt", "^nobody@",
                      "--drop-during-data")
    herald = Herald(workdir, smtp.port, {"outbox_retry_seconds": 1})
    try:
        addresses = ["a1@example.org", "a2@example.org", "nobody@example.org", "a3@example.org"]
        for address in addresses:
            assert http("POST", herald.base_url + "/subscribe", form(email=address), FORM)[0] == 303
        wait_for(lambda: outbox_states(herald) == {"sent": 3, "failed": 1}, timeout=60, what="settled outbox")
        with herald.db() as db:
            failed = db.execute("SELECT last_result FROM outbox WHERE state = 'failed'").fetchone()[0]
            retried = db.execute("SELECT count(*) FROM outbox WHERE state = 'sent' AND attempts > 1").fetchone()[0]
        assert "550" in failed
        assert retried >= 1
        time.sleep(1.5)
        counts = collections.Counter(m.envelope["rcpt_tos"][0] for m in smtp.messages())
        assert counts == {"a1@example.org": 1, "a2@example.org": 1, "a3@example.org": 1}
        status = subprocess.run([BINARY, "outbox", "status", "--config", herald.config_path], capture_output=True,
                                text=True, cwd=workdir)
        assert "sent: 3" in status.stdout and "failed: 1" in status.stdout
    finally:
        herald.stop()
        smtp.stop()


def test_serve_killed_after_2xx_keeps_signup_and_its_mail(workdir):
    smtp = start_smtp(workdir, "kill")
    port = free_port()
    herald = Herald(workdir, port, {})  # SMTP unreachable: mail stays queued
    try:
        assert http("POST", herald.base_url + "/subscribe", form(email="kept@example.org"), FORM)[0] == 303
        herald.process.kill()
        herald.process.wait()
        with herald.db() as db:
            assert db.execute("SELECT count(*) FROM subscribers").fetchone() == (1,)
            # The worker is woken by the signup, so the kill may find the mail claimed (`sending`, leased)
            # or already back to `pending` after a failed attempt: queued either way, body kept.
            [(kind, state, body)] = db.execute("SELECT kind, state, length(data) FROM outbox").fetchall()
            assert (kind, state) in {("confirmation", "pending"), ("confirmation", "sending")} and body > 0
            # Time passes: the dead worker's lease or the retry delay runs out.
            db.execute("UPDATE outbox SET next_attempt_at = 0")
        deliver = subprocess.run(
            [BINARY, "outbox", "deliver", "--config", herald.config_path], capture_output=True, text=True, cwd=workdir,
            env=dict(os.environ, HERALD_SMTP_URL=f"smtp://127.0.0.1:{smtp.port}"))
        assert deliver.returncode == 0, deliver.stderr
        assert "sent 1" in deliver.stdout
        [message] = smtp.wait_for_messages(1)
        assert message.envelope["rcpt_tos"] == ["kept@example.org"]
    finally:
        herald.stop()
        smtp.stop()


def test_cli_lists_failed_mail_refuses_to_retry_a_suppressed_address_and_discards_it(workdir):
    smtp = start_smtp(workdir, "rejecting", "--reject-rcpt", "^nobody@")
    herald = Herald(workdir, smtp.port, {"outbox_retry_seconds": 1})
    try:
        assert http("POST", herald.base_url + "/subscribe", form(email="nobody@example.org"), FORM)[0] == 303
        wait_for(lambda: outbox_states(herald) == {"failed": 1}, timeout=30, what="the rejected mail failed")

        def cli(*arguments):
            return subprocess.run([BINARY, "outbox", *arguments, "--config", herald.config_path],
                                  capture_output=True, text=True, cwd=workdir, env=os.environ | {"USER": "desk"})
        listed = cli("failed")
        assert listed.returncode == 0, listed.stderr
        mail_id, kind, state, _, recipient, reply = listed.stdout.strip().split("\t")
        assert (kind, state, recipient) == ("confirmation", "failed", "nobody@example.org") and "550" in reply
        retried = cli("retry", mail_id)
        assert retried.returncode == 1 and "suppressed (hard_bounce)" in retried.stderr
        assert cli("retry", "999999").returncode == 1
        assert cli("retry", "not-a-number").returncode != 0
        discarded = cli("discard", mail_id)
        assert discarded.returncode == 0, discarded.stderr
        assert cli("failed").stdout.strip() == ""
        with herald.db() as db:
            assert db.execute("SELECT length(data), discarded_at IS NOT NULL FROM outbox").fetchone() == (0, 1)
            assert db.execute("SELECT actor, action FROM audit_log ORDER BY id DESC LIMIT 1").fetchone() == (
                "cli:desk", "mail.discard")
    finally:
        herald.stop()
        smtp.stop()
