"""Nothing typed by a stranger reaches an unconfirmed inbox (issue #16, item 1).

A signup form sends mail to any address anyone types. Spammers put their message into the name
("WIN $5000 NOW at https://…") so that the newsroom's confirmation mail carries it to the victim.
Until the address owner confirms, Herald's mail to it holds only texts from the templates and the
configuration: no name (neither in To: nor in the greeting), no source, no other field. The name
waits on the confirmation token and becomes the subscriber's name only once the owner confirms.
Every captured mail is parsed with Python's email package and searched, header by header and part
by part, for any trace of what was typed."""

import json
import urllib.parse

from conftest import FORM, JSON, all_defects, body_parts, http, link_in, wait_for

# Look-alike Cyrillic letters ("Раураl ѕuрроrt"), a URL, HTML, a spammer's pitch.
LOOKALIKE = "\u0420\u0430\u0443\u0440\u0430l \u0455u\u0440\u0440\u043er\u0442"
HOSTILE_NAMES = [
    "WIN $5000 NOW at https://spam.example/claim",
    '<a href="https://spam.example/x">Claim your prize</a><img src=https://spam.example/p.gif>',
    LOOKALIKE + " https://xn--pypal-4ve.example/login",
    "Ｗｉｎ ＄５０００ ｓｐａｍ．ｅｘａｍｐｌｅ",  # full-width look-alikes of ASCII
]
# Refused outright (format characters: RTL override, zero-width joiner): nothing stored or sent.
REFUSED_NAMES = ["Support \u202egnp.exe\u202c spam.example", "pay\u200dpal spam.example"]
HOSTILE_SOURCE = "https://spam.example/source <b>WIN</b> \u202e"
MARKERS = ["spam.example", "WIN", "5000", "Claim", "prize", "xn--pypal", LOOKALIKE, "\u0420\u0430\u0443",
           "Ｗｉｎ", "\u202e", "\u200d", "Buy now", "evil"]


def every_text(message):
    """Each header value (decoded) and each decoded body part of a parsed message."""
    texts = [f"{name}: {value}" for name, value in message.items()]
    for part in message.walk():
        if part.get_content_maintype() == "text":
            texts.append(part.get_content())
    return texts


def assert_no_stranger_text(message):
    assert all_defects(message) == []
    assert message["To"].addresses[0].display_name == "", message["To"]
    for text in every_text(message):
        for marker in MARKERS:
            assert marker not in text, f"{marker!r} reached the inbox in:\n{text[:400]}"
    text, html = body_parts(message)
    assert "Hello," in text and "Hello," in html  # the template's greeting, no name


def post_form(herald, fields, headers=None):
    return http("POST", herald.base_url + "/subscribe", urllib.parse.urlencode(fields, doseq=True),
                {**FORM, **(headers or {})})


def post_json(herald, fields, headers=None):
    return http("POST", herald.base_url + "/subscribe", json.dumps(fields), {**JSON, **(headers or {})})


def test_stranger_text_in_every_field_never_reaches_an_unconfirmed_inbox(make_herald, smtp):
    herald = make_herald(throttle_minutes=0, throttle_per_day=100)
    hostile_headers = {"User-Agent": "WIN $5000 https://spam.example/ua", "Referer": "https://spam.example/ref"}
    expected = 0
    for index, name in enumerate(HOSTILE_NAMES):
        fields = {"email": f"victim{index}@example.org", "name": name, "source": HOSTILE_SOURCE,
                  "redirect": "https://spam.example/next", "message": "Buy now https://spam.example",
                  "newsletter": "news"}
        assert post_form(herald, fields, hostile_headers)[0] == 303
        assert post_json(herald, {**fields, "email": f"json{index}@example.org"}, hostile_headers)[0] == 202
        # Again while pending: a second confirmation (reminder) with another stranger's name.
        assert post_form(herald, {**fields, "name": HOSTILE_NAMES[-1 - index]}, hostile_headers)[0] == 303
        expected += 3
    for name in REFUSED_NAMES:
        status, _, body = post_json(herald, {"email": "refused@example.org", "name": name})
        assert status == 422 and json.loads(body)["errors"][0]["code"] == "invalid_characters"
    messages = smtp.wait_for_messages(expected)
    assert len(messages) == expected
    for message in messages:
        assert_no_stranger_text(message)
    with herald.db() as db:
        assert db.execute("SELECT count(*) FROM subscribers WHERE name IS NOT NULL").fetchone() == (0,)
        assert db.execute("SELECT count(*) FROM subscribers WHERE email = 'refused@example.org'").fetchone() == (0,)
        pending = {row[0] for row in db.execute("SELECT pending_name FROM tokens WHERE purpose = 'confirm'")}
    assert set(HOSTILE_NAMES) <= pending  # kept with the token, for after confirmation

    # The owner confirms the latest link: the name typed with that signup becomes the name.
    latest = [m for m in messages if m["To"].addresses[0].addr_spec == "victim0@example.org"][-1]
    assert http("POST", link_in(latest, "/confirm/"), b"", FORM)[0] == 200
    with herald.db() as db:
        assert db.execute("SELECT name FROM subscribers WHERE email = 'victim0@example.org'").fetchone() == \
            (HOSTILE_NAMES[-1],)


def test_confirmed_reader_signing_up_again_gets_no_stranger_text_either(make_herald, smtp):
    herald = make_herald(throttle_minutes=0)
    assert post_form(herald, {"email": "reader@example.org", "name": "Olena", "newsletter": "news"})[0] == 303
    [confirmation] = smtp.wait_for_messages(1)
    assert_no_stranger_text(confirmation)
    assert http("POST", link_in(confirmation, "/confirm/"), b"", FORM)[0] == 200
    welcome = smtp.wait_for_messages(2)[1]
    assert welcome["To"].addresses[0].display_name == "Olena"  # confirmed: the owner's own name
    # A stranger now signs the confirmed reader up again and for a second newsletter.
    for newsletter in ("news", "daily"):
        fields = {"email": "reader@example.org", "name": HOSTILE_NAMES[0], "source": HOSTILE_SOURCE,
                  "newsletter": newsletter}
        assert post_form(herald, fields)[0] == 303
    messages = smtp.wait_for_messages(4)
    for message in messages[2:]:
        for text in every_text(message):
            for marker in MARKERS:
                assert marker not in text, f"{marker!r} reached a confirmed reader in:\n{text[:400]}"
    with herald.db() as db:
        # A later stranger's signup never renames a confirmed reader, even once confirmed.
        assert db.execute("SELECT name FROM subscribers").fetchone() == ("Olena",)
    daily = next(m for m in messages[2:] if "/confirm/" in body_parts(m)[0])
    assert http("POST", link_in(daily, "/confirm/"), b"", FORM)[0] == 200
    wait_for(lambda: len(smtp.messages()) >= 5, what="the daily welcome mail")
    with herald.db() as db:
        assert db.execute("SELECT name FROM subscribers").fetchone() == ("Olena",)
