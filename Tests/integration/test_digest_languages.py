"""Digests per language end to end: a newsletter in Ukrainian and English with one feed per
language, a real SMTP server and Python's email parser. Each language has its issue; each reader
gets one copy, with the date line and article count in its language; a second run sends nothing."""

import collections
import datetime
import os
import time
import zoneinfo

import pytest

from conftest import all_defects, body_parts
from test_digest import add_subscribers, digest, write_feed

UK_MONTHS = ["січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня",
             "жовтня", "листопада", "грудня"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]


def today_in_kyiv():
    return datetime.datetime.now(zoneinfo.ZoneInfo("Europe/Kyiv")).date()


@pytest.fixture
def feeds(workdir):
    return {language: os.path.join(workdir, f"feed-{language}.xml") for language in ("uk", "en")}


@pytest.fixture
def bilingual(make_herald, feeds):
    return make_herald(newsletters=[
        {"slug": "daily", "title": "Дайджест дня", "time_zone": "Europe/Kyiv", "tracking": "off",
         "language": "uk", "languages": ["uk", "en"], "digest_feeds": feeds},
    ])


def write_feeds(feeds):
    write_feed(feeds["uk"], [(f"Новина {n}", f"https://news.example.org/uk/{n}", f"uk-{n}") for n in range(1, 4)])
    write_feed(feeds["en"], [(f"Story {n}", f"https://news.example.org/en/{n}", f"en-{n}") for n in range(1, 6)])


def check_ukrainian(message, index, uk_date):
    text, html = body_parts(message)
    assert all_defects(message) == []
    assert message["Content-Language"] == "uk"
    assert message["Subject"] == "Дайджест дня: Новина 1 та ще 2 статті"
    assert f"Дайджест дня, {uk_date}\n3 нові статті\n" in text
    assert f"Вітаємо, Reader {index}!" in text and "Читати далі: https://news.example.org/uk/1" in text
    assert "Відписатися: " in text and "Story" not in text
    assert 'lang="uk"' in html and f"{uk_date} · 3 нові статті" in html


def ukrainian_date():
    day = today_in_kyiv()
    return f"{day.day} {UK_MONTHS[day.month - 1]} {day.year}\u202fр."  # ICU's narrow no-break space


def test_each_language_has_its_issue_and_each_reader_one_copy(bilingual, smtp, feeds):
    # Subscribers store no language yet (helper langsub adds subscribers.language): every reader
    # gets the newsletter's language, Ukrainian; the English issue is created with no readers.
    write_feeds(feeds)
    add_subscribers(bilingual, 4)
    result = digest(bilingual, "send", "daily", "--period", "p1")
    lines = result.stdout.splitlines()
    assert any(line.startswith("digest p1 uk: completed") and "items 3" in line and "sent 4" in line
               for line in lines), result.stdout
    assert any(line.startswith("digest p1 en: completed") and "items 5" in line and "sent 0" in line
               for line in lines), result.stdout
    messages = smtp.wait_for_messages(4)
    assert collections.Counter(r for m in messages for r in m.envelope["rcpt_tos"]) == {
        f"reader{i}@example.org": 1 for i in range(4)}
    uk_date = ukrainian_date()
    for message in messages:
        index = int(message.envelope["rcpt_tos"][0][len("reader"):].split("@")[0])
        check_ukrainian(message, index, uk_date)
    again = digest(bilingual, "send", "daily", "--period", "p1")
    assert again.stdout.count("already_sent") == 2, again.stdout
    status = digest(bilingual, "status", "daily", "--period", "p1", "--language", "en")
    assert "daily/p1 en: complete" in status.stdout, status.stdout
    time.sleep(1)
    assert len(smtp.messages()) == 4


def test_language_option_sends_one_language_and_feed_overrides_it(bilingual, smtp, feeds, workdir):
    write_feeds(feeds)
    add_subscribers(bilingual, 2)
    other = os.path.join(workdir, "other.xml")
    write_feed(other, [("Override story", "https://news.example.org/o", "o-1")])
    result = digest(bilingual, "send", "daily", "--period", "p1", "--language", "uk", "--feed", other)
    assert "p1 uk: completed" in result.stdout and " en:" not in result.stdout, result.stdout
    messages = smtp.wait_for_messages(2)
    for message in messages:
        text, _ = body_parts(message)
        assert "Override story" in text and "1 нова стаття" in text
    refused = digest(bilingual, "send", "daily", "--language", "de", check=False)
    assert refused.returncode == 3 and "does not offer --language de" in refused.stderr, refused.stderr
