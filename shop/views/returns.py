"""The buyer asks to return a delivered order from her order page (by its secret link; an
order placed from an account only when signed in to that account)."""

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from heritage.ratelimit import rate_limited

from ..forms_returns import ReturnRequestForm
from ..selectors import order_get_by_token
from ..services.returns import ReturnError, return_check, return_request_create


class SeeOther(HttpResponseRedirect):
    status_code = 303


def _may_act(request, order) -> bool:
    """A guest's order is hers who holds the link; an account's order is that account's."""
    return order.user_id is None or (request.user.is_authenticated and request.user.pk == order.user_id)


@rate_limited("checkout")
def order_return(request, token):
    """Her reason and photos. Refused, with the reason, outside the returns window, a second
    time, or from another account; the photos are decoded only once the rest is right."""
    order = order_get_by_token(token)
    if order is None:
        raise Http404
    back = SeeOther(reverse("shop:order-detail", kwargs={"token": order.token}))
    if not _may_act(request, order):
        messages.error(
            request, _("Please sign in with the account that placed this order to ask for a return.")
        )
        return back
    try:
        return_check(order)
    except ReturnError as error:
        messages.error(request, error.message)
        return back
    form = ReturnRequestForm(request.POST or None, request.FILES or None, order=order, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                return_request_create(
                    order,
                    reason=form.cleaned_data["reason"],
                    images=form.images_save(),
                    by=request.user if request.user.is_authenticated else None,
                )
        except ReturnError as error:
            messages.error(request, error.message)
            return back
        messages.success(
            request, _("Thank you. We have your request and will answer within two working days.")
        )
        return back
    response = render(request, "shop/order_return.html", {"order": order, "form": form})
    response["X-Robots-Tag"] = "noindex"
    return response
