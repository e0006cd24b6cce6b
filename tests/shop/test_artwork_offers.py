"""A work's page says what of it is for sale, at what price, and lets a buyer ask the artist."""

import pytest

from shop.models import Offer
from tests.factories import OfferFactory, PrintOfferFactory, UserFactory, order_paid, order_place
from tests.gallery.gallery_fixtures import gallery_pages_build, warm_queries, work_make
from tests.gallery.portfolio_fixtures import artist_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def gallery():
    return gallery_pages_build()


@pytest.fixture
def zarina(db):
    return artist_make(display_name="Zarina Karimova", slug="zarina")


def page_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def offers_section(html: str) -> str:
    start = html.index('class="artwork-offers"')
    return html[start : html.index("</section>", html.index('id="ask-artist-heading"'))]


def test_the_original_and_prints_show_price_edition_and_shipping(client, gallery, zarina):
    work = work_make(zarina, slug="garden")
    OfferFactory(artwork=work, price_amount=150000, price_usd_amount=14000)
    PrintOfferFactory(artwork=work, edition_size=30, stock=12, price_amount=25000)

    html = offers_section(page_of(client, "/en/gallery/zarina/garden/"))

    assert "Original" in html
    assert "1,500\u00a0TJS" in html
    assert "($140)" in html
    assert "Edition of 30, 12 left" in html
    assert "250\u00a0TJS" in html
    assert html.count('action="/en/shop/cart/add/"') == 2
    assert "Shipping: Rolled textile or unframed work" in html
    assert "50\u00a0TJS" in html  # the profile's fee within Tajikistan
    assert "Not for sale" not in html


def test_a_sold_original_says_sold_and_cannot_be_added(client, gallery, zarina):
    work = work_make(zarina, slug="sold")
    offer = OfferFactory(artwork=work)
    order_paid((offer, 1))

    html = offers_section(page_of(client, "/en/gallery/zarina/sold/"))

    assert "Sold" in html
    assert "Reserved" not in html
    assert "/shop/cart/add/" not in html


def test_an_original_held_by_an_unpaid_order_says_reserved(client, gallery, zarina):
    work = work_make(zarina, slug="held")
    offer = OfferFactory(artwork=work)
    order_place((offer, 1), payment_method="bank_transfer")

    html = offers_section(page_of(client, "/en/gallery/zarina/held/"))

    assert "Reserved" in html
    assert "/shop/cart/add/" not in html


def test_a_work_without_offers_is_not_for_sale(client, gallery, zarina):
    work = work_make(zarina, slug="kept")
    OfferFactory(artwork=work, active=False)

    html = offers_section(page_of(client, "/en/gallery/zarina/kept/"))

    assert "Not for sale" in html
    assert "/shop/cart/add/" not in html
    assert "Ask the artist" in html


def test_the_ask_form_is_prefilled_for_a_signed_in_buyer(client, gallery, zarina):
    work_make(zarina, slug="ask")
    buyer = UserFactory(email="dilnoza@example.org", first_name="Dilnoza", last_name="Rahimova")
    client.force_login(buyer)

    html = offers_section(page_of(client, "/en/gallery/zarina/ask/"))

    assert 'value="dilnoza@example.org"' in html
    assert 'value="Dilnoza Rahimova"' in html


def test_the_artist_email_is_never_on_the_page(client, gallery):
    artist = artist_make(display_name="Nigora", slug="nigora", user=UserFactory(email="nigora@example.org"))
    work = work_make(artist, slug="private")
    OfferFactory(artwork=work)

    assert "nigora@example.org" not in page_of(client, "/en/gallery/nigora/private/")


def test_offers_add_a_fixed_number_of_queries(client, gallery, zarina):
    work = work_make(zarina, slug="count")
    OfferFactory(artwork=work)
    one = warm_queries(client, "/en/gallery/zarina/count/")
    for index in range(5):
        print_offer = PrintOfferFactory(artwork=work)
        order_place((print_offer, 1), payment_method="bank_transfer", email=f"buyer{index}@example.com")

    assert warm_queries(client, "/en/gallery/zarina/count/") == one
    assert Offer.objects.filter(artwork=work).count() == 6
