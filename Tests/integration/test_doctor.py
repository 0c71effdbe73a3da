"""`herald doctor` against real servers: dnsmasq on loopback serving good and broken test zones
(started here), the test SMTP server with and without STARTTLS (a self-signed certificate made with
openssl) and AUTH. Each checklist line and the exit status are asserted; nothing is sent unless
--send-test asks for it."""

import json
import os
import shutil
import socket
import subprocess
import time

import pytest

from conftest import BINARY, ROOT, SMTPServer, free_port, wait_for

DNSMASQ = shutil.which("dnsmasq") or "/usr/sbin/dnsmasq"


def host_address():
    """This machine's non-loopback IPv4 address (no packet is sent)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))
            address = probe.getsockname()[0]
        except OSError:
            address = "127.0.0.1"
    if address.startswith("127."):
        pytest.skip("no non-loopback IPv4 address to run the relay on")
    return address


class DNSServer:
    """dnsmasq answering only from its own records; every other name under example.net is NXDOMAIN."""

    def __init__(self, directory, records):
        self.port = free_port()
        config = os.path.join(directory, "dnsmasq.conf")
        with open(config, "w") as handle:
            handle.write("\n".join([
                "no-resolv", "no-hosts", "bind-interfaces", "listen-address=127.0.0.1", f"port={self.port}",
                "local=/example.net/", "log-queries", *records]) + "\n")
        self.log = os.path.join(directory, "dnsmasq.log")
        self.process = subprocess.Popen(
            [DNSMASQ, "--keep-in-foreground", f"--conf-file={config}", f"--log-facility={self.log}",
             f"--pid-file={os.path.join(directory, 'dnsmasq.pid')}"],
            stdout=subprocess.DEVNULL, stderr=open(os.path.join(directory, "dnsmasq.err"), "wb"))
        wait_for(lambda: os.path.exists(self.log) and "started" in open(self.log).read(), what="dnsmasq")

    @property
    def resolver(self):
        return f"127.0.0.1:{self.port}"

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


def zones(relay):
    return [
        f'txt-record=good.example.net,"v=spf1 ip4:{relay} -all"',
        'txt-record=good.example.net,"google-site-verification=abc"',
        'txt-record=_dmarc.good.example.net,"v=DMARC1; p=quarantine; rua=mailto:dmarc@good.example.net"',
        'txt-record=s1._domainkey.good.example.net,"v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA"',
        "mx-host=good.example.net,mx.good.example.net,10",
        "host-record=mx.good.example.net,192.0.2.25",
        # broken.example.net: two SPF records, a DMARC record with syntax errors, no DKIM key, no MX and no A.
        'txt-record=broken.example.net,"v=spf1 ip4:192.0.2.99 -all"',
        'txt-record=broken.example.net,"v=spf1 include:_spf.example.net ~all"',
        'txt-record=_dmarc.broken.example.net,"v=DMARC1; p=maybe; pct=200; rua=https://x.test/r"',
        # revoked.example.net: one SPF record without the relay, p=none, a revoked DKIM key, an A but no MX.
        'txt-record=revoked.example.net,"v=spf1 ip4:198.51.100.7 -all"',
        'txt-record=_dmarc.revoked.example.net,"v=DMARC1; p=none"',
        'txt-record=s1._domainkey.revoked.example.net,"v=DKIM1; p="',
        "host-record=revoked.example.net,192.0.2.80",
    ]


@pytest.fixture(scope="module")
def relay_address():
    return host_address()


@pytest.fixture(scope="module")
def certificate(tmp_path_factory, relay_address):
    """A self-signed certificate valid for the relay's address (its own CA)."""
    directory = tmp_path_factory.mktemp("cert")
    cert, key = str(directory / "relay.pem"), str(directory / "relay.key")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=relay.test",
                    "-addext", f"subjectAltName=IP:{relay_address},DNS:relay.test", "-keyout", key, "-out", cert],
                   check=True, capture_output=True)
    return cert, key


@pytest.fixture
def dns(workdir, relay_address):
    server = DNSServer(workdir, zones(relay_address))
    yield server
    server.stop()


@pytest.fixture
def servers():
    started = []
    yield started
    for server in started:
        server.stop()


def relay(workdir, servers, name, *options, host="127.0.0.1"):
    directory = os.path.join(workdir, name)
    os.makedirs(directory)
    server = SMTPServer(directory, "--host", host, *options)
    servers.append(server)
    return server


def write_config(workdir, **settings):
    config = {
        "database_url": f"sqlite:{os.path.join(workdir, 'herald.sqlite')}",
        "templates": os.path.join(ROOT, "templates"),
        "base_url": "https://news.good.example.net",
        "mail_from": "Newsroom <news@good.example.net>",
        "bounce_address": "bounces@good.example.net",
        "dkim_selector": "s1",
        "mail_folder": os.path.join(workdir, "mail"),
    }
    config.update(settings)
    path = os.path.join(workdir, "herald.yml")
    with open(path, "w") as handle:
        json.dump(config, handle)
    return path


