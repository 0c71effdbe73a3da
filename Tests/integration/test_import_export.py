"""`herald subscribers import` and `export` end to end: the real binary on a real SQLite file."""

import hashlib
import hmac
import json
import os
import sqlite3
import subprocess

import pytest

from conftest import BINARY, ROOT, secret_keys


class Site:
    """A configuration and database in a temporary folder, no server."""

    def __init__(self, directory, newsletters=None):
        self.directory = directory
        self.database = os.path.join(directory, "herald.sqlite")
        self.config = os.path.join(directory, "herald.yml")
        with open(self.config, "w") as handle:
            json.dump({
                "database_url": f"sqlite:{self.database}",
                "templates": os.path.join(ROOT, "templates"),
                "mail_folder": os.path.join(directory, "mail"),
                "newsletters": newsletters or [{"slug": "news", "title": "News"}, {"slug": "daily", "title": "Daily"}],
            }, handle)

    def herald(self, *arguments):
        return subprocess.run([BINARY, *arguments, "--config", self.config], capture_output=True, cwd=self.directory,
                              timeout=120, env={**os.environ, "USER": "e2e-operator"})

    def write(self, name, data):
        path = os.path.join(self.directory, name)
        with open(path, "wb") as handle:
            handle.write(data)
        return path

    def rows(self, sql, *parameters):
        with sqlite3.connect(self.database) as db:
            return db.execute(sql, parameters).fetchall()

    def subscriptions(self):
        return sorted(self.rows("SELECT s.email, coalesce(s.name, ''), sub.newsletter, sub.status FROM subscribers s "
                                "JOIN subscriptions sub ON sub.subscriber_id = s.id"))


@pytest.fixture
def site(tmp_path):
    return Site(str(tmp_path))


GOOD_AND_BAD = (
    "\ufeffemail,name,city\r\n"
    "jane@example.org,\"Doe, Jane\",Kyiv\r\n"      # 2
    "not-an-address,X,\r\n"                        # 3 email_missing_at
    "\"bob@example.org\",\"Bob \"\"B\"\"\",\"two\nlines\"\r\n"  # 4-5
    "JANE@EXAMPLE.ORG,,Lviv\r\n"                   # 6 duplicate of line 2
    "short@example.org\r\n"                        # 7 field_count
    "x\"y@example.org,,\r\n"                       # 8 csv_quote_in_unquoted_field
    "<script>@example.org,<script>alert(1)</script>,\r\n"  # 9 email_invalid_local_part_character
    "ok@example.org,'; DROP TABLE subscribers; --,=1+1\r\n"  # 10 good, hostile text kept as text
).encode()


def test_import_reports_each_bad_line_and_imports_the_rest(site):
    path = site.write("list.csv", GOOD_AND_BAD + b"latin@example.org,Ren\xe9,\r\n")  # 11 invalid_utf8
    result = site.herald("subscribers", "import", path)
    errors = [line for line in result.stderr.decode().splitlines() if line.startswith("line ")]
    assert result.returncode == 1, result.stderr
    assert [e.split(":")[0:2] for e in errors] == [
        ["line 3", " email_missing_at"], ["line 7", " field_count"], ["line 8", " csv_quote_in_unquoted_field"],
        ["line 9", " email_invalid_local_part_character"], ["line 11", " invalid_utf8"]]
    summary = result.stdout.decode().strip()
    assert summary == ("rows 9: imported 3, updated 0, duplicates merged 1, suppressed skipped 0, invalid 5")
    assert site.subscriptions() == [
        ("bob@example.org", 'Bob "B"', "news", "confirmed"), ("jane@example.org", "Doe, Jane", "news", "confirmed"),
        ("ok@example.org", "'; DROP TABLE subscribers; --", "news", "confirmed")]
    assert json.loads(site.rows("SELECT attributes FROM subscribers WHERE email = 'jane@example.org'")[0][0]) == {"city": "Lviv"}
    sources = site.rows("SELECT DISTINCT action, source FROM consent_events")
    assert sources == [("import", "import of list.csv by e2e-operator")]
    assert "import: 100% 9 rows" in result.stderr.decode()  # progress line when stderr is not a terminal


