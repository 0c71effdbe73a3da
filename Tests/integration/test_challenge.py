"""The self-hosted proof-of-work signup challenge (issue #16, item 3).

`GET /challenge` issues HMAC-signed, expiring SHA-256 puzzles in the ALTCHA payload format;
`POST /subscribe` checks the solution for forms and JSON alike and accepts each one once, across
processes (spent solutions live in the database). Modes: off, always, auto — auto asks for a solution
only while signup rates look like an attack (overall, per /24 or /56 network, per recipient domain),
and says so in the log and the metrics."""

import base64
import hashlib
import json
import re
import time
import urllib.parse

import pytest

from conftest import FORM, JSON, http, wait_for


def challenge(herald, headers=None):
    status, response_headers, body = http("GET", herald.base_url + "/challenge", headers=headers)
    assert status == 200 and response_headers["Content-Type"].startswith("application/json")
    return json.loads(body)


def solve(issued):
    for number in range(issued["maxnumber"] + 1):
        if hashlib.sha256((issued["salt"] + str(number)).encode()).hexdigest() == issued["challenge"]:
            return number
    raise AssertionError("unsolvable challenge")


def payload(issued, number=None, **override):
    fields = {key: issued[key] for key in ("algorithm", "challenge", "salt", "signature")}
    fields["number"] = solve(issued) if number is None else number
    fields.update(override)
    return base64.b64encode(json.dumps(fields).encode()).decode()


def signup(herald, email, altcha=None, kind="json", ip=None):
    fields = {"email": email}
    if altcha is not None:
        fields["altcha"] = altcha
    headers = {"X-Forwarded-For": ip} if ip else {}
    if kind == "json":
        status, _, body = http("POST", herald.base_url + "/subscribe", json.dumps(fields), {**JSON, **headers})
        return status, (json.loads(body) if body else None)
    status, _, body = http("POST", herald.base_url + "/subscribe", urllib.parse.urlencode(fields), {**FORM, **headers})
    return status, body.decode()


def code(answer):
    status, body = answer
    assert status == 422, answer
    [error] = body["errors"]
    assert error["field"] == "altcha" and error["message"], error
    return error["code"]


def stored(herald):
    with herald.db() as db:
        return db.execute("SELECT count(*) FROM subscribers").fetchone()[0]


def metric(herald, name):
    text = http("GET", herald.base_url + "/metrics")[2].decode()
    match = re.search("^" + re.escape(name) + r" (\S+)$", text, re.M)
    return float(match.group(1)) if match else 0.0


def test_challenge_is_in_the_altcha_format(make_herald):
    herald = make_herald(signup_challenge="always", signup_challenge_difficulty=5000)
    issued = challenge(herald)
    assert set(issued) == {"algorithm", "challenge", "maxnumber", "salt", "signature"}
    assert issued["algorithm"] == "SHA-256" and issued["maxnumber"] == 5000
    assert re.fullmatch(r"[0-9a-f]{64}", issued["challenge"]) and re.fullmatch(r"[0-9a-f]{64}", issued["signature"])
    expires = int(re.search(r"[?&]expires=(\d+)", issued["salt"]).group(1))
    assert 590 <= expires - time.time() <= 601
    assert challenge(herald)["challenge"] != issued["challenge"]


def test_missing_malformed_forged_wrong_reused_solutions_are_refused(make_herald, smtp):
    herald = make_herald(signup_challenge="always", signup_challenge_difficulty=2000)
    assert code(signup(herald, "a@example.org")) == "challenge_required"
    for garbage in ("", "not base64 at all!", base64.b64encode(b"[1,2]").decode(),
                    base64.b64encode(b'{"algorithm":"SHA-256"}').decode(), "x" * 5000):
        expected = "challenge_required" if garbage == "" else "challenge_malformed"
        assert code(signup(herald, "a@example.org", garbage)) == expected, garbage
    issued = challenge(herald)
    forged = issued["signature"][:-1] + ("0" if issued["signature"][-1] != "0" else "1")
    assert code(signup(herald, "a@example.org", payload(issued, signature=forged))) == "challenge_bad_signature"
    other = challenge(herald)
    assert code(signup(herald, "a@example.org", payload(issued, signature=other["signature"]))) == \
        "challenge_bad_signature"
    assert code(signup(herald, "a@example.org", payload(issued, algorithm="SHA-1"))) == "challenge_bad_signature"
    number = solve(issued)
    assert code(signup(herald, "a@example.org", payload(issued, number=number + 1))) == "challenge_not_solved"
    assert code(signup(herald, "a@example.org", payload(issued, number=-1))) == "challenge_not_solved"
    assert stored(herald) == 0
    good = payload(issued, number=number)
    assert signup(herald, "a@example.org", good)[0] == 202
    assert code(signup(herald, "b@example.org", good)) == "challenge_reused"
    # The form is held to the same rules as the API, and gets a page that says what to do.
    status, page = signup(herald, "c@example.org", kind="form")
    assert status == 422 and "needs your browser to solve a small puzzle" in page
    status, page = signup(herald, "c@example.org", good, kind="form")
    assert status == 422 and "Please send it again" in page
    assert signup(herald, "c@example.org", payload(challenge(herald)), kind="form")[0] == 303
    assert stored(herald) == 2
    assert metric(herald, 'herald_signups_rejected_total{reason="challenge_reused"}') == 2
    assert metric(herald, 'herald_signups_rejected_total{reason="challenge_bad_signature"}') == 3


