"""The extension in real headless Chromium, on test pages that mimic each supported site, against
the Second Look service on loopback. Expectations come from the service's own report for the same
draft, so they hold for the real engine as its rules evolve."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.screenshots import screenshot_path

from .conftest import GENERIC_SITE, district_policy
from .sites import HOSTS

FLAGGED = "🎉 So proud of Jake Smith, who failed the spelling test last week and aced it today!"
CLEAN = "Reminder: the book fair starts Monday in the library."
HOLDING = ("warning", "error")
TEXTAREA_SITES = {"www.instagram.com", GENERIC_SITE}


def badge(page):
    return page.locator("secondlook-overlay .badge")


def panel(page):
    return page.locator("secondlook-overlay .panel")


def composer_text(page) -> str:
    return page.eval_on_selector(
        "#composer", "b => b.tagName === 'TEXTAREA' ? b.value : b.innerText.replace(/\\n$/, '')"
    )


def posted(page) -> list[str]:
    return page.locator("#posted li").all_inner_texts()


def write(page, text: str) -> None:
    page.click("#composer")
    page.keyboard.insert_text(text)


def replace_utf16(text: str, span: dict, replacement: str) -> str:
    units = text.encode("utf-16-le")
    return (
        units[: 2 * span["start"]] + replacement.encode("utf-16-le") + units[2 * span["end"] :]
    ).decode("utf-16-le")


def expect_findings(page, count: int) -> None:
    expect(badge(page)).to_have_attribute(
        "aria-label",
        f"Second Look: {count} {'thing' if count == 1 else 'things'} to look at. Open the panel",
    )


def shown_findings(report: dict) -> list[dict]:
    assert report["findings"], (
        f"the service should flag the test draft; engines {report.get('engines')}, unavailable {report.get('unavailable')}"
    )
    return report["findings"]


def save_screenshot(page, name: str) -> None:
    page.screenshot(path=str(screenshot_path(name)))


@pytest.mark.parametrize("host", list(HOSTS))
def test_findings_are_underlined_counted_and_explained(teacher, sl_service, host):
    findings = shown_findings(sl_service.report(FLAGGED))
    page = teacher.open(host)
    write(page, FLAGGED)
    expect_findings(page, len(findings))
    marks = page.locator("secondlook-overlay .mark")
    expect(marks.first).to_be_visible()
    assert marks.count() >= len(findings)
    assert (
        page.locator("#composer secondlook-overlay, #composer .mark").count() == 0
    )  # nothing inside the editor
    assert composer_text(page) == FLAGGED
    badge(page).click()
    expect(panel(page)).to_be_visible()
    items = panel(page).locator("li.finding")
    expect(items).to_have_count(len(findings))
    for finding in findings:
        expect(panel(page).get_by_text(finding["message"]).first).to_be_visible()
    if host == "www.facebook.com":
        save_screenshot(page, "panel-review.png")


def test_underline_sits_on_the_flagged_words(teacher, sl_service):
    report = sl_service.report(FLAGGED)
    first = min(shown_findings(report), key=lambda f: f["span_utf16"]["start"])
    page = teacher.open("www.facebook.com")
    write(page, FLAGGED)
    expect_findings(page, len(report["findings"]))
    words = page.evaluate(
        """([start, end]) => {
          const walker = document.createTreeWalker(document.getElementById('composer'), NodeFilter.SHOW_TEXT);
          const node = walker.nextNode();
          const range = document.createRange();
          range.setStart(node, start); range.setEnd(node, end);
          const r = range.getClientRects()[0];
          return {left: r.left, bottom: r.bottom};
        }""",
        [first["span_utf16"]["start"], first["span_utf16"]["end"]],
    )
    lefts = page.locator("secondlook-overlay .mark").evaluate_all(
        "ms => ms.map(m => m.getBoundingClientRect()).map(r => ({left: r.left, bottom: r.bottom}))"
    )
    assert any(
        abs(m["left"] - words["left"]) < 2 and abs(m["bottom"] - words["bottom"]) < 3 for m in lefts
    )


@pytest.mark.parametrize("host", ["www.facebook.com", "www.instagram.com", "bsky.app"])
def test_apply_replaces_exactly_the_span_after_an_emoji(teacher, sl_service, host):
    report = sl_service.report(FLAGGED)
    fixable = [f for f in shown_findings(report) if f["fix"]]
    assert fixable, "the service should offer a fix for the test draft"
    finding = fixable[0]
    assert FLAGGED.startswith("🎉") and finding["span_utf16"]["start"] > 0
    expected = replace_utf16(FLAGGED, finding["span_utf16"], finding["fix"]["replacement"])
    page = teacher.open(host)
    write(page, FLAGGED)
    expect_findings(page, len(report["findings"]))
    badge(page).click()
    item = panel(page).locator(f"li.finding[data-code='{finding['code']}']").first
    item.get_by_role("button", name="Apply").click()
    composer = expect(page.locator("#composer"))
    if host in TEXTAREA_SITES:
        composer.to_have_value(expected)
    else:
        composer.to_have_text(expected)
    assert composer_text(page) == expected


def test_post_is_held_then_post_anyway_posts(teacher, sl_service):
    findings = shown_findings(sl_service.report(FLAGGED))
    assert any(f["level"] in HOLDING for f in findings), (
        "the test draft should have a warning or an error"
    )
    page = teacher.open("www.facebook.com")
    write(page, FLAGGED)
    expect_findings(page, len(findings))
    page.click("[aria-label='Post']")
    expect(panel(page).get_by_text("Before this goes out")).to_be_visible()
    expect(panel(page).get_by_role("button", name="Edit")).to_be_focused()
    assert posted(page) == []
    save_screenshot(page, "panel-hold.png")
    panel(page).get_by_role("button", name="Post anyway").click()
    expect(page.locator("#posted li")).to_have_text([FLAGGED])
    expect(panel(page)).to_be_hidden()


def test_post_before_the_check_finishes_is_held_until_it_does(teacher, sl_service):
    shown_findings(sl_service.report(FLAGGED))
    page = teacher.open("www.linkedin.com")
    write(page, FLAGGED)
    page.click(".share-actions__primary-action")  # at once: no debounced check has run yet
    expect(panel(page).get_by_text("Before this goes out")).to_be_visible()
    assert posted(page) == []


def test_edit_keeps_the_post_unsent_and_the_keyboard_submit_is_held_too(teacher, sl_service):
    findings = shown_findings(sl_service.report(FLAGGED))
    page = teacher.open("x.com")
    write(page, FLAGGED)
    expect_findings(page, len(findings))
    page.keyboard.press("Control+Enter")
    expect(panel(page).get_by_text("Before this goes out")).to_be_visible()
    panel(page).get_by_role("button", name="Edit").click()
    expect(panel(page)).to_be_hidden()
    expect(page.locator("#composer")).to_be_focused()
    assert posted(page) == []
    page.keyboard.press("Control+Enter")
    panel(page).get_by_role("button", name="Post anyway").click()
    expect(page.locator("#posted li")).to_have_text([FLAGGED])


def test_apply_all_fixes_from_the_hold(teacher, sl_service):
    report = sl_service.report(FLAGGED)
    fixable = sorted(
        (f for f in shown_findings(report) if f["fix"]), key=lambda f: -f["span_utf16"]["start"]
    )
    expected = FLAGGED
    taken: list[dict] = []
    for f in fixable:
        if all(
            f["span_utf16"]["end"] <= t["span_utf16"]["start"]
            or f["span_utf16"]["start"] >= t["span_utf16"]["end"]
            for t in taken
        ):
            expected = replace_utf16(expected, f["span_utf16"], f["fix"]["replacement"])
            taken.append(f)
    page = teacher.open(GENERIC_SITE)
    write(page, FLAGGED)
    expect_findings(page, len(report["findings"]))
    page.click("button.post")
    panel(page).get_by_role("button", name="Apply all fixes").click()
    expect(page.locator("#composer")).to_have_value(expected)
    assert posted(page) == []


def test_clean_draft_posts_at_once(teacher, sl_service):
    assert not [f for f in sl_service.report(CLEAN)["findings"] if f["level"] in HOLDING], (
        "the service should not hold the clean draft"
    )
    page = teacher.open("www.threads.com")
    write(page, CLEAN)
    expect(badge(page)).not_to_have_class("badge checking")
    page.get_by_role("button", name="Post").click()
    expect(page.locator("#posted li")).to_have_text([CLEAN])
    expect(panel(page)).to_be_hidden()


def test_service_down_leaves_posting_working(browser, sites):
    browser.configure(
        serviceUrl="http://127.0.0.1:9", apiKey="sk-anything", enabledSites=["facebook"]
    )
    page = browser.open("www.facebook.com")
    write(page, FLAGGED)
    expect(badge(page)).to_have_attribute(
        "aria-label", "Second Look could not check this draft. Open for details"
    )
    expect(badge(page)).to_contain_text("Not checked")
    badge(page).click()
    expect(panel(page)).to_contain_text("could not reach")
    expect(panel(page)).to_contain_text("Posting works as usual.")
    save_screenshot(page, "panel-unreachable.png")
    page.keyboard.press("Escape")
    expect(panel(page)).to_be_hidden()
    page.click("[aria-label='Post']")
    expect(page.locator("#posted li")).to_have_text([FLAGGED])


def test_wrong_key_is_said_plainly_and_posting_works(browser, sl_service):
    browser.configure(serviceUrl=sl_service.url, apiKey="sk-wrong", enabledSites=["bluesky"])
    page = browser.open("bsky.app")
    write(page, FLAGGED)
    expect(badge(page)).to_contain_text("Not checked")
    badge(page).click()
    expect(panel(page)).to_contain_text("did not accept the API key")
    expect(panel(page).get_by_role("button", name="Open settings")).to_be_visible()
    panel(page).get_by_role("button", name="Close Second Look panel").click()
    page.get_by_role("button", name="Publish post").click()
    expect(page.locator("#posted li")).to_have_text([FLAGGED])


def test_site_not_enabled_is_left_alone(browser, sl_service):
    browser.configure(serviceUrl=sl_service.url, apiKey=sl_service.key, enabledSites=["x"])
    page = browser.open("www.facebook.com")
    write(page, FLAGGED)
    page.wait_for_timeout(1500)
    assert page.locator("secondlook-overlay").count() == 0
    page.click("[aria-label='Post']")
    expect(page.locator("#posted li")).to_have_text([FLAGGED])


def test_no_draft_text_is_stored(teacher, sl_service):
    page = teacher.open("www.facebook.com")
    write(page, FLAGGED)
    expect_findings(page, len(shown_findings(sl_service.report(FLAGGED))))
    page.click("[aria-label='Post']")
    panel(page).get_by_role("button", name="Post anyway").click()
    stored = str(teacher.storage()) + str(
        teacher.worker.evaluate("() => chrome.storage.session.get(null)")
    )
    for fragment in ("Jake", "spelling", "proud"):
        assert fragment not in stored


def test_options_are_saved_and_connection_tested(browser, sl_service):
    page = browser.options()
    page.get_by_label("Service address").fill(sl_service.url)
    page.get_by_label("API key").fill(sl_service.key)
    page.get_by_label("My classroom account").check()
    page.get_by_label("Instagram").uncheck()
    page.get_by_label("Other sites, one address per line").fill(f"https://{GENERIC_SITE}")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#status")).to_have_text("Saved.")
    stored = browser.storage()
    assert stored["serviceUrl"] == sl_service.url and stored["apiKey"] == sl_service.key
    assert stored["account"] == "classroom"
    assert (
        "instagram" not in stored["enabledSites"]
        and f"https://{GENERIC_SITE}" in stored["enabledSites"]
    )
    page.reload()
    expect(page.get_by_label("Service address")).to_have_value(sl_service.url)
    expect(page.get_by_label("My classroom account")).to_be_checked()
    page.get_by_role("button", name="Test connection").click()
    expect(page.locator("#status")).to_contain_text("Connected.")
    page.get_by_label("Service address").fill("http://sl.district.example")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#status")).to_contain_text("https://")
    expect(page.get_by_label("Service address")).to_have_attribute("aria-invalid", "true")


def test_wrong_key_in_test_connection(browser, sl_service):
    page = browser.options()
    page.get_by_label("Service address").fill(sl_service.url)
    page.get_by_label("API key").fill("sk-wrong")
    page.get_by_role("button", name="Test connection").click()
    expect(page.locator("#status")).to_contain_text("did not accept the API key")


def test_district_values_win_and_are_shown_as_set_by_the_district(launch, sl_service):
    managed_browser = launch(managed=district_policy(sl_service))
    managed_browser.configure(
        serviceUrl="https://teacher.example", apiKey="sk-teacher", account="classroom"
    )
    page = managed_browser.options()
    expect(page.locator("#district-note")).to_be_visible()
    expect(page.get_by_label("Service address")).to_have_value(sl_service.url)
    expect(page.get_by_label("Service address")).to_be_disabled()
    expect(page.get_by_label("API key")).to_be_disabled()
    expect(page.get_by_label("Facebook")).to_be_disabled()
    expect(page.get_by_label("Instagram")).not_to_be_checked()
    expect(page.get_by_label("My classroom account")).to_be_enabled()
    expect(page.get_by_label("My classroom account")).to_be_checked()
    expect(page.locator("label[for='serviceUrl'] .managed")).to_have_text("Set by your district")
    save_screenshot(page, "options-managed.png")
    page.get_by_role("button", name="Test connection").click()
    expect(page.locator("#status")).to_contain_text("Connected.")
    assert managed_browser.storage()["serviceUrl"] == "https://teacher.example"  # never overwritten
    site = managed_browser.open("x.com")
    write(site, FLAGGED)
    expect_findings(site, len(shown_findings(sl_service.report(FLAGGED))))


def test_outcome_counts_reach_the_service_when_the_district_enables_them(launch, contract_fake):
    managed_browser = launch(managed=district_policy(contract_fake))
    page = managed_browser.open("www.facebook.com")
    write(page, FLAGGED)
    expect_findings(page, len(shown_findings(contract_fake.report(FLAGGED))))
    page.click("[aria-label='Post']")
    panel(page).get_by_role("button", name="Post anyway").click()
    expect(page.locator("#posted li")).to_have_text([FLAGGED])
    for _ in range(50):  # each finding's outcome may arrive in its own request
        if len(contract_fake.fake.events) >= 2:
            break
        page.wait_for_timeout(100)
    events = contract_fake.fake.events
    assert {e["outcome"] for e in events} == {"posted_anyway"}
    assert all(
        set(e) == {"code", "outcome", "policy_version"} and e["policy_version"] == "fake-1"
        for e in events
    )
    assert sorted(e["code"] for e in events) == ["PARENT003", "PRIV001"]


def test_no_outcome_counts_unless_enabled(teacher, contract_fake):
    teacher.configure(serviceUrl=contract_fake.url, apiKey=contract_fake.key)
    page = teacher.open("www.facebook.com")
    write(page, FLAGGED)
    expect_findings(page, len(shown_findings(contract_fake.report(FLAGGED))))
    page.click("[aria-label='Post']")
    panel(page).get_by_role("button", name="Post anyway").click()
    expect(page.locator("#posted li")).to_have_text([FLAGGED])
    page.wait_for_timeout(1000)
    assert contract_fake.fake.events == []
