"""Browser journeys: one headless Chromium per test session, a fresh context per test.

Chromium comes from Debian (`apt-get install -y chromium`), not from Playwright's download.
pytest-django's `live_server` serves the site, its static files (through staticfiles'
finders, so no collectstatic is needed) and the test's media folder.
"""

import os
from dataclasses import dataclass, field
from pathlib import Path

from django.core.cache import cache

import pytest
from playwright.sync_api import Page, Response, sync_playwright

from tests.factories import build_site
from tests.fakes.stripe_server import fake_stripe  # noqa: F401 - the shop journey pays on it

# Playwright's sync API keeps an event loop running in the test thread, so Django would
# otherwise refuse the ORM calls that set up each test's data.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
TIMEOUT_MS = 10_000


@dataclass
class Visit:
    """A page opened in its own browser context, with what the server answered."""

    page: Page
    response: Response | None
    failed_urls: list[str] = field(default_factory=list)


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless. Missing Chromium is a failure, never a skip."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: install it with `apt-get install -y chromium` "
            "(Playwright's own browser download does not work on this machine).",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    """Journeys see the site as visitors do in production: anonymous pages from the cache,
    which each publish, sale and registration in the journey must renew."""
    settings.PAGE_CACHE_SECONDS = 300


@pytest.fixture
def new_context(browser, live_server):
    """`new_context(width)`: a fresh browser context (its own cookies) on the live server,
    `width` CSS pixels wide, and its first page; all closed after the test."""
    contexts = []

    def make(width, *, height=780):
        context = browser.new_context(base_url=live_server.url, viewport={"width": width, "height": height})
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def site_pages(transactional_db):
    """The three-language site with a hero picture, built afresh for every test."""
    # The live server shares this process's cache, which may still hold the previous
    # test's site root paths.
    cache.clear()
    return build_site(hero_image=True)


@pytest.fixture
def open_page(browser, live_server, site_pages):
    """`open_page(path, width=…)`: a new browser context at that width, on that page.

    Returns a `Visit`; the URL of every later response with a status of 400 or more lands
    in its `failed_urls`, so tests can check that styles, scripts and images all load.
    """
    contexts = []

    def open_(path: str, *, width: int = 1280, height: int = 800):
        context = browser.new_context(
            base_url=live_server.url,
            viewport={"width": width, "height": height},
            locale="en-GB",
        )
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        failed_urls: list[str] = []

        def record_failure(response: Response) -> None:
            if response.status >= 400:
                failed_urls.append(f"{response.status} {response.url}")

        page.on("response", record_failure)
        return Visit(page=page, response=page.goto(path), failed_urls=failed_urls)

    yield open_
    for context in contexts:
        context.close()
