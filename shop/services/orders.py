"""Orders: a quote from server prices, creation with stock taken atomically, the one
transition function, payment, cancellation and expiry, shipping, delivery, refunds."""

import hashlib
import hmac
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from heritage.email_address import email_canonical
from heritage.models import SiteSettings

from ..models import Offer, Order, OrderEvent, OrderLine, ShippingZone, shipping_zone_for
from ..policies import terms_current
from . import ledger
from .errors import (
    CheckoutError,
    PaymentError,
    PaymentInProgress,
    PaymentMismatch,
    SoldOut,
    TermsChanged,
    TransitionNotAllowed,
)
from .gateways import gateway_for_order
from .notify import order_delivered, order_status_changed, send_on_commit

# How long a card checkout holds the works: Stripe's shortest Checkout session lifetime.
CARD_RESERVATION = timedelta(minutes=30)

S = Order.Status
ALLOWED_MOVES: dict[str, set[str]] = {
    S.PENDING_PAYMENT: {S.PAID, S.CANCELLED},
    S.PAID: {S.SHIPPED, S.DELIVERED, S.REFUNDED},
    S.SHIPPED: {S.DELIVERED, S.REFUNDED},
    S.DELIVERED: {S.REFUNDED},
    S.CANCELLED: set(),
    S.REFUNDED: set(),
}
TIMESTAMPS = {
    S.PAID: "paid_at",
    S.SHIPPED: "shipped_at",
    S.DELIVERED: "delivered_at",
    S.CANCELLED: "cancelled_at",
    S.REFUNDED: "refunded_at",
}


@dataclass
class QuoteLine:
    offer: Offer
    quantity: int
    unit_price: int
    line_total: int
    shipping_fee: int


@dataclass
class Quote:
    """What a basket costs to one destination, from the offers' current prices."""

    currency: str
    zone: str
    lines: list[QuoteLine] = field(default_factory=list)

    @property
    def subtotal(self) -> int:
        return sum(line.line_total for line in self.lines)

    @property
    def shipping_fee(self) -> int:
        return sum(line.shipping_fee for line in self.lines)

    @property
    def total(self) -> int:
        return self.subtotal + self.shipping_fee


@dataclass
class BuyerDetails:
    email: str
    name: str
    address_line1: str
    city: str
    country: str
    payment_method: str
    terms_accepted: bool
    phone: str = ""
    address_line2: str = ""
    region: str = ""
    postal_code: str = ""
    note: str = ""
    # The revision of the terms of sale she was shown; None when the caller does not know,
    # and the terms live now are recorded.
    terms_revision: int | None = None


def checkout_quote(items: list[tuple[Offer, int]], country: str) -> Quote:
    """Price a basket for a destination: unit prices from the offers, one shipping fee per line
    from the offer's shipping profile and the destination's zone. Nothing comes from the buyer
    but the offers, quantities and country; an original is always quantity 1."""
    zone = shipping_zone_for(country) if country else ShippingZone.WORLD
    currencies = {offer.currency for offer, _q in items}
    if len(currencies) > 1:
        raise CheckoutError(_("These works are priced in different currencies; buy them separately."))
    quote = Quote(currency=currencies.pop() if currencies else "TJS", zone=zone)
    for offer, quantity in items:
        quantity = 1 if offer.is_original else max(1, int(quantity))
        quote.lines.append(
            QuoteLine(
                offer=offer,
                quantity=quantity,
                unit_price=offer.price_amount,
                line_total=offer.price_amount * quantity,
                shipping_fee=offer.shipping_profile.fee_for(zone),
            )
        )
    return quote


def _commission_percent(artist) -> int:
    if artist.commission_percent is not None:
        return artist.commission_percent
    return SiteSettings.load().default_commission_percent


def placed_from_key(address: str) -> str:
    """A keyed hash of a client address: enough to count orders from one place, useless to
    anyone who reads the database."""
    if not address:
        return ""
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()[:32]


def _unpaid_limits_check(email: str, placed_from: str) -> None:
    """Works held by unpaid orders are off sale for everyone else, so one buyer (by email) or
    one place (by address) may hold only a few at a time."""
    unpaid = Order.objects.filter(status=S.PENDING_PAYMENT)
    if unpaid.filter(email=email).count() >= settings.SHOP_UNPAID_ORDERS_PER_EMAIL or (
        placed_from
        and unpaid.filter(placed_from=placed_from).count() >= settings.SHOP_UNPAID_ORDERS_PER_ADDRESS
    ):
        raise CheckoutError(
            _(
                "You already have orders waiting for payment. Please pay or cancel one of them "
                "(the links are in your emails) before placing another."
            )
        )


