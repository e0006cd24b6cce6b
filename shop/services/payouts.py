"""Stripe Connect payouts: the transfer of an artist's available balance, and what its
outcome means for her ledger entries.

A transfer's idempotency key is derived from the ledger entries it pays (and how many
transfers of exactly those entries Stripe has refused or never received), never from the
payout row: if an answer is lost and the same entries are sent again, Stripe sees the same key
and makes one transfer. A transfer whose answer was lost leaves the payout `unknown` with its
entries paid out; only reconciliation, having asked Stripe, gives them back."""

import hashlib
from collections.abc import Callable

from django.db import transaction

from artists.models import ArtistProfile

from ..models import LedgerEntry, Payout
from .errors import PaymentError, PaymentOutcomeUnknown
from .ledger import artist_balance, payout_record

P = Payout.Status


def payout_transfer_key(artist: ArtistProfile, entry_ids: list[int]) -> str:
    """The same entries give the same key, until a transfer of them has failed for good."""
    digest = hashlib.sha256(",".join(str(pk) for pk in sorted(entry_ids)).encode()).hexdigest()[:24]
    prefix = f"transfer-{artist.pk}-{digest}"
    failed = Payout.objects.filter(artist=artist, status=P.FAILED, idempotency_key__startswith=prefix).count()
    return f"{prefix}-{failed}"


def connect_payout_send(
    artist: ArtistProfile, *, send: Callable[[Payout], str], currency: str = "TJS"
) -> Payout:
    """Pay her whole available balance by one transfer (`send`, the gateway's transfer call).
    Raises `PayoutError` when there is nothing to pay or her payouts are on hold."""
    balance = artist_balance(artist, currency)
    payout = payout_record(
        artist,
        method=Payout.Method.STRIPE,
        expected_amount=balance.available,
        currency=currency,
        status=P.SENDING,
    )
    payout.idempotency_key = payout_transfer_key(artist, list(payout.entries.values_list("pk", flat=True)))
    payout.save(update_fields=["idempotency_key"])
    try:
        transfer_id = send(payout)
    except PaymentOutcomeUnknown:
        Payout.objects.filter(pk=payout.pk, status=P.SENDING).update(status=P.UNKNOWN)
        payout.refresh_from_db()
        return payout
    except PaymentError as error:
        return payout_transfer_failed(payout, note=str(error))
    return payout_transfer_succeeded(payout, transfer_id=transfer_id)


def payout_transfer_succeeded(payout: Payout, *, transfer_id: str) -> Payout:
    """Stripe made the transfer: the payout is paid (its entries were paid out when it was made)."""
    with transaction.atomic():
        current = Payout.objects.select_for_update().get(pk=payout.pk)
        if current.status in (P.SENDING, P.UNKNOWN):
            current.status = P.PAID
            current.stripe_transfer_id = transfer_id
            current.save(update_fields=["status", "stripe_transfer_id"])
    payout.refresh_from_db()
    return payout


def payout_transfer_failed(payout: Payout, *, note: str = "") -> Payout:
    """Stripe refused the transfer, or has none for it: its entries are available again."""
    with transaction.atomic():
        current = Payout.objects.select_for_update().get(pk=payout.pk)
        if current.status in (P.SENDING, P.UNKNOWN):
            current.entries.update(state=LedgerEntry.State.AVAILABLE, payout=None)
            current.status = P.FAILED
            current.note = "\n".join(p for p in (current.note, note) if p)
            current.save(update_fields=["status", "note"])
    payout.refresh_from_db()
    return payout
