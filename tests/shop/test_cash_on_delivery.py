"""Cash on delivery: the parcel goes first, the courier collects, an editor records the money."""

import pytest

from shop.models import Order
from shop.services import line_ship, order_mark_paid, orders_expire
from tests.factories import OfferFactory, order_place

pytestmark = pytest.mark.django_db

CASH = Order.PaymentMethod.CASH


def test_a_cash_order_holds_the_work_while_the_artist_may_confirm(settings):
    offer = OfferFactory()
    order = order_place((offer, 1), payment_method=CASH)

    assert order.expires_at is not None
    assert orders_expire() == 0
    order.refresh_from_db()
    assert order.status == Order.Status.PENDING_PAYMENT


def test_the_artist_posts_a_cash_order_before_it_is_paid_and_it_ships_when_the_money_is_recorded():
    order = order_place((OfferFactory(), 1), payment_method=CASH)

    line_ship(order.lines.get(), carrier="Tajik Post", tracking_number="RR1TJ")
    order.refresh_from_db()
    assert order.status == Order.Status.PENDING_PAYMENT
    assert order.events.last().note.startswith("posted, cash due on delivery")

    order = order_mark_paid(order, amount=order.total, currency=order.currency, source="editor")
    assert order.status == Order.Status.SHIPPED
    assert order.ledger_entries.count() == 1


def test_the_studio_shows_the_address_of_a_cash_order_to_post(client):
    order = order_place((OfferFactory(), 1), payment_method=CASH, phone="+992 93 000 0000")
    artist = order.lines.get().artist
    client.force_login(artist.user)

    html = client.get(f"/en/studio/shop/orders/{order.pk}/").content.decode()

    assert order.address_line1 in html
    assert "+992 93 000 0000" in html
    assert "ship-form" in html
    assert order.email not in html


def test_a_bank_transfer_order_still_waits_for_the_money_before_posting(client):
    order = order_place((OfferFactory(), 1), payment_method=Order.PaymentMethod.BANK_TRANSFER)
    client.force_login(order.lines.get().artist.user)

    html = client.get(f"/en/studio/shop/orders/{order.pk}/").content.decode()

    assert order.address_line1 not in html
    assert "ship-form" not in html
