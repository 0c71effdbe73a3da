"""The signup form in a real headless Chromium (Debian's chromium + chromium-driver, via Selenium)."""

import os

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import OUTPUT, link_in, wait_for


@pytest.fixture
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1200,1000"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def screenshot(driver, name):
    os.makedirs(OUTPUT, exist_ok=True)
    driver.save_screenshot(os.path.join(OUTPUT, f"browser-{name}.png"))


def page_text_containing(driver, text):
    """Waits until the page (after a navigation) shows `text`, and returns the page's text."""
    def current(d):
        try:
            body = d.find_element(By.TAG_NAME, "body").text
        except WebDriverException as error:
            # The old page's body went away between the lookup and the read: Chromium reports it as
            # a stale element or, when the navigation lands in between, as an inspector error ("Node
            # with given id does not belong to the document"). Look again on the next poll.
            if isinstance(error, StaleElementReferenceException) or "does not belong to the document" in str(error):
                return False
            raise
        return body if text in body else False
    return WebDriverWait(driver, 15, ignored_exceptions=(StaleElementReferenceException,)).until(current)


def first_form(driver):
    return driver.find_elements(By.CSS_SELECTOR, "form[action$='/subscribe']")[0]


def test_signup_in_a_real_browser(herald, smtp, browser):
    browser.get(herald.base_url + "/")
    screenshot(browser, "1-index")
    form = first_form(browser)
    form.find_element(By.CSS_SELECTOR, "input[name=email]").send_keys("browser.reader@example.org")
    form.find_element(By.CSS_SELECTOR, "button[type=submit], input[type=submit]").click()
    page_text_containing(browser, "We've sent you a confirmation email.")
    screenshot(browser, "2-thank-you")

    browser.get(herald.base_url + "/")
    form = first_form(browser)
    form.find_element(By.CSS_SELECTOR, "input[name=email]").send_keys("jane@gmial")
    form.find_element(By.CSS_SELECTOR, "button[type=submit], input[type=submit]").click()
    body = page_text_containing(browser, "Please, enter correct email address")
    assert "jane@gmail.com" in body
    assert browser.find_element(By.CSS_SELECTOR, "input[name=email]").get_attribute("value") == "jane@gmial"
    screenshot(browser, "3-form-error")

    confirm_url = link_in(smtp.wait_for_messages(1)[0], "/confirm/")
    browser.get(confirm_url)
    screenshot(browser, "4-confirm")
    with herald.db() as db:
        assert db.execute("SELECT status FROM subscriptions").fetchall() == [("pending",)]
    browser.find_element(By.CSS_SELECTOR, "form button, form input[type=submit]").click()
    wait_for(lambda: status_of(herald) == "confirmed", what="confirmation")
    screenshot(browser, "5-confirmed")

    welcome = smtp.wait_for_messages(2)[1]
    browser.get(link_in(welcome, "/preferences/"))
    screenshot(browser, "6-preferences")
    browser.get(link_in(welcome, "/unsubscribe/"))
    screenshot(browser, "7-unsubscribe")
    browser.find_element(By.CSS_SELECTOR, "form button, form input[type=submit]").click()
    wait_for(lambda: status_of(herald) == "unsubscribed", what="unsubscribe")
    screenshot(browser, "8-unsubscribed")


def status_of(herald):
    with herald.db() as db:
        return db.execute("SELECT status FROM subscriptions").fetchone()[0]
