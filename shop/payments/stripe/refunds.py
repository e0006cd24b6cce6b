"""Card refunds: sending one, and finding out from Stripe which refunds a payment has.

`refunds_reconcile` is how every refund is booked that the shop did not see succeed itself:
after a timeout, from `charge.refunded`, or made in Stripe's dashboard. Each Stripe refund is
matched to its `Refund` row by id or by the key in its metadata and booked once."""

import logging
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from heritage.emails import email_build, email_send_later

from ...models import PaymentAttempt, Refund
from ...services import (
    PaymentError,
    RefundError,
    RefundOutcomeUnknown,
    refund_execute,
    refund_request,
    refund_succeeded,
)
from ...services.notify import notifications_enabled, order_url
from ...services.refunds import refund_mark
from . import api

# A refund row still `requested` this long after it was made lost its call (the process
# died): if Stripe has no refund for it, it failed.
REQUESTED_LOST_AFTER = timedelta(minutes=10)

logger = logging.getLogger(__name__)


def refund_send(refund: Refund) -> str:
    """Ask Stripe for the refund; returns its id (a gateway's `refund`)."""
    attempt = refund.attempt
    intent = attempt.payment_intent if attempt else refund.order.stripe_payment_intent
    if not intent:
        raise PaymentError(_("This order has no card payment to refund."))
    return api.refund_create(intent, refund.amount, refund.idempotency_key)


def attempt_refund_in_full(attempt: PaymentAttempt, *, note: str) -> Refund:
    """Give back the whole of a payment that must not count (a second payment of a paid order,
    or one that came after its works were sold), and tell the buyer. The refund's key is fixed
    for the attempt, so a replay of the event never refunds twice."""
    existing = attempt.refunds.filter(counts_for_order=False).first()
    if existing is not None:
        return existing
    refund = refund_request(
        attempt.order, amount=attempt.amount, attempt=attempt, counts_for_order=False, note=note
    )
    Refund.objects.filter(pk=refund.pk).update(idempotency_key=f"attempt-{attempt.pk}-refund-in-full")
    refund.refresh_from_db()
    try:
        refund = refund_execute(refund, send=refund_send, source="stripe")
    except (RefundOutcomeUnknown, RefundError):
        refund.refresh_from_db()
    _notify_duplicate_refund(refund)
    return refund


def _notify_duplicate_refund(refund: Refund) -> None:
    if not notifications_enabled():
        return
    order = refund.order
    message = email_build(
        to=[order.email],
        language=order.language,
        template="shop/email/buyer_duplicate_refunded",
        context={"order": order, "refund": refund, "order_url": order_url(order, order.language)},
    )
    transaction.on_commit(lambda: email_send_later(message))


def refunds_reconcile(attempt: PaymentAttempt) -> int:
    """Ask Stripe for every refund of the attempt's payment and book what is not booked yet:
    a refund row whose call timed out, one reported by `charge.refunded`, one made in the
    dashboard (a new row). An unknown row Stripe has no refund for is marked failed, so it
    may be asked for again. Returns how many refunds were booked now."""
    if not attempt.payment_intent:
        return 0
    remote = api.refunds_list(attempt.payment_intent)
    rows = {row.provider_id: row for row in attempt.refunds.exclude(provider_id="")}
    by_key = {row.idempotency_key: row for row in attempt.refunds.all()}
    booked = 0
    seen_keys = set()
    for item in sorted(remote, key=lambda r: (r.get("created") or 0, r.get("id") or "")):
        if item.get("status") not in ("succeeded", "pending"):
            continue
        key = (item.get("metadata") or {}).get("key", "")
        seen_keys.add(key)
        row = rows.get(item["id"]) or by_key.get(key)
        if row is None:
            duplicate = attempt.refunds.filter(counts_for_order=False).exists() or (
                attempt.order.stripe_payment_intent != attempt.payment_intent
            )
            row = Refund.objects.create(
                order=attempt.order,
                attempt=attempt,
                amount=int(item.get("amount") or 0),
                currency=attempt.currency,
                counts_for_order=not duplicate,
                provider_id=item["id"],
                idempotency_key=f"stripe-{item['id']}",
                note="refund made at Stripe",
            )
        if not row.booked:
            refund_succeeded(row, provider_id=item["id"], source="stripe")
            booked += 1
    lost = timezone.now() - REQUESTED_LOST_AFTER
    for row in attempt.refunds.filter(state__in=(Refund.State.UNKNOWN, Refund.State.REQUESTED)):
        if row.state == Refund.State.REQUESTED and row.created_at > lost:
            continue
        if row.idempotency_key not in seen_keys:
            refund_mark(row, state=Refund.State.FAILED, note="Stripe has no such refund")
    return booked
