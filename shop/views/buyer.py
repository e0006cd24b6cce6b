"""What a buyer does: fill her cart, check out, pay, and follow her orders by their secret links.
Prices, fees and totals always come from the offers on the server, never from the form."""

import contextlib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from heritage.ratelimit import client_ip, rate_limited

from ..forms import CartAddForm, CartRemoveForm, CartUpdateForm, CheckoutForm, DestinationForm, InquiryForm
from ..models import Offer, Order
from ..payments import PaymentError, PaymentOutcomeUnknown, gateway_for
from ..policies import policy_links, terms_current
from ..selectors import (
    artwork_sale,
    cart_view,
    offers_buyable_ids,
    order_card_payment_state,
    order_get_by_token,
    order_list_for_user,
)
from ..selectors_reviews import order_lines_reviewable
from ..services import (
    BuyerDetails,
    CheckoutError,
    PaymentInProgress,
    SoldOut,
    TermsChanged,
    TransitionNotAllowed,
    cart_add,
    cart_clear,
    cart_get,
    cart_items,
    cart_remove,
    cart_set_quantity,
    order_cancel,
    order_create,
)
from ..services.returns import return_may_request, return_window_end

# Where she said the works go, so the cart can show the shipping fee on her next visit.
COUNTRY_KEY = "shop_country"
# Her checkout details, kept when a work sold out under her so she need not type them again.
DETAILS_KEY = "shop_checkout_details"
KEPT_FIELDS = [name for name in CheckoutForm.base_fields if name not in {"terms_accepted", "terms_revision"}]


class SeeOther(HttpResponseRedirect):
    status_code = 303


def artwork_shop_context(request, artwork) -> dict:
    """For a work's page: what is on sale, and the "Ask the artist" form (prefilled for her)."""
    initial = {}
    if request.user.is_authenticated:
        initial = {"name": request.user.get_full_name(), "email": request.user.email}
    return {"sale": artwork_sale(artwork), "inquiry_form": InquiryForm(initial=initial, auto_id="inquiry-%s")}


def _available_items(request, cart) -> tuple[list, bool]:
    """The cart's items that can still be bought, and whether the cart had to change. A work
    sold (or withdrawn) meanwhile leaves the cart with a message; a print quantity above what
    is left is lowered to it."""
    items = cart_items(cart)
    buyable = offers_buyable_ids(item.offer_id for item in items)
    kept, changed = [], False
    for item in items:
        title = item.offer.artwork.title
        if item.offer_id not in buyable:
            cart_remove(cart, item.offer_id)
            changed = True
            messages.warning(
                request,
                _("Sorry, “%(title)s” has just been sold and is no longer in your cart.") % {"title": title},
            )
            continue
        if item.quantity > item.offer.stock:
            cart_set_quantity(cart, item.offer_id, item.offer.stock)
            item.quantity = item.offer.stock
            changed = True
            messages.warning(
                request,
                _("Only %(count)s prints of “%(title)s” are left; your cart now holds that many.")
                % {"count": item.offer.stock, "title": title},
            )
        kept.append(item)
    return kept, changed


def _country(request) -> str:
    form = DestinationForm(request.GET)
    if "country" in request.GET and form.is_valid():
        request.session[COUNTRY_KEY] = form.cleaned_data["country"]
    return request.session.get(COUNTRY_KEY, "")


def cart(request):
    """The cart: works, quantities of prints, and the shipping fee once she says where to."""
    current = cart_get(request)
    items, _changed = _available_items(request, current)
    country = _country(request)
    return render(
        request,
        "shop/cart.html",
        {
            "cart": cart_view(items, country),
            "destination_form": DestinationForm(initial={"country": country}),
        },
    )


