"""SQLite `secure_delete` (issue #16): after an erasure through the admin API and a clean stop of
`herald serve`, no byte of the database file still spells the erased person's name or address (with
`secure_delete` off, SQLite leaves a deleted row's bytes in the page's free space, which a copy of
the file would reveal; the control at the end shows the scan sees them)."""

import os
import sqlite3

from conftest import http
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
