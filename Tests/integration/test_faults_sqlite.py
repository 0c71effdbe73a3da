"""SQLite under stress, end to end: the database file locked by another process for a few seconds, and a
full disk (a small tmpfs, as root) that is then given space again."""

import concurrent.futures
import os
import sqlite3
import subprocess
import threading
import time
import urllib.parse

import pytest

from conftest import FORM, JSON, http, link_in, wait_for


def form(**fields):
    return urllib.parse.urlencode(fields, doseq=True)


def hold_exclusive_lock(path, seconds, locked):
    db = sqlite3.connect(path, timeout=10, isolation_level=None)
    db.execute("BEGIN EXCLUSIVE")
    locked.set()
    time.sleep(seconds)
    db.execute("COMMIT")
    db.close()


def test_a_database_locked_by_another_process_for_three_seconds_surfaces_no_error(herald, smtp):
    http("POST", herald.base_url + "/subscribe", form(email="before@example.org"), FORM)
    confirm_url = link_in(smtp.wait_for_messages(1)[0], "/confirm/")
    locked = threading.Event()
    holder = threading.Thread(target=hold_exclusive_lock, args=(herald.database, 3, locked))
    holder.start()
    locked.wait(10)
    start = time.time()

    def signup(index):
        return http("POST", herald.base_url + "/subscribe", form(email=f"locked{index}@example.org"), FORM)[0]

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        signups = list(pool.map(signup, range(16)))
        reads = [http("GET", herald.base_url + "/")[0], http("GET", confirm_url)[0]]
    holder.join()
    assert time.time() - start >= 2.5, "the lock was not held while the requests ran"
    assert signups == [303] * 16, signups  # waited for the lock (busy timeout 5 s), none failed
    assert reads == [200, 200], reads
    assert http("GET", herald.base_url + "/healthz")[0] == 200
    with herald.db() as db:
        assert db.execute("SELECT count(*) FROM subscribers").fetchone() == (17,)
        assert db.execute("SELECT count(*) FROM outbox WHERE kind = 'confirmation'").fetchone() == (17,)


@pytest.fixture
def small_disk(workdir):
    if os.geteuid() != 0:
        pytest.skip("needs root to mount a small tmpfs (CI runs as root)")
    mount = os.path.join(workdir, "small-disk")
    os.makedirs(mount)
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", mount], capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"cannot mount tmpfs here: {result.stderr.strip()}")
    yield mount
    subprocess.run(["umount", "-l", mount])


def fill(directory):
    """Fills the file system of `directory` to the last byte; returns the filler's path."""
    path = os.path.join(directory, "filler")
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT)
    try:
        while os.write(descriptor, b"\0" * 4096):
            pass
    except OSError:
        pass
    os.close(descriptor)
    return path


def test_a_full_disk_gets_503_keeps_the_database_intact_and_recovers(make_herald, smtp, small_disk):
    herald = make_herald(database_url=f"sqlite:{os.path.join(small_disk, 'herald.sqlite')}")
    herald.database = os.path.join(small_disk, "herald.sqlite")
    assert http("POST", herald.base_url + "/subscribe", form(email="first@example.org"), FORM)[0] == 303
    filler = fill(small_disk)
    answers = []
    for index in range(30):  # large names so that pages really need to be written
        address, name = f"full{index}@example.org", "x" * 90
        if index % 2:
            request = (form(email=address, name=name), FORM)
        else:
            request = ('{"email": "%s", "name": "%s"}' % (address, name), JSON)
        answers.append(http("POST", herald.base_url + "/subscribe", *request)[:3:2])
    statuses = [status for status, _ in answers]
    assert set(statuses) <= {303, 202, 503}, statuses
    assert 503 in statuses, "a full disk never surfaced"
    failed_body = next(body for status, body in answers if status == 503)
    assert b"try again" in failed_body.lower()
    accepted = {f"full{i}@example.org" for i, (status, _) in enumerate(answers) if status in (202, 303)}
    os.remove(filler)
    wait_for(lambda: http("GET", herald.base_url + "/healthz")[0] == 200, what="healthy again")
    assert http("POST", herald.base_url + "/subscribe", form(email="after@example.org"), FORM)[0] == 303
    with sqlite3.connect(herald.database) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        stored = {row[0] for row in db.execute("SELECT email FROM subscribers")}
        queued = {row[0] for row in db.execute("SELECT json_extract(recipients, '$[0]') FROM outbox")}
    assert {"first@example.org", "after@example.org"} | accepted <= stored  # every 2xx kept
    assert stored <= queued  # each with its confirmation
    print(f"\nfull disk: {statuses.count(503)} of {len(statuses)} signups got 503, {len(accepted)} fitted")
