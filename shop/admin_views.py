"""Editors' shop screens in the Wagtail admin: an order's page with the moves its status
allows, the artists' balances with a form to record each manual payout, and the CSV files
the bank needs. Every action calls a service; these views only turn its errors into
messages."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST
from django.views.generic import TemplateView

from wagtail.admin.views.generic import InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.permissions import policy_registry

from artists.models import ArtistProfile
from heritage.csv import csv_response
from heritage.finance import mask, user_manages_finance

from .admin_forms import (
    OrderCancelForm,
    OrderDeliverForm,
    OrderMarkPaidForm,
    OrderRefundForm,
    OrderShipForm,
    PayoutExportForm,
    PayoutRecordForm,
)
from .admin_returns import RETURN_ACTIONS, OrderAction
from .models import Order, Payout, ReturnRequest
from .money import money_format, to_major
from .payments import PaymentError
from .services import (
    ALLOWED_MOVES,
    PayoutError,
    ShopError,
    SoldOut,
    balances_to_pay,
    order_cancel,
    order_mark_paid,
    order_refund,
    order_ship,
    order_transition,
    payout_record,
)

S = Order.Status


def user_may(user, model, action: str) -> bool:
    return policy_registry.get_by_type(model).user_has_permission(user, action)


# Orders ------------------------------------------------------------------------------------


def _mark_paid(order: Order, data: dict, by) -> None:
    order_mark_paid(
        order,
        amount=order.total,
        currency=order.currency,
        by=by,
        source="editor",
        reference=data["reference"],
    )


def _ship(order: Order, data: dict, by) -> None:
    order_ship(order, carrier=data["carrier"], tracking_number=data["tracking_number"], by=by)


def _deliver(order: Order, data: dict, by) -> None:
    order_transition(order, to=S.DELIVERED, by=by, source="editor")


def _cancel(order: Order, data: dict, by) -> None:
    order_cancel(order, by=by, source="editor", note=data["note"])


def _refund(order: Order, data: dict, by) -> None:
    order_refund(order, amount=data["amount"], by=by, note=data["note"])


ORDER_ACTIONS: dict[str, OrderAction] = {
    "mark-paid": OrderAction(
        label=gettext_lazy("Mark paid: the full amount has arrived"),
        form_class=OrderMarkPaidForm,
        allowed=lambda o: (
            o.payment_method != Order.PaymentMethod.CARD
            and (S.PAID in ALLOWED_MOVES[o.status] or o.status == S.CANCELLED)
        ),
        perform=_mark_paid,
        message=gettext_lazy("Marked paid. The buyer and the artists have been emailed."),
    ),
    "ship": OrderAction(
        label=gettext_lazy("Mark shipped"),
        form_class=OrderShipForm,
        allowed=lambda o: S.SHIPPED in ALLOWED_MOVES[o.status],
        perform=_ship,
        message=gettext_lazy("Marked shipped. The buyer has been emailed."),
    ),
    "deliver": OrderAction(
        label=gettext_lazy("Mark delivered"),
        form_class=OrderDeliverForm,
        allowed=lambda o: S.DELIVERED in ALLOWED_MOVES[o.status],
        perform=_deliver,
        message=gettext_lazy("Marked delivered. The artists' earnings are now available for payout."),
    ),
    "cancel": OrderAction(
        label=gettext_lazy("Cancel the order and put the works back on sale"),
        form_class=OrderCancelForm,
        allowed=lambda o: S.CANCELLED in ALLOWED_MOVES[o.status],
        perform=_cancel,
        message=gettext_lazy("Cancelled. The works are on sale again."),
        danger=True,
    ),
    "refund": OrderAction(
        label=gettext_lazy("Refund"),
        form_class=OrderRefundForm,
        allowed=lambda o: o.is_paid and o.refundable_amount > 0,
        perform=_refund,
        message=gettext_lazy("Refund recorded."),
        danger=True,
    ),
    **RETURN_ACTIONS,
}


def _action_form(key: str, action: OrderAction, order: Order, data=None) -> forms.Form:
    kwargs = {"order": order} if action.form_class is OrderRefundForm else {}
    return action.form_class(data, prefix=key, **kwargs)


class OrderInspectView(InspectView):
    """The order's page: lines, money, address, history, ledger, and its possible moves."""

    template_name = "shop/admin/order_detail.html"

    def get_object(self, queryset=None):
        return get_object_or_404(Order.objects.select_related("user"), pk=self.pk)

    def get_fields_context(self):
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        order = self.object
        may_act = user_may(self.request.user, Order, "change")
        context.update(
            order=order,
            lines=order.lines.select_related("artist", "artwork"),
            events=order.events.select_related("actor"),
            return_request=ReturnRequest.objects.filter(order=order)
            .prefetch_related("photos__image")
            .first(),
            ledger_entries=order.ledger_entries.select_related("artist", "payout"),
            actions=[
                {
                    "key": key,
                    "action": action,
                    "form": _action_form(key, action, order),
                    "url": reverse("shop_orders:action", args=[order.pk, key]),
                }
                for key, action in ORDER_ACTIONS.items()
                if may_act and action.allowed(order)
            ],
        )
        return context


def _form_errors(form: forms.Form) -> str:
    """All of a form's errors in one message, each after the label of its field."""
    parts = []
    for name, errors in form.errors.items():
        field = form.fields.get(name)
        label = f"{field.label}: " if field is not None and field.label else ""
        parts.extend(f"{label}{error}" for error in errors)
    return " ".join(parts)


