"""End-to-end fixtures: real headless Chromium with the unpacked extension, the test sites and
the Second Look service, all on loopback. Each test gets a fresh browser profile."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="Python Playwright is needed for the extension e2e tests"
)

from tests.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

from .fake_service import FakeService  # noqa: E402
from .service import FAKE_KEY, Service, start_service  # noqa: E402
from .sites import SiteServer, resolver_rules  # noqa: E402

EXTENSION = Path(__file__).resolve().parents[2] / "browser-extension"
SHIPPED = [
    "manifest.json",
    "managed_schema.json",
    "background",
    "content",
    "shared",
    "options",
    "icons",
]
GENERIC_SITE = "lms.district.test"
TIMEOUT_MS = 15_000

# What the teacher grants at setup through the options page's permission prompt, which a
# headless browser cannot click: access to the service and to the enabled generic site.
GRANTED_AT_SETUP = ["http://127.0.0.1/*", f"*://{GENERIC_SITE}/*"]

# Chromium reads managed storage only from machine-wide enterprise policy. The tests do not touch
# the machine: they swap the one module that reads chrome.storage.managed for a stub returning
# these values, and check everything downstream of it (merge, options page, worker).
MANAGED_MODULE = "export async function readManaged() {{\n  return {values};\n}}\n"

if not CHROMIUM.exists():
    pytest.skip("Debian's chromium is needed: apt-get install -y chromium", allow_module_level=True)


@pytest.fixture(scope="session")
def sl_service():
    with start_service() as service:
        yield service


@pytest.fixture(scope="session")
def sites():
    with SiteServer() as server:
        yield server


def _unpacked(target: Path, managed: dict | None) -> Path:
    target.mkdir()
    for entry in SHIPPED:
        source = EXTENSION / entry
        if source.is_dir():
            shutil.copytree(source, target / entry)
        else:
            shutil.copy(source, target / entry)
    manifest = json.loads((target / "manifest.json").read_text())
    manifest["host_permissions"] = [*manifest["host_permissions"], *GRANTED_AT_SETUP]
    (target / "manifest.json").write_text(json.dumps(manifest, indent=2))
    if managed is not None:
        (target / "shared" / "managed.js").write_text(
            MANAGED_MODULE.format(values=json.dumps(managed))
        )
    return target


class Browser:
    """A headless Chromium profile with Second Look loaded."""

    def __init__(self, context, sites: SiteServer) -> None:
        self.context = context
        self.sites = sites
        self.worker = (
            context.service_workers[0]
            if context.service_workers
            else context.wait_for_event("serviceworker", timeout=TIMEOUT_MS)
        )
        self.extension_id = self.worker.url.split("/")[2]

    def configure(self, **values) -> None:
        self.worker.evaluate("values => chrome.storage.local.set(values)", values)

    def storage(self) -> dict:
        return self.worker.evaluate("() => chrome.storage.local.get(null)")

    def wait_for_site_scripts(self) -> None:
        for _ in range(100):
            if self.worker.evaluate(
                "async () => (await chrome.scripting.getRegisteredContentScripts()).length"
            ):
                return
            time.sleep(0.1)
        raise AssertionError("the enabled-site content script was never registered")

    def open(self, host: str):
        page = self.context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        page.goto(self.sites.url(host))
        return page

    def options(self):
        page = self.context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        page.goto(f"chrome-extension://{self.extension_id}/options/options.html")
        return page


def _launch(playwright, directory: Path, sites: SiteServer, managed: dict | None) -> Browser:
    directory.mkdir()
    extension = _unpacked(directory / "extension", managed)
    context = playwright.chromium.launch_persistent_context(
        str(directory / "profile"),
        headless=True,
        executable_path=str(CHROMIUM),
        ignore_https_errors=True,
        viewport={"width": 1100, "height": 820},
        args=[
            f"--disable-extensions-except={extension}",
            f"--load-extension={extension}",
            f"--host-resolver-rules={resolver_rules()}",
            *CHROMIUM_ARGS,
        ],
    )
    context.set_default_timeout(TIMEOUT_MS)
    return Browser(context, sites)


@pytest.fixture
def launch(playwright, tmp_path, sites):
    """Start a browser with Second Look; `managed` stands in for the district's policy values."""
    opened: list[Browser] = []

    def _open(managed: dict | None = None) -> Browser:
        opened.append(_launch(playwright, tmp_path / f"browser-{len(opened)}", sites, managed))
        return opened[-1]

    yield _open
    for b in opened:
        b.context.close()


@pytest.fixture
def browser(launch):
    return launch()


@pytest.fixture
def contract_fake():
    """The contract fake, for what only it can show (the outcome events it received)."""
    with FakeService(FAKE_KEY) as fake:
        yield Service(fake.url, FAKE_KEY, fake)


def district_policy(service) -> dict:
    return {
        "serviceUrl": service.url,
        "apiKey": service.key,
        "enabledSites": ["facebook", "x"],
        "sendOutcomeCounts": True,
    }


@pytest.fixture
def teacher(browser, sl_service):
    """A browser set up the way a teacher leaves it after the options page."""
    browser.configure(
        serviceUrl=sl_service.url,
        apiKey=sl_service.key,
        account="classroom",
        enabledSites=[
            "facebook",
            "x",
            "instagram",
            "linkedin",
            "threads",
            "bluesky",
            f"https://{GENERIC_SITE}",
        ],
    )
    browser.wait_for_site_scripts()
    return browser
