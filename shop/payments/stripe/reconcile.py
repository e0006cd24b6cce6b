"""For webhooks that never came: ask Stripe about an order's Checkout session and apply the
answer through the webhook's own handlers, so a payment found this way is booked exactly as
`checkout.session.completed` books it, and the webhook arriving afterwards changes nothing."""

import logging

from django.db import transaction

from .api import checkout_session_retrieve
from .webhooks import HANDLERS

logger = logging.getLogger(__name__)

# What a session's status means, as the event Stripe sends about it.
EVENT_FOR_STATUS = {
    "complete": "checkout.session.completed",
    "expired": "checkout.session.expired",
}


def session_reconcile(order) -> str:
    """Look up the order's session and apply it; returns what happened. `PaymentError` when
    Stripe cannot be asked (the next run tries again)."""
    if not order.stripe_session_id:
        return "no checkout session"
    session = checkout_session_retrieve(order.stripe_session_id).to_dict()
    event_type = EVENT_FOR_STATUS.get(session.get("status") or "")
    if event_type is None:
        return f"session {session.get('status')}"
    with transaction.atomic():
        _order, outcome = HANDLERS[event_type](session)
    logger.info("Reconciled order %s with Stripe: %s", order.number, outcome)
    return outcome
