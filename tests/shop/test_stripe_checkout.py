"""Stripe Checkout sessions: what the shop sends to Stripe, retries, expiry and refunds."""

import time

import pytest

from shop.models import Order, PaymentAttempt, Refund
from shop.payments import PaymentError, gateway_for
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
    attempt = PaymentAttempt.objects.get(order=order)
    assert params["metadata"] == {
        "order_id": str(order.pk),
        "order_number": order.number,
        "attempt_id": str(attempt.pk),
    }
    assert params["success_url"] == SUCCESS
    assert session["idempotency_key"] == attempt.idempotency_key
    assert (attempt.provider_id, attempt.state, attempt.amount) == (session["id"], "open", order.total)


def test_session_expires_with_the_reservation_but_not_sooner_than_stripe_allows(fake_stripe):
    order = order_place((OfferFactory(), 1))
    start(order)
    order.refresh_from_db()
    expires_at = int(fake_stripe.sessions[order.stripe_session_id]["params"]["expires_at"])
    # The reservation is 30 minutes from the order; Stripe wants at least 30 from the session.
    assert expires_at >= time.time() + 30 * 60
    assert expires_at <= time.time() + 35 * 60


def test_a_session_made_when_its_answer_was_lost_is_found_and_reused(fake_stripe):
    order = order_place((OfferFactory(), 1))
    fake_stripe.drop("checkout/sessions", after=True)  # Stripe makes it; the answer is lost
    with pytest.raises(PaymentError):
        start(order)
    attempt = PaymentAttempt.objects.get(order=order)
    assert attempt.state == PaymentAttempt.State.UNKNOWN
    assert len(fake_stripe.sessions) == 1

    again = start(order)

    assert len(fake_stripe.sessions) == 1
    [session] = fake_stripe.sessions.values()
    assert again.redirect_url == session["url"]
    attempt.refresh_from_db()
    assert (attempt.state, attempt.provider_id) == (PaymentAttempt.State.OPEN, session["id"])


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
    assert "did not answer in time" in str(caught.value)
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

    row = Refund.objects.create(
        order=order, amount=5000, currency=order.currency, idempotency_key=f"order-{order.pk}-refund-x"
    )
    refund_id = gateway_for(order).refund(row)

    refund = fake_stripe.refunds[refund_id]
    assert (refund["payment_intent"], refund["amount"]) == (intent, 5000)
    post = fake_stripe.requests_to("POST", "/v1/refunds")[0]
    assert post["headers"]["idempotency-key"] == row.idempotency_key
    assert refund["metadata"] == {"key": row.idempotency_key}
    # The same refund sent again is not made twice.
    assert gateway_for(order).refund(row) == refund_id
    assert len(fake_stripe.refunds) == 1


def test_refund_without_a_card_payment_is_refused(fake_stripe):
    order = order_place((OfferFactory(), 1))
    row = Refund.objects.create(order=order, amount=100, currency=order.currency, idempotency_key="k")
    with pytest.raises(PaymentError):
        gateway_for(order).refund(row)
    assert fake_stripe.refunds == {}
