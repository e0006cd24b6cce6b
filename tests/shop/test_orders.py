"""Order services: prices from the server, stock taken atomically, the allowed moves, expiry."""

from datetime import timedelta

from django.utils import timezone

import pytest

from shop.models import Offer, Order, OrderEvent, PaymentAttempt
from shop.payments import gateway_for
from shop.services import (
    CheckoutError,
    SoldOut,
    TransitionNotAllowed,
    order_cancel,
    order_create,
    order_mark_paid,
    order_transition,
    orders_expire,
)
from tests.factories import OfferFactory, PrintOfferFactory, buyer_details, order_paid, order_place

pytestmark = pytest.mark.django_db

S = Order.Status


def test_totals_come_from_offer_prices_only():
    original = OfferFactory(price_amount=150000)
    prints = PrintOfferFactory(price_amount=25000, stock=10)
    # Only ids and quantities reach the service; a price typed into the basket has no way in.
    order = order_create([(original.pk, 1), (str(prints.pk), "3")], buyer_details())

    fee = original.shipping_profile.fee_tj
    assert order.subtotal == 150000 + 3 * 25000
    assert order.shipping_fee == 2 * fee
    assert order.total == order.subtotal + order.shipping_fee
    assert [(line.unit_price, line.quantity, line.line_total) for line in order.lines.all()] == [
        (150000, 1, 150000),
        (25000, 3, 75000),
    ]


def test_price_change_after_ordering_does_not_change_the_order():
    offer = PrintOfferFactory(price_amount=25000)
    order = order_place((offer, 2))
    Offer.objects.filter(pk=offer.pk).update(price_amount=1)
    order.refresh_from_db()
    assert order.subtotal == 50000
    assert order.lines.get().unit_price == 25000


def test_shipping_depends_on_the_destination():
    offer = OfferFactory()
    tj = order_place((offer, 1))
    order_cancel(tj)
    world = order_place((offer, 1), country="DE")
    assert world.shipping_fee == offer.shipping_profile.fee_world > tj.shipping_fee


def test_quantity_over_stock_takes_nothing_from_any_offer():
    first = PrintOfferFactory(stock=5)
    short = PrintOfferFactory(stock=2)
    with pytest.raises(SoldOut) as caught:
        order_place((first, 1), (short, 3))
    assert caught.value.offer == short
    assert "no longer" in str(caught.value.message)
    first.refresh_from_db()
    short.refresh_from_db()
    assert (first.stock, short.stock) == (5, 2)
    assert not Order.objects.exists()


def test_stock_is_taken_on_order_and_a_sold_original_is_refused():
    offer = OfferFactory(stock=1)
    order_place((offer, 1))
    offer.refresh_from_db()
    assert offer.stock == 0
    with pytest.raises(SoldOut):
        order_place((offer, 1))
    assert Order.objects.count() == 1


def test_an_original_is_always_quantity_one():
    offer = OfferFactory(stock=1)
    order = order_place((offer, 5))  # a quantity asked for an original is not taken as such
    assert order.lines.get().quantity == 1
    assert order.subtotal == offer.price_amount
    offer.refresh_from_db()
    assert offer.stock == 0


def test_same_offer_twice_in_a_basket_counts_together():
    offer = PrintOfferFactory(stock=3)
    with pytest.raises(SoldOut):
        order_create([(offer.pk, 2), (offer.pk, 2)], buyer_details())
    offer.refresh_from_db()
    assert offer.stock == 3


def test_cash_on_delivery_outside_tajikistan_is_refused():
    offer = OfferFactory()
    with pytest.raises(CheckoutError) as caught:
        order_place((offer, 1), payment_method=Order.PaymentMethod.CASH, country="DE")
    assert "only within Tajikistan" in str(caught.value.message)
    offer.refresh_from_db()
    assert offer.stock == 1
    assert order_place((offer, 1), payment_method=Order.PaymentMethod.CASH).payment_method == "cash"


def test_terms_not_accepted_is_refused():
    offer = OfferFactory()
    with pytest.raises(CheckoutError):
        order_place((offer, 1), terms_accepted=False)
    offer.refresh_from_db()
    assert offer.stock == 1
    assert not Order.objects.exists()


def test_unknown_payment_method_is_refused():
    with pytest.raises(CheckoutError):
        order_place((OfferFactory(), 1), payment_method="bitcoin")


def test_empty_basket_is_refused():
    with pytest.raises(CheckoutError):
        order_create([], buyer_details())


def test_inactive_offer_is_sold_out():
    offer = OfferFactory(active=False)
    with pytest.raises(SoldOut):
        order_place((offer, 1))


