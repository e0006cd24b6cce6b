from django import template
from django.utils.translation import get_language

from gallery.ratings import Rating, artwork_rating_get

from ..money import money_format
from ..policies import policy_links
from ..selectors_reviews import artist_rating, artwork_rating
from ..views.buyer import artwork_shop_context

register = template.Library()


@register.simple_tag
def money(amount, currency):
    """{% money order.total order.currency %} → "1,550 TJS"."""
    if amount is None or not currency:
        return ""
    return money_format(int(amount), currency)


@register.filter
def tjs(amount):
    """{{ offer.price_amount|tjs }} for amounts in somoni diram."""
    if amount is None:
        return ""
    return money_format(int(amount), "TJS")


@register.inclusion_tag("shop/_artwork_sale.html", takes_context=True)
def artwork_sale(context, artwork):
    """What of a work is on sale and the "Ask the artist" form, for the work's page. The
    gallery's template asks for it here, so the gallery's code never imports the shop."""
    request = context["request"]
    return {
        "artwork": artwork,
        "request": request,
        "csrf_token": context.get("csrf_token"),
        **artwork_shop_context(request, artwork),
    }


@register.simple_tag
def policies():
    """The policies (terms of sale, privacy, returns, shipping) in the active language, with
    full addresses, for order emails and pages: {% policies as links %}."""
    return policy_links(get_language())


@register.inclusion_tag("shop/_reviews.html", takes_context=True)
def artwork_reviews(context, artwork):
    """Buyers' published reviews of a work, with their average and count, for its page."""
    if hasattr(artwork, "review_count"):  # the work's page: annotated, read at most once
        rating = artwork_rating_get(artwork) or Rating(count=0, average=None)
    else:
        rating = artwork_rating(artwork.pk)
    return _reviews_context(context, rating, show_titles=False)


@register.inclusion_tag("shop/_reviews.html", takes_context=True)
def artist_reviews(context, artist):
    """Buyers' published reviews of all an artist's works, for her portfolio."""
    return _reviews_context(context, artist_rating(artist.pk), show_titles=True)


def _reviews_context(context, rating, *, show_titles: bool) -> dict:
    request = context.get("request")
    return {
        "rating": rating,
        "show_titles": show_titles,
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "back": request.get_full_path() if request is not None else "/",
    }