def doctor(config, dns_server=None, *arguments, resolver=None):
    command = [BINARY, "doctor", "--config", config, *arguments]
    if resolver or dns_server:
        command += ["--resolver", resolver or dns_server.resolver]
    started = time.monotonic()
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    result.seconds = time.monotonic() - started
    return result


def lines(result):
    """{id: (mark, message)} from the checklist (the fix lines start with '    →')."""
    found = {}
    for line in result.stdout.splitlines():
        if line.startswith("    →"):
            continue
        mark, rest = line.split(" ", 1)
        check, message = rest.split(": ", 1)
        found.setdefault(check, []).append((mark, message))
    return found


def good_relay(workdir, servers, relay_address, certificate):
    cert, key = certificate
    return relay(workdir, servers, "good", "--tls-cert", cert, "--tls-key", key, "--require-starttls",
                 "--auth-user", "news", "--auth-password", "s3cret", host=relay_address)


def test_a_good_setup_is_all_ticks_exits_zero_and_sends_nothing(workdir, dns, servers, relay_address, certificate):
    server = good_relay(workdir, servers, relay_address, certificate)
    config = write_config(workdir, smtp_url=f"smtp://news:s3cret@{relay_address}:{server.port}",
                          smtp_ca_file=certificate[0])
    result = doctor(config, dns)
    assert result.returncode == 0, result.stdout + result.stderr
    found = lines(result)
    expected = ["config", "templates", "database", "base_url", "mail_from", "bounce_address", "smtp.connect",
                "smtp.ehlo", "smtp.starttls", "smtp.certificate", "smtp.auth", "smtp.mail_from", "smtp.rset",
                "dns.spf", "dns.dkim", "dns.dmarc", "dns.alignment.spf", "dns.alignment.dkim", "dns.bounce_mx",
                "bulk.one_click_unsubscribe", "bulk.list_id", "bulk.message_id_date", "bulk.visible_unsubscribe"]
    assert list(found) == expected
    assert all(marks == [("✓", marks[0][1])] for marks in found.values()), result.stdout
    assert f"passes for the relay {relay_address}" in found["dns.spf"][0][1]
    assert "MAIL FROM:<bounces@good.example.net> accepted" == found["smtp.mail_from"][0][1]
    assert "policy quarantine" in found["dns.dmarc"][0][1]
    assert "MX mx.good.example.net" in found["dns.bounce_mx"][0][1]
    assert server.messages() == []  # MAIL FROM then RSET: nothing sent

    as_json = json.loads(doctor(config, dns, "--json").stdout)
    assert as_json["ok"] is True
    assert [c["id"] for c in as_json["checks"]] == expected
    assert {c["status"] for c in as_json["checks"]} == {"ok"}

    sent = doctor(config, dns, "--send-test", "operator@example.org")
    assert sent.returncode == 0, sent.stdout
    assert lines(sent)["send_test"][0][0] == "✓"
    [message] = server.wait_for_messages(1)
    assert message.envelope["rcpt_tos"] == ["operator@example.org"]
    assert message.envelope["mail_from"].startswith("bounces+o")
    assert "herald doctor" in message["Subject"]


def test_broken_dns_gives_one_clear_cross_per_problem(workdir, dns, servers):
    server = relay(workdir, servers, "plain")
    config = write_config(workdir, smtp_url=f"smtp://127.0.0.1:{server.port}", mail_from="News <news@broken.example.net>",
                          bounce_address="bounces@broken.example.net")
    result = doctor(config, dns)
    assert result.returncode == 1
    found = lines(result)
    assert found["dns.spf"] == [("✗", "2 SPF records at broken.example.net: a permerror, receivers treat SPF as failed")]
    assert found["dns.dkim"] == [("✗", "no DKIM key at s1._domainkey.broken.example.net")]
    mark, message = found["dns.dmarc"][0]
    assert mark == "✗" and "has errors" in message
    assert "p=maybe is not none, quarantine or reject" in message and "pct=200" in message
    assert "'https://x.test/r' is not a mailto: URI" in message
    assert found["dns.bounce_mx"] == [("✗", "broken.example.net has neither MX nor A: bounces cannot reach you")]
    assert found["smtp.starttls"] == [("⚠", f"no TLS to 127.0.0.1:{server.port} (a relay on this machine: acceptable)")]
    assert found["smtp.mail_from"][0][0] == "✓"
    assert "→" in result.stdout  # every problem comes with its fix


