from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from gallery.models import Artwork
from heritage.finance.fields import finance_fields, finance_panel

from ..money import Currency


class ShippingZone(models.TextChoices):
    TAJIKISTAN = "tj", _("Tajikistan")
    REGION = "cis", _("Central Asia and CIS")
    WORLD = "world", _("Rest of the world")


# Countries served at the middle rate: Central Asia and the CIS (ISO 3166 codes).
REGION_COUNTRIES = frozenset({"AF", "AM", "AZ", "BY", "KG", "KZ", "MD", "RU", "TM", "UZ", "GE", "MN"})


def shipping_zone_for(country: str) -> str:
    """The shipping zone of a destination country (ISO code)."""
    country = (country or "").upper()
    if country == "TJ":
        return ShippingZone.TAJIKISTAN
    if country in REGION_COUNTRIES:
        return ShippingZone.REGION
    return ShippingZone.WORLD


@finance_fields("currency", "fee_tj", "fee_cis", "fee_world")
class ShippingProfile(models.Model):
    """A kind of parcel with a fee per zone, kept by editors ("Rolled textile", "Framed
    painting"). An artist picks one for each offer; the fee is charged once per order line."""

    name_en = models.CharField(_("name (English)"), max_length=80)
    name_ru = models.CharField(_("name (Russian)"), max_length=80, blank=True)
    name_tg = models.CharField(_("name (Tajik)"), max_length=80, blank=True)
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, default=Currency.TJS)
    fee_tj = models.PositiveIntegerField(_("fee within Tajikistan (minor units)"))
    fee_cis = models.PositiveIntegerField(_("fee to Central Asia and CIS (minor units)"))
    fee_world = models.PositiveIntegerField(_("fee to the rest of the world (minor units)"))
    days_tj = models.CharField(_("delivery time within Tajikistan"), max_length=40, blank=True)
    days_cis = models.CharField(_("delivery time to Central Asia and CIS"), max_length=40, blank=True)
    days_world = models.CharField(_("delivery time to the rest of the world"), max_length=40, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name_en"),
        FieldPanel("name_ru"),
        FieldPanel("name_tg"),
        finance_panel("currency"),
        FieldRowPanel([finance_panel("fee_tj"), finance_panel("fee_cis"), finance_panel("fee_world")]),
        FieldRowPanel([FieldPanel("days_tj"), FieldPanel("days_cis"), FieldPanel("days_world")]),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = _("shipping profile")
        verbose_name_plural = _("shipping profiles")
        ordering = ["sort_order", "name_en"]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        language = (get_language() or "en")[:2]
        return getattr(self, f"name_{language}", "") or self.name_en

    def fee_for(self, zone: str) -> int:
        """The fee in minor units of `currency` for one parcel to `zone`."""
        return {
            ShippingZone.TAJIKISTAN: self.fee_tj,
            ShippingZone.REGION: self.fee_cis,
            ShippingZone.WORLD: self.fee_world,
        }[zone]


class OfferQuerySet(models.QuerySet):
    def buyable(self):
        """Active offers with stock, of works the public may see."""
        return self.filter(active=True, stock__gt=0, artwork__in=Artwork.objects.published())


@finance_fields("price_amount", "currency", "price_usd_amount")
class Offer(models.Model):
    """What of an artwork is for sale: the original (stock 1, unique) or a print edition.
    `stock` is only ever taken by `shop.services.orders.order_create` with one conditional
    UPDATE, and given back when a pending order is cancelled or expires."""

    class Kind(models.TextChoices):
        ORIGINAL = "original", _("Original")
        PRINT = "print", _("Print")

    artwork = models.ForeignKey(
        Artwork, verbose_name=_("artwork"), on_delete=models.CASCADE, related_name="offers"
    )
    kind = models.CharField(_("what is for sale"), max_length=10, choices=Kind.choices)
    edition_size = models.PositiveIntegerField(
        _("edition size"), null=True, blank=True, help_text=_("Prints only: how many exist in total.")
    )
    stock = models.PositiveIntegerField(_("in stock"), default=1)
    price_amount = models.PositiveIntegerField(_("price (minor units)"))
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, default=Currency.TJS)
    price_usd_amount = models.PositiveIntegerField(
        _("price in US dollars (cents)"), null=True, blank=True, help_text=_("Optional, shown beside.")
    )
    shipping_profile = models.ForeignKey(
        ShippingProfile, verbose_name=_("shipping"), on_delete=models.PROTECT, related_name="offers"
    )
    active = models.BooleanField(_("on sale"), default=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OfferQuerySet.as_manager()

    panels = [
        FieldPanel("artwork"),
        FieldPanel("kind"),
        MultiFieldPanel(
            [
                finance_panel("price_amount"),
                finance_panel("currency"),
                finance_panel("price_usd_amount"),
            ],
            heading=_("Price"),
        ),
        FieldPanel("edition_size"),
        FieldPanel("stock"),
        FieldPanel("shipping_profile"),
        FieldPanel("active"),
    ]

    class Meta:
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        ordering = ["artwork", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["artwork"], condition=Q(kind="original"), name="offer_one_original_per_artwork"
            ),
            models.CheckConstraint(
                condition=Q(kind="print") | Q(stock__lte=1), name="offer_original_stock_at_most_one"
            ),
            models.CheckConstraint(condition=Q(price_amount__gt=0), name="offer_price_positive"),
        ]

    def __str__(self):
        return f"{self.artwork} — {self.get_kind_display()}"

    def clean(self):
        if self.kind == self.Kind.ORIGINAL and self.stock > 1:
            raise ValidationError({"stock": _("There is only one original.")})
        if self.kind == self.Kind.PRINT:
            if not self.edition_size:
                raise ValidationError({"edition_size": _("Say how many prints the edition has.")})
            if self.stock > self.edition_size:
                raise ValidationError({"stock": _("Stock cannot be larger than the edition.")})
        taken = self.taken_quantity()
        most = (1 if self.is_original else self.edition_size or 0) - taken
        if taken and self.stock > max(most, 0):
            if self.is_original:
                message = _(
                    "This original is reserved or sold by an order, so it cannot be put back in "
                    "stock. Cancel or refund that order first; its stock then comes back by itself."
                )
            else:
                message = _(
                    "%(taken)s prints of this edition are reserved or sold by orders, so the stock "
                    "can be at most %(most)s."
                ) % {"taken": taken, "most": max(most, 0)}
            raise ValidationError({"stock": message})

    # Orders in these states hold their works: reserved while unpaid, sold once paid.
    TAKING_STATUSES = ("pending_payment", "paid", "shipped", "delivered")

    def taken_quantity(self) -> int:
        """How many of this offer orders hold now (reserved or sold): the stock and these
        together never exceed what exists. The same rule checkout's conditional UPDATE keeps."""
        if self.pk is None:
            return 0
        total = self.order_lines.filter(order__status__in=self.TAKING_STATUSES).aggregate(
            n=models.Sum("quantity")
        )
        return total["n"] or 0

    @property
    def is_original(self) -> bool:
        return self.kind == self.Kind.ORIGINAL

    @property
    def is_available(self) -> bool:
        return self.active and self.stock > 0
