"""Her order by its secret link (no account needed) and, signed in, the list of her orders."""

import re

import pytest

from shop.models import Offer, Order
from shop.services import line_ship
from tests.factories import OfferFactory, PrintOfferFactory, UserFactory, order_paid, order_place

pytestmark = pytest.mark.django_db


def page(client, order, query="") -> str:
    response = client.get(f"/en/shop/orders/{order.token}/{query}")
    assert response.status_code == 200
    return response.content.decode()


def test_the_secret_link_shows_the_order_to_a_guest_and_stays_out_of_search(client):
    order = order_place((OfferFactory(artwork__title="Blue mountains"), 1), payment_method="bank_transfer")

    response = client.get(f"/en/shop/orders/{order.token}/")
    html = response.content.decode()

    assert response["X-Robots-Tag"] == "noindex"
    assert '<meta name="robots" content="noindex">' in html
    assert order.number in html
    assert "Blue mountains" in html
    assert "Rudaki Avenue 12, apt 4" in html
    assert "1,550\u00a0TJS" in html
    assert "Waiting for payment" in html
    assert "Amonatbonk" in html
    assert "The works are reserved for you until" in html


def test_a_wrong_token_finds_nothing(client):
    order_place((OfferFactory(), 1))

    assert client.get("/en/shop/orders/not-the-token/").status_code == 404


def test_a_shipped_order_shows_its_history_and_tracking_number(client):
    order = order_paid((OfferFactory(), 1))
    line_ship(order.lines.get(), carrier="Tajik Post", tracking_number="RR123456789TJ")

    html = page(client, Order.objects.get(pk=order.pk))

    assert "RR123456789TJ" in html
    assert "Tajik Post" in html
    timeline = re.search(r'<ol class="order-timeline">(.*?)</ol>', html, re.S).group(1)
    assert re.findall(r"— ([^<]+)</li>", timeline) == ["Waiting for payment", "Paid", "Shipped"]
    assert "Pay now" not in html
    assert "Cancel this order" not in html


def test_the_buyer_cancels_her_unpaid_order_and_the_work_goes_back_on_sale(client):
    offer = OfferFactory()
    order = order_place((offer, 1), payment_method="bank_transfer")
    assert "Cancel this order" in page(client, order)

    response = client.post(f"/en/shop/orders/{order.token}/cancel/")

    order.refresh_from_db()
    assert response.status_code == 303
    assert order.status == Order.Status.CANCELLED
    assert Offer.objects.get(pk=offer.pk).stock == 1
    assert "Your order is cancelled." in client.get(response["Location"]).content.decode()


def test_a_paid_order_cannot_be_cancelled_by_the_buyer(client):
    order = order_paid((OfferFactory(), 1))

    client.post(f"/en/shop/orders/{order.token}/cancel/")

    order.refresh_from_db()
    assert order.status == Order.Status.PAID


def test_the_list_shows_only_her_own_orders(client):
    madina, dilnoza = UserFactory(), UserFactory()
    prints = PrintOfferFactory(stock=10)
    hers = order_place((prints, 1))
    Order.objects.filter(pk=hers.pk).update(user=madina)
    other = order_place((prints, 1))
    Order.objects.filter(pk=other.pk).update(user=dilnoza)
    guest_same_email = order_place((prints, 1), email=madina.email)
    client.force_login(madina)

    html = client.get("/en/shop/orders/").content.decode()

    assert hers.number in html
    assert other.number not in html
    assert guest_same_email.number not in html


def test_the_list_asks_a_guest_to_sign_in(client):
    response = client.get("/en/shop/orders/")

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


def test_a_card_order_paid_at_stripe_meanwhile_is_not_cancelled(client, fake_stripe):
    order = order_place((OfferFactory(), 1), payment_method="card")
    client.post(f"/en/shop/orders/{order.token}/pay/")
    order.refresh_from_db()
    fake_stripe.complete(order.stripe_session_id)  # paid; the webhook has not arrived yet

    response = client.post(f"/en/shop/orders/{order.token}/cancel/")

    # Cancelling asked Stripe first: the payment is booked, the order is not cancelled.
    order.refresh_from_db()
    assert order.status == Order.Status.PAID
    assert "its payment may have just arrived" in client.get(response["Location"]).content.decode()