def order_create(
    items: list[tuple[int, int]],
    buyer: BuyerDetails,
    *,
    user=None,
    language: str = "en",
    client_address: str = "",
) -> Order:
    """Create a pending order for `items` ((offer id, quantity) pairs) and take their stock.

    Stock is taken per offer by one conditional UPDATE (`stock = stock - n WHERE stock >= n`)
    inside the transaction that creates the order, in offer-id order so concurrent checkouts
    cannot deadlock: on PostgreSQL a second buyer waits for the first's row lock and then
    finds no stock. If any offer is short, nothing is taken and `SoldOut` names it. Every
    reservation ends (see shop.services.expiry), and one buyer or one address may hold only a
    few unpaid orders at once. The publication of the terms of sale she accepted is recorded
    on the order; if they were published again after she was shown them, `TermsChanged`."""
    if not buyer.terms_accepted:
        raise CheckoutError(_("Please accept the terms of sale to place the order."))
    if not items:
        raise CheckoutError(_("Your cart is empty."))
    zone = shipping_zone_for(buyer.country)
    if buyer.payment_method == Order.PaymentMethod.CASH and zone != ShippingZone.TAJIKISTAN:
        raise CheckoutError(
            _("Cash on delivery is possible only within Tajikistan. Please choose another way to pay.")
        )
    if buyer.payment_method not in Order.PaymentMethod.values:
        raise CheckoutError(_("Please choose how you will pay."))

    terms = terms_current(language)
    if terms is not None and buyer.terms_revision is not None and buyer.terms_revision != terms.revision_id:
        raise TermsChanged()

    email = email_canonical(buyer.email)  # one buyer however she types her address
    placed_from = placed_from_key(client_address)
    _unpaid_limits_check(email, placed_from)

    wanted: dict[int, int] = {}
    for offer_id, quantity in items:
        wanted[int(offer_id)] = wanted.get(int(offer_id), 0) + max(1, int(quantity))

    with transaction.atomic():
        offers = {
            offer.pk: offer
            for offer in Offer.objects.buyable()
            .select_related("artwork__artist", "shipping_profile")
            .filter(pk__in=wanted)
        }
        for offer_id in sorted(wanted):
            offer = offers.get(offer_id)
            if offer is None:
                raise SoldOut(Offer.objects.filter(pk=offer_id).first())
            quantity = 1 if offer.is_original else wanted[offer_id]
            wanted[offer_id] = quantity
            taken = Offer.objects.filter(pk=offer_id, active=True, stock__gte=quantity).update(
                stock=F("stock") - quantity
            )
            if not taken:
                raise SoldOut(offer)

        quote = checkout_quote([(offers[pk], wanted[pk]) for pk in sorted(wanted)], buyer.country)
        manual_days = SiteSettings.load().manual_payment_days
        # Cash on delivery is paid when the parcel arrives: the artist confirms by posting it
        # within the configured days, or the order lapses and the works go back on sale.
        reservation = {
            Order.PaymentMethod.CARD: CARD_RESERVATION,
            Order.PaymentMethod.BANK_TRANSFER: timedelta(days=manual_days),
            Order.PaymentMethod.CASH: timedelta(days=settings.SHOP_CASH_CONFIRM_DAYS),
        }[buyer.payment_method]
        order = Order.objects.create(
            user=user if user is not None and user.is_authenticated else None,
            email=email,
            placed_from=placed_from,
            name=buyer.name.strip(),
            phone=buyer.phone.strip(),
            address_line1=buyer.address_line1.strip(),
            address_line2=buyer.address_line2.strip(),
            city=buyer.city.strip(),
            region=buyer.region.strip(),
            postal_code=buyer.postal_code.strip(),
            country=buyer.country,
            shipping_zone=quote.zone,
            note=buyer.note.strip(),
            currency=quote.currency,
            subtotal=quote.subtotal,
            shipping_fee=quote.shipping_fee,
            total=quote.total,
            payment_method=buyer.payment_method,
            language=language,
            terms_accepted_at=timezone.now(),
            terms_page_id=terms.page_id if terms else None,
            terms_revision_id=terms.revision_id if terms else None,
            terms_version=terms.version if terms else None,
            terms_published_at=terms.published_at if terms else None,
            expires_at=timezone.now() + reservation,
        )
        OrderLine.objects.bulk_create(
            [
                OrderLine(
                    order=order,
                    offer=line.offer,
                    artwork=line.offer.artwork,
                    artist=line.offer.artwork.artist,
                    title=line.offer.artwork.title,
                    artist_name=line.offer.artwork.artist.display_name,
                    kind=line.offer.kind,
                    unit_price=line.unit_price,
                    quantity=line.quantity,
                    line_total=line.line_total,
                    shipping_fee=line.shipping_fee,
                    commission_percent=_commission_percent(line.offer.artwork.artist),
                )
                for line in quote.lines
            ]
        )
        OrderEvent.objects.create(order=order, to_status=order.status, source="checkout")
        _notify_on_commit(order, order.status)
    return order


