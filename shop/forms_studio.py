"""Forms of the artist's shop pages: her offers, posting a parcel, answering a buyer.

Prices are typed in somoni (or dollars) the way people write them — "1500", "1500.50",
"1 500,50" — and stored as whole minor units through `money.to_minor`; nothing is a float.
"""

import re
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from . import selectors_studio as selectors
from .models import Offer, ShippingProfile, ShippingZone
from .money import Currency, money_format, to_major, to_minor

# "1,500" or "12,500,000.50": commas that group thousands, as English speakers write them.
GROUPED = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")


def amount_text(amount: int | None, currency: str) -> str:
    """Minor units as she would type them: 150000 → "1500", 150050 → "1500.50"."""
    if amount is None:
        return ""
    value = to_major(amount, currency)
    return str(value.quantize(Decimal(1) if value == value.to_integral_value() else Decimal("0.01")))


class AmountField(forms.DecimalField):
    """A price in major units with at most two decimals; a comma works as the decimal mark
    and spaces between thousands are ignored. Zero and less are refused."""

    def __init__(self, **kwargs):
        super().__init__(
            max_digits=9,
            decimal_places=2,
            widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off", "size": "12"}),
            **kwargs,
        )
        self.error_messages.update(
            {
                "invalid": _("Write the price in figures, for example 1500 or 1500.50."),
                "max_decimal_places": _("Use at most two figures after the decimal point."),
                "max_digits": _("That price is too high. Please check it."),
                "max_whole_digits": _("That price is too high. Please check it."),
            }
        )

    def to_python(self, value):
        if isinstance(value, str):
            value = re.sub(r"[\s\u00a0\u202f]", "", value)
            value = value.replace(",", "") if GROUPED.match(value) else value.replace(",", ".")
        return super().to_python(value)

    def validate(self, value):
        super().validate(value)
        if value is not None and value <= 0:
            raise ValidationError(_("A price must be more than zero."), code="min_value")


class ShippingProfileField(forms.ModelChoiceField):
    """Each kind of parcel with what the buyer pays for it in each zone."""

    def label_from_instance(self, obj):
        fees = " · ".join(
            f"{label}: {money_format(obj.fee_for(zone), obj.currency)}"
            for zone, label in ShippingZone.choices
        )
        return f"{obj.name} — {fees}"


