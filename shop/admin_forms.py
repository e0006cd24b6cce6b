"""Forms behind the editors' shop actions. They only check what was typed; the services
decide whether the move is allowed."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.documents import get_document_model
from wagtail.documents.widgets import AdminDocumentChooser

from .models import Order, Payout
from .money import money_format, to_major, to_minor


class OrderMarkPaidForm(forms.Form):
    reference = forms.CharField(
        label=_("Bank or receipt reference"),
        max_length=120,
        required=False,
        help_text=_("Optional: the bank's transaction number or the receipt number."),
    )


class OrderShipForm(forms.Form):
    carrier = forms.CharField(label=_("Carrier"), max_length=80, required=False)
    tracking_number = forms.CharField(label=_("Tracking number"), max_length=80, required=False)


class OrderDeliverForm(forms.Form):
    pass


class OrderCancelForm(forms.Form):
    note = forms.CharField(label=_("Why (kept in the order's history)"), max_length=500, required=False)


class OrderRefundForm(forms.Form):
    """An amount typed in major units (somoni, dollars), at most what is left to refund."""

    amount = forms.DecimalField(label=_("Amount"), max_digits=12, decimal_places=2)
    note = forms.CharField(label=_("Why (kept in the order's history)"), max_length=500, required=False)

    def __init__(self, *args, order: Order, **kwargs):
        super().__init__(*args, **kwargs)
        self.order = order
        self.fields["amount"].label = _("Amount in %(currency)s") % {"currency": order.currency}
        self.fields["amount"].help_text = _("At most %(amount)s.") % {
            "amount": money_format(order.refundable_amount, order.currency)
        }
        if not self.is_bound:
            self.fields["amount"].initial = to_major(order.refundable_amount, order.currency)

    def clean_amount(self) -> int:
        minor = to_minor(self.cleaned_data["amount"], self.order.currency)
        if minor <= 0:
            raise forms.ValidationError(_("Enter an amount greater than zero."))
        if minor > self.order.refundable_amount:
            raise forms.ValidationError(
                _("At most %(amount)s is left to refund.")
                % {"amount": money_format(self.order.refundable_amount, self.order.currency)}
            )
        return minor


class PayoutRecordForm(forms.Form):
    """A manual payout of an artist's whole available balance. `expected_amount` is the amount
    the editor saw; the service refuses it if the balance has changed since."""

    method = forms.ChoiceField(
        label=_("Paid by"),
        choices=[
            (Payout.Method.BANK, Payout.Method.BANK.label),
            (Payout.Method.CASH, Payout.Method.CASH.label),
        ],
    )
    reference = forms.CharField(label=_("Reference"), max_length=120, required=False)
    proof = forms.ModelChoiceField(
        label=_("Proof"),
        queryset=get_document_model().objects.all(),
        required=False,
        widget=AdminDocumentChooser,
        help_text=_("Optional: the bank slip or the signed receipt."),
    )
    expected_amount = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class PayoutExportForm(forms.Form):
    """The date range of recorded payouts to export (both days included)."""

    start = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("To"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("start") and cleaned.get("end") and cleaned["start"] > cleaned["end"]:
            raise forms.ValidationError(_("The first day must not be after the last."))
        return cleaned
