"""The operator console (#15) in real Chromium against `herald serve`: sign-in with an admin token,
the dashboard's figures against `GET /api/v1/stats`, the subscriber search and a subscriber's page, HTML validity and axe-core on every page at
desktop and phone widths, keyboard use, a wrong token, sign-out, and forged posts refused."""

import json
import os
import urllib.parse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import FORM, OUTPUT, http, link_in
from page_checks import assert_valid_html, axe_violations
from test_browser import browser, page_text_containing, screenshot  # noqa: F401 (fixture)

TOKEN = "console-e2e-admin-token-0123456789abcdef"


@pytest.fixture
def console_herald(make_herald):
    return make_herald(admin_token=TOKEN)


def signup(herald, address, newsletter="news"):
    body = urllib.parse.urlencode({"email": address, "newsletter": newsletter})
    assert http("POST", herald.base_url + "/subscribe", body, FORM)[0] == 303


def stats(herald):
    status, _, body = http("GET", herald.base_url + "/api/v1/stats", headers={"Authorization": f"Bearer {TOKEN}"})
    assert status == 200
    return {entry["newsletter"]: entry for entry in json.loads(body)["newsletters"]}


def figure(driver, slug, label):
    section = driver.find_element(By.ID, f"nl-{slug}").find_element(By.XPATH, "..")
    for item in section.find_elements(By.CSS_SELECTOR, "dl.figures > div"):
        if item.find_element(By.TAG_NAME, "dt").text == label:
            return item.find_element(By.TAG_NAME, "dd").text
    raise AssertionError(f"no figure {label!r} for {slug}")


def check_page(driver, name, html=None):
    """The page as served (`html`, else fetched again with the browser's cookies) is valid HTML;
    axe-core finds nothing at desktop and phone widths; screenshots of both."""
    if html is None:
        cookies = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
        status, _, body = http("GET", driver.current_url, headers={"Cookie": cookies})
        assert status == 200
        html = body.decode()
    assert_valid_html(html)
    for width, height, suffix in ((1200, 1000, ""), (390, 844, "-phone")):
        driver.set_window_size(width, height)
        screenshot(driver, name + suffix)
        violations = axe_violations(driver)
        assert violations == [], f"{name} at {width}px: {json.dumps(violations, ensure_ascii=False, indent=1)}"
        # WCAG 1.4.10 (reflow): the page itself never scrolls sideways; a wide table scrolls in its region.
        assert driver.execute_script(_OVERFLOWING) == [], f"{name} at {width}px: wider than the window"
    driver.set_window_size(1200, 1000)


# The elements that reach past the window's right edge while no ancestor clips them, outermost first.
_OVERFLOWING = """
const width = document.documentElement.clientWidth;
if (document.documentElement.scrollWidth <= width) return [];
const clipped = el => { for (let a = el.parentElement; a; a = a.parentElement) {
  const o = getComputedStyle(a).overflowX; if (o !== 'visible') return a !== document.documentElement && a !== document.body; }
  return false; };
const found = [];
for (const el of document.body.querySelectorAll('*')) {
  if (el.getBoundingClientRect().right > width + 1 && !clipped(el) && !found.some(f => f.contains(el))) found.push(el);
}
return found.length ? found.map(el => el.outerHTML.slice(0, 160)) : ['(document wider than the window)'];
"""


