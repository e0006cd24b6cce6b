"""Asking Stripe what became of what the shop asked it to do, for webhooks that never came and
calls whose answer was lost. Answers are applied through the webhook's own handlers, so a
payment found this way is booked exactly as `checkout.session.completed` books it, and the
webhook arriving afterwards changes nothing."""

import logging

from django.utils import timezone

from ...models import Order, PaymentAttempt, Payout, Refund
from ...services.payouts import payout_transfer_failed, payout_transfer_succeeded
from . import api
from .refunds import refunds_reconcile
from .webhooks import session_completed, session_expired

logger = logging.getLogger(__name__)
A = PaymentAttempt.State
# Where to look for a session whose creation answer was lost, around the attempt's own time.
LOOK_BEFORE, LOOK_AFTER = 300, 900


def attempt_reconcile(attempt: PaymentAttempt) -> str:
    """Find the attempt's session at Stripe and apply its state. An attempt whose creation
    timed out is looked for by the attempt id in the sessions' metadata; if Stripe made no
    such session, the attempt failed and a new one may be made."""
    if not attempt.provider_id:
        since = int(attempt.created_at.timestamp()) - LOOK_BEFORE
        found = [
            session
            for session in api.checkout_sessions_created(since, since + LOOK_BEFORE + LOOK_AFTER)
            if str((session.get("metadata") or {}).get("attempt_id", "")) == str(attempt.pk)
        ]
        if not found:
            PaymentAttempt.objects.filter(pk=attempt.pk, provider_id="").update(
                state=A.FAILED, note="Stripe made no session for it", updated_at=timezone.now()
            )
            return "failed"
        session = found[0]
        PaymentAttempt.objects.filter(pk=attempt.pk).update(
            provider_id=session["id"], state=A.OPEN, updated_at=timezone.now()
        )
    else:
        session = api.checkout_session_retrieve(attempt.provider_id).to_dict()
    status = session.get("status")
    if status == "complete":
        return session_completed(session)[1]
    if status == "expired":
        return session_expired(session)[1]
    PaymentAttempt.objects.filter(pk=attempt.pk, state=A.UNKNOWN).update(state=A.OPEN)
    return "open"


def attempts_reconcile(order: Order) -> list[str]:
    """Settle every attempt of the order that may still complete; what happened to each."""
    return [
        attempt_reconcile(attempt)
        for attempt in order.attempts.filter(gateway="stripe", state__in=PaymentAttempt.LIVE_STATES)
    ]


def order_reconcile(order: Order) -> str:
    """Everything about the order Stripe may know better: its live attempts, then the refunds
    of its payments whose outcome is not known. `PaymentError` when Stripe cannot be asked."""
    outcomes = attempts_reconcile(order)
    unsettled = Refund.objects.filter(order=order, state__in=(Refund.State.UNKNOWN, Refund.State.REQUESTED))
    for attempt in PaymentAttempt.objects.filter(refunds__in=unsettled).distinct():
        outcomes.append(f"refunds booked: {refunds_reconcile(attempt)}")
    outcome = "; ".join(outcomes) or "nothing to ask"
    logger.info("Reconciled order %s with Stripe: %s", order.number, outcome)
    return outcome


def payout_reconcile(payout: Payout) -> str:
    """A transfer whose answer was lost: Stripe lists the transfers of its group (the payout's
    key). Found: the payout is paid. Not found: it failed, and its entries are available
    again (the next payout of the same entries carries a new key)."""
    transfers = [t for t in api.transfers_list(payout.idempotency_key) if not t.get("reversed")]
    if transfers:
        payout_transfer_succeeded(payout, transfer_id=transfers[0]["id"])
        return "paid"
    payout_transfer_failed(payout, note="Stripe made no transfer for it")
    return "failed"