def test_weak_dns_records_are_named(workdir, dns, servers, relay_address, certificate):
    server = good_relay(workdir, servers, relay_address, certificate)
    config = write_config(workdir, smtp_url=f"smtp://news:s3cret@{relay_address}:{server.port}",
                          smtp_ca_file=certificate[0], mail_from="news@revoked.example.net", bounce_address="b@revoked.example.net")
    found = lines(doctor(config, dns))
    assert found["dns.spf"][0] == (
        "✗", f'SPF at revoked.example.net would not pass for the relay {relay_address}: "v=spf1 ip4:198.51.100.7 -all"')
    assert found["dns.dkim"] == [("✗", "the DKIM key at s1._domainkey.revoked.example.net is revoked (empty p=)")]
    assert found["dns.dmarc"] == [("⚠", "DMARC at _dmarc.revoked.example.net: policy none (monitoring only)")]
    assert found["dns.bounce_mx"] == [("⚠", "revoked.example.net has no MX; bounces go to its A record 192.0.2.80")]


@pytest.mark.parametrize("case", ["self_signed", "wrong_password", "unreachable", "no_starttls", "http_base_url"])
def test_relay_problems_are_one_clear_line_each(workdir, dns, servers, relay_address, certificate, case):
    settings = {}
    if case == "unreachable":
        port = free_port()
        settings["smtp_url"] = f"smtp://{relay_address}:{port}"
    elif case == "no_starttls":
        server = relay(workdir, servers, "plain", host=relay_address)
        settings["smtp_url"] = f"smtp://{relay_address}:{server.port}"
    else:
        server = good_relay(workdir, servers, relay_address, certificate)
        password = "wrong" if case == "wrong_password" else "s3cret"
        settings["smtp_url"] = f"smtp://news:{password}@{relay_address}:{server.port}"
        if case != "self_signed":
            settings["smtp_ca_file"] = certificate[0]
    if case == "http_base_url":
        settings["base_url"] = "http://news.good.example.net"
    result = doctor(write_config(workdir, **settings), dns)
    assert result.returncode == 1, result.stdout
    assert result.seconds < 60
    found = lines(result)
    failing = {check: marks for check, marks in found.items() if any(m == "✗" for m, _ in marks)}
    if case == "self_signed":
        assert list(failing) == ["smtp.certificate"]
        assert "is not trusted" in failing["smtp.certificate"][0][1]
        assert "smtp.auth" not in found and "smtp.mail_from" not in found
    elif case == "wrong_password":
        assert list(failing) == ["smtp.auth"]
        assert "AUTH refused for 'news': 535" in failing["smtp.auth"][0][1]
        assert found["smtp.certificate"][0][0] == "✓"
    elif case == "unreachable":
        assert list(failing) == ["smtp.connect"]
        assert f"cannot talk to {relay_address}:{port}" in failing["smtp.connect"][0][1]
    elif case == "no_starttls":
        assert list(failing) == ["smtp.starttls"]
        assert "does not offer STARTTLS" in failing["smtp.starttls"][0][1]
    else:
        assert list(failing) == ["base_url", "bulk.one_click_unsubscribe"]


def test_a_silent_resolver_times_out_with_one_line(workdir, servers):
    silent = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    silent.bind(("127.0.0.1", 0))
    try:
        server = relay(workdir, servers, "plain")
        config = write_config(workdir, smtp_url=f"smtp://127.0.0.1:{server.port}")
        result = doctor(config, resolver=f"127.0.0.1:{silent.getsockname()[1]}")
    finally:
        silent.close()
    assert result.returncode == 1
    assert result.seconds < 30
    found = lines(result)
    assert found["dns.spf"][0][0] == "✗" and "no answer for good.example.net in time" in found["dns.spf"][0][1]
    assert "dns.dmarc" not in found  # the other look-ups are not each left to time out


def test_a_domain_that_does_not_exist(workdir, dns, servers):
    server = relay(workdir, servers, "plain")
    config = write_config(workdir, smtp_url=f"smtp://127.0.0.1:{server.port}", mail_from="news@nothere.example.net",
                          bounce_address="b@nothere.example.net")
    result = doctor(config, dns)
    assert result.returncode == 1
    found = lines(result)
    assert found["dns.spf"] == [("✗", "no SPF record at nothere.example.net")]
    assert found["dns.dmarc"] == [("✗", "no DMARC record at _dmarc.nothere.example.net")]
    assert "nothere.example.net does not exist (NXDOMAIN)" in found["dns.bounce_mx"][0][1]


@pytest.mark.parametrize("value", ["localhost:53", "127.0.0.1", "127.0.0.1:0", "1.2.3:53", "[::1]:53"])
def test_a_bad_resolver_option_is_a_usage_error(workdir, value):
    result = subprocess.run([BINARY, "doctor", "--config", write_config(workdir), "--resolver", value],
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 2
    assert "--resolver must be an IPv4 address and port" in result.stderr
