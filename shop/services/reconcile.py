"""Reconciliation: what the shop asked a payment provider to do and never heard back about is
checked with the provider — card orders still pending long after checkout (a lost webhook),
refunds and transfers whose call timed out. The provider's answer is applied by the same code
its notification runs; nothing is retried or given back before the provider has answered."""

from collections import Counter
from collections.abc import Callable
from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from ..models import Order, Payout, Refund
from .errors import PaymentError
from .gateways import gateway_for_order

# Stripe sends its webhook within seconds and retries for days; an order pending this long
# after checkout has probably lost it.
STALE_AFTER = timedelta(minutes=15)
# A transfer still `sending` this long lost its answer with the process that sent it.
SENDING_LOST_AFTER = timedelta(minutes=10)


def orders_stale(*, older_than: timedelta = STALE_AFTER, now=None):
    """Card orders still waiting for payment `older_than` after they were placed, and orders
    with a refund whose outcome is not known."""
    now = now or timezone.now()
    unsettled = Refund.objects.filter(state__in=(Refund.State.UNKNOWN, Refund.State.REQUESTED))
    return (
        Order.objects.filter(
            Q(
                status=Order.Status.PENDING_PAYMENT,
                payment_method=Order.PaymentMethod.CARD,
                created_at__lt=now - older_than,
            )
            | Q(pk__in=unsettled.values("order_id"))
        )
        .order_by("created_at", "pk")
        .distinct()
    )


def order_reconcile(order: Order, *, gateway=None) -> str:
    """Ask the order's gateway what became of its payments and refunds and apply the answer.
    Returns the order's status afterwards. Raises `PaymentError` when the provider cannot be
    asked now."""
    (gateway or gateway_for_order(order)).reconcile(order)
    order.refresh_from_db()
    return order.status


def orders_reconcile(
    *, older_than: timedelta = STALE_AFTER, now=None, progress: Callable[[Order, str], None] | None = None
) -> Counter:
    """Reconcile every stale order; one the provider cannot answer for is counted as "failed"
    and left for the next run. `progress(order, outcome)` is told of each order. Returns the
    count of each outcome. Running it again changes nothing more."""
    outcomes: Counter = Counter()
    for order in orders_stale(older_than=older_than, now=now):
        try:
            outcome = order_reconcile(order)
        except PaymentError:
            outcome = "failed"
        outcomes[outcome] += 1
        if progress is not None:
            progress(order, outcome)
    return outcomes


def payouts_reconcile(*, gateway, now=None) -> Counter:
    """Ask about every transfer whose answer was lost (`unknown`, or `sending` for too long)."""
    now = now or timezone.now()
    outcomes: Counter = Counter()
    payouts = Payout.objects.filter(
        Q(status=Payout.Status.UNKNOWN)
        | Q(status=Payout.Status.SENDING, created_at__lt=now - SENDING_LOST_AFTER),
        method=Payout.Method.STRIPE,
    ).exclude(idempotency_key="")
    for payout in payouts:
        try:
            outcomes[gateway.transfer_reconcile(payout)] += 1
        except PaymentError:
            outcomes["failed to ask"] += 1
    return outcomes
