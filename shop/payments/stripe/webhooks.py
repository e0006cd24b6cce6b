"""Stripe's signed events, applied once each.

The signature (and its timestamp, at most five minutes old) is checked before anything is
read. Each event is recorded as a `WebhookEvent` in the same transaction as its effect, so a
duplicate or a replay finds the record and changes nothing; a failure rolls both back and
Stripe sends the event again."""

import json
import logging

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

import stripe

from ...models import Order, OrderEvent, WebhookEvent
from ...services import (
    PaymentMismatch,
    SoldOut,
    TransitionNotAllowed,
    order_cancel,
    order_mark_paid,
    order_refund_record,
)
from . import api

logger = logging.getLogger(__name__)
PROVIDER = "stripe"


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
    """Apply a verified event unless it was applied before; returns what happened."""
    handler = HANDLERS.get(event.get("type", ""), _ignore)
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


def _order_for_session(session: dict) -> Order | None:
    """The order a Checkout session pays for: by the id in its metadata, else its reference,
    else the session id; an order that has another session does not match."""
    metadata = session.get("metadata") or {}
    order = None
    if str(metadata.get("order_id", "")).isdigit():
        order = Order.objects.filter(pk=int(metadata["order_id"])).first()
    if order is None and session.get("client_reference_id"):
        order = Order.objects.filter(number=session["client_reference_id"]).first()
    if order is None:
        order = Order.objects.filter(stripe_session_id=session.get("id") or "-").first()
    if order is not None and order.stripe_session_id and order.stripe_session_id != session.get("id"):
        return None
    return order


def _session_completed(session: dict):
    order = _order_for_session(session)
    if order is None:
        return None, "no order for this session"
    if session.get("payment_status") != "paid":
        return order, f"not paid yet ({session.get('payment_status')})"
    intent = session.get("payment_intent") or ""
    if isinstance(intent, dict):
        intent = intent.get("id", "")
    Order.objects.filter(pk=order.pk).update(stripe_session_id=session["id"], stripe_payment_intent=intent)
    order.refresh_from_db()
    try:
        order_mark_paid(
            order,
            amount=session.get("amount_total") or 0,
            currency=session.get("currency") or "",
            source="stripe",
            reference=intent,
        )
    except PaymentMismatch:
        logger.error(
            "Stripe payment for order %s does not match: %s %s paid, %s %s due",
            order.number,
            session.get("amount_total"),
            session.get("currency"),
            order.total,
            order.currency,
        )
        return order, (
            f"amount mismatch: paid {session.get('amount_total')} {session.get('currency')}, "
            f"due {order.total} {order.currency}; not marked paid"
        )
    except SoldOut:
        # The reservation ended and someone else bought the work meanwhile: give the money back.
        amount = session.get("amount_total") or 0
        refund_id = api.refund_create(intent, amount, f"order-{order.pk}-late-payment")
        OrderEvent.objects.create(
            order=order,
            from_status=order.status,
            to_status=order.status,
            source="stripe",
            note=f"payment arrived after the works were sold; refunded in full ({refund_id})",
        )
        logger.warning("Late payment for order %s refunded (%s): sold out", order.number, refund_id)
        return order, f"late payment, sold out: refunded {refund_id}"
    order.refresh_from_db()
    return order, f"paid ({order.status})"


def _session_expired(session: dict):
    order = _order_for_session(session)
    if order is None:
        return None, "no order for this session"
    if order.status != Order.Status.PENDING_PAYMENT or order.stripe_session_id != session.get("id"):
        return order, f"no change ({order.status})"
    try:
        order_cancel(order, source="stripe", note="checkout session expired", close_payment=False)
    except TransitionNotAllowed:
        order.refresh_from_db()
        return order, f"no change ({order.status})"
    return order, "cancelled"


def _charge_refunded(charge: dict):
    """Book what Stripe refunded beyond what the order already counts (refunds the shop made
    itself are booked when made, so only the difference is new)."""
    intent = charge.get("payment_intent") or ""
    if isinstance(intent, dict):
        intent = intent.get("id", "")
    if not intent:
        return None, "no payment intent"
    with transaction.atomic():
        order = Order.objects.select_for_update().filter(stripe_payment_intent=intent).first()
        if order is None:
            return None, "no order for this payment"
        if not (order.is_paid or order.status == Order.Status.REFUNDED):
            return order, f"no change ({order.status})"
        new = int(charge.get("amount_refunded") or 0) - order.refunded_amount
        if new <= 0:
            return order, "already booked"
        order_refund_record(order, amount=new, source="stripe", reference=charge.get("id", ""))
    return order, f"refund of {new} booked"


def _ignore(obj: dict):
    return None, "ignored"


HANDLERS = {
    "checkout.session.completed": _session_completed,
    "checkout.session.async_payment_succeeded": _session_completed,
    "checkout.session.expired": _session_expired,
    "charge.refunded": _charge_refunded,
}