@require_POST
def cart_add_view(request):
    form = CartAddForm(request.POST)
    offer = None
    if form.is_valid():
        offer = Offer.objects.select_related("artwork").filter(pk=form.cleaned_data["offer"]).first()
    if offer is None:
        messages.error(request, _("This work cannot be bought."))
        return redirect("shop:cart")
    try:
        cart_add(cart_get(request, create=True), offer, form.cleaned_data["quantity"] or 1)
    except SoldOut as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("“%(title)s” is in your cart.") % {"title": offer.artwork.title})
    return redirect("shop:cart")


@require_POST
def cart_update_view(request):
    form = CartUpdateForm(request.POST)
    current = cart_get(request)
    if current is not None and form.is_valid():
        cart_set_quantity(current, form.cleaned_data["offer"], form.cleaned_data["quantity"])
        messages.success(request, _("Your cart is updated."))
    elif current is not None:
        messages.error(request, _("Please give a number of prints between 0 and 99."))
    return redirect("shop:cart")


@require_POST
def cart_remove_view(request):
    form = CartRemoveForm(request.POST)
    current = cart_get(request)
    if current is not None and form.is_valid():
        cart_remove(current, form.cleaned_data["offer"])
        messages.success(request, _("The work is no longer in your cart."))
    return redirect("shop:cart")


def _checkout_initial(request) -> dict:
    initial = {"country": request.session.get(COUNTRY_KEY, "")}
    if request.user.is_authenticated:
        initial.update(email=request.user.email, name=request.user.get_full_name())
    initial.update(request.session.get(DETAILS_KEY, {}))
    terms = terms_current(get_language())
    initial["terms_revision"] = terms.revision_id if terms else None
    return initial


def _checkout_account(request) -> str:
    return f"user:{request.user.pk}" if request.user.is_authenticated else request.POST.get("email", "")


@rate_limited("checkout", account=_checkout_account)
def checkout(request):
    """Her details, the order summary priced by the server, and placing the order."""
    current = cart_get(request)
    items, changed = _available_items(request, current)
    if request.method != "POST":
        if not items:
            return redirect("shop:cart")
        form = CheckoutForm(initial=_checkout_initial(request), terms_url=_terms_url())
        return _checkout_render(request, form, items, form.initial.get("country", ""))

    form = CheckoutForm(request.POST, terms_url=_terms_url())
    valid = form.is_valid()
    if changed or not items:
        # She must see what changed before paying for what is left.
        _details_keep(request, form)
        return SeeOther(reverse("shop:cart"))
    if not valid:
        return _checkout_render(request, form, items, form.cleaned_data.get("country", ""))
    data = form.cleaned_data
    request.session[COUNTRY_KEY] = data["country"]
    try:
        order = order_create(
            [(item.offer_id, item.quantity) for item in items],
            BuyerDetails(**data),
            user=request.user,
            language=get_language(),
            client_address=client_ip(request),
        )
    except SoldOut as error:
        if error.offer is not None:
            cart_remove(current, error.offer.pk)
        _details_keep(request, form)
        messages.error(request, error.message)
        return SeeOther(reverse("shop:cart"))
    except TermsChanged as error:
        # Shown again with the new terms, her box unticked: she accepts what she has read.
        fresh = request.POST.copy()
        fresh.pop("terms_accepted", None)
        terms = terms_current(get_language())
        fresh["terms_revision"] = str(terms.revision_id) if terms else ""
        form = CheckoutForm(fresh, terms_url=_terms_url())
        form.is_valid()
        form.errors.pop("terms_accepted", None)
        form.add_error(None, error.message)
        return _checkout_render(request, form, items, data["country"])
    except CheckoutError as error:
        form.add_error(None, error.message)
        return _checkout_render(request, form, items, data["country"])
    cart_clear(current)
    request.session.pop(DETAILS_KEY, None)
    if order.payment_method == Order.PaymentMethod.CARD:
        return _payment_start(request, order)
    return SeeOther(_order_url(order))


