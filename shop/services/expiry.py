"""Every reservation ends. A pending order holds its works until it is paid, cancelled, or its
reservation runs out: 30 minutes for a card checkout, the site's days to pay for a bank
transfer, and for cash on delivery the days the artist has to confirm by posting the parcel.

The sweep handles each order on its own: an order that cannot be cancelled now (its payment
may have just arrived) is left for the next run, and an order that fails for any other reason
is logged and skipped, so one bad order never stops the rest from expiring."""

import logging
from collections import Counter
from collections.abc import Callable

from django.utils import timezone

from ..models import Order
from .errors import PaymentInProgress, TransitionNotAllowed
from .orders import order_cancel

logger = logging.getLogger(__name__)


def orders_expired(now=None):
    """Pending orders whose reservation has ended, oldest first."""
    now = now or timezone.now()
    return Order.objects.filter(status=Order.Status.PENDING_PAYMENT, expires_at__lt=now).order_by(
        "expires_at", "pk"
    )


def orders_expire_report(now=None, *, progress: Callable[[Order, str], None] | None = None) -> Counter:
    """Cancel every pending order whose reservation has ended and give its stock back. Returns
    how many were `cancelled`, left `in_progress` (the provider says it was paid or cannot be
    asked; the webhook or the next run decides) or `failed` (logged with its error)."""
    outcomes: Counter = Counter()
    for order in orders_expired(now):
        try:
            order_cancel(order, source="expiry", note="reservation ended")
        except (PaymentInProgress, TransitionNotAllowed):
            outcome = "in_progress"
        except Exception:  # noqa: BLE001 - one order's fault must not stop the sweep
            logger.exception("Could not expire order %s; the next sweep tries again", order.number)
            outcome = "failed"
        else:
            outcome = "cancelled"
        outcomes[outcome] += 1
        if progress is not None:
            progress(order, outcome)
    return outcomes


def orders_expire(now=None) -> int:
    """Run the sweep; returns how many orders were cancelled."""
    return orders_expire_report(now)["cancelled"]
