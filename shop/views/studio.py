"""The artist's shop in her studio: what of each work is for sale and at what price, the
orders she must post, her earnings and payouts, and buyers' questions.

Only an approved artist gets in, and every row is found through `shop.selectors_studio`,
which starts from her profile: another artist's work, order, line or conversation is a 404.
The buyer's email address never reaches these pages; name, address and phone only once the
order is paid, because she needs them to post the parcel.
"""

from django.contrib import messages
from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from artists.permissions import artist_required
from gallery.selectors.studio import artwork_get_for_artist
from heritage.ratelimit import rate_limited, signed_in_user

from .. import selectors_studio as selectors
from ..forms_studio import CARRIERS, InquiryReplyForm, LineShipForm, OfferForm
from ..models import Inquiry, InquiryMessage, Offer, Order
from ..services import TransitionNotAllowed, line_ship
from ..services.inquiries import inquiries_for_artist, inquiry_close, inquiry_reply

studio_view = artist_required(approved=True)


def _page(request, template: str, section: str, **context):
    context.update(
        studio_section=section,
        studio_counts=selectors.studio_shop_counts(artist=request.artist),
    )
    return render(request, template, context)


def _found(value):
    if value is None:
        raise Http404
    return value


# Offers -------------------------------------------------------------------------------------


def _artwork(request, pk: int):
    return _found(artwork_get_for_artist(artist=request.artist, pk=pk))


def _offers_url(artwork) -> str:
    return reverse("shop_studio:offers", kwargs={"pk": artwork.pk})


@studio_view
def offer_list(request, pk: int):
    """What of this work is for sale, and the ways to sell more of it."""
    artwork = _artwork(request, pk)
    offers = list(selectors.offer_list_for_artwork(artwork=artwork))
    return _page(
        request,
        "shop/studio/offers.html",
        "artworks",
        artwork=artwork,
        offers=offers,
        has_original=any(offer.is_original for offer in offers),
        original_sold=selectors.original_is_sold(artwork=artwork),
    )


def _offer_form_page(request, artwork, form, offer=None):
    return _page(request, "shop/studio/offer_form.html", "artworks", artwork=artwork, form=form, offer=offer)


@studio_view
def offer_create(request, pk: int, kind: str):
    """Put the original or a print edition of her work on sale."""
    artwork = _artwork(request, pk)
    if kind not in Offer.Kind.values:
        raise Http404
    existing = artwork.offers.filter(kind=Offer.Kind.ORIGINAL).first()
    if kind == Offer.Kind.ORIGINAL and existing is not None:
        return redirect("shop_studio:offer-edit", pk=artwork.pk, offer_pk=existing.pk)
    form = OfferForm(request.POST or None, artwork=artwork, kind=kind)
    if request.method == "POST" and form.is_valid():
        try:
            form.save()
        except IntegrityError:
            messages.error(request, _("This work already has its original on sale."))
            return redirect(_offers_url(artwork))
        messages.success(request, _("Saved. Buyers see it once the work is published."))
        return redirect(_offers_url(artwork))
    return _offer_form_page(request, artwork, form)


@studio_view
def offer_edit(request, pk: int, offer_pk: int):
    """Change the price, stock, parcel, or whether it is on sale."""
    offer = _found(selectors.offer_get_for_artist(artist=request.artist, artwork_pk=pk, pk=offer_pk))
    artwork = _artwork(request, pk)
    form = OfferForm(request.POST or None, artwork=artwork, kind=offer.kind, instance=offer)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your changes are saved."))
        return redirect(_offers_url(artwork))
    return _offer_form_page(request, artwork, form, offer)


@studio_view
@require_POST
def offer_active(request, pk: int, offer_pk: int):
    """Take an offer off sale, or put it back (the stock is left as it is)."""
    offer = _found(selectors.offer_get_for_artist(artist=request.artist, artwork_pk=pk, pk=offer_pk))
    offer.active = request.POST.get("active") == "1"
    offer.save(update_fields=["active", "updated_at"])
    if offer.active:
        messages.success(request, _("It is on sale again."))
    else:
        messages.success(request, _("It is off sale. Buyers no longer see it."))
    return redirect(_offers_url(offer.artwork))


