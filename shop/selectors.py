"""Reads for buyers: what of a work is on sale, her cart priced for a destination, her orders
and her conversations with artists. Each takes a fixed number of queries."""

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Prefetch, Q, Sum

from gallery.models import Artwork

from .models import CartItem, Inquiry, Offer, Order, OrderLine, PaymentAttempt, ShippingZone
from .services.errors import CheckoutError
from .services.orders import Quote, checkout_quote


class Availability:
    FOR_SALE = "for-sale"
    RESERVED = "reserved"
    SOLD = "sold"
    NOT_FOR_SALE = "not-for-sale"


@dataclass
class ArtworkSale:
    """What a work's page says about buying it: its offers (each with `status`) and one
    overall `availability`."""

    offers: list[Offer] = field(default_factory=list)
    availability: str = Availability.NOT_FOR_SALE

    @property
    def buyable(self) -> list[Offer]:
        return [offer for offer in self.offers if offer.status == Availability.FOR_SALE]


def artwork_sale(artwork: Artwork) -> ArtworkSale:
    """The offers of one work in one query. An offer with stock is for sale; an emptied one is
    reserved while a pending order holds it, else sold. A work with no active offer and no
    sold-out one is not for sale (an artist hides an offer by making it inactive)."""
    held = OrderLine.objects.filter(offer=OuterRef("pk"), order__status=Order.Status.PENDING_PAYMENT)
    offers = list(
        Offer.objects.filter(artwork=artwork)
        .filter(Q(active=True) | Q(stock=0, order_lines__isnull=False))
        .distinct()
        .select_related("shipping_profile")
        .annotate(held=Exists(held))
        .order_by("kind", "pk")
    )
    for offer in offers:
        if offer.active and offer.stock > 0:
            offer.status = Availability.FOR_SALE
        elif offer.stock == 0 and offer.held:
            offer.status = Availability.RESERVED
        elif offer.stock == 0:
            offer.status = Availability.SOLD
        else:
            offer.status = Availability.NOT_FOR_SALE
    offers = [offer for offer in offers if offer.status != Availability.NOT_FOR_SALE]
    statuses = {offer.status for offer in offers}
    for availability in (Availability.FOR_SALE, Availability.RESERVED, Availability.SOLD):
        if availability in statuses:
            return ArtworkSale(offers=offers, availability=availability)
    return ArtworkSale()


def offers_buyable_ids(offer_ids) -> set[int]:
    """Which of these offers can be bought now (active, in stock, of a public work)."""
    return set(Offer.objects.buyable().filter(pk__in=list(offer_ids)).values_list("pk", flat=True))


@dataclass
class CartView:
    """A cart as the buyer sees it, priced from the offers: `quote` is None when the works are
    priced in different currencies (`error` says so)."""

    items: list[CartItem]
    country: str = ""
    quote: Quote | None = None
    error: str = ""

    @property
    def zone_label(self) -> str:
        return ShippingZone(self.quote.zone).label if self.quote else ""


def cart_view(items: list[CartItem], country: str = "") -> CartView:
    """Price `items` (already checked to be buyable) for `country` (no country: works only;
    the shipping shown only once she has chosen where it goes)."""
    view = CartView(items=items, country=country)
    if not items:
        return view
    try:
        view.quote = checkout_quote([(item.offer, item.quantity) for item in items], country)
    except CheckoutError as error:
        view.error = str(error.message)
    return view


def cart_count(*, user=None, cart_id: int | None = None) -> int:
    """How many works are in a cart (prints counted by quantity), in one query."""
    if user is not None:
        items = CartItem.objects.filter(cart__user=user)
    elif cart_id:
        items = CartItem.objects.filter(cart_id=cart_id, cart__user=None)
    else:
        return 0
    return items.aggregate(count=Sum("quantity"))["count"] or 0


def _order_queryset():
    return Order.objects.prefetch_related(
        Prefetch("lines", queryset=OrderLine.objects.select_related("artwork")),
        "events",
    )


def order_get_by_token(token: str) -> Order | None:
    """The order behind a buyer's secret link, with its lines and status history."""
    return _order_queryset().filter(token=token).first()


def order_list_for_user(user):
    """The orders she placed while signed in, newest first. Orders placed as a guest under the
    same address are not listed: an email address alone does not prove they are hers."""
    return (
        Order.objects.filter(user=user)
        .prefetch_related(Prefetch("lines", queryset=OrderLine.objects.only("pk", "order_id", "title")))
        .order_by("-created_at")
    )


def inquiry_get_by_token(token: str) -> Inquiry | None:
    """The conversation behind a buyer's secret link, with the work and the messages."""
    return (
        Inquiry.objects.select_related("artwork", "artist")
        .prefetch_related("messages")
        .filter(token=token)
        .first()
    )


def order_card_payment_state(order) -> str:
    """Where a pending card order's payment stands, for her order page: "confirming" while a
    payment may have been made (a paid session whose webhook has not come, or a call whose
    answer was lost), "open" while a session she can go back to is open, else "none". The
    page offers a new payment only in "none"."""
    states = set(order.attempts.values_list("state", flat=True))
    if states & {PaymentAttempt.State.SUCCEEDED, PaymentAttempt.State.UNKNOWN, PaymentAttempt.State.CREATING}:
        return "confirming"
    if PaymentAttempt.State.OPEN in states:
        return "open"
    return "none"
