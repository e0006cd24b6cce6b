"""Card payments through Stripe Checkout. The buyer pays on Stripe's hosted page; the order
is marked paid only by the signed `checkout.session.completed` webhook (or reconciliation
applying the same handler), never by the buyer coming back to the success page.

Each session is a `PaymentAttempt`. Starting a payment first asks Stripe about the order's
live attempts: a session she already paid is applied, an open one is reused, and a new one is
made only when none may still complete, so a late webhook can never meet a replaced session."""

import logging
import secrets

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from ...models import Order, PaymentAttempt
from ..base import Gateway, PaymentError, PaymentOutcomeUnknown, PaymentStart
from . import api
from .reconcile import attempts_reconcile, order_reconcile, payout_reconcile
from .refunds import refund_send
from .webhooks import webhook_handle

logger = logging.getLogger(__name__)
A = PaymentAttempt.State


class StripeGateway(Gateway):
    name = "stripe"

    def start(self, order, *, success_url: str, cancel_url: str) -> PaymentStart:
        """The open Checkout session of the order, or a new one when no attempt may still
        complete. `PaymentOutcomeUnknown` while an earlier attempt's fate is not known yet."""
        if order.status != Order.Status.PENDING_PAYMENT:
            raise PaymentError(_("This order is no longer waiting for payment."))
        attempts_reconcile(order)
        with transaction.atomic():
            # Two tabs pressing "Pay" wait for each other and share one session.
            current = Order.objects.select_for_update().get(pk=order.pk)
            if current.status != Order.Status.PENDING_PAYMENT:
                raise PaymentError(_("This order is no longer waiting for payment."))
            live = list(current.attempts.filter(gateway=self.name, state__in=[*A_LIVE, A.SUCCEEDED]))
            if any(a.state in (A.UNKNOWN, A.SUCCEEDED) for a in live):
                raise PaymentOutcomeUnknown(
                    _(
                        "Your card payment is being confirmed. "
                        "Please look at this page again in a few minutes."
                    )
                )
            for attempt in live:
                session = api.checkout_session_retrieve(attempt.provider_id)
                if session.status == "open":
                    return PaymentStart(redirect_url=session.url, reference=current.number)
            attempt = PaymentAttempt.objects.create(
                order=current,
                gateway=self.name,
                idempotency_key=f"order-{current.pk}-attempt-{secrets.token_hex(8)}",
                amount=current.total,
                currency=current.currency,
            )
            try:
                session = api.checkout_session_create(
                    current,
                    attempt,
                    success_url=success_url,
                    cancel_url=cancel_url,
                    expires_at=api.checkout_session_expiry(current),
                )
            except PaymentOutcomeUnknown as error:
                attempt.state = A.UNKNOWN
                attempt.note = "session creation timed out"
                attempt.save(update_fields=["state", "note", "updated_at"])
                unknown = error
            except PaymentError:
                attempt.state = A.FAILED
                attempt.save(update_fields=["state", "updated_at"])
                raise
            else:
                unknown = None
                attempt.provider_id = session.id
                attempt.state = A.OPEN
                attempt.save(update_fields=["provider_id", "state", "updated_at"])
                Order.objects.filter(pk=current.pk).update(stripe_session_id=session.id)
                order.stripe_session_id = session.id
        if unknown is not None:
            raise unknown
        return PaymentStart(redirect_url=session.url, reference=order.number)

    def handle_webhook(self, request: HttpRequest) -> HttpResponse:
        return webhook_handle(request)

    def refund(self, refund) -> str:
        """Give back `refund.amount` of the card payment it belongs to; returns Stripe's refund
        id. The refund row's key is the idempotency key and is written into the refund's
        metadata, where reconciliation finds it after a timeout."""
        return refund_send(refund)

    def transfer(self, payout) -> str:
        """Send a payout to the artist's Connect account; returns the transfer id."""
        return api.transfer_create(payout)

    def transfer_reconcile(self, payout) -> str:
        """Ask Stripe whether a payout whose answer was lost was transferred, and apply it."""
        return payout_reconcile(payout)

    def reconcile(self, order) -> str:
        """Ask Stripe about every attempt and refund of the order whose fate is open or unknown,
        and apply the answers as the webhooks would have."""
        return order_reconcile(order)

    def cancel(self, order) -> bool:
        """Close every session of the order that may still be paid, before the order is
        cancelled. False when the buyer paid after all (the webhook or reconciliation will
        mark it paid), or when Stripe cannot be asked now, or an attempt's fate is unknown."""
        try:
            attempts_reconcile(order)
        except PaymentError:
            return False
        for attempt in order.attempts.filter(gateway=self.name, state__in=[*A_LIVE, A.SUCCEEDED]):
            if attempt.state != A.OPEN:
                return False
            try:
                status = api.checkout_session_expire(attempt.provider_id)
            except PaymentError:
                logger.warning("Could not expire a Checkout session of order %s; trying later", order.number)
                return False
            if status == "complete":
                return False
            PaymentAttempt.objects.filter(pk=attempt.pk, state=A.OPEN).update(state=A.EXPIRED)
        return True


A_LIVE = PaymentAttempt.LIVE_STATES
