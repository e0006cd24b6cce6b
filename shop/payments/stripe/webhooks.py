"""Stripe's signed events, applied once each.

The signature (and its timestamp, at most five minutes old) is checked before anything is
read. Each event is recorded as a `WebhookEvent` in the same transaction as its effect, so a
duplicate or a replay finds the record and changes nothing; a failure rolls both back and
Stripe sends the event again.

Trust is narrow: events from connected accounts are recorded and ignored, only card orders
are paid by Stripe events, and nothing about an order is written before the amount and
currency paid match the attempt. A session is found through its `PaymentAttempt`, so a late
event for an older session of an order still finds it."""

import json
import logging

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

import stripe

from ...models import Order, PaymentAttempt, WebhookEvent
from ...services import PaymentMismatch, SoldOut, TransitionNotAllowed, order_cancel, order_mark_paid
from .refunds import attempt_refund_in_full, refunds_reconcile

logger = logging.getLogger(__name__)
PROVIDER = "stripe"
A = PaymentAttempt.State


@csrf_exempt
@require_POST
def stripe_webhook(request: HttpRequest) -> HttpResponse:
    """POST /webhooks/stripe/: the endpoint registered in the Stripe dashboard."""
    return webhook_handle(request)


def webhook_handle(request: HttpRequest) -> HttpResponse:
    payload = request.body
    signature = request.headers.get("Stripe-Signature", "")
    try:
        stripe.WebhookSignature.verify_header(
            payload, signature, settings.STRIPE_WEBHOOK_SECRET, stripe.Webhook.DEFAULT_TOLERANCE
        )
    except (ValueError, stripe.SignatureVerificationError) as error:
        logger.warning("Refused a Stripe webhook: %s", error)
        return HttpResponseBadRequest("invalid signature")
    try:
        event = json.loads(payload)
    except ValueError:
        return HttpResponseBadRequest("invalid JSON")
    if not event_is_well_formed(event):
        logger.warning("Refused a signed Stripe webhook of unexpected shape")
        return HttpResponseBadRequest("unexpected event")
    outcome = event_apply(event)
    return HttpResponse(outcome, content_type="text/plain")


def event_is_well_formed(event) -> bool:
    """An event object as Stripe sends them: an id, a type and `data.object`. Anything else
    is answered 400 before a handler reads it."""
    if not isinstance(event, dict):
        return False
    data = event.get("data")
    return (
        isinstance(event.get("id"), str)
        and isinstance(event.get("type"), str)
        and isinstance(data, dict)
        and isinstance(data.get("object"), dict)
    )


def event_apply(event: dict) -> str:
    """Apply a verified event unless it was applied before; returns what happened. An event
    about a connected account (it carries `account`) is about someone else's money: recorded,
    never applied."""
    handler = HANDLERS.get(event.get("type", ""), _ignore)
    if event.get("account"):
        handler = _ignore_connected
    with transaction.atomic():
        record, created = WebhookEvent.objects.get_or_create(
            provider=PROVIDER, event_id=event["id"], defaults={"type": event.get("type", "")[:80]}
        )
        if not created:
            return "duplicate"
        order, outcome = handler(event["data"]["object"])
        record.order = order
        record.outcome = outcome[:200]
        record.save(update_fields=["order", "outcome"])
    if outcome != "ignored":
        logger.info("Stripe %s %s: %s", event.get("type"), event["id"], outcome)
    return outcome


def _text(value) -> str:
    if isinstance(value, dict):
        value = value.get("id", "")
    return value if isinstance(value, str) else ""


def attempt_for_session(session: dict) -> PaymentAttempt | None:
    """The attempt a Checkout session belongs to: by its id, else by the attempt id in its
    metadata (a session whose creation answer was lost). A session of ours that has no row
    (the request that made it was rolled back) is adopted by the order in its metadata."""
    session_id = _text(session.get("id"))
    if not session_id:
        return None
    attempt = PaymentAttempt.objects.filter(gateway=PROVIDER, provider_id=session_id).first()
    metadata = session.get("metadata") if isinstance(session.get("metadata"), dict) else {}
    if attempt is None and str(metadata.get("attempt_id", "")).isdigit():
        attempt = PaymentAttempt.objects.filter(
            pk=int(metadata["attempt_id"]), gateway=PROVIDER, provider_id=""
        ).first()
        if attempt is not None:
            attempt.provider_id = session_id
            attempt.save(update_fields=["provider_id", "updated_at"])
    if attempt is None and str(metadata.get("order_id", "")).isdigit():
        order = Order.objects.filter(
            pk=int(metadata["order_id"]), number=metadata.get("order_number")
        ).first()
        if order is not None:
            attempt = PaymentAttempt.objects.create(
                order=order,
                gateway=PROVIDER,
                provider_id=session_id,
                idempotency_key=f"adopted-{session_id}",
                amount=order.total,
                currency=order.currency,
                state=A.OPEN,
                note="session found at Stripe without a recorded attempt",
            )
    return attempt


