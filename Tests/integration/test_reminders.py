"""The one reminder for unconfirmed signups, end to end with a short (fractional) reminder_hours:
exactly one reminder with a fresh link, the first link refused afterwards, the new one confirms;
none for signups confirmed or suppressed meanwhile; `herald subscribers remind-pending` for cron;
two `herald serve` processes on one PostgreSQL database send one reminder per signup between them."""

import collections
import concurrent.futures
import json
import os
import subprocess
import time
import urllib.parse

from conftest import BINARY, FORM, Herald, all_defects, body_parts, http, link_in, wait_for
from test_postgres_e2e import database_url, query  # noqa: F401 (database_url is a fixture)

TOKEN = "admin-token-0123456789abcdef"
AUTH = {"Authorization": f"Bearer {TOKEN}", "Accept": "application/json", "Content-Type": "application/json"}
FAST = {"reminder_hours": 0.001, "confirmation_hours": 1, "throttle_minutes": 0}  # 3.6 s


def signup(base_url, address):
    body = urllib.parse.urlencode({"email": address, "newsletter": "news"})
    return http("POST", base_url + "/subscribe", body, FORM)[0]


def mails_to(smtp, address):
    return [m for m in smtp.messages() if m.envelope["rcpt_tos"] == [address]]


def reminders(smtp):
    return [m for m in smtp.messages() if m["Subject"].startswith("Reminder:")]


def test_one_reminder_with_a_fresh_link_and_the_old_link_stops_working(make_herald, smtp):
    herald = make_herald(admin_token=TOKEN, **FAST)
    for address in ("late@example.org", "quick@example.org", "bounced@example.org"):
        assert signup(herald.base_url, address) == 303
    smtp.wait_for_messages(3)
    first = mails_to(smtp, "late@example.org")[0]
    quick = mails_to(smtp, "quick@example.org")[0]
    assert http("POST", link_in(quick, "/confirm/"), b"", FORM)[0] == 200
    report = {"reports": [{"email": "bounced@example.org", "kind": "hard"}]}
    assert http("POST", herald.base_url + "/api/v1/bounces", json.dumps(report), AUTH)[0] == 200

    wait_for(lambda: reminders(smtp), timeout=30, what="the reminder")
    time.sleep(8)  # two more reminder intervals: no second reminder, none for the others
    sent = reminders(smtp)
    assert [m.envelope["rcpt_tos"] for m in sent] == [["late@example.org"]]
    reminder = sent[0]
    assert all_defects(reminder) == []
    text, html = body_parts(reminder)
    assert "Morning News" in reminder["Subject"] and "only reminder" in text and "only reminder" in html

    old, new = link_in(first, "/confirm/"), link_in(reminder, "/confirm/")
    assert old != new
    assert http("POST", old, b"", FORM)[0] == 410
    assert http("GET", old)[0] == 410
    assert http("POST", new, b"", FORM)[0] == 200
    with herald.db() as db:
        assert db.execute("SELECT status FROM subscriptions s JOIN subscribers p ON p.id = s.subscriber_id "
                          "WHERE p.email = 'late@example.org'").fetchone() == ("confirmed",)
        assert db.execute("SELECT count(*) FROM outbox WHERE kind = 'reminder'").fetchone() == (1,)


def test_reminders_off_and_the_cron_command(make_herald, smtp):
    herald = make_herald(reminder_hours=0)
    assert signup(herald.base_url, "never@example.org") == 303
    smtp.wait_for_messages(1)
    off = subprocess.run([BINARY, "subscribers", "remind-pending", "--config", herald.config_path],
                         capture_output=True, text=True, timeout=60)
    assert off.returncode == 0 and "reminders are off" in off.stdout
    herald.stop()

    # The same database with reminders on, run from "cron" twice: one reminder.
    config = json.load(open(herald.config_path))
    config.update(FAST)
    with open(herald.config_path, "w") as handle:
        json.dump(config, handle)
    time.sleep(4)
    runs = [subprocess.run([BINARY, "subscribers", "remind-pending", "--config", herald.config_path],
                           capture_output=True, text=True, timeout=60) for _ in range(2)]
    assert [r.returncode for r in runs] == [0, 0], runs[0].stderr
    assert runs[0].stdout.startswith("queued 1 reminder(s)")
    assert runs[1].stdout.startswith("queued 0 reminder(s)")
    deliver = subprocess.run([BINARY, "outbox", "deliver", "--config", herald.config_path],
                             capture_output=True, text=True, timeout=60)
    assert deliver.returncode == 0, deliver.stderr
    assert [m.envelope["rcpt_tos"] for m in reminders(smtp)] == [["never@example.org"]]


def test_reminder_hours_not_shorter_than_the_confirmation_lifetime_stops_start_up(workdir):
    config = os.path.join(workdir, "bad.yml")
    with open(config, "w") as handle:
        json.dump({"reminder_hours": 50, "database_url": f"sqlite:{workdir}/x.sqlite"}, handle)
    result = subprocess.run([BINARY, "serve", "--config", config], capture_output=True, text=True, timeout=30)
    assert result.returncode != 0
    assert "reminder_hours (50 h) must be shorter than confirmation_hours (48 h)" in result.stdout + result.stderr


def test_two_serve_processes_on_postgres_send_one_reminder_per_signup(workdir, smtp, database_url):
    settings = {"database_url": database_url, "reminder_hours": 0.002, "confirmation_hours": 1,
                "throttle_minutes": 0}
    servers = []
    for name in ("a", "b"):
        directory = os.path.join(workdir, name)
        os.makedirs(directory)
        servers.append(Herald(directory, smtp.port, settings))
    try:
        addresses = [f"pending{i}@example.org" for i in range(40)]
        with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
            statuses = list(pool.map(lambda a: signup(servers[hash(a) % 2].base_url, a), addresses))
        assert set(statuses) == {303}
        smtp.wait_for_messages(40, timeout=60)
        wait_for(lambda: len(reminders(smtp)) >= 40, timeout=90, what="40 reminders")
        time.sleep(5)  # several more reminder intervals in both processes
        received = collections.Counter(r for m in reminders(smtp) for r in m.envelope["rcpt_tos"])
        assert received == {address: 1 for address in addresses}
        assert query(database_url, "SELECT count(*) FROM outbox WHERE kind = 'reminder'") == "40"
        assert query(database_url, "SELECT count(*) FROM tokens WHERE reminded_at IS NOT NULL") == "80"
    finally:
        for server in servers:
            server.stop()
