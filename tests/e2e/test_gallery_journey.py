"""A buyer on a phone finds a work: she opens the gallery, filters by medium and price, searches a
Russian word, opens the work, enlarges its picture with the keyboard and saves it to her
favourites after signing in."""

import re

from django.core.cache import cache

import pytest
from playwright.sync_api import expect

from gallery.models import Favourite, Medium
from tests.factories import OfferFactory, UserFactory
from tests.gallery.gallery_fixtures import gallery_pages_build, work_make
from tests.gallery.portfolio_fixtures import artist_make

pytestmark = pytest.mark.e2e

BUYER = {"email": "buyer@example.org", "password": "Pomegranate-2026"}


@pytest.fixture
def catalogue(transactional_db):
    cache.clear()
    gallery_pages_build()
    embroidery = Medium.objects.get(slug="hand-embroidery")
    silk = Medium.objects.get(slug="ikat-silk")
    artist = artist_make(display_name="Зарина", slug="zarina")
    wanted = work_make(
        artist,
        title="Сюзане с гранатами",
        description="Ручная вышивка шёлком по хлопку.",
        medium=embroidery,
        images=2,
    )
    OfferFactory(artwork=wanted, price_amount=250_000)
    OfferFactory(artwork=work_make(artist, title="Красный атлас", medium=silk), price_amount=40_000)
    OfferFactory(artwork=work_make(artist, title="Golden ikat", medium=silk), price_amount=300_000)
    # Another embroidery, priced under 500 TJS: the price filter leaves it out.
    OfferFactory(artwork=work_make(artist, title="Маленький гранат", medium=embroidery), price_amount=30_000)
    UserFactory(email=BUYER["email"], password=BUYER["password"])
    return wanted


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 360, "height": 780})
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


def test_a_buyer_filters_searches_zooms_and_saves_a_work(phone, catalogue):
    page = phone
    page.goto("/ru/gallery/")
    expect(page.get_by_text("Красный атлас")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    # Filter by medium and price: only the embroidery between 1 500 and 5 000 TJS stays.
    page.select_option("select[name=medium]", "hand-embroidery")
    page.select_option("select[name=price]", "1500-5000")
    page.locator("form.gallery-filters button[type=submit]").first.click()
    expect(page).to_have_url(re.compile(r"medium=hand-embroidery.*price=1500-5000"))
    expect(page.get_by_text("Сюзане с гранатами")).to_be_visible()
    expect(page.get_by_text("Красный атлас")).to_have_count(0)
    expect(page.get_by_text("Маленький гранат")).to_have_count(0)
    # The back button brings back the unfiltered list.
    page.go_back()
    expect(page.get_by_text("Маленький гранат")).to_be_visible()

    # Search a Russian word, with no filter.
    page.goto("/ru/gallery/")
    page.fill("input[name=q]", "вышивка")
    page.press("input[name=q]", "Enter")
    expect(page.get_by_text("Сюзане с гранатами")).to_be_visible()
    expect(page.get_by_text("Golden ikat")).to_have_count(0)

    # Open the work and enlarge its first picture with the keyboard only.
    page.get_by_role("link", name=re.compile("Сюзане с гранатами")).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Сюзане с гранатами")
    enlarge = page.locator(".artwork-enlarge").first
    enlarge.focus()
    page.keyboard.press("Enter")
    dialog = page.locator("dialog.lightbox")
    expect(dialog).to_be_visible()
    page.keyboard.press("ArrowRight")
    expect(dialog.locator(".lightbox-count")).to_have_text("2 / 2")
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    assert page.evaluate("document.activeElement.classList.contains('artwork-enlarge')")

    # Save it: she is asked to sign in, and comes back to the work to save it.
    artwork_url = page.url
    page.locator("a.favourite-signin").click()
    page.fill("input[name=username]", BUYER["email"])
    page.fill("input[name=password]", BUYER["password"])
    page.locator("form.form button[type=submit]").first.click()
    expect(page).to_have_url(artwork_url)
    page.locator("button.favourite-button").click()
    expect(page.locator("button.favourite-button[aria-pressed=true]")).to_be_visible()
    assert Favourite.objects.filter(user__email=BUYER["email"], artwork=catalogue).exists()
