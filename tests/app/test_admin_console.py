"""The tuning console in a real headless Chromium: log in with a key, move a threshold, see the
preview change, save, and see the new version and its audit entry."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from app.main import create_app
from app.settings import Settings
from app.storage import keys
from tests.app.console_app import SAMPLE_JSONL, free_port, scripted_service
from tests.browser import CHROMIUM, CHROMIUM_ARGS
from tests.screenshots import screenshot_path

playwright_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"
)


@pytest.fixture
def console(tmp_path: Path) -> Iterator[tuple[str, str]]:
    """The service on a loopback port, and an admin key for its district."""
    app = create_app(
        Settings(database_url=f"sqlite:///{tmp_path / 'console.db'}"), service=scripted_service()
    )
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "the service did not start"
        time.sleep(0.05)
    with app.state.database.session() as session:
        _, token = keys.create_key(session, "default", "admin", "comms-lead")
    try:
        yield f"http://127.0.0.1:{port}", token
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def set_slider(page: playwright_api.Page, selector: str, value: float) -> None:
    page.eval_on_selector(
        selector,
        "(el, v) => { el.value = v; el.dispatchEvent(new Event('input', {bubbles: true}));"
        " el.dispatchEvent(new Event('change', {bubbles: true})); }",
        str(value),
    )


def test_log_in_move_a_threshold_preview_save_and_see_the_audit(
    console: tuple[str, str], playwright: playwright_api.Playwright
) -> None:
    base, token = console
    expect = playwright_api.expect
    p = playwright
    browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    page = browser.new_page(viewport={"width": 1440, "height": 1100})
    page.set_default_timeout(15_000)
    page.goto(f"{base}/admin")

    page.get_by_label("API key").fill(token)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("#current-version")).to_have_text("v1")
    expect(page.locator("#who-text")).to_contain_text("comms-lead (admin)")
    assert page.evaluate("sessionStorage.getItem('secondlook.key')") == token
    expect(page.locator('.rule[data-code="TONE990"]')).to_contain_text("shouting-in-capitals")

    page.locator("#sample").fill(SAMPLE_JSONL)
    page.get_by_role("button", name="Preview").click()
    recall = page.locator('#preview-table tr[data-check="tone"] td').nth(1)
    expect(recall).to_have_text("67% → 67%")
    expect(page.locator("#flips")).to_contain_text("No draft in the sample changes result")

    set_slider(page, "#threshold-TONE990", 0.4)
    expect(page.locator("#out-TONE990")).to_have_text("0.40")
    expect(recall).to_have_text("67% → 100%")
    expect(page.locator("#flips .flip.better")).to_contain_text(
        "I AM SO DONE with this class today"
    )
    expect(page.locator('figure.curve[data-code="TONE990"]')).to_contain_text("t = 0.40")
    expect(page.locator('figure.curve[data-code="TONE990"] circle.chosen')).to_have_count(1)

    page.get_by_label("What changed and why").fill("catch posts half in capitals")
    page.get_by_role("button", name="Save as new version").click()
    expect(page.locator("#save-status")).to_have_text("Saved as v2.")
    expect(page.locator("#current-version")).to_have_text("v2")
    first_audit_row = page.locator("#audit tbody tr").first
    expect(first_audit_row).to_contain_text("rules.TONE990.threshold")
    expect(first_audit_row).to_contain_text("comms-lead")
    expect(first_audit_row).to_contain_text("0.4")

    set_slider(page, "#threshold-TONE990", 0.1)
    precision = page.locator('#preview-table tr[data-check="tone"] td').nth(0)
    expect(precision).to_have_text("100% → 60%")
    expect(page.locator("#flips .flip.worse")).to_have_count(2)
    page.screenshot(path=str(screenshot_path("admin-console.png")), full_page=True)
    browser.close()
