"""The editors' moves on a return, offered on the order's page in the admin beside the
order's own moves (`ORDER_ACTIONS` in `admin_views.py` takes them in): accept with the
return-shipping instructions, decline with the reason, and mark the works received, which
refunds the order through its gateway and, if they can be sold again, puts them back on sale."""

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Order, ReturnRequest
from .services.returns import return_decide, return_receive

R = ReturnRequest.Status


@dataclass(frozen=True)
class OrderAction:
    label: str
    form_class: type[forms.Form]
    allowed: Callable[[Order], bool]
    perform: Callable[[Order, dict, object], None]
    message: str
    danger: bool = False


class ReturnAcceptForm(forms.Form):
    message = forms.CharField(
        label=_("Where and how to send the works back (the buyer reads this)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ReturnDeclineForm(forms.Form):
    message = forms.CharField(
        label=_("Why the return is declined (the buyer reads this)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ReturnReceiveForm(forms.Form):
    resaleable = forms.BooleanField(
        label=_("The works are in good condition and can be sold again"), required=False
    )


def _return_in(order: Order, status: str) -> bool:
    return ReturnRequest.objects.filter(order=order, status=status).exists()


def _accept(order: Order, data: dict, by) -> None:
    return_decide(order.return_request, accept=True, message=data["message"], by=by)


def _decline(order: Order, data: dict, by) -> None:
    return_decide(order.return_request, accept=False, message=data["message"], by=by)


def _receive(order: Order, data: dict, by) -> None:
    return_receive(order.return_request, resaleable=data["resaleable"], by=by)


RETURN_ACTIONS: dict[str, OrderAction] = {
    "return-accept": OrderAction(
        label=_("Accept the return"),
        form_class=ReturnAcceptForm,
        allowed=lambda o: _return_in(o, R.REQUESTED),
        perform=lambda o, data, by: return_decide(
            o.return_request, accept=True, message=data["message"], by=by
        ),
        message=_("Return accepted. The buyer and the artists have been emailed."),
    ),
    "return-decline": OrderAction(
        label=_("Decline the return"),
        form_class=ReturnDeclineForm,
        allowed=lambda o: _return_in(o, R.REQUESTED),
        perform=lambda o, data, by: return_decide(
            o.return_request, accept=False, message=data["message"], by=by
        ),
        message=_("Return declined. The buyer and the artists have been emailed."),
        danger=True,
    ),
    "return-receive": OrderAction(
        label=_("The returned works have arrived: refund the buyer"),
        form_class=ReturnReceiveForm,
        allowed=lambda o: _return_in(o, R.ACCEPTED),
        perform=_receive,
        message=_("Return received and the order refunded. The buyer and the artists have been emailed."),
        danger=True,
    ),
}