def session_completed(session: dict):
    """The buyer paid a session. Checked before anything is written: the order pays by card,
    and the amount and currency are the attempt's. Then the attempt is completed and the
    order paid; a payment for an order already paid (another session) or for works sold
    meanwhile is refunded in full."""
    attempt = attempt_for_session(session)
    if attempt is None:
        return None, "no order for this session"
    order = attempt.order
    if order.payment_method != Order.PaymentMethod.CARD:
        logger.error("A Stripe payment names order %s, which is not paid by card", order.number)
        return order, "ignored: not a card order"
    if session.get("payment_status") != "paid":
        return order, f"not paid yet ({session.get('payment_status')})"
    amount, currency = session.get("amount_total"), _text(session.get("currency")).upper()
    if amount != attempt.amount or currency != attempt.currency or amount != order.total:
        logger.error(
            "Stripe payment for order %s does not match: %s %s paid, %s %s due",
            order.number,
            amount,
            currency,
            attempt.amount,
            attempt.currency,
        )
        return order, f"amount mismatch: paid {amount} {currency}, due {attempt.amount} {attempt.currency}"
    intent = _text(session.get("payment_intent"))
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=order.pk)
        attempt = PaymentAttempt.objects.select_for_update().get(pk=attempt.pk)
        if attempt.state == A.SUCCEEDED:
            return order, f"already applied ({order.status})"
        attempt.state = A.SUCCEEDED
        attempt.payment_intent = intent
        attempt.save(update_fields=["state", "payment_intent", "updated_at"])
        paid_by_other = order.attempts.filter(state=A.SUCCEEDED).exclude(pk=attempt.pk).exists()
        if paid_by_other or order.is_paid or order.status == Order.Status.REFUNDED:
            refund = attempt_refund_in_full(attempt, note="a second payment for an order already paid")
            return order, f"duplicate payment: {_refund_outcome(refund)}"
        Order.objects.filter(pk=order.pk).update(
            stripe_session_id=attempt.provider_id, stripe_payment_intent=intent
        )
        order.refresh_from_db()
        try:
            order_mark_paid(order, amount=amount, currency=currency, source="stripe", reference=intent)
        except PaymentMismatch:  # pragma: no cover - checked above against the same figures
            return order, "amount mismatch"
        except SoldOut:
            # The reservation ended and someone else bought the work meanwhile.
            Order.objects.filter(pk=order.pk).update(stripe_payment_intent="")
            refund = attempt_refund_in_full(attempt, note="payment arrived after the works were sold")
            logger.warning("Late payment for order %s refunded: sold out", order.number)
            return order, f"late payment, sold out: {_refund_outcome(refund)}"
    order.refresh_from_db()
    return order, f"paid ({order.status})"


def _refund_outcome(refund) -> str:
    return "refunded in full" if refund.state == refund.State.SUCCEEDED else f"refund {refund.state}"


def session_expired(session: dict):
    """A session ran out: its attempt is over, and the order is cancelled if no other attempt
    may still complete."""
    attempt = attempt_for_session(session)
    if attempt is None:
        return None, "no order for this session"
    order = attempt.order
    PaymentAttempt.objects.filter(pk=attempt.pk, state__in=PaymentAttempt.LIVE_STATES).update(state=A.EXPIRED)
    if order.status != Order.Status.PENDING_PAYMENT or order.payment_method != Order.PaymentMethod.CARD:
        return order, f"no change ({order.status})"
    if order.attempts.filter(state__in=[*PaymentAttempt.LIVE_STATES, A.SUCCEEDED]).exists():
        return order, "another attempt may still complete; order kept"
    try:
        order_cancel(order, source="stripe", note="checkout session expired", close_payment=False)
    except TransitionNotAllowed:
        order.refresh_from_db()
        return order, f"no change ({order.status})"
    return order, "cancelled"


def charge_refunded(charge: dict):
    """A payment was (partly) refunded, by the shop or in Stripe's dashboard: ask Stripe for
    the payment's refunds and book each one not booked yet, exactly once."""
    intent = _text(charge.get("payment_intent"))
    attempt = (
        PaymentAttempt.objects.filter(gateway=PROVIDER, payment_intent=intent).first() if intent else None
    )
    if attempt is None:
        return None, "no order for this payment"
    booked = refunds_reconcile(attempt)
    return attempt.order, f"refunds booked: {booked}"


def _ignore(obj: dict):
    return None, "ignored"


def _ignore_connected(obj: dict):
    return None, "ignored: connected account"


HANDLERS = {
    "checkout.session.completed": session_completed,
    "checkout.session.async_payment_succeeded": session_completed,
    "checkout.session.expired": session_expired,
    "charge.refunded": charge_refunded,
}
