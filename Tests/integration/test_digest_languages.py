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


def set_language(herald, first, count, language):
    with herald.db() as db:
        for index in range(first, first + count):
            db.execute("UPDATE subscribers SET language = ? WHERE canonical_key = ?",
                       (language, f"reader{index}@example.org"))


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


def test_a_mixed_list_gets_each_reader_their_language_once(bilingual, smtp, feeds):
    write_feeds(feeds)
    add_subscribers(bilingual, 6)
    set_language(bilingual, 0, 2, "uk")   # reader0, reader1: Ukrainian
    set_language(bilingual, 2, 2, "en")   # reader2, reader3: English
    set_language(bilingual, 4, 1, "de")   # reader4: a language the newsletter does not offer
    # reader5: no language stored: the newsletter's (Ukrainian)
    result = digest(bilingual, "send", "daily", "--period", "p1")
    lines = result.stdout.splitlines()
    assert any(line.startswith("digest p1 uk: completed") and "items 3" in line and "sent 4" in line
               for line in lines), result.stdout
    assert any(line.startswith("digest p1 en: completed") and "items 5" in line and "sent 2" in line
               for line in lines), result.stdout
    messages = smtp.wait_for_messages(6)
    by_recipient = collections.defaultdict(list)
    for message in messages:
        for rcpt in message.envelope["rcpt_tos"]:
            by_recipient[rcpt].append(message)
    assert {rcpt: len(got) for rcpt, got in by_recipient.items()} == {f"reader{i}@example.org": 1 for i in range(6)}
    day = today_in_kyiv()
    uk_date = ukrainian_date()
    en_date = f"{EN_MONTHS[day.month - 1]} {day.day}, {day.year}"
    for index in range(6):
        message = by_recipient[f"reader{index}@example.org"][0]
        if index not in (2, 3):
            check_ukrainian(message, index, uk_date)
            continue
        text, html = body_parts(message)
        assert all_defects(message) == []
        assert message["Content-Language"] == "en"
        assert message["Subject"] == "Дайджест дня: Story 1 and 4 more"
        assert f"Дайджест дня, {en_date}\n5 new articles\n" in text
        assert f"Hi Reader {index}," in text and "Read more: https://news.example.org/en/1" in text
        assert "Unsubscribe: " in text and "Новина" not in text
        assert 'lang="en"' in html and f"{en_date} · 5 new articles" in html
    again = digest(bilingual, "send", "daily", "--period", "p1")
    assert again.stdout.count("already_sent") == 2, again.stdout
    status = digest(bilingual, "status", "daily", "--period", "p1", "--language", "en")
    assert "daily/p1 en: complete" in status.stdout and "sent: 2" in status.stdout, status.stdout
    time.sleep(1)
    assert len(smtp.messages()) == 6


def test_language_option_sends_one_language_and_feed_overrides_it(bilingual, smtp, feeds, workdir):
    write_feeds(feeds)
    add_subscribers(bilingual, 2)
    other = os.path.join(workdir, "other.xml")
    write_feed(other, [("Override story", "https://news.example.org/o", "o-1")])
    set_language(bilingual, 0, 1, "en")
    result = digest(bilingual, "send", "daily", "--period", "p1", "--language", "en", "--feed", other)
    assert "p1 en: completed" in result.stdout and " uk:" not in result.stdout, result.stdout
    [message] = smtp.wait_for_messages(1)
    assert message.envelope["rcpt_tos"] == ["reader0@example.org"]
    text, _ = body_parts(message)
    assert "Override story" in text and "\n1 new article\n" in text
    refused = digest(bilingual, "send", "daily", "--language", "de", check=False)
    assert refused.returncode == 3 and "does not offer --language de" in refused.stderr, refused.stderr
