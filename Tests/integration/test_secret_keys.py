"""Secret keys outside the database (issue #16): the manage-link and erasure keys live in a 0600
key file (`secret_key_file`, default `herald.keys` beside the SQLite database), an installation
that kept them in the database has them moved into the file (and deleted from the database), and
`herald keys rotate` adds a signing key while links signed with the older ones keep working."""

import base64
import hashlib
import hmac
import os
import re
import stat
import subprocess

from conftest import BINARY, FORM, http, link_in, secret_keys

LEGACY_SETTINGS = ("manage_link_secret", "suppression_hash_key")


def manage_token(key, subscriber_id, newsletter):
    mac = hmac.new(key.encode(), f"manage:{subscriber_id}:{newsletter}".encode(), hashlib.sha256).digest()
    return f"{subscriber_id}.{newsletter}." + base64.urlsafe_b64encode(mac).decode().rstrip("=")


def herald_command(herald, *arguments):
    return subprocess.run([BINARY, *arguments, "--config", herald.config_path], cwd=herald.directory,
                          capture_output=True, text=True, timeout=60)


def subscribe_and_confirm(herald, smtp, address, seen):
    assert http("POST", herald.base_url + "/subscribe", f"email={address}&newsletter=news", FORM)[0] == 303
    confirmation = smtp.wait_for_messages(seen + 1)[seen]
    assert http("POST", link_in(confirmation, "/confirm/"), b"", FORM)[0] == 200
    welcome = smtp.wait_for_messages(seen + 2)[seen + 1]
    return re.search(r"<(https?://[^>]+/unsubscribe/[^>]+)>", welcome["List-Unsubscribe"]).group(1)


def stored_settings(herald):
    with herald.db() as db:
        return {name for (name,) in db.execute("SELECT name FROM settings")}


def test_keys_live_in_a_private_file_and_not_in_the_database(herald, smtp):
    url = subscribe_and_confirm(herald, smtp, "jane%40example.org", 0)
    mode = stat.S_IMODE(os.stat(herald.keys_path).st_mode)
    assert mode == 0o600, oct(mode)
    keys = herald.keys()
    assert len(keys["manage-link"]) == 1 and len(keys["erasure"]) == 1
    assert not stored_settings(herald) & set(LEGACY_SETTINGS)
    with herald.db() as db:
        [(subscriber_id,)] = db.execute("SELECT id FROM subscribers").fetchall()
    assert url.rsplit("/", 1)[1] == manage_token(keys["manage-link"][0], subscriber_id, "news")


def test_database_keys_move_to_the_file_and_rotation_keeps_old_links_working(herald, smtp):
    old_url = subscribe_and_confirm(herald, smtp, "jane%40example.org", 0)
    old_keys = herald.keys()
    herald.stop()
    # The installation as an older Herald left it: keys in the settings table, no key file, and an
    # address on the suppression list under the erasure key.
    os.remove(herald.keys_path)
    blocked = hmac.new(old_keys["erasure"][0].encode(), b"blocked@example.org", hashlib.sha256).hexdigest()
    with herald.db() as db:
        db.executemany("INSERT INTO settings (name, value) VALUES (?, ?)",
                       [("manage_link_secret", old_keys["manage-link"][0]),
                        ("suppression_hash_key", old_keys["erasure"][0])])
        db.execute("INSERT INTO suppressions VALUES (?, 'admin', 'test', 0)", (blocked,))
    result = herald_command(herald, "migrate")
    assert result.returncode == 0, result.stderr
    assert herald.keys() == old_keys and stat.S_IMODE(os.stat(herald.keys_path).st_mode) == 0o600
    assert not stored_settings(herald) & set(LEGACY_SETTINGS)

    result = herald_command(herald, "keys", "rotate")
    assert result.returncode == 0, result.stderr
    rotated = herald.keys()
    assert rotated["manage-link"][1:] == old_keys["manage-link"] and rotated["erasure"] == old_keys["erasure"]
    herald.start()
    assert http("GET", old_url)[0] == 200, "a link signed with the previous key stopped working"
    new_url = subscribe_and_confirm(herald, smtp, "bob%40example.org", 2)
    with herald.db() as db:
        bob = db.execute("SELECT id FROM subscribers WHERE email = 'bob@example.org'").fetchone()[0]
    assert new_url.rsplit("/", 1)[1] == manage_token(rotated["manage-link"][0], bob, "news")
    # The erasure key came along: the suppressed address is still refused.
    assert http("POST", herald.base_url + "/subscribe", "email=blocked%40example.org&newsletter=news", FORM)[0] == 303
    with herald.db() as db:
        assert db.execute("SELECT count(*) FROM subscribers WHERE email = 'blocked@example.org'").fetchone()[0] == 0

    # Removing the old key from the file revokes the links signed with it.
    herald.stop()
    with open(herald.keys_path) as handle:
        text = handle.read()
    with open(herald.keys_path, "w") as handle:
        handle.write(text.replace(f"manage-link {old_keys['manage-link'][0]}\n", ""))
    herald.start()
    assert http("GET", old_url)[0] == 404
    assert http("GET", new_url)[0] == 200
    assert http("POST", new_url, b"List-Unsubscribe=One-Click", FORM)[0] == 200


def test_a_key_file_others_can_read_is_refused(herald):
    herald.stop()
    os.chmod(herald.keys_path, 0o644)
    result = subprocess.run([BINARY, "serve", "--config", herald.config_path], cwd=herald.directory,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 3
    assert "chmod 600" in result.stderr and herald.keys_path in result.stderr


def test_keys_from_the_environment_and_a_database_key_they_lack_is_refused(herald):
    herald.stop()
    keys = herald.keys()
    text = f"manage-link {keys['manage-link'][0]}; erasure {keys['erasure'][0]}"
    os.remove(herald.keys_path)
    environment = dict(os.environ, HERALD_SECRET_KEYS=text)
    result = subprocess.run([BINARY, "migrate", "--config", herald.config_path], cwd=herald.directory,
                            capture_output=True, text=True, timeout=60, env=environment)
    assert result.returncode == 0, result.stderr
    assert not os.path.exists(herald.keys_path), "a key file was written although the keys came from the environment"
    with herald.db() as db:
        db.execute("INSERT INTO settings (name, value) VALUES ('manage_link_secret', ?)", ("x" * 43,))
    result = subprocess.run([BINARY, "migrate", "--config", herald.config_path], cwd=herald.directory,
                            capture_output=True, text=True, timeout=60, env=environment)
    assert result.returncode == 3 and "still holds a manage-link key" in result.stderr
    assert "manage_link_secret" in stored_settings(herald), "the key was dropped although nothing kept it"
    for hostile in ("manage-link short; erasure " + "e" * 40, "erasure " + "e" * 40, "bogus " + "k" * 40,
                    f"manage-link {'m' * 40}; erasure {'e' * 40}; erasure {'f' * 40}", "manage-link é" + "m" * 40):
        result = subprocess.run([BINARY, "migrate", "--config", herald.config_path], cwd=herald.directory,
                                capture_output=True, text=True, timeout=60, env=dict(os.environ, HERALD_SECRET_KEYS=hostile))
        assert result.returncode == 3 and "secret_keys" in result.stderr, result.stderr
