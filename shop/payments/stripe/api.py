"""The only place that calls Stripe's API: thin wrappers with short timeouts and idempotency
keys, so a repeated request never creates a second session, refund or transfer. Stripe's
errors come out as `PaymentError` with a message a person can act on; a call whose outcome is
unknown (a timeout, a dropped connection, Stripe's own 5xx) comes out as
`PaymentOutcomeUnknown`, never retried here: the caller records it and reconciliation asks
Stripe what happened."""

import logging
import time

from django.conf import settings
from django.utils.translation import gettext as _

import stripe

from ..base import PaymentError, PaymentOutcomeUnknown

logger = logging.getLogger(__name__)

# Seconds to connect and to wait for an answer; a checkout must not hang on Stripe. A buyer
# waits at most 3 + 10 s: less than gunicorn's 30 s worker timeout, so she gets our message
# rather than a dropped connection. settings.STRIPE_TIMEOUT may override it.
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
        # No blind retries: a request that timed out may have taken effect at Stripe.
        max_network_retries=0,
    )


def _outcome_unknown(error: stripe.StripeError) -> bool:
    """A timeout or dropped connection, or a 5xx from Stripe: the request may have been done."""
    if isinstance(error, stripe.APIConnectionError):
        return True
    return isinstance(error, stripe.APIError) and (error.http_status or 500) >= 500


def _failed(error: stripe.StripeError, action: str) -> PaymentError:
    logger.warning("Stripe %s failed: %s", action, error)
    if _outcome_unknown(error):
        return PaymentOutcomeUnknown(
            _(
                "The card payment service did not answer in time. We are checking with it; "
                "please look again in a few minutes."
            )
        )
    reason = error.user_message or str(error)
    return PaymentError(_("The card payment service refused the request: %(reason)s") % {"reason": reason})


def checkout_session_expiry(order) -> int:
    """When a new session for the order should end: with the order's reservation, but within
    the lifetime Stripe allows, rounded up to the minute."""
    now = int(time.time())
    expires_at = int(order.expires_at.timestamp()) if order.expires_at else now + SESSION_MIN_LIFETIME
    expires_at = min(max(expires_at, now + SESSION_MIN_LIFETIME), now + SESSION_MAX_LIFETIME)
    return min(-(-expires_at // 60) * 60, now + SESSION_MAX_LIFETIME)


def checkout_session_create(order, attempt, *, success_url: str, cancel_url: str, expires_at: int):
    """A Checkout session for a pending order and its `attempt`: one item per line at the price
    copied into the order, one shipping item, the order's currency. It is sent with the
    attempt's idempotency key and carries the attempt's id in its metadata, so a session made
    by a request whose answer was lost is found again by reconciliation."""
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
    metadata = {"order_id": str(order.pk), "order_number": order.number, "attempt_id": str(attempt.pk)}
    params = {
        "mode": "payment",
        "line_items": line_items,
        "customer_email": order.email,
        "client_reference_id": order.number,
        "metadata": metadata,
        "payment_intent_data": {"metadata": metadata},
        "success_url": success_url,
        "cancel_url": cancel_url,
        "expires_at": expires_at,
        "locale": CHECKOUT_LOCALES.get(order.language, "auto"),
    }
    try:
        return client().v1.checkout.sessions.create(
            params, options={"idempotency_key": attempt.idempotency_key}
        )
    except stripe.StripeError as error:
        raise _failed(error, "checkout session") from error


def checkout_session_retrieve(session_id: str):
    try:
        return client().v1.checkout.sessions.retrieve(session_id)
    except stripe.StripeError as error:
        raise _failed(error, "checkout session lookup") from error


def checkout_sessions_created(since: int, until: int) -> list[dict]:
    """Every Checkout session created between two Unix times (to find one whose creation
    answer was lost)."""
    try:
        page = client().v1.checkout.sessions.list({"created": {"gte": since, "lte": until}, "limit": 100})
        return [session.to_dict() for session in page.auto_paging_iter()]
    except stripe.StripeError as error:
        raise _failed(error, "checkout session list") from error


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
    """Refund `amount` minor units of a card payment; returns Stripe's refund id. The key is
    also written into the refund's metadata, where reconciliation looks for it."""
    try:
        refund = client().v1.refunds.create(
            {"payment_intent": payment_intent, "amount": amount, "metadata": {"key": idempotency_key}},
            options={"idempotency_key": idempotency_key},
        )
    except stripe.StripeError as error:
        raise _failed(error, "refund") from error
    return refund.id


def refunds_list(payment_intent: str) -> list[dict]:
    """Every refund of a card payment, as Stripe knows them."""
    try:
        page = client().v1.refunds.list({"payment_intent": payment_intent, "limit": 100})
        return [refund.to_dict() for refund in page.auto_paging_iter()]
    except stripe.StripeError as error:
        raise _failed(error, "refund list") from error


def transfer_create(payout) -> str:
    """Send a recorded payout to the artist's Stripe Connect account; returns the transfer id.
    The payout's key (derived from the ledger entries it pays) is the idempotency key and the
    transfer group, so the same entries are never transferred twice."""
    artist = payout.artist
    if not artist.stripe_account_id:
        raise PaymentError(_("This artist has no Stripe account to transfer to."))
    try:
        transfer = client().v1.transfers.create(
            {
                "amount": payout.amount,
                "currency": payout.currency.lower(),
                "destination": artist.stripe_account_id,
                "transfer_group": payout.idempotency_key,
                "description": f"Payout {payout.pk} to {artist.display_name}",
                "metadata": {"payout_id": str(payout.pk), "artist_id": str(artist.pk)},
            },
            options={"idempotency_key": payout.idempotency_key},
        )
    except stripe.StripeError as error:
        raise _failed(error, "transfer") from error
    return transfer.id


def transfers_list(transfer_group: str) -> list[dict]:
    """The transfers Stripe made in a transfer group (one payout's key)."""
    try:
        page = client().v1.transfers.list({"transfer_group": transfer_group, "limit": 100})
        return [transfer.to_dict() for transfer in page.auto_paging_iter()]
    except stripe.StripeError as error:
        raise _failed(error, "transfer list") from error
