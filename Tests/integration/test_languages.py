"""Readers' languages end to end (#17), in a real headless Chromium against a real `herald serve`
and SMTP server: the Ukrainian reader (browser asking for Ukrainian) and the English reader side by
side — demo page, a bad address answered next to the field, the thank-you page, and the
confirmation mail parsed by Python's `email` package (subject RFC 2047-decoded, Content-Language).
Every page on the way passes html5lib (strict) and axe-core; screenshots go to TEST_OUTPUT_DIR."""

import os
from urllib.parse import quote

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

from conftest import OUTPUT, body_parts, http, link_in
from page_checks import assert_valid_html, axe_violations
from test_browser import page_text_containing

NEWSLETTERS = [
    {"slug": "news", "title": "Morning News", "description": "Every morning"},
    {"slug": "daily", "title": "Дайджест дня", "description": "Щодня", "time_zone": "Europe/Kyiv",
     "language": "uk", "languages": ["uk", "en"]},
]


def chromium(accept_languages):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1200,1000"):
        options.add_argument(argument)
    options.add_argument(f"--lang={accept_languages.split(',')[0]}")
    options.add_experimental_option("prefs", {"intl.accept_languages": accept_languages})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    return driver


@pytest.fixture
def readers():
    drivers = {"uk": chromium("uk,en;q=0.5"), "en": chromium("en-GB,en;q=0.9")}
    yield drivers
    for driver in drivers.values():
        driver.quit()


def shot(driver, name):
    os.makedirs(OUTPUT, exist_ok=True)
    driver.save_screenshot(os.path.join(OUTPUT, f"languages-{name}.png"))


def checked(driver, name):
    """The page open in `driver` has no accessibility violation (axe-core); saved as `name`."""
    assert axe_violations(driver) == [], name
    shot(driver, name)


def html_of(herald, path, language, method="GET", body=None, status=200):
    """The page as the server sends it (the strict parser reads the bytes, not Chromium's DOM)."""
    headers = {"Accept-Language": language, "Content-Type": "application/x-www-form-urlencoded"}
    got, _, page = http(method, herald.base_url + path, body=body, headers=headers)
    assert got == status
    return page.decode()


CASES = {
    # language: (newsletter, bad-address error, thank-you heading, subject, a line of the text part)
    "uk": ("daily", "Схоже, в адресі помилка.", "Дякуємо!", "Підтвердьте підписку на «Дайджест дня»",
           "Посилання діє 48 годин."),
    "en": ("news", "Please, enter correct email address", "Thank you!",
           "Please confirm your subscription to “Morning News”", "The link is valid for 48 hours."),
}
AFTER = {
    # language: (confirm page heading, confirmed page heading, welcome subject, a line of the welcome text)
    "uk": ("Залишився один крок", "Ви підписалися!", "Ласкаво просимо до «Дайджест дня»",
           "Дякуємо за підтвердження! Тепер ви підписані на розсилку «Дайджест дня»."),
    "en": ("One last step", "You're subscribed!", "Welcome to “Morning News”",
           "Thank you for confirming: you are now subscribed to “Morning News”."),
}
MANAGE = {
    # language: (preferences heading, unsubscribe page heading, unsubscribed heading)
    "uk": ("Ваші підписки", "Відписатися від «Дайджест дня»", "Ви відписалися"),
    "en": ("Your subscriptions", "Unsubscribe from “Morning News”", "You're unsubscribed"),
}