@pytest.mark.parametrize(
    ("path", "refused"),
    [
        ([S.CANCELLED], S.PAID),
        ([S.PAID, S.DELIVERED], S.SHIPPED),
        ([S.PAID, S.SHIPPED], S.PAID),
        ([S.PAID, S.REFUNDED], S.SHIPPED),
        ([], S.SHIPPED),
        ([], S.DELIVERED),
        ([], S.REFUNDED),
        ([S.PAID], S.CANCELLED),
        ([S.PAID], S.PENDING_PAYMENT),
    ],
)
def test_disallowed_transitions_raise(path, refused):
    order = order_place((OfferFactory(), 1))
    for status in path:
        order_transition(order, to=status, source="test")
    events = OrderEvent.objects.filter(order=order).count()
    with pytest.raises(TransitionNotAllowed):
        order_transition(order, to=refused, source="test")
    order.refresh_from_db()
    assert order.status == (path[-1] if path else S.PENDING_PAYMENT)
    assert OrderEvent.objects.filter(order=order).count() == events


def test_every_transition_writes_an_event():
    order = order_place((OfferFactory(), 1))
    order_transition(order, to=S.PAID, source="editor", note="paid at the bank")
    order_transition(order, to=S.SHIPPED, source="artist")
    order_transition(order, to=S.DELIVERED, source="editor")
    moves = list(OrderEvent.objects.filter(order=order).values_list("from_status", "to_status", "source"))
    assert moves == [
        ("", S.PENDING_PAYMENT, "checkout"),
        (S.PENDING_PAYMENT, S.PAID, "editor"),
        (S.PAID, S.SHIPPED, "artist"),
        (S.SHIPPED, S.DELIVERED, "editor"),
    ]
    order.refresh_from_db()
    assert order.paid_at and order.shipped_at and order.delivered_at
    assert order.expires_at is None


def test_mark_paid_twice_has_one_effect():
    order = order_paid((OfferFactory(), 1))
    again = order_mark_paid(order, amount=order.total, currency=order.currency, source="test")
    assert again.status == S.PAID
    assert OrderEvent.objects.filter(order=order, to_status=S.PAID).count() == 1


def test_cancel_gives_the_stock_back():
    offer = PrintOfferFactory(stock=4)
    order = order_place((offer, 3))
    order_cancel(order, source="buyer")
    offer.refresh_from_db()
    assert offer.stock == 4
    with pytest.raises(TransitionNotAllowed):
        order_cancel(order)
    offer.refresh_from_db()
    assert offer.stock == 4


def test_expired_manual_order_gives_the_stock_back():
    offer = OfferFactory()
    order = order_place((offer, 1), payment_method=Order.PaymentMethod.BANK_TRANSFER)
    Order.objects.filter(pk=order.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    fresh = order_place((PrintOfferFactory(stock=2), 1), payment_method=Order.PaymentMethod.BANK_TRANSFER)

    assert orders_expire() == 1

    order.refresh_from_db()
    offer.refresh_from_db()
    assert order.status == S.CANCELLED
    assert offer.stock == 1
    fresh.refresh_from_db()
    assert fresh.status == S.PENDING_PAYMENT
    assert OrderEvent.objects.get(order=order, to_status=S.CANCELLED).source == "expiry"
    assert orders_expire() == 0


def test_expired_card_order_expires_its_session_at_stripe(fake_stripe):
    offer = OfferFactory()
    order = order_place((offer, 1))
    gateway_for(order).start(order, success_url="https://x.example/ok", cancel_url="https://x.example/no")
    order.refresh_from_db()

    assert orders_expire(now=timezone.now() + timedelta(minutes=31)) == 1

    assert fake_stripe.requests_to("POST", f"/v1/checkout/sessions/{order.stripe_session_id}/expire")
    assert fake_stripe.sessions[order.stripe_session_id]["status"] == "expired"
    order.refresh_from_db()
    offer.refresh_from_db()
    assert order.status == S.CANCELLED
    assert offer.stock == 1


def test_card_order_paid_at_stripe_is_not_cancelled_by_the_sweep(fake_stripe):
    offer = OfferFactory()
    order = order_place((offer, 1))
    gateway_for(order).start(order, success_url="https://x.example/ok", cancel_url="https://x.example/no")
    order.refresh_from_db()
    fake_stripe.complete(order.stripe_session_id)  # paid; the webhook is on its way

    assert orders_expire(now=timezone.now() + timedelta(minutes=31)) == 0

    # The sweep asked Stripe before cancelling, found the payment and booked it.
    order.refresh_from_db()
    offer.refresh_from_db()
    assert order.status == S.PAID
    assert offer.stock == 0


def test_card_order_is_kept_when_stripe_cannot_be_asked(settings):
    settings.STRIPE_API_BASE = "http://127.0.0.1:9"
    order = order_place((OfferFactory(), 1))
    Order.objects.filter(pk=order.pk).update(stripe_session_id="cs_test_unknown")
    PaymentAttempt.objects.create(
        order=order,
        gateway="stripe",
        provider_id="cs_test_unknown",
        idempotency_key="k-unknown",
        amount=order.total,
        currency=order.currency,
        state=PaymentAttempt.State.OPEN,
    )
    assert orders_expire(now=timezone.now() + timedelta(minutes=31)) == 0
    order.refresh_from_db()
    assert order.status == S.PENDING_PAYMENT
