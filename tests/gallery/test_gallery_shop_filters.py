"""Buyers narrow the gallery by price and by what can still be bought, and sort by price."""

import re

import pytest

from shop.models import Offer
from tests.factories import OfferFactory, PrintOfferFactory, order_paid, order_place

from .gallery_fixtures import card_titles, gallery_pages_build, work_make
from .portfolio_fixtures import artist_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def gallery():
    return gallery_pages_build()


@pytest.fixture
def works():
    """Five works: cheap print, mid original, dear original, a sold original, one not for sale."""
    artist = artist_make()
    cheap = work_make(artist, title="Cheap print")
    PrintOfferFactory(artwork=cheap, price_amount=30_000)
    mid = work_make(artist, title="Mid original")
    OfferFactory(artwork=mid, price_amount=120_000)
    # A print at 250 TJS beside an original at 9 000: the work is priced "from" the lowest.
    dear = work_make(artist, title="Dear original")
    OfferFactory(artwork=dear, price_amount=900_000)
    sold = work_make(artist, title="Sold original")
    order_paid((OfferFactory(artwork=sold, price_amount=200_000), 1), payment_method="bank_transfer")
    work_make(artist, title="Not offered")
    hidden = work_make(artist, title="Switched off")
    OfferFactory(artwork=hidden, price_amount=100_000, active=False)
    return {"cheap": cheap, "mid": mid, "dear": dear, "sold": sold}


def html_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def option_count(html: str, name: str, value: str) -> int:
    select = re.search(rf'<select id="filter-{name}" name="{name}">(.*?)</select>', html, re.S).group(1)
    return int(re.search(rf'<option value="{value}"[^>]*>[^<]*\((\d+)\)</option>', select).group(1))


def test_price_bands_list_only_works_buyable_in_that_band(client, gallery, works):
    assert sorted(card_titles(html_of(client, "/en/gallery/?price=under-500"))) == ["Cheap print"]
    assert sorted(card_titles(html_of(client, "/en/gallery/?price=500-1500"))) == ["Mid original"]
    assert sorted(card_titles(html_of(client, "/en/gallery/?price=over-5000"))) == ["Dear original"]
    # The sold original's 2 000 TJS is not a price anyone can pay any more.
    assert card_titles(html_of(client, "/en/gallery/?price=1500-5000")) == []


def test_availability_separates_for_sale_sold_and_not_for_sale(client, gallery, works):
    for_sale = card_titles(html_of(client, "/en/gallery/?availability=for-sale"))
    sold = card_titles(html_of(client, "/en/gallery/?availability=sold"))
    not_for_sale = card_titles(html_of(client, "/en/gallery/?availability=not-for-sale"))

    assert sorted(for_sale) == ["Cheap print", "Dear original", "Mid original"]
    assert sold == ["Sold original"]
    assert sorted(not_for_sale) == ["Not offered", "Switched off"]


def test_a_reserved_original_is_no_longer_for_sale(client, gallery, works):
    order_place((works["mid"].offers.get(), 1), payment_method="bank_transfer")

    for_sale = card_titles(html_of(client, "/en/gallery/?availability=for-sale"))

    assert "Mid original" not in for_sale


def test_price_and_availability_counts_follow_the_other_filters(client, gallery, works):
    html = html_of(client, "/en/gallery/?availability=for-sale")

    assert option_count(html, "price", "under-500") == 1
    assert option_count(html, "price", "1500-5000") == 0
    assert option_count(html, "availability", "sold") == 1
    assert option_count(html, "availability", "not-for-sale") == 2

    html = html_of(client, "/en/gallery/?price=under-500")
    assert option_count(html, "availability", "for-sale") == 1
    assert option_count(html, "availability", "sold") == 0


def test_sorting_by_price_puts_unpriced_works_last(client, gallery, works):
    up = card_titles(html_of(client, "/en/gallery/?sort=price"))
    down = card_titles(html_of(client, "/en/gallery/?sort=-price"))

    assert up[:3] == ["Cheap print", "Mid original", "Dear original"]
    assert down[:3] == ["Dear original", "Mid original", "Cheap print"]
    assert set(up[3:]) == set(down[3:]) == {"Sold original", "Not offered", "Switched off"}


def test_cards_show_the_lowest_price_and_sold_works(client, gallery, works):
    PrintOfferFactory(artwork=works["dear"], price_amount=25_000)

    html = html_of(client, "/en/gallery/")

    assert re.search(r"Dear original.*?from 250\xa0TJS", html, re.S)
    assert re.search(r"Sold original.*?card-sold", html, re.S)


def test_an_offer_on_an_unpublished_work_never_shows(client, gallery):
    artist = artist_make()
    draft = work_make(artist, title="Draft on sale", status="draft")
    OfferFactory(artwork=draft)

    assert "Draft on sale" not in html_of(client, "/en/gallery/?availability=for-sale")
    assert Offer.objects.buyable().count() == 0


def test_a_card_seen_before_a_sale_says_sold_after_it(client, gallery):
    work = work_make(artist_make(), title="Last original")
    offer = OfferFactory(artwork=work, price_amount=150_000)

    def card() -> str:
        html = html_of(client, "/en/gallery/")
        start = html.index("Last original")
        return html[start : html.index("</article>", start)]

    assert "from 1,500" in card()
    assert "from 1,500" in card()  # and again, from the kept card

    order_paid((offer, 1), payment_method="bank_transfer")

    assert "Sold" in card()
    assert "from 1,500" not in card()
