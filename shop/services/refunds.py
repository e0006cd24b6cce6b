"""Refunds: each request to give money back is a `Refund` row made before the provider is
called, booked on the order and the ledger exactly once when it is known to have succeeded.

A refund whose call timed out stays `unknown` and counts as in flight: nothing more can be
refunded over it, and it is neither sent again nor given up until reconciliation has asked
the provider. The automatic refund of a duplicate payment does not count for the order."""

import secrets
from collections.abc import Callable

from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from ..models import Order, OrderEvent, PaymentAttempt, Refund
from . import ledger
from .errors import PaymentError, PaymentOutcomeUnknown, RefundError, RefundOutcomeUnknown
from .gateways import gateway_for_order
from .orders import order_transition

S = Order.Status
IN_FLIGHT = (Refund.State.REQUESTED, Refund.State.UNKNOWN)


def refunds_in_flight(order: Order) -> int:
    """What is being refunded for the order and not yet known to have succeeded or failed."""
    return (
        order.refunds.filter(state__in=IN_FLIGHT, counts_for_order=True).aggregate(total=Sum("amount"))[
            "total"
        ]
        or 0
    )


def refund_request(
    order: Order,
    *,
    amount: int,
    attempt: PaymentAttempt | None = None,
    counts_for_order: bool = True,
    note: str = "",
) -> Refund:
    """Record that `amount` is to be given back, before anyone is asked to. For the order's own
    money: only a paid order, never more than is left once refunds in flight are counted."""
    with transaction.atomic():
        current = Order.objects.select_for_update().get(pk=order.pk)
        if counts_for_order:
            if not current.is_paid:
                raise RefundError(_("Only a paid order can be refunded."))
            left = current.refundable_amount - refunds_in_flight(current)
            if amount <= 0 or amount > left:
                raise RefundError(_("A refund must be more than zero and at most what is left to refund."))
            if attempt is None:
                attempt = current.attempts.filter(
                    state=PaymentAttempt.State.SUCCEEDED, payment_intent=current.stripe_payment_intent
                ).first()
        return Refund.objects.create(
            order=current,
            attempt=attempt,
            amount=amount,
            currency=current.currency,
            counts_for_order=counts_for_order,
            idempotency_key=f"order-{current.pk}-refund-{secrets.token_hex(8)}",
            note=note[:200],
        )


def refund_execute(refund: Refund, *, send: Callable[[Refund], str], by=None, source: str = "") -> Refund:
    """Ask the provider (`send`, a gateway's `refund`) to make the refund, then book it. A
    timeout leaves it `unknown` and raises `RefundOutcomeUnknown`; a refusal marks it failed
    and raises `RefundError` with the provider's reason."""
    try:
        provider_id = send(refund)
    except PaymentOutcomeUnknown:
        refund_mark(refund, state=Refund.State.UNKNOWN, note="the provider did not answer")
        raise RefundOutcomeUnknown() from None
    except PaymentError as error:
        refund_mark(refund, state=Refund.State.FAILED, note=str(error))
        raise RefundError(str(error)) from error
    return refund_succeeded(refund, provider_id=provider_id, by=by, source=source)


def refund_mark(refund: Refund, *, state: str, note: str = "") -> Refund:
    """A refund not (yet) known to have succeeded: unknown, or failed for good."""
    with transaction.atomic():
        current = Refund.objects.select_for_update().get(pk=refund.pk)
        if current.state == Refund.State.SUCCEEDED:
            return current
        current.state = state
        current.note = note[:200]
        current.save(update_fields=["state", "note", "updated_at"])
        OrderEvent.note_add(
            current.order,
            f"refund of {current.amount} {current.currency}: {state}; {note}".rstrip("; "),
            source="refund",
        )
    return current


def refund_succeeded(
    refund: Refund, *, provider_id: str = "", by=None, source: str = "", note: str = ""
) -> Refund:
    """The provider made the refund: book it once (a second report of it changes nothing)."""
    with transaction.atomic():
        current = Refund.objects.select_for_update().get(pk=refund.pk)
        if current.booked:
            return current
        current.state = Refund.State.SUCCEEDED
        current.provider_id = provider_id or current.provider_id
        current.booked = True
        current.save(update_fields=["state", "provider_id", "booked", "updated_at"])
        text = "; ".join(filter(None, [provider_id, note or current.note]))
        if current.counts_for_order:
            order_refund_record(current.order, amount=current.amount, by=by, note=text, source=source)
        else:
            order = current.order
            OrderEvent.note_add(
                order,
                f"duplicate payment refunded in full: {current.amount} {current.currency}; {text}",
                actor=by,
                source=source,
            )
    return current


def order_refund(order: Order, *, amount: int, by=None, note: str = "", gateway=None) -> Order:
    """Refund `amount` minor units of a paid order through its gateway (Stripe refunds the
    card; a manual refund is recorded as paid back by the editor), write the reversing ledger
    entries, and move the order to refunded when nothing is left to refund."""
    gateway = gateway or gateway_for_order(order)
    refund = refund_request(order, amount=amount, note=note)
    refund_execute(refund, send=gateway.refund, by=by, source="editor" if by else "")
    order.refresh_from_db()
    return order


def order_refund_record(
    order: Order, *, amount: int, by=None, note: str = "", reference: str = "", source: str = ""
) -> Order:
    """Book a refund the provider has made: the order's refunded amount, the reversing ledger
    entries, and the move to refunded when everything is given back."""
    with transaction.atomic():
        current = Order.objects.select_for_update().get(pk=order.pk)
        amount = min(amount, current.refundable_amount)
        if amount <= 0:
            return current
        current.refunded_amount += amount
        current.save(update_fields=["refunded_amount", "updated_at"])
        ledger.ledger_record_refund(current, amount)
        text = "; ".join(filter(None, [f"refund {amount} {current.currency}", reference, note]))
        if current.refunded_amount == current.total:
            order_transition(current, to=S.REFUNDED, by=by, source=source, note=text)
        else:
            OrderEvent.note_add(current, text, actor=by, source=source)
    order.refresh_from_db()
    return order
