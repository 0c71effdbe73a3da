"""SQLite `secure_delete` (issue #16): after an erasure through the admin API and a clean stop of
`herald serve`, no byte of the database file still spells the erased person's name or address (with
`secure_delete` off, SQLite leaves a deleted row's bytes in the page's free space, which a copy of
the file would reveal; the control at the end shows the scan sees them). With thousands of
subscribers SQLite also leaves copies of rows in pages it rebuilt as they filled, which
`secure_delete` does not reach: the erasure rewrites the database (`VACUUM`) for those."""

import collections
import os
import re
import sqlite3
import subprocess

from conftest import BINARY, http
from test_admin_api import TOKEN, add, call

MARKERS = (b"ximena.erasable", b"Ximena Erasable-Marker")


def file_bytes(path):
    data = b""
    for suffix in ("", "-wal"):
        if os.path.exists(path + suffix):
            with open(path + suffix, "rb") as handle:
                data += handle.read()
    return data


def test_an_erased_person_leaves_no_bytes_in_the_database_file(make_herald):
    herald = make_herald(admin_token=TOKEN)
    for index in range(30):  # neighbours, so the erased rows share pages with rows that stay
        add(herald, f"reader{index}@example.org", name=f"Reader {index}", status="confirmed", consent_note="test")
    erased = add(herald, "ximena.erasable@example.org", name="Ximena Erasable-Marker", status="confirmed",
                 consent_note="signed up at the fair")
    assert http("GET", herald.base_url + "/healthz")[0] == 200
    herald.stop()
    assert all(marker in file_bytes(herald.database) for marker in MARKERS)  # stored before the erasure
    herald.start()
    assert call(herald, "DELETE", f"/api/v1/subscribers/{erased['id']}")[0] == 200
    herald.stop()  # a clean stop checkpoints the WAL into the file
    data = file_bytes(herald.database)
    for marker in MARKERS:
        assert marker not in data, f"{marker!r} is still readable in the database file"
    assert b"reader7@example.org" in data  # the scan reads the file that holds the others


def test_control_without_secure_delete_the_deleted_bytes_stay_in_the_file(tmp_path):
    path = str(tmp_path / "plain.sqlite")
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA secure_delete = OFF")
        db.execute("CREATE TABLE people (email TEXT)")
        db.executemany("INSERT INTO people VALUES (?)", [(f"reader{i}@example.org",) for i in range(30)])
        db.execute("INSERT INTO people VALUES ('ximena.erasable@example.org')")
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA secure_delete = OFF")
        db.execute("DELETE FROM people WHERE email LIKE 'ximena%'")
    assert MARKERS[0] in file_bytes(path)


def addresses_in(data):
    """How often each generated address (`reader`, six digits, `@example.org`) occurs in `data`."""
    return collections.Counter(re.findall(rb"reader[0-9]{6}@example\.org", data))


def test_an_erased_address_left_over_in_a_rebuilt_page_is_gone_after_the_erasure(make_herald, tmp_path):
    herald = make_herald(admin_token=TOKEN)
    herald.stop()
    rows = "".join(f"reader{(row * 7919) % 10000:06d}@example.org,Reader {row}\n" for row in range(10000))
    (tmp_path / "readers.csv").write_text("email,name\n" + rows)
    imported = subprocess.run([BINARY, "subscribers", "import", str(tmp_path / "readers.csv"), "--newsletter", "news",
                               "--config", herald.config_path], capture_output=True, text=True, timeout=120)
    assert "imported 10000" in imported.stdout, imported.stdout + imported.stderr
    with sqlite3.connect(herald.database) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    counts = addresses_in(file_bytes(herald.database))
    usual = collections.Counter(counts.values()).most_common(1)[0][0]
    left_over = sorted(address for address, count in counts.items() if count > usual)
    assert left_over, "the import left no copy behind: this test no longer sees what it is about"
    address = left_over[0].decode()
    with sqlite3.connect(herald.database) as db:
        (subscriber_id,) = db.execute("SELECT id FROM subscribers WHERE canonical_key = ?", (address,)).fetchone()
    herald.start()
    status, _, body = call(herald, "DELETE", f"/api/v1/subscribers/{subscriber_id}")
    assert status == 200 and body["database_rewritten"] is True, body
    herald.stop()
    data = file_bytes(herald.database)
    assert address.encode() not in data
    assert addresses_in(data)[b"reader000042@example.org"] >= 1
