"""Card payments through Stripe Checkout. The buyer pays on Stripe's hosted page; the order
is marked paid only by the signed `checkout.session.completed` webhook, never by the buyer
coming back to the success page."""

import logging

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from ..base import Gateway, PaymentError, PaymentStart
from . import api

logger = logging.getLogger(__name__)


class StripeGateway(Gateway):
    name = "stripe"

    def start(self, order, *, success_url: str, cancel_url: str) -> PaymentStart:
        """A Checkout session for the order (the open one it already has, if any)."""
        from ...models import Order

        if order.status != Order.Status.PENDING_PAYMENT:
            raise PaymentError(_("This order is no longer waiting for payment."))
        if order.stripe_session_id:
            session = api.checkout_session_retrieve(order.stripe_session_id)
            if session.status == "open":
                return PaymentStart(redirect_url=session.url, reference=order.number)
        session = api.checkout_session_create(order, success_url=success_url, cancel_url=cancel_url)
        Order.objects.filter(pk=order.pk).update(stripe_session_id=session.id)
        order.stripe_session_id = session.id
        return PaymentStart(redirect_url=session.url, reference=order.number)

    def handle_webhook(self, request: HttpRequest) -> HttpResponse:
        from .webhooks import webhook_handle

        return webhook_handle(request)

    def refund(self, order, amount: int) -> str:
        """Refund part or all of the card payment; returns Stripe's refund id. The key makes a
        retry of the same refund (nothing booked since) harmless."""
        if not order.stripe_payment_intent:
            raise PaymentError(_("This order has no card payment to refund."))
        key = f"order-{order.pk}-refund-{order.refunded_amount}-{amount}"
        return api.refund_create(order.stripe_payment_intent, amount, key)

    def reconcile(self, order) -> str:
        """Apply the order's Checkout session as Stripe's webhook would have: paid if the buyer
        paid, cancelled if the session expired, nothing while it is open."""
        from .reconcile import session_reconcile

        return session_reconcile(order)

    def cancel(self, order) -> bool:
        """Close the order's Checkout session before the order is cancelled. False when the
        buyer paid after all (the webhook will mark it paid) or Stripe cannot be asked now."""
        if not order.stripe_session_id:
            return True
        try:
            status = api.checkout_session_expire(order.stripe_session_id)
        except PaymentError:
            logger.warning("Could not expire the Checkout session of order %s; trying later", order.number)
            return False
        return status != "complete"
