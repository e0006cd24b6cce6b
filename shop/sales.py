"""The shop's answer to the gallery's one question (`gallery.sales`): each work's lowest
TJS price one can buy now and whether it is for sale, sold or not for sale, registered in
`ShopConfig.ready()`."""

from django.db.models import Case, CharField, Exists, IntegerField, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce

from gallery.sales import Availability

from .models import Offer


def artwork_sale_annotate(queryset):
    """A work is for sale while an active offer has stock, sold once an offer's stock went to
    orders, otherwise not for sale; `price_from` is the lowest buyable TJS price (diram),
    `price_listed` the same or, when nothing is left to buy, the lowest TJS price it sold at."""
    buyable = Offer.objects.filter(artwork=OuterRef("pk"), active=True, stock__gt=0)
    sold = Offer.objects.filter(artwork=OuterRef("pk"), stock=0, order_lines__isnull=False)
    lowest = buyable.filter(currency="TJS").order_by("price_amount").values("price_amount")[:1]
    sold_at = sold.filter(currency="TJS").order_by("price_amount").values("price_amount")[:1]
    return queryset.annotate(
        price_from=Subquery(lowest, output_field=IntegerField()),
        price_listed=Coalesce(
            Subquery(lowest, output_field=IntegerField()), Subquery(sold_at, output_field=IntegerField())
        ),
        availability=Case(
            When(Exists(buyable), then=Value(Availability.FOR_SALE)),
            When(Exists(sold), then=Value(Availability.SOLD)),
            default=Value(Availability.NOT_FOR_SALE),
            output_field=CharField(),
        ),
    )
