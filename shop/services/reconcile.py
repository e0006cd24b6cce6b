"""Reconciliation: card orders still pending long after checkout are checked with the payment
provider, for the case its notification was lost (a webhook outage, a misconfigured endpoint).
The provider's answer is applied by the same code its notification runs."""

from collections import Counter
from collections.abc import Callable
from datetime import timedelta

from django.utils import timezone

from ..models import Order
from ..payments import PaymentError, gateway_for

# Stripe sends its webhook within seconds and retries for days; an order pending this long
# after checkout has probably lost it.
STALE_AFTER = timedelta(minutes=15)


def orders_stale(*, older_than: timedelta = STALE_AFTER, now=None):
    """Card orders still waiting for payment `older_than` after they were placed."""
    now = now or timezone.now()
    return Order.objects.filter(
        status=Order.Status.PENDING_PAYMENT,
        payment_method=Order.PaymentMethod.CARD,
        created_at__lt=now - older_than,
    ).order_by("created_at", "pk")


def order_reconcile(order: Order) -> str:
    """Ask the order's gateway what became of its payment and apply the answer. Returns the
    order's status afterwards: "paid", "cancelled", or "pending_payment" when nothing changed.
    Raises `PaymentError` when the provider cannot be asked now."""
    gateway_for(order).reconcile(order)
    order.refresh_from_db()
    return order.status


def orders_reconcile(
    *, older_than: timedelta = STALE_AFTER, now=None, progress: Callable[[Order, str], None] | None = None
) -> Counter:
    """Reconcile every stale card order; one the provider cannot answer for is counted as
    "failed" and left for the next run. `progress(order, outcome)` is told of each order.
    Returns the count of each outcome. Running it again changes nothing more."""
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
