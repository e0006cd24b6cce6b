"""Stripe's webhooks: signatures, one effect per event, and what each event type does."""

import json
import time

from django.core import mail
from django.urls import reverse

import pytest

from shop.models import LedgerEntry, Offer, Order, OrderEvent, WebhookEvent
from shop.payments import gateway_for
from shop.services import order_refund
from tests.factories import OfferFactory, PrintOfferFactory, order_place

pytestmark = pytest.mark.django_db

URL = "/webhooks/stripe/"


@pytest.fixture
def checkout(fake_stripe):
    """A card order for one original with its open Checkout session at the fake Stripe."""
    offer = OfferFactory()
    order = order_place((offer, 1))
    gateway_for(order).start(order, success_url="https://x.example/ok", cancel_url="https://x.example/no")
    order.refresh_from_db()
    return order


def paid_events(order):
    return OrderEvent.objects.filter(order=order, to_status=Order.Status.PAID).exclude(
        from_status=Order.Status.PAID
    )


def test_the_endpoint_is_outside_the_language_prefixes():
    assert reverse("shop_webhooks:stripe") == URL


def test_only_post_is_allowed(client):
    assert client.get(URL).status_code == 405


def test_completed_marks_paid_with_ledger_and_emails(
    client, fake_stripe, checkout, django_capture_on_commit_callbacks
):
    event = fake_stripe.complete(checkout.stripe_session_id)
    with django_capture_on_commit_callbacks(execute=True):
        response = fake_stripe.deliver(event, client=client)

    assert response.status_code == 200
    checkout.refresh_from_db()
    assert checkout.status == Order.Status.PAID
    intent = fake_stripe.sessions[checkout.stripe_session_id]["payment_intent"]
    assert checkout.stripe_payment_intent == intent
    assert checkout.payment_reference == intent
    assert paid_events(checkout).get().source == "stripe"
    assert LedgerEntry.objects.filter(order=checkout, kind=LedgerEntry.Kind.SALE).count() == 1
    assert WebhookEvent.objects.get(event_id=event.id).order == checkout
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        ["buyer@example.com", checkout.lines.get().artist.user.email]
    )


def test_bad_signature_is_refused_and_changes_nothing(client, fake_stripe, checkout, settings):
    event = fake_stripe.complete(checkout.stripe_session_id)
    settings.STRIPE_WEBHOOK_SECRET = "whsec_someone_else"  # noqa: S105
    response = fake_stripe.deliver(event, client=client)

    assert response.status_code == 400
    checkout.refresh_from_db()
    assert checkout.status == Order.Status.PENDING_PAYMENT
    assert not WebhookEvent.objects.exists()
    assert not LedgerEntry.objects.exists()


@pytest.mark.parametrize("signature", ["", "t=1,v1=deadbeef", "nonsense"])
def test_missing_or_malformed_signature_is_refused(client, fake_stripe, checkout, signature):
    payload, _good = fake_stripe.complete(checkout.stripe_session_id)
    response = fake_stripe.deliver((payload, signature), client=client)
    assert response.status_code == 400
    checkout.refresh_from_db()
    assert checkout.status == Order.Status.PENDING_PAYMENT
    assert not WebhookEvent.objects.exists()


def test_tampered_payload_is_refused(client, fake_stripe, checkout):
    payload, signature = fake_stripe.complete(checkout.stripe_session_id)
    tampered = payload.replace(b'"amount_total": ', b'"amount_total": 1')
    assert tampered != payload
    assert fake_stripe.deliver((tampered, signature), client=client).status_code == 400
    assert not WebhookEvent.objects.exists()


def test_replay_of_an_old_event_is_refused(client, fake_stripe, checkout):
    fake_stripe.complete(checkout.stripe_session_id)
    session = fake_stripe.session(checkout.stripe_session_id)
    old = fake_stripe.event("checkout.session.completed", session, timestamp=int(time.time()) - 301)

    assert fake_stripe.deliver(old, client=client).status_code == 400
    checkout.refresh_from_db()
    assert checkout.status == Order.Status.PENDING_PAYMENT
    assert not WebhookEvent.objects.exists()


def test_same_event_twice_has_one_effect(client, fake_stripe, checkout, django_capture_on_commit_callbacks):
    event = fake_stripe.complete(checkout.stripe_session_id)
    with django_capture_on_commit_callbacks(execute=True):
        first = fake_stripe.deliver(event, client=client)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        second = fake_stripe.deliver(event, client=client)

    assert first.status_code == second.status_code == 200
    assert second.content == b"duplicate"
    assert callbacks == []
    assert paid_events(checkout).count() == 1
    assert LedgerEntry.objects.filter(order=checkout).count() == 1
    assert WebhookEvent.objects.filter(event_id=event.id).count() == 1
    assert len(mail.outbox) == 2  # buyer and artist, once