# Orders -------------------------------------------------------------------------------------


@studio_view
def order_list(request):
    """Her orders: those to post first, then those waiting for payment, posted, delivered."""
    return _page(
        request,
        "shop/studio/orders.html",
        "orders",
        sections=selectors.order_sections_for_artist(artist=request.artist),
        Status=Order.Status,
    )


def _order_page(request, order, bound_form=None):
    forms = []
    if order.ready_to_post:
        for line in order.her_lines:
            if line.shipped_at is None:
                forms.append(
                    bound_form if bound_form and bound_form.line.pk == line.pk else LineShipForm(line=line)
                )
    return _page(
        request,
        "shop/studio/order_detail.html",
        "orders",
        order=order,
        ship_forms=forms,
        carriers=CARRIERS,
        Status=Order.Status,
    )


@studio_view
def order_detail(request, pk: int):
    """One order, with only her lines; the address once it is paid; a form per parcel to post."""
    order = _found(selectors.order_get_for_artist(artist=request.artist, pk=pk))
    return _order_page(request, order)


@studio_view
@require_POST
def line_ship_view(request, pk: int):
    """She posted one of her lines: record the carrier and tracking number. When every line
    of the order is posted, the order is shipped and the buyer is emailed."""
    line = _found(selectors.order_line_get_for_artist(artist=request.artist, pk=pk))
    order_url = reverse("shop_studio:order-detail", kwargs={"pk": line.order_id})
    if line.shipped_at is not None:
        messages.info(request, _("You have already marked this work as posted."))
        return redirect(order_url)
    form = LineShipForm(request.POST, line=line)
    if not form.is_valid():
        order = _found(selectors.order_get_for_artist(artist=request.artist, pk=line.order_id))
        return _order_page(request, order, bound_form=form)
    try:
        line_ship(line, **form.cleaned_data)
    except TransitionNotAllowed as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("Thank you! The parcel is marked as posted."))
    return redirect(order_url)


# Earnings -----------------------------------------------------------------------------------


@studio_view
def earnings(request):
    """What she has earned: waiting for delivery, ready to be paid, paid; her payouts, her
    ledger lines, and a year of monthly sales."""
    artist = request.artist
    return _page(
        request,
        "shop/studio/earnings.html",
        "earnings",
        artist=artist,
        balances=selectors.balances_for_artist(artist=artist),
        payouts=selectors.payout_list_for_artist(artist=artist),
        entries=selectors.ledger_list_for_artist(artist=artist),
        months=selectors.sales_by_month(artist=artist),
    )


# Messages -----------------------------------------------------------------------------------


@studio_view
def inquiry_list(request):
    """Buyers' questions and commission requests, the newest activity first."""
    return _page(
        request,
        "shop/studio/inquiries.html",
        "inquiries",
        inquiries=inquiries_for_artist(request.artist),
        Status=Inquiry.Status,
    )


@studio_view
@rate_limited("studio-reply", account=signed_in_user, keep=("body",))
def inquiry_detail(request, pk: int):
    """One conversation, and her answer (emailed to the buyer after it is saved)."""
    inquiry = _found(selectors.inquiry_get_for_artist(artist=request.artist, pk=pk))
    form = InquiryReplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        inquiry_reply(inquiry, sender=InquiryMessage.Sender.ARTIST, body=form.cleaned_data["body"])
        messages.success(request, _("Your answer is sent."))
        return redirect("shop_studio:inquiry-detail", pk=inquiry.pk)
    return _page(
        request,
        "shop/studio/inquiry_detail.html",
        "inquiries",
        inquiry=inquiry,
        form=form,
        Sender=InquiryMessage.Sender,
        Status=Inquiry.Status,
    )


@studio_view
@require_POST
def inquiry_close_view(request, pk: int):
    """Nothing more to say: the conversation leaves her list of questions to answer."""
    inquiry = _found(selectors.inquiry_get_for_artist(artist=request.artist, pk=pk))
    inquiry_close(inquiry)
    messages.success(request, _("The conversation is closed."))
    return redirect("shop_studio:inquiries")
