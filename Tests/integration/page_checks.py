"""Checks for pages people see, with tools nobody here wrote: html5lib (the WHATWG parsing rules,
strict: any parse error fails) for validity, axe-core (in the real Chromium page) for accessibility,
feedparser for Atom. They are installed from PyPI into .build-python/page-checks by scripts/test."""

import os
import sys

from conftest import ROOT

PAGE_CHECKS_DIR = os.environ.get("HERALD_PAGE_CHECKS_DIR", os.path.join(ROOT, ".build-python", "page-checks"))
if PAGE_CHECKS_DIR not in sys.path:
    sys.path.insert(0, PAGE_CHECKS_DIR)

import axe_core_python  # noqa: E402
import feedparser  # noqa: E402
import html5lib  # noqa: E402

# WCAG 2.0 and 2.1, levels A and AA (the bundled axe-core 4.4 predates its WCAG 2.2 rules).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def assert_valid_html(html):
    """Parses `html` with html5lib in strict mode: a missing doctype, a stray end tag, a bad
    attribute or any other parse error raises."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    document = parser.parse(html)
    assert html.lstrip().lower().startswith("<!doctype html>")
    assert_select_placeholders(document)


def assert_select_placeholders(document):
    """The HTML rule a parser does not check and validators report: a `<select required>` shown as
    one line (no `multiple`, no size above 1) must have a placeholder option: its first option, a
    direct child, with an empty value (and, so it is not an empty option, a label or text)."""
    for select in document.iter("select"):
        if select.get("required") is None or select.get("multiple") is not None:
            continue
        if int(select.get("size") or "1") > 1:
            continue
        options = list(select.iter("option"))
        name = select.get("name")
        assert options, f"<select required name={name}> has no option"
        first = options[0]
        assert first in list(select), f"<select required name={name}>: first option is inside an optgroup"
        value = first.get("value")
        value = value if value is not None else (first.text or "")
        assert value == "", f"<select required name={name}>: first option must be an empty placeholder"
        assert first.get("label") or (first.text or "").strip(), f"<select required name={name}>: empty option"


def axe_violations(driver):
    """Runs axe-core on the page open in `driver`; returns the violations as readable lines."""
    with open(os.path.join(os.path.dirname(axe_core_python.__file__), "axe.min.js"), encoding="utf-8") as handle:
        driver.execute_script(handle.read())
    driver.set_script_timeout(60)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
        ".then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' -> ' +"
        " v.nodes.map(n => n.target.join(' ')).join(', '))))"
        ".catch(e => done(['axe failed: ' + e]));", AXE_TAGS)
    return result


def parse_feed(data):
    """The feed parsed by feedparser; fails on anything feedparser calls malformed (bozo)."""
    feed = feedparser.parse(data)
    assert not feed.bozo, f"feedparser: {feed.get('bozo_exception')}"
    return feed
