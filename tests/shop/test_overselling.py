"""Twenty buyers press "Buy" on the same original at the same moment: one gets it."""

from django.db import connection
from django.test import Client

import pytest

from shop.models import LedgerEntry, Offer, Order, OrderEvent, WebhookEvent
from shop.payments import gateway_for
from shop.services import SoldOut
from tests import concurrency
from tests.factories import OfferFactory, PrintOfferFactory, order_place

BUYERS = 20

# The test database of SQLite lives in memory with a shared cache, where a second writer gets
# "database table is locked" at once instead of waiting (the busy timeout does not apply), so
# this race can only be run for real on PostgreSQL, the production and CI database.
pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="concurrent checkouts need PostgreSQL (DATABASE_URL)"
)


def at_once(count: int, work) -> tuple[list, list]:
    """`work(i)` from `count` threads at once; a sold-out refusal is a result, not an error."""
    return concurrency.at_once(count, work, expected=(SoldOut,), timeout=120)


@pytest.mark.django_db(transaction=True)
def test_twenty_buyers_one_original(fake_stripe):
    offer = OfferFactory(stock=1)

    results, errors = at_once(BUYERS, lambda i: order_place((offer, 1), email=f"buyer{i}@example.com"))

    assert errors == []
    orders = [r for r in results if isinstance(r, Order)]
    sold_out = [r for r in results if isinstance(r, SoldOut)]
    assert len(orders) == 1
    assert len(sold_out) == BUYERS - 1
    assert {str(e.message) for e in sold_out} == {
        "Sorry, this work has just been sold. It is no longer in your cart."
    }
    offer.refresh_from_db()
    assert offer.stock == 0
    assert Order.objects.count() == 1
    assert not Offer.objects.filter(stock__lt=0).exists()

    # The winner pays; Stripe's event arrives several times at once: one paid order.
    [winner] = orders
    gateway_for(winner).start(winner, success_url="https://x.example/ok", cancel_url="https://x.example/no")
    winner.refresh_from_db()
    event = fake_stripe.complete(winner.stripe_session_id)

    deliveries, errors = at_once(5, lambda i: fake_stripe.deliver(event, client=Client()).status_code)

    assert errors == []
    assert deliveries == [200] * 5
    winner.refresh_from_db()
    assert winner.status == Order.Status.PAID
    assert Order.objects.filter(status=Order.Status.PAID).count() == 1
    assert OrderEvent.objects.filter(order=winner, to_status=Order.Status.PAID).count() == 1
    assert LedgerEntry.objects.filter(order=winner).count() == 1
    assert WebhookEvent.objects.filter(event_id=event.id).count() == 1
    offer.refresh_from_db()
    assert offer.stock == 0


@pytest.mark.django_db(transaction=True)
def test_twenty_buyers_a_few_prints():
    offer = PrintOfferFactory(stock=5)

    results, errors = at_once(BUYERS, lambda i: order_place((offer, 2), email=f"buyer{i}@example.com"))

    assert errors == []
    orders = [r for r in results if isinstance(r, Order)]
    assert len(orders) == 2  # 2 + 2; the last print is too few for anyone asking for two
    offer.refresh_from_db()
    assert offer.stock == 1
