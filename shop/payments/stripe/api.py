"""The only place that calls Stripe's API: thin wrappers with short timeouts and idempotency
keys, so a retried request never creates a second session, refund or transfer. Stripe's
errors come out as `PaymentError` with a message a person can act on."""

import logging
import time

from django.conf import settings
from django.utils.translation import gettext as _

import stripe

from ..base import PaymentError

logger = logging.getLogger(__name__)

# Seconds to connect and to wait for an answer; a checkout must not hang on Stripe. With the
# one automatic retry a buyer waits at most about 2 x (3 + 10) s: less than gunicorn's 30 s
# worker timeout, so she gets our "try again" message rather than a dropped connection.
# settings.STRIPE_TIMEOUT may override it.
TIMEOUT = (3, 10)
# Stripe refuses a Checkout session that expires sooner than 30 minutes after creation.
SESSION_MIN_LIFETIME = 31 * 60
SESSION_MAX_LIFETIME = 24 * 60 * 60
# Checkout's own page speaks these of our languages; Tajik readers get Russian.
CHECKOUT_LOCALES = {"en": "en", "ru": "ru", "tg": "ru"}


def client() -> stripe.StripeClient:
    """A client for the configured account (and the fake Stripe when STRIPE_API_BASE is set)."""
    base = getattr(settings, "STRIPE_API_BASE", "")
    return stripe.StripeClient(
        settings.STRIPE_SECRET_KEY,
        base_addresses={"api": base} if base else None,
        http_client=stripe.RequestsClient(timeout=getattr(settings, "STRIPE_TIMEOUT", TIMEOUT)),
        max_network_retries=1,
    )


def _failed(error: stripe.StripeError, action: str) -> PaymentError:
    logger.warning("Stripe %s failed: %s", action, error)
    if isinstance(error, stripe.APIConnectionError):
        return PaymentError(_("The card payment service could not be reached. Please try again in a minute."))
    reason = error.user_message or str(error)
    return PaymentError(_("The card payment service refused the request: %(reason)s") % {"reason": reason})


def checkout_session_create(order, *, success_url: str, cancel_url: str):
    """A Checkout session for a pending order: one item per line at the price copied into the
    order, one shipping item, the order's currency; it ends with the order's reservation
    (but not sooner than Stripe allows). Creating it twice for one order within a minute gives
    one session: the expiry is rounded up to the minute and is part of the idempotency key, so
    a retry after a timeout finds the session Stripe made meanwhile, and a retry later (when
    the parameters differ) is a new request instead of an idempotency error."""
    currency = order.currency.lower()
    line_items = [
        {
            "price_data": {
                "currency": currency,
                "unit_amount": line.unit_price,
                "product_data": {"name": f"{line.title} — {line.artist_name}"},
            },
            "quantity": line.quantity,
        }
        for line in order.lines.all()
    ]
    if order.shipping_fee:
        line_items.append(
            {
                "price_data": {
                    "currency": currency,
                    "unit_amount": order.shipping_fee,
                    "product_data": {"name": _("Shipping")},
                },
                "quantity": 1,
            }
        )
    now = int(time.time())
    expires_at = int(order.expires_at.timestamp()) if order.expires_at else now + SESSION_MIN_LIFETIME
    expires_at = min(max(expires_at, now + SESSION_MIN_LIFETIME), now + SESSION_MAX_LIFETIME)
    expires_at = min(-(-expires_at // 60) * 60, now + SESSION_MAX_LIFETIME)
    params = {
        "mode": "payment",
        "line_items": line_items,
        "customer_email": order.email,
        "client_reference_id": order.number,
        "metadata": {"order_id": str(order.pk), "order_number": order.number},
        "payment_intent_data": {"metadata": {"order_id": str(order.pk), "order_number": order.number}},
        "success_url": success_url,
        "cancel_url": cancel_url,
        "expires_at": expires_at,
        "locale": CHECKOUT_LOCALES.get(order.language, "auto"),
    }
    try:
        return client().v1.checkout.sessions.create(
            params, options={"idempotency_key": f"order-{order.pk}-checkout-{expires_at}"}
        )
    except stripe.StripeError as error:
        raise _failed(error, "checkout session") from error


def checkout_session_retrieve(session_id: str):
    try:
        return client().v1.checkout.sessions.retrieve(session_id)
    except stripe.StripeError as error:
        raise _failed(error, "checkout session lookup") from error


def checkout_session_expire(session_id: str) -> str:
    """Close an open Checkout session. Returns the session's status afterwards: "expired",
    or "complete" when the buyer paid before it could be closed."""
    try:
        return client().v1.checkout.sessions.expire(session_id).status
    except stripe.InvalidRequestError as error:
        # Not open any more: say whether it was paid or already expired.
        status = checkout_session_retrieve(session_id).status
        if status == "open":
            raise _failed(error, "checkout session expiry") from error
        return status
    except stripe.StripeError as error:
        raise _failed(error, "checkout session expiry") from error


def refund_create(payment_intent: str, amount: int, idempotency_key: str) -> str:
    """Refund `amount` minor units of a card payment; returns Stripe's refund id."""
    try:
        refund = client().v1.refunds.create(
            {"payment_intent": payment_intent, "amount": amount},
            options={"idempotency_key": idempotency_key},
        )
    except stripe.StripeError as error:
        raise _failed(error, "refund") from error
    return refund.id


def transfer_create(payout) -> str:
    """Send a recorded payout to the artist's Stripe Connect account; returns the transfer id."""
    artist = payout.artist
    if not artist.stripe_account_id:
        raise PaymentError(_("This artist has no Stripe account to transfer to."))
    try:
        transfer = client().v1.transfers.create(
            {
                "amount": payout.amount,
                "currency": payout.currency.lower(),
                "destination": artist.stripe_account_id,
                "transfer_group": f"payout-{payout.pk}",
                "description": f"Payout {payout.pk} to {artist.display_name}",
                "metadata": {"payout_id": str(payout.pk), "artist_id": str(artist.pk)},
            },
            options={"idempotency_key": f"payout-{payout.pk}"},
        )
    except stripe.StripeError as error:
        raise _failed(error, "transfer") from error
    return transfer.id