def test_strict_imports_nothing_and_exit_codes(site):
    path = site.write("list.csv", GOOD_AND_BAD)
    result = site.herald("subscribers", "import", path, "--strict")
    assert result.returncode == 1 and b"nothing imported (--strict)" in result.stdout
    assert site.rows("SELECT count(*) FROM subscribers") == [(0,)]
    assert site.herald("subscribers", "import", path, "--status", "unsubscribed").returncode == 2
    assert site.herald("subscribers", "import", path, "--send-confirmation").returncode == 2
    assert site.herald("subscribers", "import", path, "--newsletter", "nope").returncode == 2
    assert site.herald("subscribers", "import", os.path.join(site.directory, "missing.csv")).returncode == 3
    no_email = site.herald("subscribers", "import", site.write("bad.csv", b"name,city\nJane,Kyiv\n"))
    assert no_email.returncode == 3 and b"no email column" in no_email.stderr


def test_export_is_spreadsheet_safe_and_round_trips_into_an_empty_database(site, tmp_path):
    source = site.write("in.csv", (
        "email,name,newsletter,status,plan\n"
        "a@example.org,\"=HYPERLINK(\"\"http://evil\"\")\",news,confirmed,gold\n"
        "a@example.org,,daily,pending,\n"
        "-minus@example.org,@SUM(1),daily,unsubscribed,\"+tab\tx\"\n"
        "üñí@exämple.org,Ünï Cödé,news,confirmed,\n").encode())
    assert site.herald("subscribers", "import", source).returncode == 0
    output = os.path.join(site.directory, "out.csv")
    result = site.herald("subscribers", "export", "--output", output)
    assert result.returncode == 0, result.stderr
    data = open(output, "rb").read()
    assert data.startswith(b"\xef\xbb\xbfemail,name,newsletter,status,created_at,confirmed_at,language,plan\r\n")
    assert data.count(b"\r\n") == 5 and b"\n" not in data.replace(b"\r\n", b"")
    text = data.decode("utf-8-sig")
    assert "'=HYPERLINK(" in text and "'-minus@example.org" in text and "'@SUM(1)" in text
    for line in text.splitlines():
        for cell in line.split(","):
            assert not cell.startswith(("=", "+", "-", "@", "\t")), cell
    assert oct(os.stat(output).st_mode & 0o777) == "0o600"

    os.makedirs(tmp_path / "copy")
    empty = Site(str(tmp_path / "copy"))
    result = empty.herald("subscribers", "import", output)
    assert result.returncode == 0, result.stderr
    assert empty.subscriptions() == site.subscriptions()
    assert len(site.subscriptions()) == 4

    only = site.herald("subscribers", "export", "--newsletter", "daily", "--status", "pending")
    line = only.stdout.decode("utf-8-sig").splitlines()[1]
    assert line.startswith("a@example.org,\"'=HYPERLINK(") and ",daily,pending," in line and line.endswith(",gold")
    assert len(only.stdout.splitlines()) == 2


def test_an_erased_address_is_skipped_by_a_later_import(site):
    path = site.write("list.csv", b"email\nerased@example.org\nkept@example.org\n")
    assert site.herald("subscribers", "import", path).returncode == 0
    # Erase the way Herald does: the keyed hash (HMAC-SHA256 of the canonical address with the
    # installation's erasure key from the key file) on the suppression list, the person's rows gone.
    secret = secret_keys(os.path.join(os.path.dirname(site.database), "herald.keys"))["erasure"][0]
    digest = hmac.new(secret.encode(), b"erased@example.org", hashlib.sha256).hexdigest()
    with sqlite3.connect(site.database) as db:
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("INSERT INTO suppressions VALUES (?, 'erased', 'test', 0)", (digest,))
        db.execute("DELETE FROM subscribers WHERE email = 'erased@example.org'")
    result = site.herald("subscribers", "import", site.write("again.csv", b"email\nERASED@example.org\nkept@example.org\n"))
    assert result.returncode == 0
    assert b"suppressed skipped 1" in result.stdout and b"updated 1" in result.stdout
    assert [row[0] for row in site.subscriptions()] == ["kept@example.org"]


def test_pending_import_with_send_confirmation_queues_mail_through_the_outbox(site):
    path = site.write("list.csv", b"email,name\np1@example.org,P One\np2@example.org,\n")
    result = site.herald("subscribers", "import", path, "--status", "pending", "--send-confirmation")
    assert result.returncode == 0 and b"confirmations queued 2" in result.stdout
    assert site.rows("SELECT kind, state FROM outbox") == [("confirmation", "pending")] * 2
    assert site.herald("outbox", "deliver").returncode == 0
    mails = os.listdir(os.path.join(site.directory, "mail"))
    assert len(mails) == 2


