"""Hostile input on every field of POST /subscribe: clear errors, nothing stored, escaping everywhere."""

import json
import urllib.parse

from conftest import FORM, JSON, all_defects, body_parts, http, link_in


def form(**fields):
    return urllib.parse.urlencode(fields, doseq=True)


def count_subscribers(herald):
    with herald.db() as db:
        return db.execute("SELECT count(*) FROM subscribers").fetchone()[0]


def test_invalid_email_rerenders_form_with_error_typed_value_and_suggestion(herald):
    status, _, page = http("POST", herald.base_url + "/subscribe", form(email="jane@gmial"), FORM)
    text = page.decode()
    assert status == 422
    assert "Please, enter correct email address" in text
    assert 'value="jane@gmial"' in text
    assert "jane@gmail.com" in text


def test_json_errors_have_field_code_message_and_suggestion(herald):
    status, _, body = http("POST", herald.base_url + "/subscribe", '{"email":"jane@gmial"}', JSON)
    assert status == 422
    [error] = json.loads(body)["errors"]
    assert error["field"] == "email" and error["code"] and error["message"]
    assert error["suggestion"] == "jane@gmail.com"


def test_crlf_header_injection_in_email_and_name_is_refused(herald):
    for fields in ({"email": "a@example.org\r\nBcc: victim@example.org"},
                   {"email": "a@example.org", "name": "Jane\r\nBcc: victim@example.org"},
                   {"email": "a@example.org", "name": "Jane\u202eevil"}):
        status, _, _ = http("POST", herald.base_url + "/subscribe", form(**fields), FORM)
        assert status == 422, fields
    assert count_subscribers(herald) == 0


def test_script_in_name_is_escaped_in_pages_and_mail(herald, smtp):
    name = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'
    status, _, page = http("POST", herald.base_url + "/subscribe", form(email="<script>@example.org", name=name), FORM)
    assert status == 422
    assert "<script>" not in page.decode()
    assert http("POST", herald.base_url + "/subscribe", form(email="x@example.org", name=name), FORM)[0] == 303
    [confirmation] = smtp.wait_for_messages(1)
    # The address has not confirmed: the name a stranger typed is in no part of the mail.
    assert confirmation["To"].addresses[0].display_name == ""
    assert "<script" not in confirmation.as_string() and "onerror" not in confirmation.as_string()
    assert "alert(" not in confirmation.as_string()
    assert http("POST", link_in(confirmation, "/confirm/"), b"", FORM)[0] == 200
    message = smtp.wait_for_messages(2)[1]  # the welcome mail, once the owner confirmed
    assert all_defects(message) == []
    text, html = body_parts(message)
    assert "<script>" not in html and "onerror=alert" not in html.replace("onerror=alert(2)&gt;", "")
    assert "&lt;script&gt;" in html
    assert message["To"].addresses[0].display_name == name


def test_invalid_utf8_and_broken_percent_encoding_get_400(herald):
    for body in (b"email=%FF%FE@example.org", b"email=a%ZZ@example.org", b"email=\xff\xfe@example.org", b"email=%"):
        status, _, _ = http("POST", herald.base_url + "/subscribe", body, FORM)
        assert status == 400, body
    assert count_subscribers(herald) == 0


def test_json_wrong_types_duplicate_keys_and_garbage(herald):
    cases = {
        '{"email": 42}': 422,
        '{"email": ["a@example.org"]}': 422,
        '{"email": "a@example.org", "newsletter": {"x": 1}}': 422,
        '{"email": "a@example.org", "email": "b@example.org"}': 400,
        '["a@example.org"]': 422,
        '{"email": "a@example.org"': 400,
        '': 400,
        '{"email": "\\ud800@example.org"}': 400,
        '{"email": "a@example.org", "newsletter": "nope"}': 422,
    }
    for body, expected in cases.items():
        status, _, response = http("POST", herald.base_url + "/subscribe", body, JSON)
        assert status == expected, (body, status, response)
        assert json.loads(response)["errors"]
    assert count_subscribers(herald) == 0


def test_sql_metacharacters_are_data(herald, smtp):
    address = "o'brien+x@example.org"
    status, _, _ = http("POST", herald.base_url + "/subscribe",
                        form(email=address, name="Robert'); DROP TABLE subscribers;--"), FORM)
    assert status == 303
    with herald.db() as db:
        # The name waits on the confirm token until the owner confirms (see test_stranger_text.py).
        assert db.execute("SELECT s.email, t.pending_name FROM subscribers s JOIN tokens t ON t.subscriber_id = s.id"
                          ).fetchall() == [(address, "Robert'); DROP TABLE subscribers;--")]


def test_name_limits(herald):
    assert http("POST", herald.base_url + "/subscribe", form(email="n1@example.org", name="я" * 100), FORM)[0] == 303
    assert http("POST", herald.base_url + "/subscribe", form(email="n2@example.org", name="я" * 101), FORM)[0] == 422


def test_unknown_newsletter_is_a_field_error(herald):
    status, _, body = http("POST", herald.base_url + "/subscribe", '{"email":"a@example.org","newsletter":["news","nope"]}', JSON)
    assert status == 422
    assert json.loads(body)["errors"][0]["field"] == "newsletter"