@require_POST
def order_action(request, pk: int, action: str):
    """Perform one move on an order and come back to its page with what happened."""
    if not user_may(request.user, Order, "change"):
        raise PermissionDenied
    order = get_object_or_404(Order, pk=pk)
    spec = ORDER_ACTIONS.get(action)
    if spec is None:
        raise Http404
    back = redirect("shop_orders:inspect", order.pk)
    if not spec.allowed(order):
        messages.error(request, _("This order cannot move to that status from where it is now."))
        return back
    form = _action_form(action, spec, order, request.POST)
    if not form.is_valid():
        messages.error(request, _form_errors(form))
        return back
    try:
        spec.perform(order, form.cleaned_data, request.user)
    except SoldOut:
        messages.error(
            request,
            _(
                "Some works of this order were sold after its reservation ended, so it cannot be "
                "marked paid. Pay the money back to the buyer."
            ),
        )
    except ShopError as exc:
        messages.error(request, str(exc.message))
    except PaymentError as exc:
        messages.error(
            request,
            _("The payment provider refused or could not be reached; nothing was changed. (%(detail)s)")
            % {"detail": exc},
        )
    else:
        messages.success(request, str(spec.message))
    return back


# Balances and payouts ----------------------------------------------------------------------


def payout_details_for(user, artist: ArtistProfile) -> str:
    """Her bank or cash details in full for finance staff, "•••• 1234" for anyone else."""
    return artist.payout_details if user_manages_finance(user) else mask(artist.payout_details)


def _record_prefix(artist: ArtistProfile, currency: str) -> str:
    return f"payout-{artist.pk}-{currency}"


class BalancesView(WagtailAdminTemplateMixin, TemplateView):
    """Who is owed what now, with a form per artist to record the payout made by hand."""

    template_name = "shop/admin/balances.html"
    page_title = gettext_lazy("Balances")
    header_icon = "table"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def dispatch(self, request, *args, **kwargs):
        if not user_may(request.user, Payout, "view"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        may_record = user_may(self.request.user, Payout, "add")
        rows = []
        for artist, balance in balances_to_pay():
            form = None
            if may_record:
                form = PayoutRecordForm(
                    prefix=_record_prefix(artist, balance.currency),
                    initial={
                        "expected_amount": balance.available,
                        "method": artist.payout_method
                        if artist.payout_method == Payout.Method.CASH
                        else "bank",
                    },
                )
            rows.append(
                {
                    "artist": artist,
                    "payout_details": payout_details_for(self.request.user, artist),
                    "balance": balance,
                    "form": form,
                    "url": reverse("shop_balances:record", args=[artist.pk, balance.currency]),
                }
            )
        # Every row's form has the same widgets, so one copy of their scripts serves all.
        media = rows[0]["form"].media if rows and rows[0]["form"] else forms.Media()
        return super().get_context_data(rows=rows, export_form=PayoutExportForm(), media=media, **kwargs)


@require_POST
def payout_record_view(request, artist_pk: int, currency: str):
    """Record that an artist's whole available balance was paid by bank or in cash."""
    if not user_may(request.user, Payout, "add"):
        raise PermissionDenied
    artist = get_object_or_404(ArtistProfile, pk=artist_pk)
    form = PayoutRecordForm(request.POST, prefix=_record_prefix(artist, currency))
    if not form.is_valid():
        messages.error(request, _form_errors(form))
        return redirect("shop_balances:index")
    data = form.cleaned_data
    try:
        payout = payout_record(
            artist,
            method=data["method"],
            expected_amount=data["expected_amount"],
            currency=currency,
            reference=data["reference"],
            proof=data["proof"],
            by=request.user,
        )
    except PayoutError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(
            request,
            _("Payout of %(amount)s to %(artist)s recorded.")
            % {"amount": money_format(payout.amount, payout.currency), "artist": artist.display_name},
        )
    return redirect("shop_balances:index")


# CSV for the bank --------------------------------------------------------------------------


def _major(amount: int, currency: str) -> str:
    return f"{to_major(amount, currency):.2f}"


@require_GET
def balances_csv(request):
    """What to pay now: one row per artist and currency, with a reference to put on the transfer.
    Bank details are masked for staff without finance rights."""
    if not user_may(request.user, Payout, "view"):
        raise PermissionDenied
    today = timezone.localdate()
    rows = [
        [
            artist.display_name,
            artist.get_payout_method_display(),
            payout_details_for(request.user, artist),
            _major(balance.available, balance.currency),
            balance.currency,
            f"TH-PAY-{artist.pk}-{today:%Y%m%d}",
        ]
        for artist, balance in balances_to_pay()
    ]
    header = [_("Artist"), _("Paid by"), _("Payout details"), _("Amount"), _("Currency"), _("Reference")]
    return csv_response(f"to-pay-{today:%Y-%m-%d}.csv", header, rows)


@require_GET
def payouts_csv(request):
    """Payouts recorded between two days (both included), oldest first."""
    if not user_may(request.user, Payout, "view"):
        raise PermissionDenied
    form = PayoutExportForm(request.GET)
    if not form.is_valid():
        messages.error(request, _form_errors(form))
        return redirect("shop_balances:index")
    start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    payouts = (
        Payout.objects.filter(created_at__date__gte=start, created_at__date__lte=end)
        .select_related("artist")
        .order_by("created_at", "pk")
    )
    rows = (
        [
            timezone.localtime(payout.created_at).date().isoformat(),
            payout.artist.display_name,
            payout_details_for(request.user, payout.artist),
            _major(payout.amount, payout.currency),
            payout.currency,
            payout.get_method_display(),
            payout.reference,
            payout.get_status_display(),
        ]
        for payout in payouts
    )
    header = [
        _("Date"),
        _("Artist"),
        _("Payout details"),
        _("Amount"),
        _("Currency"),
        _("Paid by"),
        _("Reference"),
        _("Status"),
    ]
    return csv_response(f"payouts-{start:%Y-%m-%d}-{end:%Y-%m-%d}.csv", header, rows)
