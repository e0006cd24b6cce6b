"""The cart: guests and signed-in buyers fill it, it follows a guest into her account, and it
never holds what can no longer be bought."""

from django.contrib.auth.models import AnonymousUser
from django.template import RequestContext, Template
from django.test import RequestFactory

import pytest

from gallery.models import Artwork
from shop.models import Cart, CartItem
from tests.factories import OfferFactory, PrintOfferFactory, UserFactory

pytestmark = pytest.mark.django_db

CART = "/en/shop/cart/"


def add(client, offer, quantity=None):
    data = {"offer": offer.pk}
    if quantity is not None:
        data["quantity"] = quantity
    return client.post("/en/shop/cart/add/", data)


def quantities(cart: Cart | None) -> dict[int, int]:
    return dict(cart.items.values_list("offer_id", "quantity")) if cart else {}


def guest_cart(client) -> Cart | None:
    return Cart.objects.filter(pk=client.session.get("shop_cart_id")).first()


def test_a_guest_adds_an_original_and_sees_it_with_image_artist_and_price(client):
    offer = OfferFactory(artwork__title="Pomegranate garden", artwork__artist__display_name="Zarina")

    response = add(client, offer)
    assert response.status_code == 302
    assert response["Location"] == CART
    html = client.get(CART).content.decode()

    assert "Pomegranate garden" in html
    assert "Zarina" in html
    assert "1,500\u00a0TJS" in html
    assert 'alt="Red suzani embroidery with a band of gold thread"' in html
    assert "Cart (1)" in html
    assert quantities(guest_cart(client)) == {offer.pk: 1}


def test_an_original_is_always_one_however_often_or_many_she_adds(client):
    offer = OfferFactory()

    add(client, offer, quantity=5)
    add(client, offer)
    cart = guest_cart(client)
    client.post("/en/shop/cart/update/", {"offer": offer.pk, "quantity": 4})

    assert quantities(cart) == {offer.pk: 1}


def test_a_guest_changes_how_many_prints_within_the_stock_and_removes_them(client):
    prints = PrintOfferFactory(stock=6)

    add(client, prints, quantity=2)
    cart = guest_cart(client)
    assert quantities(cart) == {prints.pk: 2}

    client.post("/en/shop/cart/update/", {"offer": prints.pk, "quantity": 4})
    assert quantities(cart) == {prints.pk: 4}

    client.post("/en/shop/cart/update/", {"offer": prints.pk, "quantity": 50})
    assert quantities(cart) == {prints.pk: 6}

    client.post("/en/shop/cart/remove/", {"offer": prints.pk})
    assert quantities(cart) == {}
    assert "Your cart is empty." in client.get(CART).content.decode()


def test_a_quantity_of_zero_takes_the_prints_out(client):
    prints = PrintOfferFactory()
    add(client, prints, quantity=3)

    client.post("/en/shop/cart/update/", {"offer": prints.pk, "quantity": 0})

    assert quantities(guest_cart(client)) == {}


def test_a_signed_in_buyer_fills_the_cart_of_her_account(client):
    buyer = UserFactory()
    client.force_login(buyer)
    original, prints = OfferFactory(), PrintOfferFactory()

    add(client, original)
    add(client, prints, quantity=3)
    client.post("/en/shop/cart/update/", {"offer": prints.pk, "quantity": 2})
    client.post("/en/shop/cart/remove/", {"offer": original.pk})

    assert quantities(Cart.objects.get(user=buyer)) == {prints.pk: 2}
    assert "Cart (2)" in client.get(CART).content.decode()


def test_a_guests_cart_follows_her_when_she_signs_in(client):
    buyer = UserFactory(email="madina@example.org")
    mine_before = PrintOfferFactory()
    Cart.objects.create(user=buyer).items.create(offer=mine_before, quantity=1)
    original = OfferFactory()
    add(client, original)

    response = client.post(
        "/en/accounts/login/", {"username": "madina@example.org", "password": "password", "next": CART}
    )

    assert response.status_code == 302
    assert quantities(Cart.objects.get(user=buyer)) == {mine_before.pk: 1, original.pk: 1}
    assert Cart.objects.filter(user=None).count() == 0
    assert "Cart (2)" in client.get(CART).content.decode()


def test_a_work_sold_meanwhile_leaves_the_cart_with_a_clear_message(client):
    sold, kept = OfferFactory(artwork__title="Blue mountains"), PrintOfferFactory()
    add(client, sold)
    add(client, kept)
    sold.stock = 0
    sold.save()

    html = client.get(CART).content.decode()

    assert "Sorry, “Blue mountains” has just been sold and is no longer in your cart." in html
    assert quantities(guest_cart(client)) == {kept.pk: 1}


def test_a_sold_or_hidden_work_cannot_be_added(client):
    sold = OfferFactory(stock=0)
    draft = OfferFactory(artwork__status=Artwork.Status.DRAFT)

    add(client, sold)
    add(client, draft)

    assert not CartItem.objects.exists()


def test_the_shipping_fee_appears_once_she_chooses_the_country(client):
    add(client, OfferFactory())  # rolled textile: 50 / 400 / 700 TJS

    without = client.get(CART).content.decode()
    tajikistan = client.get(CART, {"country": "TJ"}).content.decode()
    germany = client.get(CART, {"country": "DE"}).content.decode()
    remembered = client.get(CART).content.decode()

    assert "Choose the country above to see it." in without
    assert "1,550\u00a0TJS" in tajikistan
    assert "Shipping (Rest of the world)" in germany
    assert "2,200\u00a0TJS" in germany
    assert "2,200\u00a0TJS" in remembered


def test_the_header_counts_the_cart_in_at_most_one_query(client, django_assert_max_num_queries):
    add(client, PrintOfferFactory(), quantity=3)
    request = RequestFactory().get("/en/")
    request.user = AnonymousUser()
    request.session = client.session
    assert request.session.get("shop_cart_id")  # loaded, as every request loads it

    with django_assert_max_num_queries(1):
        assert Template("{{ cart_count }}").render(RequestContext(request)) == "3"


def test_a_visitor_without_a_cart_costs_the_header_no_query(client, django_assert_max_num_queries):
    request = RequestFactory().get("/en/")
    request.user = AnonymousUser()
    request.session = client.session

    with django_assert_max_num_queries(0):
        assert Template("{{ cart_count }}").render(RequestContext(request)) == "0"
