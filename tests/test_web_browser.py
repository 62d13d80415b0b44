"""The web app as a person uses it: a real ``compliance serve`` process and the system's
headless Chromium (through its chromedriver, nothing downloaded). Open the page, upload
a sample, wait for the report, check the counts shown equal the report JSON's, keep a
screenshot (build/test-artifacts/). Skips with the reason without Chromium/chromedriver."""

from __future__ import annotations

import json
import os
import shutil
import urllib.request
from pathlib import Path

import pytest

from conftest import EXAMPLES, REPO
from web_server import running

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
ARTIFACTS = Path(os.environ.get("COMPLIANCE_TEST_ARTIFACTS", REPO / "build" / "test-artifacts"))

pytestmark = [
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="headless Chromium not installed (apt-get install chromium)"),
    pytest.mark.skipif(not Path(DRIVER).exists(),
                       reason="chromedriver not installed (apt-get install chromium-driver; .ci/run does)"),
]
webdriver = pytest.importorskip("selenium.webdriver")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """``compliance serve`` in its own process group (ended with its workers afterwards)."""
    with running(tmp_path_factory.mktemp("serve")) as url:
        yield url


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from selenium.webdriver.chrome.service import Service

    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must not look for a driver online
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1280,1600", f"--user-data-dir={tmp_path_factory.mktemp('profile')}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=DRIVER), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


def wait_for(driver, css: str, seconds: float = 180):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, seconds).until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, css)))


def test_upload_a_sample_and_see_its_report(server, browser):
    from selenium.webdriver.common.by import By

    sample = EXAMPLES / "perbup-sukamaju-2016-egov.pdf"
    browser.get(server + "/")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "id"
    browser.find_element(By.ID, "file").send_keys(str(sample))
    assert sample.name in browser.find_element(By.ID, "chosen").text  # the script lists the chosen file
    browser.find_element(By.CSS_SELECTOR, "#upload button[type=submit]").click()
    result = wait_for(browser, "#result[data-state=done]")
    shown = {e.get_attribute("data-status"): int(e.get_attribute("data-count"))
             for e in result.find_elements(By.CSS_SELECTOR, "[data-count]")}
    score = result.find_element(By.CSS_SELECTOR, "[data-score]").get_attribute("data-score")
    json_link = result.find_element(By.CSS_SELECTOR, "a[data-format=json]").get_attribute("href")
    report = json.loads(urllib.request.urlopen(json_link, timeout=30).read())
    assert shown == report["summary"]["counts"]
    assert score == str(report["summary"]["score"])
    browser.switch_to.frame(browser.find_element(By.CSS_SELECTOR, "iframe.report"))
    framed = {e.get_attribute("data-status"): int(e.get_attribute("data-count"))
              for e in browser.find_elements(By.CSS_SELECTOR, ".counts [data-status][data-count]")}
    assert framed == report["summary"]["counts"]  # the full report in the page says the same
    browser.switch_to.default_content()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / "web-report.png"
    assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 20_000
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []


def test_pages_of_the_app_open_without_errors(server, browser):
    from selenium.webdriver.common.by import By

    for path, css in (("/katalog", "#catalog tr[data-requirement]"), ("/perbandingan", "h1"),
                      ("/riwayat", "h1"), ("/?lang=en", "#upload")):
        browser.get(server + path)
        wait_for(browser, css, 30)
    assert browser.find_element(By.CSS_SELECTOR, "#upload button").text == "Check"
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
