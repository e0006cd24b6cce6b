"""A buyer writes to an artist about a work, and follows the conversation by its secret link.
Neither side ever sees the other's email address."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from gallery.models import Artwork, GalleryPage
from heritage.ratelimit import rate_limited

from ..forms import InquiryForm, InquiryReplyForm
from ..models import Inquiry, InquiryMessage
from ..selectors import inquiry_get_by_token
from ..services.inquiries import inquiry_create, inquiry_reply


def _artwork_url(request, artwork) -> str:
    gallery = GalleryPage.for_active_locale()
    return gallery.artwork_url(artwork, request) if gallery else ""


@rate_limited("inquiry", account="email", keep=("body",))
def inquiry_create_view(request, pk):
    """Ask the artist about a published work (a question or a commission request)."""
    artwork = Artwork.objects.published().select_related("artist").filter(pk=pk).first()
    if artwork is None:
        raise Http404
    if request.method == "POST":
        form = InquiryForm(request.POST, auto_id="inquiry-%s")
        if form.is_valid():
            data = form.cleaned_data
            inquiry = inquiry_create(
                artwork=artwork,
                name=data["name"],
                email=data["email"],
                body=data["body"],
                kind=data["kind"],
                user=request.user,
                language=get_language(),
            )
            messages.success(
                request,
                _(
                    "Thank you. Your message is on its way to %(name)s; we will email you her answer. "
                    "Keep this page's address to follow the conversation."
                )
                % {"name": artwork.artist.display_name},
            )
            return redirect("shop:inquiry-thread", token=inquiry.token)
    else:
        initial = {}
        if request.user.is_authenticated:
            initial = {"name": request.user.get_full_name(), "email": request.user.email}
        form = InquiryForm(initial=initial, auto_id="inquiry-%s")
    return render(
        request,
        "shop/inquiry_form.html",
        {"form": form, "artwork": artwork, "artwork_url": _artwork_url(request, artwork)},
    )


def _thread(request, token: str) -> str:
    return f"thread:{token}"


@rate_limited("inquiry-reply", account=_thread, keep=("body",))
def inquiry_thread(request, token):
    """The conversation by its secret link, and her answer to the artist."""
    inquiry = inquiry_get_by_token(token)
    if inquiry is None:
        raise Http404
    open_ = inquiry.status != Inquiry.Status.CLOSED
    form = InquiryReplyForm(request.POST if request.method == "POST" and open_ else None)
    if form.is_bound and form.is_valid():
        inquiry_reply(inquiry, sender=InquiryMessage.Sender.BUYER, body=form.cleaned_data["body"])
        messages.success(request, _("Your message is on its way to the artist."))
        return redirect("shop:inquiry-thread", token=inquiry.token)
    response = render(
        request,
        "shop/inquiry_thread.html",
        {
            "inquiry": inquiry,
            "form": form if open_ else None,
            "artwork_url": _artwork_url(request, inquiry.artwork) if inquiry.artwork else "",
        },
    )
    response["X-Robots-Tag"] = "noindex"
    return response