class OfferForm(forms.Form):
    """The original (at most one in stock) or a print edition (stock within the edition) of
    one of her works. An original that a buyer has paid for, or is paying for now, cannot be
    put back in stock: it would be sold twice."""

    price = AmountField(label=_("Price in somoni"), help_text=_("For example 1500 or 1500.50."))
    price_usd = AmountField(
        label=_("Price in US dollars"),
        required=False,
        help_text=_("Shown beside the price in somoni, for buyers abroad."),
    )
    edition_size = forms.IntegerField(
        label=_("Edition size"),
        min_value=1,
        max_value=100000,
        help_text=_("How many prints of this work exist in total."),
        error_messages={"required": _("Say how many prints the edition has.")},
    )
    stock = forms.IntegerField(
        label=_("How many you can sell now"),
        min_value=0,
        max_value=100000,
        error_messages={"required": _("Say how many you can sell now (0 if none).")},
    )
    # The stock she saw when the form was drawn: a sale made while she typed is not undone
    # by sending the old figure back.
    stock_was = forms.IntegerField(required=False, widget=forms.HiddenInput)
    shipping_profile = ShippingProfileField(
        label=_("Parcel and shipping fee"),
        queryset=ShippingProfile.objects.all(),
        widget=forms.RadioSelect,
        empty_label=None,
        help_text=_("The buyer pays this fee for the parcel; it is passed on to you, who post it."),
        error_messages={"required": _("Choose the kind of parcel.")},
    )
    active = forms.BooleanField(
        label=_("On sale"),
        required=False,
        help_text=_("Untick to take it off sale for a while. Buyers see it only once the work is published."),
    )

    def __init__(self, *args, artwork, kind: str, instance: Offer | None = None, **kwargs):
        self.artwork = artwork
        self.kind = kind
        self.instance = instance
        if instance is not None:
            kwargs.setdefault(
                "initial",
                {
                    "price": amount_text(instance.price_amount, instance.currency),
                    "price_usd": amount_text(instance.price_usd_amount, Currency.USD),
                    "edition_size": instance.edition_size,
                    "stock": instance.stock,
                    "stock_was": instance.stock,
                    "shipping_profile": instance.shipping_profile_id,
                    "active": instance.active,
                },
            )
        else:
            kwargs.setdefault("initial", {"stock": 1, "active": True})
        super().__init__(*args, **kwargs)
        if kind == Offer.Kind.ORIGINAL:
            del self.fields["edition_size"]
            self.fields["stock"].help_text = _("1 while you still have it; 0 once it has gone.")
        else:
            self.fields["stock"].help_text = _("Prints ready to post now, at most the edition size.")

    @property
    def is_original(self) -> bool:
        return self.kind == Offer.Kind.ORIGINAL

    def _stock_changes(self, stock) -> bool:
        return self.instance is None or stock != self.cleaned_data.get("stock_was")

    def clean(self):
        data = super().clean()
        stock = data.get("stock")
        if stock is not None and not self._stock_changes(stock):
            stock = self.instance.stock
        if self.is_original and stock is not None:
            if stock > 1:
                self.add_error("stock", _("There is only one original."))
            elif stock == 1 and self._stock_changes(data["stock"]):
                self._check_original_free()
        edition = data.get("edition_size")
        if not self.is_original and stock is not None and edition and stock > edition:
            self.add_error("stock", _("You cannot have more prints in stock than the edition size."))
        return data

    def _check_original_free(self):
        if selectors.original_is_sold(artwork=self.artwork):
            self.add_error(
                "stock",
                _(
                    "This original has been sold, so it cannot be put on sale again. "
                    "You can sell prints of it instead."
                ),
            )
        elif selectors.original_is_reserved(artwork=self.artwork):
            self.add_error(
                "stock",
                _(
                    "A buyer is paying for this original now. If the payment does not come, "
                    "it goes back on sale by itself."
                ),
            )

    @transaction.atomic
    def save(self) -> Offer:
        """Write the offer. The stock is written only when she changed the figure she was
        shown, so a sale made while she was editing the price is not undone."""
        data = self.cleaned_data
        offer = self.instance or Offer(artwork=self.artwork, kind=self.kind, currency=Currency.TJS)
        offer.price_amount = to_minor(data["price"], offer.currency)
        usd = data.get("price_usd")
        offer.price_usd_amount = to_minor(usd, Currency.USD) if usd else None
        offer.edition_size = None if self.is_original else data["edition_size"]
        stock_changes = self._stock_changes(data["stock"])
        if stock_changes:
            offer.stock = data["stock"]
        offer.shipping_profile = data["shipping_profile"]
        offer.active = data["active"]
        if offer.pk is None:
            offer.save()
            return offer
        fields = [
            "price_amount",
            "price_usd_amount",
            "edition_size",
            "shipping_profile",
            "active",
            "updated_at",
        ]
        if stock_changes:
            fields.append("stock")
        offer.save(update_fields=fields)
        offer.refresh_from_db()
        return offer


# Suggested while she types (a datalist): the ways parcels usually leave Tajikistan.
CARRIERS = ["Tajik Post", "EMS", "DHL", _("Courier"), _("Taxi")]


class LineShipForm(forms.Form):
    """How she sent one order line: the carrier, and the tracking number if there is one."""

    carrier = forms.CharField(
        label=_("Sent with"),
        max_length=80,
        help_text=_("For example Tajik Post, EMS, DHL or a courier."),
        error_messages={"required": _("Say how you sent the parcel.")},
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    tracking_number = forms.CharField(
        label=_("Tracking number"),
        max_length=80,
        required=False,
        help_text=_("From the receipt, if there is one. The buyer gets it by email."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )

    def __init__(self, *args, line, **kwargs):
        kwargs.setdefault("prefix", f"line-{line.pk}")
        super().__init__(*args, **kwargs)
        self.line = line
        self.fields["carrier"].widget.attrs["list"] = "carriers"


class InquiryReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Your answer"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("The buyer gets it by email. Your email address and phone stay private."),
        error_messages={"required": _("Write your answer first.")},
    )
