"""What the gallery asks the shop: each work's lowest price on offer and whether it is for
sale, sold or not for sale.

The shop sits above the gallery, so the gallery names none of its models or fields: the shop
registers one annotation in `ShopConfig.ready()` (`artwork_sale_register`), and browsing,
filtering and sorting read only the two names it adds.
"""

from collections.abc import Callable

from django.db.models import CharField, IntegerField, QuerySet, Value
from django.utils.translation import gettext_lazy as _


class Availability:
    FOR_SALE = "for-sale"
    SOLD = "sold"
    NOT_FOR_SALE = "not-for-sale"
    choices = [
        (FOR_SALE, _("For sale")),
        (SOLD, _("Sold")),
        (NOT_FOR_SALE, _("Not for sale")),
    ]


# Adds `price_from` (the lowest TJS price one can buy now, in diram; None if nothing can be
# bought), `availability` (an `Availability` value) and `price_listed` (the TJS price to tell
# search engines: `price_from`, or once sold the price it sold at) to a queryset of artworks.
SaleAnnotation = Callable[[QuerySet], QuerySet]

_sale_annotation: SaleAnnotation | None = None


def artwork_sale_register(annotate: SaleAnnotation) -> None:
    global _sale_annotation
    _sale_annotation = annotate


def artworks_with_sale(queryset: QuerySet) -> QuerySet:
    """`queryset` with `price_from`, `availability` and `price_listed`; with no shop
    registered, nothing is for sale."""
    if _sale_annotation is None:
        return queryset.annotate(
            price_from=Value(None, output_field=IntegerField()),
            price_listed=Value(None, output_field=IntegerField()),
            availability=Value(Availability.NOT_FOR_SALE, output_field=CharField()),
        )
    return _sale_annotation(queryset)
