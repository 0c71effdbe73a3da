"""The demo page and the thank-you page in a real headless Chromium at one, two and five
newsletters, on a desktop and a phone-sized window (issue #23): a single signup card does not
stretch over the page, nothing runs off a phone's screen, the footer closes the page (no empty
band below it), and the thank-you text starts where the header does. Screenshots of every case go
to test-output/layout-*.png."""

import os
import urllib.parse

import pytest
from selenium.webdriver.common.by import By

from conftest import FORM, OUTPUT, http
from test_browser import browser  # noqa: F401 (fixture)

DESKTOP, PHONE = (1280, 900), (390, 844)
NEWSLETTERS = [
    {"slug": "morning", "title": "Morning Briefing", "description": "The news you need before 8 am, every weekday."},
    {"slug": "culture", "title": "Culture Weekly", "description": "Exhibitions, books and concerts, on Fridays."},
    {"slug": "sport", "title": "Sport", "description": "Results and the stories behind them."},
    {"slug": "kyiv", "title": "Дайджест Києва", "description": "Новини міста щодня."},
    {"slug": "science", "title": "Science and Technology Explained", "description": ""},
]


def shoot(driver, name, size):
    """A screenshot of the whole page at `size` (the window grows to the page's height if taller)."""
    width, height = size
    driver.set_window_size(width, height)
    full, chrome = driver.execute_script(
        "return [document.documentElement.scrollHeight, outerHeight - innerHeight]")
    if full + chrome > height:
        driver.set_window_size(width, full + chrome)
    os.makedirs(OUTPUT, exist_ok=True)
    driver.save_screenshot(os.path.join(OUTPUT, f"layout-{name}.png"))
    driver.set_window_size(width, height)


def box(driver, selector):
    return driver.execute_script(
        "const r = document.querySelector(arguments[0]).getBoundingClientRect();"
        "return {left: r.left, right: r.right, top: r.top + scrollY, bottom: r.bottom + scrollY, width: r.width};",
        selector)


def page_metrics(driver):
    return driver.execute_script("""
        const ids = [...document.querySelectorAll('[id]')].map(e => e.id);
        const unlabelled = [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
            .filter(e => !e.closest('[aria-hidden=true]') && e.labels.length === 0).map(e => e.name);
        return {scrollWidth: document.documentElement.scrollWidth, innerWidth: innerWidth,
                innerHeight: innerHeight, pageHeight: document.documentElement.scrollHeight,
                duplicateIds: ids.filter((id, i) => ids.indexOf(id) !== i), unlabelled: unlabelled,
                lang: document.documentElement.lang};""")


def check_common(driver, what):
    metrics = page_metrics(driver)
    assert metrics["scrollWidth"] <= metrics["innerWidth"], f"{what}: wider than the window"
    assert metrics["duplicateIds"] == [] and metrics["unlabelled"] == [] and metrics["lang"], (what, metrics)
    footer = box(driver, ".site-footer")
    # The footer ends the page: nothing but the window's own edge below it.
    assert abs(footer["bottom"] - max(metrics["pageHeight"], metrics["innerHeight"])) <= 1, (what, footer, metrics)
    assert footer["bottom"] >= metrics["innerHeight"] - 1, f"{what}: empty band below the footer"


@pytest.mark.parametrize("count", [1, 2, 5])
def test_demo_and_thank_you_pages_look_deliberate(make_herald, browser, count):  # noqa: F811
    newsletters = NEWSLETTERS[:count]
    herald = make_herald(newsletters=newsletters)
    slugs = [n["slug"] for n in newsletters]
    for size_name, size in (("desktop", DESKTOP), ("phone", PHONE)):
        browser.set_window_size(*size)
        browser.get(herald.base_url + "/")
        shoot(browser, f"{count}-demo-{size_name}", size)
        check_common(browser, f"demo page, {count} newsletter(s), {size_name}")
        email = box(browser, "#signup-morning-email")
        if size_name == "desktop":
            # A form field wider than about 30 em is hard to read and looks unfinished.
            assert email["width"] <= 480, email
            if count == 1:
                # One newsletter: a card as wide as the article, its title and text beside the form.
                card, story = box(browser, ".grid .card"), box(browser, ".story")
                intro, form = box(browser, ".card-intro"), box(browser, ".card form.signup")
                assert abs(card["width"] - story["width"]) <= 1 and form["left"] > intro["right"], (card, intro, form)
        else:
            assert email["right"] <= size[0] - 16 and email["left"] >= 16, email

        query = urllib.parse.urlencode({"newsletter": slugs[:2]}, doseq=True)
        browser.get(herald.base_url + "/thanks?" + query)
        shoot(browser, f"{count}-thank-you-{size_name}", size)
        check_common(browser, f"thank-you page, {count} newsletter(s), {size_name}")
        brand, heading = box(browser, ".brand"), box(browser, "main h1")
        footer_text = box(browser, ".site-footer .bar")
        assert abs(heading["left"] - brand["left"]) <= 1, (heading, brand)
        assert abs(footer_text["left"] - box(browser, ".site-header .bar")["left"]) <= 1
        lead = box(browser, "main .lead")
        assert lead["width"] <= 40 * 17 + 1, lead  # a readable line: at most about 40 em


def test_the_demo_form_still_signs_up(make_herald, smtp):
    herald = make_herald(newsletters=NEWSLETTERS[:1])
    status, headers, _ = http("POST", herald.base_url + "/subscribe",
                              urllib.parse.urlencode({"email": "reader@example.org", "newsletter": "morning"}), FORM)
    assert status == 303 and headers["Location"] == "/thanks?newsletter=morning"
    smtp.wait_for_messages(1)
