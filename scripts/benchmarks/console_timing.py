"""Times every operator console page for scripts/bench-console.

Signs in once with the admin token (GET /admin/sign-in for the cookie and the CSRF field, then
POST), then requests each page WARMUP times unmeasured and COUNT times measured, one after the
other over one keep-alive connection, and prints one line per page: `PAGE name p50 p95 max` in
milliseconds (request written → whole body read). Every measured answer must be 200.

    python3 console_timing.py PORT TOKEN SUBSCRIBER_ID COUNT WARMUP
"""

import html
import http.client
import re
import sys
import time
import urllib.parse


class Console:
    def __init__(self, port):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.cookies = {}

    def request(self, method, path, body=None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, text

    def sign_in(self, token):
        status, page = self.request("GET", "/admin/sign-in")
        csrf = re.search(r'name="csrf"[^>]*value="([^"]+)"', page) or re.search(r'value="([^"]+)"[^>]*name="csrf"', page)
        if status != 200 or not csrf:
            sys.exit(f"console_timing: no sign-in form ({status})")
        form = urllib.parse.urlencode({"csrf": html.unescape(csrf.group(1)), "token": token})
        status, _ = self.request("POST", "/admin/sign-in", form)
        if status not in (302, 303) or "herald_console" not in self.cookies:
            sys.exit(f"console_timing: sign-in refused ({status})")


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(share * len(ordered) + 0.5)) - 1))]


def pages(console, subscriber):
    """The pages to time: every console page, the dashboard at each range, searches and a later page."""
    _, first = console.request("GET", "/admin/subscribers")
    later = re.search(r'href="(?:https?://[^/"]+)?(/admin/subscribers\?[^"]*after=[^"]+)"', first)
    _, digests = console.request("GET", "/admin/digests")
    issue = re.search(r'href="(?:https?://[^/"]+)?(/admin/digests/[a-z0-9-]+/[0-9]+)"', digests)
    listed = [
        ("dashboard_30", "/admin?days=30"), ("dashboard_90", "/admin?days=90"), ("dashboard_365", "/admin?days=365"),
        ("subscribers", "/admin/subscribers"),
        ("subscribers_next", html.unescape(later.group(1)) if later else None),
        ("search_common", "/admin/subscribers?q=kyivindependent"),
        ("search_rare", f"/admin/subscribers?q=reader{subscriber}%40"),
        ("filter_status", "/admin/subscribers?newsletter=weekly&status=unsubscribed"),
        ("subscriber", f"/admin/subscribers/{subscriber}"),
        ("erase_form", f"/admin/subscribers/{subscriber}/erase"),
        ("digests", "/admin/digests"), ("digest_issue", html.unescape(issue.group(1)) if issue else None),
        ("mail", "/admin/mail"), ("audit", "/admin/audit"),
        ("audit_filtered", "/admin/audit?actor=editor&action=subscriber.erase"),
        ("settings", "/admin/settings"),
    ]
    missing = [name for name, path in listed if path is None]
    if missing:
        sys.exit(f"console_timing: no link found for {', '.join(missing)}")
    return listed


def main():
    port, token, subscriber, count, warmup = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
    console = Console(int(port))
    console.sign_in(token)
    # What a page must show, so that a fast answer is also a right one (a search index the seed
    # left empty would answer quickly with nothing).
    shows = {"search_rare": f"reader{subscriber}@", "search_common": "@kyivindependent.com",
             "filter_status": "/admin/subscribers/", "subscriber": f"reader{subscriber}@"}
    for name, path in pages(console, subscriber):
        for _ in range(warmup):
            console.request("GET", path)
        _, body = console.request("GET", path)
        if name in shows and shows[name] not in body:
            sys.exit(f"console_timing: {path} does not show {shows[name]}")
        times = []
        for _ in range(count):
            start = time.perf_counter()
            status, _ = console.request("GET", path)
            times.append((time.perf_counter() - start) * 1000)
            if status != 200:
                sys.exit(f"console_timing: {path} answered {status}")
        print(f"PAGE {name} {percentile(times, 0.5):.2f} {percentile(times, 0.95):.2f} {max(times):.2f}", flush=True)


if __name__ == "__main__":
    main()