def order_transition(order: Order, *, to: str, by=None, source: str = "", note: str = "") -> Order:
    """Move an order to `to` if ALLOWED_MOVES permits it from where it is now (read under a
    row lock, so two webhooks or two editors cannot both move it), stamp the time, write an
    `OrderEvent`, apply the move's effect (stock back on cancel, ledger on payment, payouts
    released on delivery) and email buyer and artists after commit."""
    with transaction.atomic():
        current = Order.objects.select_for_update().get(pk=order.pk)
        if to not in ALLOWED_MOVES[current.status]:
            raise TransitionNotAllowed()
        from_status = current.status
        current.status = to
        stamp = TIMESTAMPS.get(to)
        update_fields = ["status", "updated_at"]
        if stamp:
            setattr(current, stamp, timezone.now())
            update_fields.append(stamp)
        if to == S.PAID:
            current.expires_at = None
            update_fields.append("expires_at")
        current.save(update_fields=update_fields)
        OrderEvent.objects.create(
            order=current, from_status=from_status, to_status=to, actor=by, source=source, note=note
        )
        if to == S.CANCELLED:
            _stock_release(current)
        elif to == S.PAID:
            ledger.ledger_record_sale(current)
        elif to == S.DELIVERED:
            current.lines.filter(shipped_at=None).update(shipped_at=timezone.now())
            ledger.ledger_release(current)
            _transfers_on_commit(current)
        _notify_on_commit(current, to)
    order.refresh_from_db()
    return order


def _stock_release(order: Order) -> None:
    for line in order.lines.exclude(offer=None):
        Offer.objects.filter(pk=line.offer_id).update(stock=F("stock") + line.quantity)


def _notify_on_commit(order: Order, status: str) -> None:
    send_on_commit(order_status_changed, order_id=order.pk, status=status)


def _transfers_on_commit(order: Order) -> None:
    send_on_commit(order_delivered, emails=False, order_id=order.pk)


def order_mark_paid(
    order: Order, *, amount: int, currency: str, by=None, source: str = "", reference: str = ""
) -> Order:
    """Record a payment of exactly the order's total in its currency (a different amount or
    currency is refused, the order untouched). A payment for an order that already counts as
    paid changes nothing. A payment that arrives after the reservation was given back retakes
    the stock if it is still there; otherwise `SoldOut` tells the caller to refund it."""
    if amount != order.total or currency.upper() != order.currency:
        raise PaymentMismatch()
    with transaction.atomic():
        current = Order.objects.select_for_update().get(pk=order.pk)
        if current.is_paid or current.status == S.REFUNDED:
            return current
        if reference:
            current.payment_reference = reference[:120]
            current.save(update_fields=["payment_reference", "updated_at"])
        if current.status == S.CANCELLED:
            _order_revive(current, source=source)
        paid = order_transition(current, to=S.PAID, by=by, source=source)
        # Cash on delivery: the parcels went before the money, so the order is shipped now.
        if paid.lines.exists() and not paid.lines.filter(shipped_at=None).exists():
            paid = order_transition(paid, to=S.SHIPPED, by=by, source=source)
        return paid


def _order_revive(order: Order, *, source: str) -> None:
    """Take the stock again for a cancelled order whose payment came late, or raise SoldOut."""
    for line in order.lines.exclude(offer=None).order_by("offer_id"):
        taken = Offer.objects.filter(pk=line.offer_id, stock__gte=line.quantity).update(
            stock=F("stock") - line.quantity
        )
        if not taken:
            raise SoldOut(line.offer)
    OrderEvent.objects.create(
        order=order,
        from_status=S.CANCELLED,
        to_status=S.PENDING_PAYMENT,
        source=source,
        note="payment arrived after the reservation ended; stock taken again",
    )
    order.status = S.PENDING_PAYMENT
    order.cancelled_at = None
    order.save(update_fields=["status", "cancelled_at", "updated_at"])


def order_cancel(
    order: Order, *, by=None, source: str = "", note: str = "", close_payment: bool = True, gateway=None
) -> Order:
    """Cancel an unpaid order and give its works back (buyer, editor, expiry). Every payment
    still open at the provider (a card Checkout session) is closed first; if the provider says
    the buyer has just paid, or cannot be asked now, nothing is cancelled and
    `PaymentInProgress` says so. `close_payment=False` is for the provider's own "expired"
    notification."""
    if close_payment and order.status == S.PENDING_PAYMENT:
        gateway = gateway or gateway_for_order(order)
        try:
            closed = gateway.cancel(order)
        except PaymentError:
            closed = False
        if not closed:
            raise PaymentInProgress()
    return order_transition(order, to=S.CANCELLED, by=by, source=source, note=note)
