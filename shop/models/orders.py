import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from django_countries.fields import CountryField

from artists.models import ArtistProfile
from gallery.models import Artwork

from ..money import Currency
from .offers import Offer, ShippingZone


def order_number_new() -> str:
    """A short reference a buyer can read out on the phone or write on a bank transfer."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "TH-" + "".join(secrets.choice(alphabet) for _i in range(7))


def order_token_new() -> str:
    return secrets.token_urlsafe(24)


class Order(models.Model):
    """One checkout: a buyer, where to ship, how she pays, and the lines she bought.
    Status moves only through `shop.services.orders.order_transition` (see ALLOWED_MOVES there)."""

    class Status(models.TextChoices):
        PENDING_PAYMENT = "pending_payment", _("Waiting for payment")
        PAID = "paid", _("Paid")
        SHIPPED = "shipped", _("Shipped")
        DELIVERED = "delivered", _("Delivered")
        CANCELLED = "cancelled", _("Cancelled")
        REFUNDED = "refunded", _("Refunded")

    class PaymentMethod(models.TextChoices):
        CARD = "card", _("Card (Stripe)")
        BANK_TRANSFER = "bank_transfer", _("Bank transfer")
        CASH = "cash", _("Cash on delivery")

    number = models.CharField(_("order number"), max_length=12, unique=True, default=order_number_new)
    token = models.CharField(max_length=64, unique=True, default=order_token_new, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="orders",
    )
    email = models.EmailField(_("email"))
    name = models.CharField(_("full name"), max_length=120)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    address_line1 = models.CharField(_("address"), max_length=200)
    address_line2 = models.CharField(_("address (second line)"), max_length=200, blank=True)
    city = models.CharField(_("town or city"), max_length=100)
    region = models.CharField(_("region or province"), max_length=100, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=20, blank=True)
    country = CountryField(_("country"))
    shipping_zone = models.CharField(_("shipping zone"), max_length=8, choices=ShippingZone.choices)
    note = models.TextField(_("note for the artist"), max_length=1000, blank=True)

    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, default=Currency.TJS)
    subtotal = models.PositiveIntegerField(_("works"))
    shipping_fee = models.PositiveIntegerField(_("shipping"))
    total = models.PositiveIntegerField(_("total"))
    refunded_amount = models.PositiveIntegerField(_("refunded"), default=0)

    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING_PAYMENT, db_index=True
    )
    payment_method = models.CharField(_("payment"), max_length=16, choices=PaymentMethod.choices)
    payment_reference = models.CharField(
        _("payment reference"), max_length=120, blank=True, help_text=_("Bank or receipt reference.")
    )
    stripe_session_id = models.CharField(max_length=255, blank=True, db_index=True)
    stripe_payment_intent = models.CharField(max_length=255, blank=True, db_index=True)
    language = models.CharField(_("language"), max_length=8, default="en")
    # A keyed hash of the address the order was placed from (never the address itself), to
    # limit how many unpaid orders one place may hold.
    placed_from = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    terms_accepted_at = models.DateTimeField(_("terms accepted at"))
    # Which publication of the terms of sale she accepted: copied, not linked, so that no
    # later edit or purge of the page's history changes what the order says.
    terms_page_id = models.PositiveIntegerField(null=True, blank=True, editable=False)
    terms_revision_id = models.PositiveIntegerField(
        _("terms revision"), null=True, blank=True, editable=False
    )
    terms_version = models.PositiveIntegerField(_("terms version"), null=True, blank=True, editable=False)
    terms_published_at = models.DateTimeField(_("terms published at"), null=True, blank=True, editable=False)

    expires_at = models.DateTimeField(_("reservation ends"), null=True, blank=True, db_index=True)
    paid_at = models.DateTimeField(_("paid at"), null=True, blank=True)
    shipped_at = models.DateTimeField(_("shipped at"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    refunded_at = models.DateTimeField(_("refunded at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = pgettext_lazy("shop", "order")
        verbose_name_plural = _("orders")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(total=models.F("subtotal") + models.F("shipping_fee")),
                name="order_total_is_works_plus_shipping",
            ),
            models.CheckConstraint(
                condition=models.Q(refunded_amount__lte=models.F("total")),
                name="order_refund_at_most_total",
            ),
        ]

    def __str__(self):
        return self.number

    @property
    def is_paid(self) -> bool:
        return self.status in {self.Status.PAID, self.Status.SHIPPED, self.Status.DELIVERED}

    @property
    def ready_to_post(self) -> bool:
        """The artists may post now: the order is paid, or it is cash on delivery (the
        courier collects the money when the parcel arrives) and not cancelled."""
        return self.status == self.Status.PAID or (
            self.status == self.Status.PENDING_PAYMENT and self.payment_method == self.PaymentMethod.CASH
        )

    @property
    def refundable_amount(self) -> int:
        return self.total - self.refunded_amount

    @property
    def shipping_address_lines(self) -> list[str]:
        parts = [
            self.name,
            self.address_line1,
            self.address_line2,
            " ".join(p for p in (self.postal_code, self.city) if p),
            self.region,
            str(self.country.name) if self.country else "",
        ]
        return [p for p in parts if p]


class OrderLine(models.Model):
    """One offer bought in an order. Title, artist, unit price and commission are copied at
    purchase time so later edits never change what was sold. Each artist ships her own
    lines; the order is shipped when every line is."""

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="lines")
    offer = models.ForeignKey(Offer, null=True, on_delete=models.SET_NULL, related_name="order_lines")
    artwork = models.ForeignKey(Artwork, null=True, on_delete=models.SET_NULL, related_name="+")
    artist = models.ForeignKey(ArtistProfile, on_delete=models.PROTECT, related_name="order_lines")
    title = models.CharField(_("title"), max_length=160)
    artist_name = models.CharField(_("artist"), max_length=80)
    kind = models.CharField(_("what"), max_length=10, choices=Offer.Kind.choices)
    unit_price = models.PositiveIntegerField(_("unit price"))
    quantity = models.PositiveIntegerField(_("quantity"))
    line_total = models.PositiveIntegerField(_("line total"))
    shipping_fee = models.PositiveIntegerField(_("shipping"))
    commission_percent = models.PositiveSmallIntegerField(_("commission (%)"))
    shipped_at = models.DateTimeField(_("shipped at"), null=True, blank=True)
    carrier = models.CharField(_("carrier"), max_length=80, blank=True)
    tracking_number = models.CharField(_("tracking number"), max_length=80, blank=True)

    class Meta:
        verbose_name = _("order line")
        verbose_name_plural = _("order lines")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(line_total=models.F("unit_price") * models.F("quantity")),
                name="order_line_total_is_price_times_quantity",
            ),
        ]

    def __str__(self):
        return f"{self.quantity} × {self.title}"


class OrderEvent(models.Model):
    """A move of an order from one status to another (or a note on it), who made it, when."""

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=16, choices=Order.Status.choices, blank=True)
    to_status = models.CharField(max_length=16, choices=Order.Status.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    source = models.CharField(max_length=40, blank=True, help_text="who or what moved it: editor, stripe…")
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("order event")
        verbose_name_plural = _("order events")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.order}: {self.from_status or '—'} → {self.to_status}"

    @classmethod
    def note_add(cls, order: Order, note: str, *, actor=None, source: str = "") -> "OrderEvent":
        """Something that happened to the order without changing its status."""
        status = order.status
        return cls.objects.create(
            order=order, from_status=status, to_status=status, actor=actor, source=source, note=note
        )


class WebhookEvent(models.Model):
    """A webhook a payment provider sent us, recorded once: its unique id makes a duplicate or
    a replay harmless."""

    provider = models.CharField(max_length=20)
    event_id = models.CharField(max_length=255)
    type = models.CharField(max_length=80)
    received_at = models.DateTimeField(default=timezone.now)
    order = models.ForeignKey(Order, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    outcome = models.CharField(max_length=200, blank=True)

    class Meta:
        verbose_name = _("webhook event")
        verbose_name_plural = _("webhook events")
        constraints = [
            models.UniqueConstraint(fields=["provider", "event_id"], name="webhook_event_unique"),
        ]

    def __str__(self):
        return f"{self.provider} {self.type} {self.event_id}"
