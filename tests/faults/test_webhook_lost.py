"""Stripe's webhook arriving before the buyer comes back, twice, or never: the order is paid
exactly once. Card orders still pending long after checkout are checked with Stripe by the
reconciliation task (`manage.py orders_reconcile`), through the webhook's own handlers."""

from datetime import timedelta
from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

import pytest

from shop.models import LedgerEntry, Offer, Order, OrderEvent
from shop.payments import gateway_for
from shop.tasks import orders_reconcile_sweep
from tests.factories import OfferFactory, order_place

pytestmark = pytest.mark.django_db


@pytest.fixture
def checkout(fake_stripe):
    """A card order for one original, placed 20 minutes ago, with its open Checkout session."""
    order = order_place((OfferFactory(), 1))
    gateway_for(order).start(order, success_url="https://x.example/ok", cancel_url="https://x.example/no")
    Order.objects.filter(pk=order.pk).update(created_at=timezone.now() - timedelta(minutes=20))
    order.refresh_from_db()
    return order


def reconcile(**options) -> str:
    out = StringIO()
    call_command("orders_reconcile", stdout=out, **options)
    return out.getvalue()


def effects(order) -> tuple:
    """Everything paying has an effect on: status moves, ledger rows, emails, stock."""
    order.refresh_from_db()
    offer = order.lines.get().offer
    return (
        order.status,
        OrderEvent.objects.filter(order=order).count(),
        LedgerEntry.objects.filter(order=order).count(),
        len(mail.outbox),
        Offer.objects.get(pk=offer.pk).stock,
    )


def paid_moves(order) -> int:
    moves = OrderEvent.objects.filter(order=order, to_status=Order.Status.PAID)
    return moves.filter(from_status=Order.Status.PENDING_PAYMENT).count()


def test_a_paid_session_whose_webhook_never_came_becomes_paid_exactly_once(
    client, fake_stripe, checkout, django_capture_on_commit_callbacks
):
    late_webhook = fake_stripe.complete(checkout.stripe_session_id)  # paid; the webhook is lost
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        output = reconcile()

    checkout.refresh_from_db()
    assert checkout.status == Order.Status.PAID
    session = fake_stripe.session(checkout.stripe_session_id)
    assert checkout.stripe_payment_intent == session["payment_intent"]
    assert paid_moves(checkout) == 1
    assert LedgerEntry.objects.filter(order=checkout, kind=LedgerEntry.Kind.SALE).count() == 1
    assert {tuple(message.to) for message in mail.outbox} >= {(checkout.email,)}
    assert "1 card order(s) pending for more than 15 minutes." in output
    assert f"[1/1] {checkout.number}: paid" in output
    after_first = effects(checkout)

    with django_capture_on_commit_callbacks(execute=True):
        again = reconcile()
    assert "0 card order(s)" in again
    assert effects(checkout) == after_first

    with django_capture_on_commit_callbacks(execute=True):
        response = fake_stripe.deliver(late_webhook, client=client)
    assert response.status_code == 200
    assert effects(checkout) == after_first
    assert paid_moves(checkout) == 1


def test_an_expired_session_whose_webhook_never_came_gives_the_work_back(fake_stripe, checkout):
    fake_stripe.expire(checkout.stripe_session_id)

    output = reconcile()

    checkout.refresh_from_db()
    assert checkout.status == Order.Status.CANCELLED
    assert checkout.lines.get().offer.stock == 1
    assert f"{checkout.number}: cancelled" in output


def test_open_sessions_and_recent_orders_are_left_alone(fake_stripe, checkout):
    recent = order_place((OfferFactory(), 1))
    gateway_for(recent).start(recent, success_url="https://x.example/ok", cancel_url="https://x.example/no")
    recent.refresh_from_db()
    fake_stripe.complete(recent.stripe_session_id)

    output = reconcile()

    checkout.refresh_from_db()
    recent.refresh_from_db()
    assert checkout.status == Order.Status.PENDING_PAYMENT  # still open: she may be paying now
    assert recent.status == Order.Status.PENDING_PAYMENT  # its webhook may still be on its way
    assert f"{checkout.number}: pending_payment" in output
    assert recent.number not in output
    assert f"{recent.number}: paid" in reconcile(minutes=0)
    recent.refresh_from_db()
    assert recent.status == Order.Status.PAID


def test_stripe_unreachable_during_reconciliation_is_reported_and_tried_again(
    fake_stripe, checkout, settings
):
    fake_stripe.complete(checkout.stripe_session_id)
    settings.STRIPE_API_BASE = "http://127.0.0.1:9"

    output = reconcile()

    checkout.refresh_from_db()
    assert checkout.status == Order.Status.PENDING_PAYMENT
    assert f"{checkout.number}: failed" in output
    assert "Reconciled: 1 failed." in output

    settings.STRIPE_API_BASE = fake_stripe.base_url
    assert "Reconciled: 1 paid." in reconcile()


def test_the_reconciliation_task_reports_what_it_did(fake_stripe, checkout):
    fake_stripe.complete(checkout.stripe_session_id)

    result = orders_reconcile_sweep.enqueue(minutes=15)

    assert result.return_value == {"paid": 1}
    checkout.refresh_from_db()
    assert checkout.status == Order.Status.PAID


def test_the_webhook_arriving_before_she_returns_shows_her_the_order_paid(client, fake_stripe, checkout):
    fake_stripe.deliver(fake_stripe.complete(checkout.stripe_session_id), client=client)

    page = client.get(f"/en/shop/orders/{checkout.token}/?paid=1").content.decode()

    assert "<strong>Paid</strong>" in page
    assert "Your payment is being confirmed" not in page
