"""The facet SQL of the gallery: each work's size class, price band and availability as
annotations, so filters and their counts are plain conditions in one aggregate query."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Case, CharField, DecimalField, Q, Value, When
from django.db.models.functions import Coalesce, Greatest

from gallery.sales import artworks_with_sale

from .filters import LARGE_ABOVE_CM, PRICE_BANDS, SMALL_BELOW_CM, Size


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


def artworks_with_size(queryset):
    """Each work's size class from its longest side (width, height or depth)."""
    cm = DecimalField(max_digits=6, decimal_places=1)
    longest = Greatest(
        *(
            Coalesce(name, Value(Decimal(0)), output_field=cm)
            for name in ("width_cm", "height_cm", "depth_cm")
        ),
        output_field=cm,
    )
    return queryset.annotate(
        longest_cm=longest,
        size_class=Case(
            When(longest_cm__lte=0, then=Value("")),
            When(longest_cm__lt=SMALL_BELOW_CM, then=Value(Size.SMALL)),
            When(longest_cm__lte=LARGE_ABOVE_CM, then=Value(Size.MEDIUM)),
            default=Value(Size.LARGE),
            output_field=CharField(),
        ),
    )


def artworks_with_price(queryset):
    """Each work's lowest price on offer and whether it is for sale (asked of the shop, see
    `gallery.sales`), and the price band that price falls in."""
    bands = [
        When(
            (Q(price_from__gte=low) if low is not None else Q())
            & (Q(price_from__lt=high) if high is not None else Q()),
            then=Value(value),
        )
        for value, low, high, _label in PRICE_BANDS
    ]
    return artworks_with_sale(queryset).annotate(
        price_band=Case(
            When(price_from__isnull=True, then=Value("")), *bands, default=Value(""), output_field=CharField()
        )
    )


def facet_q(facet: str, value) -> Q:
    if facet == "price":
        return Q(price_band=value)
    if facet == "availability":
        return Q(availability=value)
    if facet == "medium":
        return Q(medium_id=value)
    if facet == "size":
        return Q(size_class=value)
    if facet == "orientation":
        return Q(orientation=value)
    # Only artists who chose to show their region match a region: filtering must never
    # reveal where an artist who keeps it private lives.
    return Q(artist__region=value, artist__show_location=True)