@pytest.mark.parametrize("language", ["uk", "en"])
def test_a_reader_signs_up_in_their_language(make_herald, smtp, readers, language):
    newsletter, error, heading, subject, expiry = CASES[language]
    herald = make_herald(newsletters=NEWSLETTERS)
    browser = readers[language]

    browser.get(herald.base_url + "/")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == language
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("dir") == "ltr"
    checked(browser, f"{language}-1-demo")
    assert_valid_html(html_of(herald, "/", language))

    form = browser.find_element(By.ID, f"signup-{newsletter}")
    form.find_element(By.NAME, "email").send_keys("reader@localhost")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    page_text_containing(browser, error)
    field_error = browser.find_element(By.CSS_SELECTOR, ".field-error")
    assert error in field_error.text
    email_input = browser.find_element(By.NAME, "email")
    assert field_error.get_attribute("id") in email_input.get_attribute("aria-describedby")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == language
    checked(browser, f"{language}-2-form-error")
    refused = html_of(herald, "/subscribe", language, "POST", f"email=reader%40localhost&newsletter={newsletter}&language={language}", 422)
    assert_valid_html(refused)
    assert error in refused

    email_input.clear()
    email_input.send_keys(f"reader.{language}@example.org")
    browser.find_element(By.CSS_SELECTOR, "form.signup button[type=submit]").click()
    page_text_containing(browser, heading)
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == language
    checked(browser, f"{language}-3-thank-you")
    thanks = browser.current_url
    assert thanks.endswith(f"lang={language}")
    assert_valid_html(html_of(herald, thanks[len(herald.base_url):], "de"))
    invalid = html_of(herald, "/confirm/not-a-token", language, status=404)
    assert_valid_html(invalid)
    assert f'<html lang="{language}"' in invalid

    mail = smtp.wait_for_messages(1)[0]
    raw = open(mail.path, "rb").read()
    assert mail["Subject"] == subject
    if language == "uk":
        assert b"\nSubject: =?utf-8?b?" in raw.replace(b"\r\n", b"\n")
    assert mail["Content-Language"] == language
    text, html = body_parts(mail)
    assert expiry in text
    assert f'<html lang="{language}" dir="ltr">' in html
    assert not mail.defects
    with herald.db() as db:
        assert db.execute("SELECT count(*) FROM subscriptions WHERE status = 'pending'").fetchone() == (1,)

    confirm_heading, confirmed_heading, welcome_subject, welcome_line = AFTER[language]
    confirm_url = link_in(mail, "/confirm/")
    assert confirm_url.endswith(f"?lang={language}")
    browser.get(confirm_url)
    page_text_containing(browser, confirm_heading)
    checked(browser, f"{language}-4-confirm")
    assert_valid_html(html_of(herald, confirm_url[len(herald.base_url):], "de"))
    browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    page_text_containing(browser, confirmed_heading)
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == language
    checked(browser, f"{language}-5-confirmed")
    welcome = smtp.wait_for_messages(2)[1]
    assert welcome["Subject"] == welcome_subject
    assert welcome["Content-Language"] == language
    assert welcome_line in body_parts(welcome)[0]

    preferences_heading, unsubscribe_heading, unsubscribed_heading = MANAGE[language]
    preferences = link_in(welcome, "/preferences/")
    browser.get(preferences)
    page_text_containing(browser, preferences_heading)
    checked(browser, f"{language}-6-preferences")
    assert_valid_html(html_of(herald, preferences[len(herald.base_url):], language))
    browser.get(link_in(welcome, "/unsubscribe/"))
    page_text_containing(browser, unsubscribe_heading)
    checked(browser, f"{language}-7-unsubscribe")
    browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    page_text_containing(browser, unsubscribed_heading)
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == language
    checked(browser, f"{language}-8-unsubscribed")


def test_hostile_language_fields_and_headers(make_herald, smtp):
    herald = make_herald(newsletters=NEWSLETTERS)
    for hostile in ["de", "uk\r\nBcc: x@example.org", "<script>alert(1)</script>", "'; DROP TABLE subscribers;--",
                    "x" * 5000, "\udcff"]:
        body = "email=a%40example.org&newsletter=daily&language=" + quote(hostile, errors="surrogatepass")
        # Invalid UTF-8 makes the whole form unreadable (400); any other unknown language is a field error.
        page = html_of(herald, "/subscribe", "uk", "POST", body, 400 if hostile == "\udcff" else 422)
        assert "<script>alert(1)</script>" not in page and "Bcc:" not in page
        assert_valid_html(page)
    for header in ["", "*", "uk;q=abc", "x" * 6000, ",".join(["de"] * 2000), "en;q=0, uk;q=0"]:
        page = html_of(herald, "/", header)
        assert_valid_html(page)
    assert smtp.messages() == []