def _details_keep(request, form) -> None:
    """Keep what she typed (all but the terms box) for her next visit to the checkout."""
    request.session[DETAILS_KEY] = {
        name: form.cleaned_data[name] for name in KEPT_FIELDS if name in form.cleaned_data
    }


def _terms_url() -> str:
    terms = terms_current(get_language())
    return terms.url if terms else ""


def _checkout_render(request, form, items, country):
    return render(
        request,
        "shop/checkout.html",
        {"form": form, "cart": cart_view(items, country), "terms": terms_current(get_language())},
    )


def _order_url(order, *, paid: bool = False) -> str:
    url = reverse("shop:order-detail", kwargs={"token": order.token})
    return url + "?paid=1" if paid else url


def _payment_start(request, order):
    """Send her to the card provider's page. The order is only marked paid when the provider's
    verified webhook says so, never on her coming back."""
    try:
        start = gateway_for(order).start(
            order,
            success_url=request.build_absolute_uri(_order_url(order, paid=True)),
            cancel_url=request.build_absolute_uri(_order_url(order)),
        )
    except PaymentOutcomeUnknown as error:
        messages.info(request, str(error))
        return SeeOther(_order_url(order))
    except PaymentError:
        messages.error(
            request,
            _("We could not reach the card payment service. Your order is saved: please try paying again."),
        )
        return SeeOther(_order_url(order))
    return SeeOther(start.redirect_url or _order_url(order))


def _order_or_404(token: str) -> Order:
    order = order_get_by_token(token)
    if order is None:
        raise Http404
    return order


def order_detail(request, token):
    """Her order by its secret link: status history, works, address, how to pay while pending."""
    order = _order_or_404(token)
    pending = order.status == Order.Status.PENDING_PAYMENT
    card = order.payment_method == Order.PaymentMethod.CARD
    payment = gateway_for(order).start(order) if pending and not card else None
    card_state = order_card_payment_state(order) if pending and card else "none"
    if card_state == "confirming":
        # A payment may have been made: ask the provider now rather than keep her waiting.
        with contextlib.suppress(PaymentError):
            gateway_for(order).reconcile(order)
        order.refresh_from_db()
        pending = order.status == Order.Status.PENDING_PAYMENT
        card_state = order_card_payment_state(order) if pending else "none"
    tracking = [line for line in order.lines.all() if line.tracking_number]
    response = render(
        request,
        "shop/order_detail.html",
        {
            "order": order,
            "pending": pending,
            "card": card,
            "confirming": pending and card and (request.GET.get("paid") == "1" or card_state == "confirming"),
            "continue_payment": card_state == "open",
            "payment": payment,
            "tracking": tracking,
            "policies": policy_links(get_language()),
            "return_request": getattr(order, "return_request", None),
            "may_return": return_may_request(order),
            "return_until": return_window_end(order),
            "reviewable": order_lines_reviewable(order),
        },
    )
    response["X-Robots-Tag"] = "noindex"
    return response


@require_POST
def order_pay(request, token):
    """Try the card payment again for a pending card order (after a failure or a cancel)."""
    order = _order_or_404(token)
    if order.status != Order.Status.PENDING_PAYMENT or order.payment_method != Order.PaymentMethod.CARD:
        return SeeOther(_order_url(order))
    return _payment_start(request, order)


@require_POST
def order_cancel_view(request, token):
    """She cancels her unpaid order; the works go back on sale."""
    order = _order_or_404(token)
    try:
        order_cancel(order, by=request.user if request.user.is_authenticated else None, source="buyer")
    except PaymentInProgress as error:
        messages.error(request, error.message)
    except TransitionNotAllowed:
        messages.error(request, _("Only an order that is not paid yet can be cancelled."))
    else:
        messages.success(request, _("Your order is cancelled."))
    return SeeOther(_order_url(order))


@login_required
def order_list(request):
    """The orders she placed while signed in."""
    return render(request, "shop/order_list.html", {"orders": order_list_for_user(request.user)})