# `news` is Ukrainian first and offers English; `daily` offers only English (the default `en`).
BILINGUAL = [{"slug": "news", "title": "Новини", "language": "uk", "languages": ["uk", "en"]},
             {"slug": "daily", "title": "Daily"}]

LANGUAGES = (
    "email,Language,newsletter,city\r\n"
    "olena@example.org,uk,news,Kyiv\r\n"                 # 2
    "john@example.org, EN ,news,\r\n"                     # 3 stored as en
    "plain@example.org,,news,\r\n"                        # 4 the newsletter's: uk
    "daily@example.org,,daily,\r\n"                       # 5 the newsletter's: en
    "crlf@example.org,\"uk\r\nBcc: x@example.org\",news,\r\n"  # 6-7 unknown_language
    "html@example.org,<b>uk</b>,news,\r\n"                # 8 unknown_language
    f"long@example.org,{'u' * 10240},news,\r\n"          # 9 unknown_language
    "look@example.org,u\u043a,news,\r\n"                  # 10 Cyrillic ka: unknown_language
    "dailyuk@example.org,uk,daily,\r\n"                   # 11 daily offers only en
).encode() + b"latin@example.org,\xffk,news,\r\n"          # 12 invalid_utf8


def languages(site):
    return sorted(site.rows("SELECT s.email, sub.newsletter, s.language, s.attributes FROM subscribers s "
                            "JOIN subscriptions sub ON sub.subscriber_id = s.id"))


def test_the_language_column_is_validated_stored_exported_and_imported_back(tmp_path):
    os.makedirs(tmp_path / "bilingual")
    bilingual = Site(str(tmp_path / "bilingual"), BILINGUAL)
    result = bilingual.herald("subscribers", "import", bilingual.write("languages.csv", LANGUAGES))
    assert result.returncode == 1, result.stderr
    errors = [line for line in result.stderr.decode().splitlines() if line.startswith("line ")]
    assert [e.split(":")[0:2] for e in errors] == [
        ["line 6", " unknown_language"], ["line 8", " unknown_language"], ["line 9", " unknown_language"],
        ["line 10", " unknown_language"], ["line 11", " unknown_language"], ["line 12", " invalid_utf8"]]
    assert all("use one of uk, en or leave it empty" in e for e in errors[:4]), errors
    assert "use one of en or leave it empty" in errors[4] and "language is not valid UTF-8" in errors[5]
    assert all(len(e) < 200 and "\r" not in e and "<b>" not in e[80:] for e in errors), errors
    assert 'language "uk??Bcc: x@example.org" is not offered' in errors[0]
    assert languages(bilingual) == [
        ("daily@example.org", "daily", "en", "{}"), ("john@example.org", "news", "en", "{}"),
        ("olena@example.org", "news", "uk", '{"city":"Kyiv"}'), ("plain@example.org", "news", "uk", "{}")]

    # A known subscriber keeps the stored language when the cell is empty and takes a named one.
    again = bilingual.write("again.csv", b"email,language\nolena@example.org,\njohn@example.org,uk\n")
    assert bilingual.herald("subscribers", "import", again).returncode == 0
    assert [row[2] for row in languages(bilingual)] == ["en", "uk", "uk", "uk"]

    output = os.path.join(bilingual.directory, "out.csv")
    assert bilingual.herald("subscribers", "export", "--output", output).returncode == 0
    lines = open(output, "rb").read().decode("utf-8-sig").splitlines()
    assert lines[0] == "email,name,newsletter,status,created_at,confirmed_at,language,city"
    assert sorted((line.split(",")[0], line.split(",")[6]) for line in lines[1:]) == [
        ("daily@example.org", "en"), ("john@example.org", "uk"), ("olena@example.org", "uk"),
        ("plain@example.org", "uk")]

    os.makedirs(tmp_path / "copy")
    copy = Site(str(tmp_path / "copy"), BILINGUAL)
    result = copy.herald("subscribers", "import", output)
    assert result.returncode == 0, result.stderr
    assert languages(copy) == languages(bilingual)
