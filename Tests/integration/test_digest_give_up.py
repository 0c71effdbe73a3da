"""`digest_give_up_after` (#22): a delivery still failing transiently after that many attempts over all
runs is recorded failed instead of deferred; the default (12) leaves it deferred for the next run."""

import os
import subprocess

import pytest

from conftest import BINARY, SMTPServer
from test_digest import add_subscribers, digest, write_feed


@pytest.fixture
def failing_relay(workdir):
    """A relay that answers 451 (transient) to every message."""
    directory = os.path.join(workdir, "failing")
    os.makedirs(directory)
    relay = SMTPServer(directory, "--random-failures", "1", "--failure-codes", "451")
    yield relay
    relay.stop()


def start(make_herald, workdir, relay, **settings):
    feed = os.path.join(workdir, "feed.xml")
    write_feed(feed, [("Перша новина", "https://news.example.org/1", "g1")])
    herald = make_herald(smtp_url=f"smtp://127.0.0.1:{relay.port}", newsletters=[
        {"slug": "daily", "title": "Дайджест дня", "digest_feed": feed, "tracking": "off"}], **settings)
    add_subscribers(herald, 1)
    return herald


def delivery_states(herald):
    with herald.db() as db:
        return [row[0] for row in db.execute("SELECT state FROM digest_deliveries")]


def test_a_give_up_of_one_attempt_records_the_delivery_failed_in_the_first_run(make_herald, workdir, failing_relay):
    herald = start(make_herald, workdir, failing_relay, digest_give_up_after=1)
    result = digest(herald, "send", "daily", "--period", "p1", check=False)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "failed 1, deferred 0" in result.stdout, result.stdout
    assert delivery_states(herald) == ["failed"]


def test_by_default_the_delivery_is_deferred_for_the_next_run(make_herald, workdir, failing_relay):
    herald = start(make_herald, workdir, failing_relay)
    result = digest(herald, "send", "daily", "--period", "p1", check=False)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "failed 0, deferred 1" in result.stdout, result.stdout
    assert delivery_states(herald) == ["deferred"]


def test_a_bad_value_stops_the_run_naming_the_key(make_herald, workdir, failing_relay):
    herald = start(make_herald, workdir, failing_relay)
    for bad in ("0", "-1", "1001", "2.5", "many", "99999999999999999999"):
        env = dict(os.environ, HERALD_DIGEST_GIVE_UP_AFTER=bad)
        result = subprocess.run([BINARY, "digest", "send", "daily", "--config", herald.config_path],
                                cwd=herald.directory, capture_output=True, text=True, env=env, timeout=60)
        assert result.returncode == 3 and "HERALD_DIGEST_GIVE_UP_AFTER" in result.stderr, (bad, result.stderr)
    assert delivery_states(herald) == []
