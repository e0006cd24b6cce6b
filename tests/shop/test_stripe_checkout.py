"""Stripe Checkout sessions: what the shop sends to Stripe, retries, expiry and refunds."""

import time

import pytest

from shop.models import Order
from shop.payments import PaymentError, gateway_for
from shop.payments.stripe import api
from shop.payments.stripe.gateway import StripeGateway
from tests.factories import OfferFactory, PrintOfferFactory, order_place

pytestmark = pytest.mark.django_db

SUCCESS = "https://heritage.example/en/shop/thanks/?session={CHECKOUT_SESSION_ID}"
CANCEL = "https://heritage.example/en/shop/cart/"


def start(order):
    return gateway_for(order).start(order, success_url=SUCCESS, cancel_url=CANCEL)


def test_card_orders_use_the_stripe_gateway():
    order = order_place((OfferFactory(), 1))
    assert isinstance(gateway_for(order), StripeGateway)


def test_session_has_server_prices_shipping_and_the_order_reference(fake_stripe):
    original = OfferFactory(price_amount=150000)
    prints = PrintOfferFactory(price_amount=25000, stock=5)
    order = order_place((original, 1), (prints, 3))

    result = start(order)

    order.refresh_from_db()
    session = fake_stripe.sessions[order.stripe_session_id]
    assert result.redirect_url == session["url"] == f"{fake_stripe.base_url}/pay/{session['id']}"
    params = session["params"]
    items = params["line_items"]
    assert [(int(i["price_data"]["unit_amount"]), int(i["quantity"])) for i in items] == [
        (150000, 1),
        (25000, 3),
        (order.shipping_fee, 1),
    ]
    assert {i["price_data"]["currency"] for i in items} == {"tjs"}
    assert session["amount_total"] == order.total == 150000 + 75000 + order.shipping_fee
    assert params["mode"] == "payment"
    assert params["customer_email"] == "buyer@example.com"
    assert params["client_reference_id"] == order.number
    assert params["metadata"] == {"order_id": str(order.pk), "order_number": order.number}
    assert params["success_url"] == SUCCESS
    assert session["idempotency_key"] == f"order-{order.pk}-checkout-{params['expires_at']}"


def test_session_expires_with_the_reservation_but_not_sooner_than_stripe_allows(fake_stripe):
    order = order_place((OfferFactory(), 1))
    start(order)
    order.refresh_from_db()
    expires_at = int(fake_stripe.sessions[order.stripe_session_id]["params"]["expires_at"])
    # The reservation is 30 minutes from the order; Stripe wants at least 30 from the session.
    assert expires_at >= time.time() + 30 * 60
    assert expires_at <= time.time() + 35 * 60


def test_retry_with_the_same_key_gives_the_same_session(fake_stripe):
    order = order_place((OfferFactory(), 1))
    first = api.checkout_session_create(order, success_url=SUCCESS, cancel_url=CANCEL)
    again = api.checkout_session_create(order, success_url=SUCCESS, cancel_url=CANCEL)

    assert first.id == again.id
    assert len(fake_stripe.sessions) == 1
    posts = fake_stripe.requests_to("POST", "/v1/checkout/sessions")
    assert len(posts) == 2
    keys = {r["headers"]["idempotency-key"] for r in posts}
    assert keys == {f"order-{order.pk}-checkout-{first.expires_at}"}


def test_starting_again_reuses_the_open_session(fake_stripe):
    order = order_place((OfferFactory(), 1))
    first = start(order)
    order.refresh_from_db()
    second = start(order)
    assert first.redirect_url == second.redirect_url
    assert len(fake_stripe.sessions) == 1


def test_a_paid_order_cannot_be_started_again(fake_stripe):
    order = order_place((OfferFactory(), 1))
    Order.objects.filter(pk=order.pk).update(status=Order.Status.PAID)
    order.refresh_from_db()
    with pytest.raises(PaymentError):
        start(order)
    assert fake_stripe.sessions == {}


def test_stripe_unreachable_is_a_payment_error(settings):
    settings.STRIPE_API_BASE = "http://127.0.0.1:9"
    order = order_place((OfferFactory(), 1))
    with pytest.raises(PaymentError) as caught:
        start(order)
    assert "could not be reached" in str(caught.value)
    order.refresh_from_db()
    assert order.stripe_session_id == ""


def test_stripe_refusal_is_a_payment_error(fake_stripe):
    fake_stripe.fail("checkout/sessions", "Currency tjs is not supported.")
    order = order_place((OfferFactory(), 1))
    with pytest.raises(PaymentError) as caught:
        start(order)
    assert "Currency tjs is not supported." in str(caught.value)


def test_cancel_expires_an_open_session(fake_stripe):
    order = order_place((OfferFactory(), 1))
    start(order)
    order.refresh_from_db()
    assert gateway_for(order).cancel(order) is True
    assert fake_stripe.sessions[order.stripe_session_id]["status"] == "expired"
    assert fake_stripe.requests_to("POST", f"/v1/checkout/sessions/{order.stripe_session_id}/expire")


def test_cancel_says_no_when_the_buyer_paid_meanwhile(fake_stripe):
    order = order_place((OfferFactory(), 1))
    start(order)
    order.refresh_from_db()
    fake_stripe.complete(order.stripe_session_id)
    assert gateway_for(order).cancel(order) is False
    assert fake_stripe.sessions[order.stripe_session_id]["status"] == "complete"


def test_cancel_without_a_session_needs_no_call(fake_stripe):
    order = order_place((OfferFactory(), 1))
    assert gateway_for(order).cancel(order) is True
    assert fake_stripe.requests == []


def test_refund_goes_to_the_payment_intent_with_a_key(fake_stripe):
    order = order_place((OfferFactory(), 1))
    start(order)
    order.refresh_from_db()
    fake_stripe.complete(order.stripe_session_id)
    intent = fake_stripe.sessions[order.stripe_session_id]["payment_intent"]
    Order.objects.filter(pk=order.pk).update(stripe_payment_intent=intent)
    order.refresh_from_db()

    refund_id = gateway_for(order).refund(order, 5000)

    refund = fake_stripe.refunds[refund_id]
    assert (refund["payment_intent"], refund["amount"]) == (intent, 5000)
    post = fake_stripe.requests_to("POST", "/v1/refunds")[0]
    assert post["headers"]["idempotency-key"] == f"order-{order.pk}-refund-0-5000"
    # The same refund retried (nothing booked meanwhile) is not made twice.
    assert gateway_for(order).refund(order, 5000) == refund_id
    assert len(fake_stripe.refunds) == 1


def test_refund_without_a_card_payment_is_refused(fake_stripe):
    order = order_place((OfferFactory(), 1))
    with pytest.raises(PaymentError):
        gateway_for(order).refund(order, 100)
    assert fake_stripe.refunds == {}
