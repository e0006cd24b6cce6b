"""Reviews: the buyer writes one per delivered work from her order page, the artist answers
in her studio, and anyone may report a published review."""

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from artists.permissions import artist_required
from heritage.ratelimit import rate_limited

from ..forms_reviews import ReviewAnswerForm, ReviewForm, ReviewReportForm
from ..models import Review
from ..selectors import order_get_by_token
from ..selectors_reviews import reviews_for_artist
from ..selectors_studio import studio_shop_counts
from ..services.reviews import ReviewError, review_answer, review_check, review_create, review_report


class SeeOther(HttpResponseRedirect):
    status_code = 303


@rate_limited("checkout")
def review_write(request, token, line):
    """Her rating and words about one work of her delivered order (by its secret link; an
    account's order only from that account)."""
    order = order_get_by_token(token)
    if order is None:
        raise Http404
    item = order.lines.filter(pk=line).first()
    if item is None:
        raise Http404
    back = SeeOther(reverse("shop:order-detail", kwargs={"token": order.token}))
    if order.user_id is not None and request.user.pk != order.user_id:
        messages.error(request, _("Please sign in with the account that placed this order to review it."))
        return back
    try:
        review_check(item)
    except ReviewError as error:
        messages.error(request, error.message)
        return back
    form = ReviewForm(request.POST or None, request.FILES or None, line=item, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                review_create(
                    item,
                    rating=form.cleaned_data["rating"],
                    text=form.cleaned_data["text"],
                    photo=form.photo_save(),
                    by=request.user if request.user.is_authenticated else None,
                )
        except ReviewError as error:
            messages.error(request, error.message)
            return back
        messages.success(request, _("Thank you for your review. It will appear once an editor has read it."))
        return back
    response = render(request, "shop/review_form.html", {"order": order, "line": item, "form": form})
    response["X-Robots-Tag"] = "noindex"
    return response


@require_POST
@rate_limited("checkout")
def review_report_view(request, pk):
    """Report a published review; an editor reads the reason."""
    review = get_object_or_404(Review.objects.published(), pk=pk)
    form = ReviewReportForm(request.POST)
    if form.is_valid():
        try:
            review_report(review, reason=form.cleaned_data["reason"])
        except ReviewError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Thank you. An editor will look at this review."))
    else:
        messages.error(request, _("Please say what is wrong with this review."))
    back = request.POST.get("back", "")
    safe = url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=False)
    return SeeOther(back if safe and back.startswith("/") else "/")


@artist_required(approved=True)
def studio_reviews(request):
    """Buyers' published reviews of her works; she may answer each once."""
    if request.method == "POST":
        form = ReviewAnswerForm(request.POST)
        if form.is_valid():
            review = get_object_or_404(
                Review.objects.published(), pk=form.cleaned_data["review"], artist=request.artist
            )
            try:
                review_answer(review, artist=request.artist, text=form.cleaned_data["answer"])
            except ReviewError as error:
                messages.error(request, error.message)
            else:
                messages.success(request, _("Your answer is published under the review."))
        return SeeOther(reverse("shop_studio:reviews"))
    return render(
        request,
        "shop/studio/reviews.html",
        {
            "reviews": reviews_for_artist(request.artist),
            "studio_section": "reviews",
            "studio_counts": studio_shop_counts(artist=request.artist),
        },
    )