def test_a_second_completed_event_for_a_paid_order_changes_nothing(client, fake_stripe, checkout):
    fake_stripe.deliver(fake_stripe.complete(checkout.stripe_session_id), client=client)
    session = fake_stripe.session(checkout.stripe_session_id)
    again = fake_stripe.event("checkout.session.completed", session)  # a new event id
    assert fake_stripe.deliver(again, client=client).status_code == 200
    assert paid_events(checkout).count() == 1
    assert LedgerEntry.objects.filter(order=checkout).count() == 1
    assert WebhookEvent.objects.count() == 2


def test_expired_after_completed_changes_nothing(client, fake_stripe, checkout):
    offer = checkout.lines.get().offer
    fake_stripe.deliver(fake_stripe.complete(checkout.stripe_session_id), client=client)
    response = fake_stripe.deliver(fake_stripe.expire(checkout.stripe_session_id), client=client)

    assert response.status_code == 200
    checkout.refresh_from_db()
    assert checkout.status == Order.Status.PAID
    offer.refresh_from_db()
    assert offer.stock == 0
    assert not OrderEvent.objects.filter(order=checkout, to_status=Order.Status.CANCELLED).exists()


def test_expired_cancels_a_pending_order_and_gives_the_stock_back(client, fake_stripe, checkout):
    offer = checkout.lines.get().offer
    response = fake_stripe.deliver(fake_stripe.expire(checkout.stripe_session_id), client=client)
    assert response.status_code == 200
    checkout.refresh_from_db()
    assert checkout.status == Order.Status.CANCELLED
    offer.refresh_from_db()
    assert offer.stock == 1
    assert OrderEvent.objects.get(order=checkout, to_status=Order.Status.CANCELLED).source == "stripe"


@pytest.mark.parametrize(("amount_total", "currency"), [(100, None), (None, "usd"), (None, "eur")])
def test_completed_with_wrong_amount_or_currency_is_not_paid(
    client, fake_stripe, checkout, amount_total, currency
):
    event = fake_stripe.complete(checkout.stripe_session_id, amount_total=amount_total, currency=currency)
    response = fake_stripe.deliver(event, client=client)

    assert response.status_code == 200
    checkout.refresh_from_db()
    assert checkout.status == Order.Status.PENDING_PAYMENT
    assert not LedgerEntry.objects.exists()
    assert "mismatch" in WebhookEvent.objects.get(event_id=event.id).outcome


def test_completed_but_unpaid_is_not_paid(client, fake_stripe, checkout):
    event = fake_stripe.complete(checkout.stripe_session_id, payment_status="unpaid")
    assert fake_stripe.deliver(event, client=client).status_code == 200
    checkout.refresh_from_db()
    assert checkout.status == Order.Status.PENDING_PAYMENT


def test_a_paid_session_of_the_order_that_no_attempt_knows_is_adopted_not_lost(client, fake_stripe, checkout):
    # A session of ours (its metadata names the order) whose creating request left no row.
    fake_stripe.complete(checkout.stripe_session_id)
    session = fake_stripe.session(checkout.stripe_session_id)
    session["id"] = "cs_test_made_by_a_lost_request"
    session["metadata"] = {"order_id": str(checkout.pk), "order_number": checkout.number}
    fake_stripe.deliver(fake_stripe.event("checkout.session.completed", session), client=client)
    checkout.refresh_from_db()
    assert checkout.status == Order.Status.PAID
    assert checkout.attempts.filter(provider_id="cs_test_made_by_a_lost_request", state="succeeded").exists()


def test_a_session_naming_another_order_by_number_is_not_adopted(client, fake_stripe, checkout):
    fake_stripe.complete(checkout.stripe_session_id)
    session = fake_stripe.session(checkout.stripe_session_id)
    session["id"] = "cs_test_someone_elses"
    session["metadata"] = {"order_id": str(checkout.pk), "order_number": "TH-NOTTHIS"}
    fake_stripe.deliver(fake_stripe.event("checkout.session.completed", session), client=client)
    checkout.refresh_from_db()
    assert checkout.status == Order.Status.PENDING_PAYMENT


def test_late_payment_retakes_stock_if_still_there(client, fake_stripe, checkout):
    offer = checkout.lines.get().offer
    event = fake_stripe.complete(checkout.stripe_session_id)
    # The sweep cancelled the order (its session was paid at the same moment).
    from shop.services import order_cancel

    order_cancel(checkout, source="expiry", close_payment=False)  # the race: cancelled as she paid
    fake_stripe.deliver(event, client=client)

    checkout.refresh_from_db()
    offer.refresh_from_db()
    assert checkout.status == Order.Status.PAID
    assert offer.stock == 0


