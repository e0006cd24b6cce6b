"""Smoke journeys through the public site in a real browser, at phone and desktop widths."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.factories import HERO_HEADINGS

pytestmark = pytest.mark.e2e

LANGUAGES = ("en", "ru", "tg")
PHONE, DESKTOP = 360, 1280

IMAGES_WITHOUT_ALT = "els => els.filter(el => !el.hasAttribute('alt')).map(el => el.outerHTML)"
IMAGES_NOT_LOADED = (
    "els => els.filter(el => !(el.complete && el.naturalWidth > 0)).map(el => el.currentSrc || el.src)"
)


def focused(page: Page, attribute: str) -> str | None:
    return page.evaluate(f"document.activeElement && document.activeElement.getAttribute('{attribute}')")


def language_switcher(page: Page):
    """The navigation holding the language links, whatever its label is translated to."""
    return page.get_by_role("navigation").filter(has=page.locator("a[hreflang]"))


def assert_home_in(page: Page, code: str) -> None:
    expect(page).to_have_url(re.compile(rf"/{code}/$"))
    expect(page.locator("html")).to_have_attribute("lang", code)
    expect(page.get_by_role("heading", level=1, name=HERO_HEADINGS[code])).to_be_visible()


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
@pytest.mark.parametrize("code", LANGUAGES)
def test_home_page_reads_well_in_every_language_on_phone_and_desktop(open_page, code, width):
    visit = open_page(f"/{code}/", width=width)
    page = visit.page

    assert visit.response.status == 200
    assert_home_in(page, code)
    # The stylesheet has loaded: the header has its gold rule, the skip link is off-screen.
    assert page.locator(".site-header").evaluate("el => getComputedStyle(el).borderBottomWidth") == "4px"
    assert page.locator(".skip-link").bounding_box()["x"] < 0
    assert page.eval_on_selector_all("img", IMAGES_WITHOUT_ALT) == []
    assert page.eval_on_selector_all("img", IMAGES_NOT_LOADED) == []
    assert visit.failed_urls == []
    if width == PHONE:
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_skip_link_is_the_first_stop_and_jumps_to_the_main_content(open_page, width):
    page = open_page("/tg/", width=width).page

    page.keyboard.press("Tab")
    assert focused(page, "class") == "skip-link"
    box = page.locator(".skip-link").bounding_box()
    assert box["x"] >= 0
    assert box["y"] >= 0

    page.keyboard.press("Enter")
    expect(page.locator("#main")).to_be_focused()


def test_visitor_switches_language_from_english_to_russian_to_tajik(open_page):
    page = open_page("/en/", width=PHONE).page
    expect(page.get_by_role("navigation", name="Language", exact=True)).to_be_visible()

    language_switcher(page).get_by_role("link", name="Русский", exact=True).click()
    assert_home_in(page, "ru")

    language_switcher(page).get_by_role("link", name="Тоҷикӣ", exact=True).click()
    assert_home_in(page, "tg")
    expect(language_switcher(page).get_by_role("link", name="Тоҷикӣ", exact=True)).to_have_attribute(
        "aria-current", "true"
    )


def test_language_links_are_reachable_and_usable_with_the_keyboard_alone(open_page):
    page = open_page("/en/", width=DESKTOP).page

    stops = []
    for _ in range(30):
        page.keyboard.press("Tab")
        stops.append(focused(page, "hreflang"))
        if stops[-1] == "tg":
            break
    assert [code for code in stops if code] == ["en", "ru", "tg"]

    page.keyboard.press("Shift+Tab")
    assert focused(page, "hreflang") == "ru"
    page.keyboard.press("Enter")
    assert_home_in(page, "ru")