# A right-to-left pseudo catalog made here for the test (not shipped): Arabic script for a few
# messages, English for the rest, to see that the layout turns around and stays usable.
PSEUDO_RTL = """
msgid "index.get_newsletters"
msgstr "نشراتنا الإخبارية"

msgid "index.headline"
msgstr "مجلس المدينة يوافق على حديقة جديدة على ضفة النهر"

msgid "form.email"
msgstr "البريد الإلكتروني"

msgid "form.name"
msgstr "الاسم"

msgid "form.subscribe"
msgstr "اشترك"

msgid "form.error.email_invalid"
msgstr "يرجى إدخال عنوان بريد إلكتروني صحيح"
"""


def test_a_right_to_left_language_turns_the_page_around(make_herald, smtp, readers, workdir):
    folder = os.path.join(workdir, "rtl-templates")
    os.makedirs(os.path.join(folder, "locales"))
    with open(os.path.join(folder, "locales", "ar.po"), "w", encoding="utf-8") as handle:
        handle.write(PSEUDO_RTL)
    herald = make_herald(templates=folder, newsletters=[
        {"slug": "news", "title": "Morning News", "description": "Every morning", "language": "ar"}])
    browser = readers["en"]
    browser.get(herald.base_url + "/")
    html = browser.find_element(By.TAG_NAME, "html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == ("ar", "rtl")
    page_text_containing(browser, "نشراتنا الإخبارية")
    assert "By the newsroom" in browser.find_element(By.TAG_NAME, "body").text  # English for what ar.po lacks
    checked(browser, "rtl-1-demo")
    # Nothing sticks out to the side (a box moved off screen to the left would, in right to left).
    assert browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")
    assert_valid_html(html_of(herald, "/", "ar"))
    form = browser.find_element(By.ID, "signup-news")
    form.find_element(By.NAME, "email").send_keys("reader@localhost")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    page_text_containing(browser, "يرجى إدخال عنوان بريد إلكتروني صحيح")
    checked(browser, "rtl-2-form-error")
    assert browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")
    log = open(herald.log_path, encoding="utf-8").read()
    assert "ar.po lacks" in log


def test_a_ukrainian_reader_switches_to_english_on_the_preferences_page(make_herald, smtp, readers):
    """A Ukrainian signup stores `uk`; choosing English on the preferences page (in Chromium)
    stores `en`, the page answers in English, and the next mail (already subscribed) is English."""
    herald = make_herald(newsletters=NEWSLETTERS)
    browser = readers["uk"]
    browser.get(herald.base_url + "/")
    form = browser.find_element(By.ID, "signup-daily")
    form.find_element(By.NAME, "email").send_keys("olena@example.org")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    page_text_containing(browser, "Дякуємо!")
    with herald.db() as db:
        assert db.execute("SELECT language FROM subscribers").fetchall() == [("uk",)]
    browser.get(link_in(smtp.wait_for_messages(1)[0], "/confirm/"))
    browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    page_text_containing(browser, "Ви підписалися!")
    welcome = smtp.wait_for_messages(2)[1]
    assert welcome["Content-Language"] == "uk"

    browser.get(link_in(welcome, "/preferences/"))
    page_text_containing(browser, "Ваші підписки")
    select = browser.find_element(By.ID, "preferences-language")
    assert browser.find_element(By.CSS_SELECTOR, "label[for=preferences-language]").text == "Мова наших листів і сторінок"
    names = [option.text for option in select.find_elements(By.TAG_NAME, "option")]
    assert names == ["Українська", "English"]
    checked(browser, "uk-9-preferences-language")
    select.find_element(By.CSS_SELECTOR, "option[value=en]").click()
    browser.find_element(By.CSS_SELECTOR, "button[value=save]").click()
    page_text_containing(browser, "Your preferences have been saved.")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    checked(browser, "en-10-preferences-saved")
    with herald.db() as db:
        assert db.execute("SELECT language FROM subscribers").fetchall() == [("en",)]
        assert db.execute(
            "SELECT source FROM consent_events WHERE action = 'preference_change'").fetchall() == [
            ("preferences page: language en",)]

    status, _, _ = http("POST", herald.base_url + "/subscribe",
                        body="email=olena%40example.org&newsletter=daily&language=uk",
                        headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 303
    already = smtp.wait_for_messages(3)[2]
    assert already["Subject"] == "You are already subscribed to “Дайджест дня”"
    assert already["Content-Language"] == "en"
    assert not already.defects
    with herald.db() as db:
        assert db.execute("SELECT language FROM subscribers").fetchall() == [("en",)]