def test_late_payment_for_a_sold_work_is_refunded(client, fake_stripe, checkout):
    from shop.services import order_cancel

    offer = checkout.lines.get().offer
    event = fake_stripe.complete(checkout.stripe_session_id)
    order_cancel(checkout, source="expiry", close_payment=False)  # the race: cancelled as she paid
    Offer.objects.filter(pk=offer.pk).update(stock=0)  # someone else bought it meanwhile

    assert fake_stripe.deliver(event, client=client).status_code == 200

    checkout.refresh_from_db()
    assert checkout.status == Order.Status.CANCELLED
    intent = fake_stripe.sessions[checkout.stripe_session_id]["payment_intent"]
    [refund] = fake_stripe.refunds.values()
    assert (refund["payment_intent"], refund["amount"]) == (intent, checkout.total)
    assert "refunded" in WebhookEvent.objects.get(event_id=event.id).outcome
    assert not LedgerEntry.objects.exists()
    # Stripe then reports the refund: nothing to book for an order that was never paid.
    fake_stripe.deliver(fake_stripe.refund_event(intent), client=client)
    checkout.refresh_from_db()
    assert checkout.refunded_amount == 0


def test_charge_refunded_books_the_refund_and_reverses_the_ledger(client, fake_stripe, checkout):
    fake_stripe.deliver(fake_stripe.complete(checkout.stripe_session_id), client=client)
    checkout.refresh_from_db()

    # Refunded in full from the Stripe dashboard.
    event = fake_stripe.refund_event(checkout.stripe_payment_intent, amount=checkout.total)
    assert fake_stripe.deliver(event, client=client).status_code == 200

    checkout.refresh_from_db()
    assert checkout.status == Order.Status.REFUNDED
    assert checkout.refunded_amount == checkout.total
    entries = LedgerEntry.objects.filter(order=checkout)
    assert sum(e.gross for e in entries) == 0
    assert sum(e.net for e in entries) == 0
    assert sum(e.commission for e in entries) == 0
    assert sum(e.shipping for e in entries) == 0
    # The same refund reported again books nothing more.
    fake_stripe.deliver(fake_stripe.refund_event(checkout.stripe_payment_intent), client=client)
    assert LedgerEntry.objects.filter(order=checkout).count() == entries.count()


def test_charge_refunded_after_our_own_refund_books_only_the_difference(client, fake_stripe):
    offer = PrintOfferFactory(price_amount=25000, stock=4)
    order = order_place((offer, 2))
    gateway_for(order).start(order, success_url="https://x.example/ok", cancel_url="https://x.example/no")
    order.refresh_from_db()
    fake_stripe.deliver(fake_stripe.complete(order.stripe_session_id), client=client)
    order.refresh_from_db()

    order_refund(order, amount=10000)  # through Stripe's API, booked at once
    event = fake_stripe.refund_event(order.stripe_payment_intent)  # Stripe's news of that refund
    fake_stripe.deliver(event, client=client)
    order.refresh_from_db()
    assert order.refunded_amount == 10000
    assert order.status == Order.Status.PAID
    assert LedgerEntry.objects.filter(order=order, kind=LedgerEntry.Kind.REFUND).count() == 1

    # A further 5000 refunded in the dashboard: only that is new.
    fake_stripe.deliver(fake_stripe.refund_event(order.stripe_payment_intent, amount=5000), client=client)
    order.refresh_from_db()
    assert order.refunded_amount == 15000
    refunds = LedgerEntry.objects.filter(order=order, kind=LedgerEntry.Kind.REFUND)
    assert -sum(e.gross + e.shipping for e in refunds) == 15000


def test_unknown_event_types_are_recorded_and_answered(client, fake_stripe):
    event = fake_stripe.event("customer.created", {"id": "cus_test_1", "object": "customer"})
    response = fake_stripe.deliver(event, client=client)
    assert response.status_code == 200
    record = WebhookEvent.objects.get(event_id=event.id)
    assert (record.provider, record.type, record.outcome) == ("stripe", "customer.created", "ignored")


def test_the_success_redirect_alone_fulfils_nothing(client, fake_stripe, checkout):
    """Only the webhook marks an order paid: the buyer returning from Stripe does not."""
    fake_stripe.complete(checkout.stripe_session_id)  # paid at Stripe, webhook not yet here
    checkout.refresh_from_db()
    assert checkout.status == Order.Status.PENDING_PAYMENT


def test_signature_matches_stripes_scheme(fake_stripe, settings):
    import hashlib
    import hmac

    payload, signature = fake_stripe.event("ping", {"id": "x"})
    parts = dict(part.split("=", 1) for part in signature.split(","))
    expected = hmac.new(
        settings.STRIPE_WEBHOOK_SECRET.encode(), f"{parts['t']}.".encode() + payload, hashlib.sha256
    ).hexdigest()
    assert parts["v1"] == expected
    assert json.loads(payload)["type"] == "ping"
