"""Anonymous visitors are served public pages from the cache, and never a stale one: a sold
original never shows as for sale, an unpublished page is gone at once, and nothing of one
visitor (her session, cart, messages, CSRF token) reaches another."""

import re

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

import pytest

from cms.models import NavigationSettings
from gallery.models import Artwork
from heritage.models import SiteSettings
from shop.services.orders import order_cancel
from tests.factories import OfferFactory, UserFactory, order_place
from tests.gallery.gallery_fixtures import gallery_pages_build, work_make
from tests.gallery.portfolio_fixtures import artist_make

pytestmark = pytest.mark.django_db

WORK_URL = "/en/gallery/zarina/garden/"
ADD_TO_CART = 'action="/en/shop/cart/add/"'
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


@pytest.fixture
def gallery():
    return gallery_pages_build()


@pytest.fixture
def work(gallery):
    zarina = artist_make(display_name="Zarina Karimova", slug="zarina")
    work = work_make(zarina, slug="garden", title="Garden")
    OfferFactory(artwork=work)
    return work


def visit(client, url: str = WORK_URL):
    response = client.get(url)
    assert response.status_code == 200
    return response


def test_the_second_anonymous_visitor_gets_the_page_without_a_query(work):
    first = visit(Client())
    assert first["X-Page-Cache"] == "miss"

    with CaptureQueriesContext(connection) as queries:
        second = visit(Client())

    assert second["X-Page-Cache"] == "hit"
    assert len(queries) == 0
    assert "Garden" in second.content.decode()
    assert ADD_TO_CART in second.content.decode()


def test_a_sold_original_never_shows_as_for_sale(work):
    assert ADD_TO_CART in visit(Client()).content.decode()
    assert visit(Client())["X-Page-Cache"] == "hit"

    order = order_place((work.offers.get(), 1), payment_method="bank_transfer")

    html = visit(Client()).content.decode()
    assert "Reserved" in html
    assert ADD_TO_CART not in html

    order_cancel(order, source="test")

    html = visit(Client()).content.decode()
    assert ADD_TO_CART in html
    assert "Reserved" not in html


def test_a_work_taken_offline_disappears_at_once(work):
    visit(Client())
    visit(Client(), "/en/gallery/")
    assert "Garden" in visit(Client(), "/en/gallery/").content.decode()

    work.status = Artwork.Status.ARCHIVED
    work.save()

    assert Client().get(WORK_URL).status_code == 404
    assert "Garden" not in visit(Client(), "/en/gallery/").content.decode()


def test_an_unpublished_page_is_gone_and_a_retitled_one_shows_its_new_title(gallery):
    page = gallery["en"]
    visit(Client(), "/en/gallery/")
    assert visit(Client(), "/en/gallery/")["X-Page-Cache"] == "hit"

    page.title = "Our collection"
    page.save_revision().publish()
    assert "Our collection" in visit(Client(), "/en/gallery/").content.decode()

    page.unpublish()
    assert Client().get("/en/gallery/").status_code == 404


def test_settings_saved_in_the_admin_show_at_once(gallery):
    visit(Client(), "/en/gallery/")
    site_settings = SiteSettings.load()
    site_settings.contact_email = "new-address@example.org"
    site_settings.save()
    navigation = NavigationSettings.load()
    navigation.footer_text_en = "Open on Saturdays"
    navigation.save()

    html = visit(Client(), "/en/gallery/").content.decode()

    assert "new-address@example.org" in html
    assert "Open on Saturdays" in html


def test_a_signed_in_visitor_is_never_served_nor_stored(work):
    buyer = UserFactory(first_name="Malika")
    signed_in = Client()
    signed_in.force_login(buyer)

    mine = signed_in.get(WORK_URL)
    assert "X-Page-Cache" not in mine
    assert "Sign out" in mine.content.decode()

    anonymous = visit(Client())
    assert "Sign out" not in anonymous.content.decode()
    assert "Sign out" in signed_in.get(WORK_URL).content.decode()


def test_a_visitor_with_a_cart_sees_her_own_count(work):
    visit(Client())
    shopper = Client()
    page = visit(shopper).content.decode()
    token = TOKEN.search(page).group(1)
    added = shopper.post("/en/shop/cart/add/", {"offer": work.offers.get().pk, "csrfmiddlewaretoken": token})
    assert added.status_code == 302

    assert "Cart (1)" in shopper.get(WORK_URL).content.decode()
    assert "Cart (0)" in visit(Client()).content.decode()


def test_each_visitor_gets_her_own_working_csrf_token(work):
    first = Client(enforce_csrf_checks=True)
    first_token = TOKEN.search(visit(first).content.decode()).group(1)

    second = Client(enforce_csrf_checks=True)
    served = visit(second)
    assert served["X-Page-Cache"] == "hit"
    second_token = TOKEN.search(served.content.decode()).group(1)

    assert second_token != first_token
    assert "csrftoken" in served.cookies
    form = {"offer": work.offers.get().pk, "csrfmiddlewaretoken": second_token}
    added = second.post("/en/shop/cart/add/", form)
    assert added.status_code == 302
    assert "Cart (1)" in second.get(WORK_URL).content.decode()


def test_a_visitor_with_a_message_waiting_is_not_served_from_the_cache(work):
    visit(Client())
    visitor = Client()
    visitor.cookies["messages"] = "pending"

    assert "X-Page-Cache" not in visit(visitor)


def test_an_address_with_a_long_query_string_is_served_but_not_kept(gallery):
    url = "/en/gallery/?q=" + "suzani+" * 60

    assert "X-Page-Cache" not in visit(Client(), url)
    assert "X-Page-Cache" not in visit(Client(), url)


def test_forms_posted_and_other_views_are_never_stored(work):
    visit(Client(), "/en/shop/cart/")
    assert "X-Page-Cache" not in visit(Client(), "/en/shop/cart/")
    assert "X-Page-Cache" not in Client().post(WORK_URL)
