"""Buyer forms: the cart's quantities and destination, checkout, and questions to artists.
Prices and totals are never fields: the server reads them from the offers."""

from django import forms
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from django_countries import countries
from django_countries.fields import LazyTypedChoiceField

from heritage.email_fields import CanonicalEmailFormField

from .models import Inquiry, Order, ShippingZone, shipping_zone_for

MAX_PRINTS = 99
# The largest id the database holds; a bigger number in a hand-made POST is invalid input,
# not a query SQLite cannot run.
OFFER_ID_MAX = 2**63 - 1


class CartAddForm(forms.Form):
    offer = forms.IntegerField(min_value=1, max_value=OFFER_ID_MAX, widget=forms.HiddenInput)
    quantity = forms.IntegerField(min_value=1, max_value=MAX_PRINTS, initial=1, required=False)


class CartUpdateForm(forms.Form):
    offer = forms.IntegerField(min_value=1, max_value=OFFER_ID_MAX, widget=forms.HiddenInput)
    quantity = forms.IntegerField(label=_("Quantity"), min_value=0, max_value=MAX_PRINTS)


class CartRemoveForm(forms.Form):
    offer = forms.IntegerField(min_value=1, max_value=OFFER_ID_MAX, widget=forms.HiddenInput)


def country_choices(blank: bool = True):
    choices = list(countries)
    return [("", _("Choose a country")), *choices] if blank else choices


class DestinationForm(forms.Form):
    """The country the cart would go to, for showing the shipping fee (a GET form)."""

    country = LazyTypedChoiceField(label=_("Send to"), choices=lambda: country_choices(), required=False)


def payment_choices():
    methods = Order.PaymentMethod
    choices = [
        (methods.BANK_TRANSFER, _("Bank transfer")),
        (methods.CASH, _("Cash on delivery (Tajikistan only)")),
    ]
    if settings.STRIPE_ENABLED:
        choices.insert(0, (methods.CARD, _("Card")))
    return choices


class CheckoutForm(forms.Form):
    """Who she is, where the works go and how she pays. Cash on delivery only within Tajikistan."""

    email = CanonicalEmailFormField(
        label=_("Email"),
        help_text=_("We send your order confirmation and updates here."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    name = forms.CharField(
        label=_("Full name"), max_length=120, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    phone = forms.CharField(
        label=_("Phone"),
        max_length=32,
        required=False,
        help_text=_("For the courier, if something goes wrong with the delivery."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    address_line1 = forms.CharField(
        label=_("Address"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "address-line1"})
    )
    address_line2 = forms.CharField(
        label=_("Address (second line)"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "address-line2"}),
    )
    city = forms.CharField(
        label=_("Town or city"),
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "address-level2"}),
    )
    region = forms.CharField(
        label=_("Region or province"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "address-level1"}),
    )
    postal_code = forms.CharField(
        label=_("Postal code"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "postal-code"}),
    )
    country = LazyTypedChoiceField(
        label=_("Country"),
        choices=lambda: country_choices(),
        widget=forms.Select(attrs={"autocomplete": "country"}),
    )
    note = forms.CharField(
        label=_("Note for the artist"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    payment_method = forms.ChoiceField(
        label=_("How will you pay?"), choices=payment_choices, widget=forms.RadioSelect
    )
    terms_accepted = forms.BooleanField(
        label=_("I accept the terms of sale"),
        error_messages={"required": _("Please accept the terms of sale to place the order.")},
    )
    # The publication of the terms she was shown: if the terms change before she places the
    # order, she is asked to read and accept them again.
    terms_revision = forms.IntegerField(
        required=False, min_value=1, max_value=OFFER_ID_MAX, widget=forms.HiddenInput
    )

    def __init__(self, *args, terms_url: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        if terms_url:
            self.fields["terms_accepted"].label = format_html(
                gettext('I accept the <a href="{url}" target="_blank" rel="noopener">terms of sale</a>'),
                url=terms_url,
            )

    def clean(self):
        cleaned = super().clean()
        country = cleaned.get("country")
        if (
            cleaned.get("payment_method") == Order.PaymentMethod.CASH
            and country
            and shipping_zone_for(country) != ShippingZone.TAJIKISTAN
        ):
            self.add_error(
                "payment_method",
                _("Cash on delivery is possible only within Tajikistan. Please choose another way to pay."),
            )
        return cleaned


class InquiryForm(forms.Form):
    """A question or a commission request to the artist; her answer comes back by email."""

    name = forms.CharField(
        label=_("Your name"), max_length=120, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.EmailField(
        label=_("Your email"),
        help_text=_("The artist never sees it: we pass her answer on to you."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    kind = forms.ChoiceField(
        label=_("About"),
        choices=Inquiry.Kind.choices,
        initial=Inquiry.Kind.QUESTION,
        widget=forms.RadioSelect,
    )
    body = forms.CharField(label=_("Your message"), max_length=4000, widget=forms.Textarea(attrs={"rows": 5}))


class InquiryReplyForm(forms.Form):
    body = forms.CharField(label=_("Your answer"), max_length=4000, widget=forms.Textarea(attrs={"rows": 5}))