def test_an_operator_signs_in_reads_the_dashboard_and_signs_out(console_herald, smtp, browser):  # noqa: F811
    herald = console_herald
    for address in ("one@example.org", "two@example.org", "three@example.org"):
        signup(herald, address)
    signup(herald, "daily@example.org", "daily")
    confirmation = smtp.wait_for_messages(4)[0]
    assert http("POST", link_in(confirmation, "/confirm/"), b"", FORM)[0] == 200

    browser.get(herald.base_url + "/admin")
    assert browser.current_url == herald.base_url + "/admin/sign-in"
    check_page(browser, "console-sign-in")
    # Keyboard only: the token field takes focus from the page, Enter submits.
    field = browser.find_element(By.ID, "token")
    field.send_keys("not-the-token")
    field.send_keys(Keys.ENTER)
    page_text_containing(browser, "not one of this installation's admin tokens")
    assert browser.find_element(By.ID, "token").get_attribute("aria-invalid") == "true"
    # The refusal page as served: a fresh sign-in form's cookie and token, posted with a wrong token.
    status, headers, body = http("GET", herald.base_url + "/admin/sign-in")
    pre = headers["Set-Cookie"].split(";")[0]
    csrf = body.decode().split('name="csrf" value="')[1].split('"')[0]
    status, _, refused = http("POST", herald.base_url + "/admin/sign-in",
                              urllib.parse.urlencode({"csrf": csrf, "token": "wrong"}), FORM | {"Cookie": pre})
    assert status == 401
    check_page(browser, "console-sign-in-wrong-token", refused.decode())
    field = browser.find_element(By.ID, "token")
    field.send_keys(TOKEN)
    field.send_keys(Keys.ENTER)
    page_text_containing(browser, "Signed in as")
    assert browser.current_url == herald.base_url + "/admin"

    expected = stats(herald)
    for slug in ("news", "daily"):
        assert figure(browser, slug, "Signups, 30 days") == str(expected[slug]["signups"])
        assert figure(browser, slug, "Confirmations") == str(expected[slug]["confirmations"])
        assert figure(browser, slug, "Unsubscribes") == str(expected[slug]["unsubscribes"])
    assert expected["news"]["signups"] == 3 and expected["news"]["confirmations"] == 1
    assert figure(browser, "news", "Subscribers") == "1"
    assert figure(browser, "news", "Awaiting confirmation") == "2"
    assert figure(browser, "news", "Confirmation rate") == "33 %"
    chart = browser.find_element(By.CSS_SELECTOR, "#nl-news ~ svg.chart")
    assert chart.get_attribute("role") == "img"
    assert "3 signups, 1 confirmations, 0 unsubscribes" in browser.find_element(By.ID, "chart-news-desc").get_attribute("textContent")
    check_page(browser, "console-dashboard")
    browser.find_element(By.CSS_SELECTOR, "#nl-news ~ details summary").click()
    rows = browser.find_elements(By.CSS_SELECTOR, "#nl-news ~ details tbody tr")
    assert len(rows) == 30
    screenshot(browser, "console-dashboard-table")

    # Subscribers: the search form (GET, no script), a result, its page with the consent history.
    browser.find_element(By.LINK_TEXT, "Subscribers").click()
    page_text_containing(browser, "Address contains")
    check_page(browser, "console-subscribers")
    search = browser.find_element(By.ID, "q")
    search.send_keys("two@")
    search.send_keys(Keys.ENTER)
    page_text_containing(browser, "two@example.org")
    links = browser.find_elements(By.CSS_SELECTOR, "table.list a")
    assert [link.text for link in links] == ["two@example.org"]
    links[0].click()
    page_text_containing(browser, "Consent history")
    cells = [cell.text for cell in browser.find_elements(By.CSS_SELECTOR, "#consent-heading ~ div td")]
    assert "signup" in cells and "Morning News" in cells
    check_page(browser, "console-subscriber")

    # A post with the session cookie but without the form's token changes nothing.
    cookie = {c["name"]: c["value"] for c in browser.get_cookies()}["herald_console"]
    status, _, _ = http("POST", herald.base_url + "/admin/sign-out", b"csrf=forged", FORM | {"Cookie": f"herald_console={cookie}"})
    assert status == 403
    browser.get(herald.base_url + "/admin?days=90")
    assert "Last 90 days" in browser.find_element(By.CSS_SELECTOR, ".ranges [aria-current=page]").text

    browser.find_element(By.CSS_SELECTOR, "form[action$='/admin/sign-out'] button").click()
    page_text_containing(browser, "Sign in with an admin token")
    status, headers, _ = http("GET", herald.base_url + "/admin", headers={"Cookie": f"herald_console={cookie}"})
    assert status == 303 and headers["Location"].endswith("/admin/sign-in?ended=1")
    assert os.path.exists(os.path.join(OUTPUT, "browser-console-dashboard.png"))