def test_a_solution_is_accepted_once_across_restarts_and_expired_or_too_easy_ones_are_refused(make_herald, smtp):
    herald = make_herald(signup_challenge="always", signup_challenge_difficulty=1000,
                         signup_challenge_expiry_seconds=10)
    easy = challenge(herald)
    easy_solution = payload(easy)
    used = payload(challenge(herald))
    expiring = payload(challenge(herald))
    assert signup(herald, "first@example.org", used)[0] == 202
    herald.stop()
    herald.start()  # another process on the same database and key
    assert code(signup(herald, "second@example.org", used)) == "challenge_reused"
    herald.stop()
    # Asking for more work now: a solution of an easier challenge is not enough.
    with open(herald.config_path) as handle:
        config = json.load(handle)
    config["signup_challenge_difficulty"] = 4000
    with open(herald.config_path, "w") as handle:
        json.dump(config, handle)
    herald.start()
    assert code(signup(herald, "second@example.org", easy_solution)) == "challenge_too_easy"
    assert challenge(herald)["maxnumber"] == 4000
    time.sleep(11)
    assert code(signup(herald, "second@example.org", expiring)) == "challenge_expired"
    assert signup(herald, "second@example.org", payload(challenge(herald)))[0] == 202
    with herald.db() as db:
        # Spent solutions are kept until they expire, then forgotten.
        assert db.execute("SELECT count(*) FROM spent_challenges").fetchone()[0] == 1


def test_off_mode_asks_for_nothing(make_herald, smtp):
    herald = make_herald(signup_challenge="off")
    assert signup(herald, "free@example.org")[0] == 202
    assert 'name="altcha"' not in http("GET", herald.base_url + "/")[2].decode()


ATTACKS = {
    # name: (settings, [(ip, email)], reason)
    "overall": ({"signup_challenge_rate_per_minute": 300},
                [(f"198.51.{i}.7", f"victim{i}@example.org") for i in range(40)], "overall"),
    "network": ({"signup_challenge_network_rate_per_minute": 60},
                [(f"2001:db8:0:ab{i:02x}::{i + 1}", f"v{i}@example.net") for i in range(12)], "network"),
    "domain": ({"signup_challenge_domain_rate_per_minute": 60},
               [(f"203.0.{i}.9", f"target{i}@staff.example.net") for i in range(12)], "domain"),
}


@pytest.mark.parametrize("attack", ATTACKS)
def test_auto_switches_on_under_a_spread_attack_and_off_after(make_herald, smtp, attack):
    settings, requests, reason = ATTACKS[attack]
    herald = make_herald(
        signup_challenge="auto", signup_challenge_difficulty=1000, signup_challenge_window_seconds=4,
        signup_challenge_hold_seconds=2, trusted_proxies=["127.0.0.1"], throttle_minutes=0,
        **{"signup_challenge_rate_per_minute": 100000, "signup_challenge_network_rate_per_minute": 100000,
           "signup_challenge_domain_rate_per_minute": 100000, **settings})
    assert metric(herald, "herald_signup_under_attack") == 0
    answers = [signup(herald, email, ip=ip) for ip, email in requests]
    statuses = [status for status, _ in answers]
    first_refused = statuses.index(422)
    assert first_refused >= 3 and set(statuses[:first_refused]) == {202}, statuses
    assert {code(a) for a in answers[first_refused:]} == {"challenge_required"}
    log = open(herald.log_path).read()
    assert re.search(rf"reason={reason} .*signups look like an attack", log), log[-2000:]
    assert metric(herald, f'herald_signup_attacks_total{{reason="{reason}"}}') == 1
    assert metric(herald, "herald_signup_under_attack") == 1
    # A page shown now explains the challenge to readers without JavaScript.
    assert "unusual number of signups" in http("GET", herald.base_url + "/")[2].decode()
    # Under attack a solved challenge still gets through, but an unconfirmed address gets one
    # confirmation a day (throttle_minutes is 0 here, so two would go out otherwise).
    for ip in ("192.0.2.1", "192.0.2.2"):
        assert signup(herald, "again@example.org", payload(challenge(herald)), ip=ip)[0] == 202
    with herald.db() as db:
        queued = db.execute("SELECT count(*) FROM outbox WHERE throttle_key = 'again@example.org'").fetchone()[0]
    assert queued == 1
    # The attack stops: after the window and the hold, no solution is needed any more.
    time.sleep(4 * 2 + 2 + 0.5)
    assert signup(herald, "calm@example.org", ip="192.0.2.77")[0] == 202
    assert metric(herald, "herald_signup_under_attack") == 0
    assert "signup rates are back to normal" in open(herald.log_path).read()
    assert signup(herald, "again@example.org", ip="192.0.2.78")[0] == 202
    with herald.db() as db:
        queued = db.execute("SELECT count(*) FROM outbox WHERE throttle_key = 'again@example.org'").fetchone()[0]
    assert queued == 2  # the normal limit is back
