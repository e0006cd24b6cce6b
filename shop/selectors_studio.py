"""Reads for the shop pages of the artist's studio: her offers, the orders she must post, her
money and her conversations. Every query starts from the artist, so another artist's rows
are never found; the buyer's email address is never selected for her pages."""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import Prefetch, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from gallery.models import Artwork

from .models import Inquiry, LedgerEntry, Offer, Order, OrderLine, Payout
from .services.ledger import Balance, artist_balance

PAID_STATUSES = (Order.Status.PAID, Order.Status.SHIPPED, Order.Status.DELIVERED)
CLOSED_SHOWN = 20


def offer_list_for_artwork(*, artwork: Artwork):
    """The offers of one of her works: the original first, then print editions."""
    return artwork.offers.select_related("shipping_profile").order_by("kind", "pk")


def offer_get_for_artist(*, artist, artwork_pk: int, pk: int) -> Offer | None:
    """One offer of one of her own works, or None — never someone else's."""
    # `artwork__pk`, not `artwork_id`: a number too big for the column finds nothing.
    return (
        Offer.objects.filter(artwork__artist=artist, artwork__pk=artwork_pk, pk=pk)
        .select_related("artwork", "shipping_profile")
        .first()
    )


def _original_lines(artwork: Artwork):
    return OrderLine.objects.filter(Q(offer__artwork=artwork) | Q(artwork=artwork), kind=Offer.Kind.ORIGINAL)


def original_is_sold(*, artwork: Artwork) -> bool:
    """The original has gone to a buyer: a paid, shipped or delivered order holds it."""
    return _original_lines(artwork).filter(order__status__in=PAID_STATUSES).exists()


def original_is_reserved(*, artwork: Artwork) -> bool:
    """A buyer is paying for the original right now (a pending order holds it)."""
    return _original_lines(artwork).filter(order__status=Order.Status.PENDING_PAYMENT).exists()


@dataclass
class OrderSections:
    """Her orders as she works through them."""

    to_post: list = field(default_factory=list)
    waiting: list = field(default_factory=list)
    posted: list = field(default_factory=list)
    delivered: list = field(default_factory=list)
    closed: list = field(default_factory=list)


def _with_her_lines(queryset, artist):
    her_lines = OrderLine.objects.filter(artist=artist).order_by("pk")
    return queryset.prefetch_related(Prefetch("lines", queryset=her_lines, to_attr="her_lines"))


def order_list_for_artist(*, artist):
    """Orders with at least one of her lines, newest first; `order.her_lines` holds only hers."""
    orders = Order.objects.filter(pk__in=OrderLine.objects.filter(artist=artist).values("order_id"))
    return _with_her_lines(orders.order_by("-created_at", "-pk"), artist)


def order_sections_for_artist(*, artist) -> OrderSections:
    """Her orders sorted into: paid and waiting for her parcel, waiting for the buyer's
    payment, posted (by her, perhaps not yet by another artist of the order), delivered, and
    the most recent cancelled or refunded ones."""
    sections = OrderSections()
    for order in order_list_for_artist(artist=artist):
        if order.ready_to_post and any(line.shipped_at is None for line in order.her_lines):
            sections.to_post.append(order)
        elif order.status == Order.Status.PENDING_PAYMENT:
            sections.waiting.append(order)
        elif order.status in (Order.Status.PAID, Order.Status.SHIPPED):
            sections.posted.append(order)
        elif order.status == Order.Status.DELIVERED:
            sections.delivered.append(order)
        elif len(sections.closed) < CLOSED_SHOWN:
            sections.closed.append(order)
    # The oldest paid order is the most urgent parcel.
    sections.to_post.reverse()
    return sections


def order_get_for_artist(*, artist, pk: int) -> Order | None:
    """One order in which she has lines, with only her lines, or None."""
    return order_list_for_artist(artist=artist).filter(pk=pk).first()


def order_line_get_for_artist(*, artist, pk: int) -> OrderLine | None:
    """One of her order lines, or None — never another artist's line of the same order."""
    return OrderLine.objects.filter(artist=artist, pk=pk).select_related("order").first()


def studio_shop_counts(*, artist) -> dict:
    """What waits for her: orders to post and conversations waiting for her answer."""
    ready = Q(status=Order.Status.PAID) | Q(
        status=Order.Status.PENDING_PAYMENT, payment_method=Order.PaymentMethod.CASH
    )
    to_post = Order.objects.filter(ready, lines__artist=artist, lines__shipped_at=None).distinct().count()
    open_inquiries = Inquiry.objects.filter(artist=artist, status=Inquiry.Status.OPEN).count()
    return {"orders": to_post, "inquiries": open_inquiries}


def balances_for_artist(*, artist) -> list[Balance]:
    """Her balance in somoni, and in any other currency she has sold in."""
    currencies = set(LedgerEntry.objects.filter(artist=artist).values_list("currency", flat=True).distinct())
    return [artist_balance(artist, currency) for currency in sorted(currencies | {"TJS"})]


def payout_list_for_artist(*, artist):
    """Money sent to her, newest first (failed transfers included, marked as such)."""
    return Payout.objects.filter(artist=artist).order_by("-created_at", "-pk")


def ledger_list_for_artist(*, artist, limit: int = 100):
    """Her latest ledger lines: sales and refunds, with the order and the work."""
    return (
        LedgerEntry.objects.filter(artist=artist)
        .select_related("order", "line")
        .order_by("-created_at", "-pk")[:limit]
    )


@dataclass(frozen=True)
class MonthSales:
    month: date
    net: int
    percent: int  # of the best month, in steps of 5, for the bar's width


def _month_start(day: date, back: int) -> date:
    index = day.year * 12 + day.month - 1 - back
    return date(index // 12, index % 12 + 1, 1)


def sales_by_month(*, artist, currency: str = "TJS", months: int = 12, today: date | None = None):
    """Her net sales (after commission, refunds deducted, shipping apart) in each of the last
    `months` calendar months, oldest first, months without sales included as zero."""
    today = today or timezone.localdate()
    first = _month_start(today, months - 1)
    start = timezone.make_aware(datetime(first.year, first.month, 1))
    rows = (
        LedgerEntry.objects.filter(artist=artist, currency=currency, created_at__gte=start)
        .annotate(month=TruncMonth("created_at"))
        .values("month")
        .annotate(net=Sum("net"))
    )
    totals = {}
    for row in rows:
        month = timezone.localtime(row["month"]) if timezone.is_aware(row["month"]) else row["month"]
        totals[(month.year, month.month)] = row["net"] or 0
    starts = [_month_start(today, back) for back in range(months - 1, -1, -1)]
    best = max([totals.get((m.year, m.month), 0) for m in starts] + [0])
    result = []
    for month in starts:
        net = totals.get((month.year, month.month), 0)
        percent = round(net * 20 / best) * 5 if best > 0 and net > 0 else 0
        result.append(MonthSales(month=month, net=net, percent=percent))
    return result


def inquiry_get_for_artist(*, artist, pk: int) -> Inquiry | None:
    """One of her conversations with its messages, or None."""
    return (
        Inquiry.objects.filter(artist=artist, pk=pk)
        .select_related("artwork")
        .prefetch_related("messages")
        .first()
    )
