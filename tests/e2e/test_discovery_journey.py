"""A returning buyer in Chromium at 360 px, by keyboard only: she searches the gallery in
Russian, saves the search, finds it on her saved searches page and deletes it; then opens a
digest's unsubscribe link and stops the emails with its one button."""

from django.conf import settings
from django.core.cache import cache

import pytest

from gallery.models import DigestOptOut, SavedSearch
from gallery.services_discovery import unsubscribe_url
from tests.factories import UserFactory
from tests.gallery.gallery_fixtures import gallery_pages_build, work_make
from tests.gallery.portfolio_fixtures import artist_make

pytestmark = pytest.mark.e2e

FITS = "document.documentElement.scrollWidth <= window.innerWidth"


@pytest.fixture
def phone(browser, live_server, client, transactional_db):
    """A 360 px browser context, signed in as Madina (Russian) when `signed_in`."""
    cache.clear()
    gallery_pages_build()
    buyer = UserFactory(email="madina@example.org", language="ru")
    client.force_login(buyer)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    host = live_server.url.split("//")[1].split(":")[0]
    contexts = []

    def open_(path, *, signed_in=True):
        context = browser.new_context(viewport={"width": 360, "height": 740}, base_url=live_server.url)
        contexts.append(context)
        context.set_default_timeout(15_000)
        if signed_in:
            context.add_cookies(
                [{"name": settings.SESSION_COOKIE_NAME, "value": session, "domain": host, "path": "/"}]
            )
        page = context.new_page()
        page.goto(path)
        return page

    open_.buyer = buyer
    yield open_
    for context in contexts:
        context.close()


def press_until_focused(page, selector: str, *, limit: int = 80) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement && document.activeElement.matches({selector!r})"):
            return
    raise AssertionError(f"{selector} never got the keyboard focus")


def test_she_saves_a_search_and_deletes_it_by_keyboard_at_360_px(phone):
    work_make(artist_make(display_name="Нигора"), title="Apricot blossom")
    page = phone("/ru/gallery/?q=apricot")
    assert page.evaluate(FITS)

    press_until_focused(page, ".save-search button")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert SavedSearch.objects.filter(user=phone.buyer, query="q=apricot").exists()

    page.goto("/ru/saved/searches/")
    assert page.evaluate(FITS)
    assert page.locator(".saved-search-link").inner_text() == "“apricot”"
    press_until_focused(page, ".saved-search button")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert not SavedSearch.objects.exists()


def test_the_unsubscribe_page_has_one_button_reached_by_keyboard(phone):
    page = phone(unsubscribe_url(user=phone.buyer).removeprefix("http://testserver"), signed_in=False)
    assert page.evaluate(FITS)
    assert page.url.split("/")[3] == "ru"
    assert page.locator("main button, .unsubscribe-page button").count() == 1
    assert not DigestOptOut.objects.exists()  # opening the link stops nothing

    press_until_focused(page, ".unsubscribe-page button")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert DigestOptOut.objects.filter(user=phone.buyer).exists()
