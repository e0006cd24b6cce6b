"""What the shop's services tell the rest of the shop after a change has committed, and
whether they tell anyone at all.

Services sit below the task worker, so they never enqueue emails or transfers themselves:
they send these signals once the transaction commits, and `shop/signal_handlers.py` (connected
at start-up) turns them into tasks. Imports of past orders and the demo seed mute the emails,
so nobody is told about records they did not make.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction
from django.dispatch import Signal
from django.urls import reverse
from django.utils import translation

from heritage.emails import site_url

_muted: ContextVar[bool] = ContextVar("shop_notifications_muted", default=False)

# Sent after commit. Arguments: order_id, status.
order_status_changed = Signal()
# Sent after commit when an order is delivered (artists' money becomes available). order_id.
order_delivered = Signal()
# Sent after commit when a message is added to a conversation. inquiry_id, by (who wrote).
inquiry_message_added = Signal()
# Sent after commit when a return moves (requested, accepted, declined, received). return_id, step.
return_changed = Signal()


def notifications_enabled() -> bool:
    return not _muted.get()


@contextmanager
def notifications_muted():
    """Within this block, services change orders and inquiries without emailing anyone."""
    token = _muted.set(True)
    try:
        yield
    finally:
        _muted.reset(token)


def send_on_commit(signal: Signal, *, emails: bool = True, **kwargs) -> None:
    """Send `signal` once the current transaction commits (at once outside one). Signals that
    lead to emails are dropped while notifications are muted."""
    if emails and not notifications_enabled():
        return
    transaction.on_commit(lambda: signal.send(sender=None, **kwargs))


def order_url(order, language: str) -> str:
    """The buyer's secret link to her order (works without an account)."""
    with translation.override(language):
        return site_url(reverse("shop:order-detail", kwargs={"token": order.token}))


def receipt_url(order, language: str) -> str:
    """The buyer's secret link to her order's receipt (PDF)."""
    with translation.override(language):
        return site_url(reverse("shop:order-receipt", kwargs={"token": order.token}))
