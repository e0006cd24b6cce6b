"""Who is owed what: ledger entries per order line, balances, payouts."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from artists.models import ArtistProfile

from ..models import LedgerEntry, Order, Payout
from ..money import allocate, commission_split
from .errors import PayoutError


def ledger_record_sale(order: Order) -> list[LedgerEntry]:
    """On payment: per line, gross (the line total), the site's commission at the rate copied
    into the line, the artist's net, and the line's shipping fee passed on to her. Over an
    order, sum(net) + sum(commission) = total − shipping."""
    entries = []
    for line in order.lines.all():
        commission, net = commission_split(line.line_total, line.commission_percent)
        entries.append(
            LedgerEntry(
                order=order,
                line=line,
                artist_id=line.artist_id,
                kind=LedgerEntry.Kind.SALE,
                currency=order.currency,
                gross=line.line_total,
                commission=commission,
                net=net,
                shipping=line.shipping_fee,
            )
        )
    return LedgerEntry.objects.bulk_create(entries)


def ledger_record_refund(order: Order, amount: int) -> list[LedgerEntry]:
    """Book a refund of `amount` minor units (already added to `order.refunded_amount`).

    Everything refunded so far is spread over the lines in proportion to what each cost
    (works + shipping), within a line split between goods and shipping the same way, with
    the commission on the goods part given back at the line's rate; each line then gets an
    entry for the difference from what its earlier refund entries hold. Working from the
    running total keeps rounding from drifting: partial refunds adding up to the total cancel
    the sale entries exactly. Entries of an undelivered order stay pending; after delivery the
    refund is deducted from what the artist may be paid next."""
    lines = list(order.lines.all())
    refunded = allocate(order.refunded_amount, [line.line_total + line.shipping_fee for line in lines])
    delivered = order.ledger_entries.exclude(state=LedgerEntry.State.PENDING).exists()
    booked = {
        row["line_id"]: row
        for row in order.ledger_entries.filter(kind=LedgerEntry.Kind.REFUND)
        .values("line_id")
        .annotate(gross=Sum("gross"), commission=Sum("commission"), net=Sum("net"), shipping=Sum("shipping"))
    }
    entries = []
    for line, total_refund in zip(lines, refunded, strict=True):
        cost = line.line_total + line.shipping_fee
        shipping = total_refund * line.shipping_fee // cost if cost else 0
        goods = total_refund - shipping
        commission, net = commission_split(goods, line.commission_percent)
        before = booked.get(line.pk, {})
        delta = {
            "gross": -goods - (before.get("gross") or 0),
            "commission": -commission - (before.get("commission") or 0),
            "net": -net - (before.get("net") or 0),
            "shipping": -shipping - (before.get("shipping") or 0),
        }
        if not any(delta.values()):
            continue
        entries.append(
            LedgerEntry(
                order=order,
                line=line,
                artist_id=line.artist_id,
                kind=LedgerEntry.Kind.REFUND,
                currency=order.currency,
                state=LedgerEntry.State.AVAILABLE if delivered else LedgerEntry.State.PENDING,
                available_at=timezone.now() if delivered else None,
                **delta,
            )
        )
    return LedgerEntry.objects.bulk_create(entries)


def ledger_release(order: Order) -> int:
    """On delivery the order's pending entries become available for a payout."""
    return order.ledger_entries.filter(state=LedgerEntry.State.PENDING).update(
        state=LedgerEntry.State.AVAILABLE, available_at=timezone.now()
    )


@dataclass(frozen=True)
class Balance:
    currency: str
    pending: int
    available: int
    paid_out: int


def artist_balance(artist: ArtistProfile, currency: str = "TJS") -> Balance:
    """What she is owed (net + shipping): waiting for delivery, ready to pay, already paid."""
    totals = {
        row["state"]: (row["net"] or 0) + (row["shipping"] or 0)
        for row in LedgerEntry.objects.filter(artist=artist, currency=currency)
        .values("state")
        .annotate(net=Sum("net"), shipping=Sum("shipping"))
    }
    return Balance(
        currency=currency,
        pending=totals.get(LedgerEntry.State.PENDING, 0),
        available=totals.get(LedgerEntry.State.AVAILABLE, 0),
        paid_out=totals.get(LedgerEntry.State.PAID_OUT, 0),
    )


def balances_to_pay() -> list[tuple[ArtistProfile, Balance]]:
    """Each artist (and currency) with money available for a payout, by name."""
    keys = set(
        LedgerEntry.objects.filter(state=LedgerEntry.State.AVAILABLE)
        .order_by()
        .values_list("artist_id", "currency")
        .distinct()
    )
    artists = ArtistProfile.objects.in_bulk({artist_id for artist_id, _currency in keys})
    rows = []
    for artist_id, currency in keys:
        balance = artist_balance(artists[artist_id], currency)
        if balance.available > 0:
            rows.append((artists[artist_id], balance))
    rows.sort(key=lambda row: (row[0].display_name.lower(), row[1].currency))
    return rows


def payout_record(
    artist: ArtistProfile,
    *,
    method: str,
    expected_amount: int,
    currency: str = "TJS",
    reference: str = "",
    note: str = "",
    proof=None,
    by=None,
    status: str = Payout.Status.PAID,
) -> Payout:
    """Pay an artist everything available to her, in one batch. The editor confirms the amount
    she saw; if the balance changed meanwhile, or nothing is available, nothing is recorded.
    A payout therefore never exceeds the available balance, and each entry is paid once.
    Nothing is paid while her payouts are on hold after a change of payout destination
    (`ArtistProfile.payouts_held_until`), which stops Connect transfers too."""
    with transaction.atomic():
        locked = ArtistProfile.objects.select_for_update().filter(pk=artist.pk).first()
        if locked is not None and locked.payouts_held():
            raise PayoutError(_payouts_on_hold(locked))
        entries = list(
            LedgerEntry.objects.select_for_update().filter(
                artist=artist, currency=currency, state=LedgerEntry.State.AVAILABLE, payout=None
            )
        )
        available = sum(entry.payable for entry in entries)
        if available <= 0:
            raise PayoutError(_nothing_available())
        if expected_amount != available:
            raise PayoutError(_balance_changed())
        payout = Payout.objects.create(
            artist=artist,
            amount=available,
            currency=currency,
            method=method,
            reference=reference,
            note=note,
            proof=proof,
            created_by=by,
            status=status,
        )
        LedgerEntry.objects.filter(pk__in=[entry.pk for entry in entries]).update(
            state=LedgerEntry.State.PAID_OUT, payout=payout
        )
    return payout


def payout_fail(payout: Payout, *, note: str = "") -> Payout:
    """A transfer that did not go through: its entries are available again."""
    with transaction.atomic():
        payout.entries.update(state=LedgerEntry.State.AVAILABLE, payout=None)
        payout.status = Payout.Status.FAILED
        payout.note = "\n".join(p for p in (payout.note, note) if p)
        payout.save(update_fields=["status", "note"])
    return payout


def _nothing_available():
    return _("Nothing is available to pay this artist yet: works are paid out after delivery.")


def _balance_changed():
    return _("The available balance changed while you were looking. Check the new amount and try again.")


def _payouts_on_hold(artist: ArtistProfile):
    return _(
        "Payouts to %(artist)s are on hold until %(until)s: her payout details changed recently "
        "and she has been emailed to confirm it was her."
    ) % {
        "artist": artist.display_name,
        "until": date_format(timezone.localtime(artist.payouts_held_until), "DATETIME_FORMAT"),
    }
