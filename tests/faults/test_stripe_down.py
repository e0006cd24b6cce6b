"""Stripe down, failing or slow at checkout: the buyer is told clearly, her order stays
pending (she can pay again from its page), and the works go back on sale when the
reservation ends, whether or not Stripe answers by then."""

import time
from datetime import timedelta

import pytest

from shop.models import Offer, Order
from shop.services import orders_expire
from tests.factories import OfferFactory
from tests.shop.checkout import cart_with, checkout_data

pytestmark = pytest.mark.django_db

CANNOT_REACH = "did not answer in time"


def card_checkout(client):
    """She puts an original in her cart and checks out by card; returns (response, order, offer)."""
    offer = OfferFactory()
    cart_with(client, (offer, 1))
    response = client.post("/en/shop/checkout/", checkout_data(payment_method="card"))
    return response, Order.objects.get(), offer


def assert_told_and_kept(client, response, order, offer):
    assert response.status_code == 303
    assert response["Location"] == f"/en/shop/orders/{order.token}/"
    page = client.get(response["Location"]).content.decode()
    assert CANNOT_REACH in page
    assert f'action="/en/shop/orders/{order.token}/pay/"' in page
    order.refresh_from_db()
    assert order.status == Order.Status.PENDING_PAYMENT
    assert Offer.objects.get(pk=offer.pk).stock == 0  # still held for her


def test_stripe_unreachable_keeps_the_order_and_expiry_gives_the_work_back(client, settings):
    settings.STRIPE_API_BASE = "http://127.0.0.1:9"  # nothing listens there: connection refused

    response, order, offer = card_checkout(client)

    # Whether Stripe made a session is unknown, and it cannot be asked: she is told, the
    # order and its work are kept, and no second payment is offered until Stripe answers.
    assert response.status_code == 303
    page = client.get(response["Location"]).content.decode()
    assert CANNOT_REACH in page
    assert "being confirmed" in page
    order.refresh_from_db()
    assert order.status == Order.Status.PENDING_PAYMENT
    assert order.stripe_session_id == ""
    assert Offer.objects.get(pk=offer.pk).stock == 0
    # The reservation ends while Stripe is still unreachable: kept until it can be asked.
    assert orders_expire(now=order.expires_at + timedelta(minutes=1)) == 0
    order.refresh_from_db()
    assert order.status == Order.Status.PENDING_PAYMENT


def test_stripe_server_errors_keep_the_order_pending(client, fake_stripe):
    fake_stripe.fail("checkout/sessions", "An unknown error occurred", status=500)

    response, order, offer = card_checkout(client)

    assert_told_and_kept(client, response, order, offer)
    assert fake_stripe.sessions == {}


def test_a_slow_stripe_times_out_quickly_and_her_retry_pays(client, fake_stripe, settings):
    settings.STRIPE_TIMEOUT = (1, 0.5)
    fake_stripe.slow("checkout/sessions", 1.5)

    began = time.monotonic()
    response, order, offer = card_checkout(client)
    waited = time.monotonic() - began

    assert waited < 10  # two short attempts (about 2 s), not the 80 s of stripe-python's default
    assert_told_and_kept(client, response, order, offer)
    assert order.stripe_session_id == ""

    fake_stripe.delays.clear()
    retry = client.post(f"/en/shop/orders/{order.token}/pay/")

    order.refresh_from_db()
    assert order.stripe_session_id in fake_stripe.sessions
    assert retry.status_code == 303
    assert retry["Location"] == fake_stripe.session(order.stripe_session_id)["url"]
    assert fake_stripe.session(order.stripe_session_id)["status"] == "open"


def test_stripe_down_when_the_reservation_ends_waits_for_the_next_sweep(client, fake_stripe):
    """The session cannot be closed, so the buyer might still be paying: the order is kept
    until Stripe answers, then cancelled and the work put back on sale."""
    response, order, offer = card_checkout(client)
    order.refresh_from_db()
    assert response["Location"] == fake_stripe.session(order.stripe_session_id)["url"]
    later = order.expires_at + timedelta(minutes=1)

    fake_stripe.fail("checkout/sessions/expire", "An unknown error occurred", status=500)
    assert orders_expire(now=later) == 0
    order.refresh_from_db()
    assert order.status == Order.Status.PENDING_PAYMENT
    assert Offer.objects.get(pk=offer.pk).stock == 0

    fake_stripe.failures.clear()
    assert orders_expire(now=later) == 1
    order.refresh_from_db()
    assert order.status == Order.Status.CANCELLED
    assert Offer.objects.get(pk=offer.pk).stock == 1
    assert fake_stripe.session(order.stripe_session_id)["status"] == "expired"
